using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Maps;

/// <summary>F_η(θ) = θ − η∇L(θ) as an <see cref="IMap"/> (η is exact in rationals: a double is dyadic).</summary>
public sealed class GradientDescentMap(Objective objective, double eta) : IMap
{
    public Objective Objective { get; } = objective;
    public double Eta { get; } = eta;
    public int Dimension => Objective.Dimension;

    public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => GradientDescent.Step(Objective, x, T.FromDouble(Eta));
}
