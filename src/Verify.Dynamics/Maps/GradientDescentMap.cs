using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Maps;

/// <summary>The gradient-descent maps F_η(θ) = θ − η∇L(θ) of an objective, as a family in the step η.</summary>
public sealed class GradientDescentMap(Objective objective) : IParametricMap
{
    public Objective Objective { get; } = objective;

    public int Dimension => Objective.Dimension;

    public T[] Apply<T>(ReadOnlySpan<T> x, T eta) where T : IScalar<T> => GradientDescent.Step(Objective, x, eta);
}
