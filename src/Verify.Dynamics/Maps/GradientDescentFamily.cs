using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Maps;

/// <summary>
/// The gradient-descent maps F_η(θ) = θ − η∇L(θ) of an objective as a family in the step η, which has
/// the point's number type: an exact rational with <see cref="MapOperations.At"/> (η = 11/10, not the
/// double 1.1 that <see cref="GradientDescentMap"/> takes), or an unknown of an augmented system.
/// </summary>
public sealed class GradientDescentFamily(Objective objective) : IParametricMap
{
    public Objective Objective { get; } = objective;

    public int Dimension => Objective.Dimension;

    public T[] Apply<T>(ReadOnlySpan<T> x, T eta) where T : IScalar<T> => GradientDescent.Step(Objective, x, eta);
}
