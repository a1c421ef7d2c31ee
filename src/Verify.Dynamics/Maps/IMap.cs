using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Maps;

/// <summary>
/// A map F: ℝᵈ → ℝᵈ written once over any <see cref="IScalar{T}"/>: run in doubles to iterate, in
/// <see cref="Dual{T}"/> for Jacobian columns (periodic-orbit multipliers, Lyapunov exponents), in
/// <see cref="Rational"/> for exact orbits of polynomial maps and, later, in intervals.
/// </summary>
public interface IMap
{
    int Dimension { get; }

    T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T>;
}

/// <summary>Helpers every map gets.</summary>
public static class MapExtensions
{
    /// <summary>F applied k times (stops at the first non-finite iterate, which it returns).</summary>
    public static double[] Iterate(this IMap map, ReadOnlySpan<double> x, int k)
    {
        var r = x.ToArray();
        for (int i = 0; i < k; i++)
        {
            r = Scalar.ToDoubles<Real>(map.Apply(Scalar.FromDoubles<Real>(r)));
            if (!r.All(double.IsFinite)) break;
        }
        return r;
    }

    /// <summary>F applied k times in any number type.</summary>
    public static T[] Iterate<T>(this IMap map, ReadOnlySpan<T> x, int k) where T : IScalar<T>
    {
        var r = x.ToArray();
        for (int i = 0; i < k; i++) r = map.Apply<T>(r);
        return r;
    }

    /// <summary>
    /// D(F^k)(x), the Jacobian of k applications, column by column in forward mode (d passes of
    /// <see cref="Dual{T}"/>), as a row-major d×d array.
    /// </summary>
    public static double[,] Jacobian(this IMap map, ReadOnlySpan<double> x, int k)
    {
        int d = x.Length;
        var j = new double[d, d];
        var seed = new Dual<Real>[d];
        for (int col = 0; col < d; col++)
        {
            for (int i = 0; i < d; i++) seed[i] = new Dual<Real>(x[i], i == col ? 1 : 0);
            var y = map.Iterate<Dual<Real>>(seed, k);
            for (int row = 0; row < d; row++) j[row, col] = y[row].Derivative.Value;
        }
        return j;
    }

    /// <summary>(F(x), DF(x)·v): one step and the Jacobian-vector product, in a single dual pass.</summary>
    public static (double[] Next, double[] Tangent) StepWithTangent(this IMap map, ReadOnlySpan<double> x, ReadOnlySpan<double> v)
    {
        var seed = new Dual<Real>[x.Length];
        for (int i = 0; i < seed.Length; i++) seed[i] = new Dual<Real>(x[i], v[i]);
        var y = map.Apply<Dual<Real>>(seed);
        var next = new double[y.Length];
        var tangent = new double[y.Length];
        for (int i = 0; i < y.Length; i++) { next[i] = y[i].Value.Value; tangent[i] = y[i].Derivative.Value; }
        return (next, tangent);
    }
}
