using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Differentiation;

/// <summary>
/// Jacobians of an <see cref="IMap"/> by forward-mode automatic differentiation, in any number type:
/// in <see cref="Real"/> for Newton's method, in <see cref="Interval"/> for an enclosure of DF over a
/// whole box (evaluated in Dual&lt;Interval&gt;, each column from one pass).
/// </summary>
public static class Jacobian
{
    /// <summary>J[i, j] = ∂Fᵢ/∂xⱼ at x (over the box x, for intervals).</summary>
    public static T[,] Of<T>(IMap map, ReadOnlySpan<T> x) where T : IScalar<T>
    {
        int n = x.Length;
        var j = new T[n, n];
        var xs = new Dual<T>[n];
        for (int col = 0; col < n; col++)
        {
            for (int k = 0; k < n; k++) xs[k] = k == col ? Dual<T>.Variable(x[k]) : Dual<T>.Constant(x[k]);
            var y = map.Apply<Dual<T>>(xs);
            for (int row = 0; row < n; row++) j[row, col] = y[row].Derivative;
        }
        return j;
    }

    /// <summary>The directional derivative DF(x)·v, from one pass in Dual&lt;T&gt;.</summary>
    public static T[] Times<T>(IMap map, ReadOnlySpan<T> x, ReadOnlySpan<T> v) where T : IScalar<T>
    {
        var xs = new Dual<T>[x.Length];
        for (int k = 0; k < xs.Length; k++) xs[k] = new Dual<T>(x[k], v[k]);
        var y = map.Apply<Dual<T>>(xs);
        var r = new T[y.Length];
        for (int i = 0; i < r.Length; i++) r[i] = y[i].Derivative;
        return r;
    }
}
