using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Maps;

/// <summary>
/// A map ℝⁿ → ℝⁿ written once over any <see cref="IScalar{T}"/>: the same formula runs in double
/// (<see cref="Real"/>: Newton's method), in intervals (<see cref="Interval"/>: enclosures), in
/// Dual&lt;Interval&gt; (Jacobian enclosures) and in exact rationals.
/// </summary>
public interface IMap
{
    /// <summary>n: the map takes and returns n coordinates.</summary>
    int Dimension { get; }

    T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T>;
}
