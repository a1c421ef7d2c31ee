using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Maps;

/// <summary>
/// A family of maps F_η: ℝⁿ → ℝⁿ with one real parameter η, written once over any
/// <see cref="IScalar{T}"/>. The parameter has the same number type as the point, so it can be an
/// exact constant (<see cref="MapOperations.At"/>) or an unknown of an augmented system (the η at
/// which a condition holds with equality).
/// </summary>
public interface IParametricMap
{
    int Dimension { get; }

    T[] Apply<T>(ReadOnlySpan<T> x, T parameter) where T : IScalar<T>;
}
