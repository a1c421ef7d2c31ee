namespace Verify.Dynamics.Tests.Maps;

/// <summary>The logistic map x ↦ r x(1 − x): cycles, multipliers and Lyapunov exponents known in closed form.</summary>
internal sealed class LogisticMap(double r) : IMap
{
    public int Dimension => 1;
    public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromDouble(r) * x[0] * (T.FromInt(1) - x[0])];
}
