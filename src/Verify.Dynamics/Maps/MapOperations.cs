using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Maps;

/// <summary>Maps built from maps: a family at a fixed parameter, iterates F^p, and the residual F(x) − x whose zeros are fixed points.</summary>
public static class MapOperations
{
    /// <summary>F_η at an exact parameter value (η = 11/10 is one point, not the double 1.1).</summary>
    public static IMap At(this IParametricMap family, Rational parameter) => new FixedParameter(family, parameter);

    /// <summary>F^p = F ∘ ⋯ ∘ F (p ≥ 1 times).</summary>
    public static IMap Iterated(this IMap map, int times) =>
        times >= 1 ? new Iterate(map, times) : throw new ArgumentOutOfRangeException(nameof(times), times, "Iterate at least once.");

    /// <summary>G(x) = F(x) − x: its zeros are the fixed points of F.</summary>
    public static IMap FixedPointResidual(this IMap map) => new Residual(map);

    private sealed class FixedParameter(IParametricMap family, Rational parameter) : IMap
    {
        public int Dimension => family.Dimension;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => family.Apply(x, ExactScalars.FromRational<T>(parameter));
    }

    private sealed class Iterate(IMap map, int times) : IMap
    {
        public int Dimension => map.Dimension;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => map.Iterate(x, times);
    }

    private sealed class Residual(IMap map) : IMap
    {
        public int Dimension => map.Dimension;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T>
        {
            var y = map.Apply(x);
            for (int i = 0; i < y.Length; i++) y[i] -= x[i];
            return y;
        }
    }
}
