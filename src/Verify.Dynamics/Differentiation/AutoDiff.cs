using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Differentiation;

/// <summary>
/// Forward-mode automatic differentiation of an <see cref="Objective"/>: gradients with
/// <see cref="Dual{T}"/> (d passes), Hessians with nested duals (d(d+1)/2 passes), and
/// derivatives of any order of a 1-D function with <see cref="Taylor{T}"/>.
/// </summary>
public static class AutoDiff
{
    public static T[] Gradient<T>(Objective f, ReadOnlySpan<T> x) where T : IScalar<T>
    {
        int d = x.Length;
        var g = new T[d];
        var xs = new Dual<T>[d];
        for (int i = 0; i < d; i++)
        {
            for (int k = 0; k < d; k++) xs[k] = k == i ? Dual<T>.Variable(x[k]) : Dual<T>.Constant(x[k]);
            g[i] = f.Value<Dual<T>>(xs).Derivative;
        }
        return g;
    }

    public static T[,] Hessian<T>(Objective f, ReadOnlySpan<T> x) where T : IScalar<T>
    {
        int d = x.Length;
        var h = new T[d, d];
        var xs = new Dual<Dual<T>>[d];
        T zero = T.FromInt(0), one = T.FromInt(1);
        for (int i = 0; i < d; i++)
            for (int j = i; j < d; j++)
            {
                // Outer ε seeds direction i, inner ε seeds direction j: the εε part is ∂²L/∂xᵢ∂xⱼ.
                for (int k = 0; k < d; k++)
                    xs[k] = new Dual<Dual<T>>(
                        new Dual<T>(x[k], k == j ? one : zero),
                        new Dual<T>(k == i ? one : zero, zero));
                var v = f.Value<Dual<Dual<T>>>(xs);
                h[i, j] = h[j, i] = v.Derivative.Derivative;
            }
        return h;
    }

    /// <summary>f(x), f′(x), …, f⁽ᵒʳᵈᵉʳ⁾(x) of a function of one variable.</summary>
    public static T[] Derivatives<T>(Func<Taylor<T>, Taylor<T>> f, T x, int order) where T : IScalar<T>
    {
        var series = f(Taylor<T>.Variable(x, order));
        var r = new T[order + 1];
        for (int k = 0; k <= order; k++) r[k] = series.Derivative(k);
        return r;
    }

    /// <summary>Derivatives along the single coordinate of a 1-D objective.</summary>
    public static T[] Derivatives<T>(Objective f, T x, int order) where T : IScalar<T>
    {
        if (f.Dimension != 1) throw new ArgumentException($"Derivatives of order k need a 1-D objective; this one has dimension {f.Dimension}.", nameof(f));
        return Derivatives<T>(t => f.Value<Taylor<T>>([t]), x, order);
    }

    /// <summary>Directional derivatives of order 0..order of L at x along v: d^k/ds^k L(x + s v) at s = 0.</summary>
    public static T[] DirectionalDerivatives<T>(Objective f, ReadOnlySpan<T> x, ReadOnlySpan<T> v, int order) where T : IScalar<T>
    {
        var x0 = x.ToArray(); var dir = v.ToArray();
        return Derivatives<T>(s =>
        {
            var pts = new Taylor<T>[x0.Length];
            for (int i = 0; i < pts.Length; i++) pts[i] = Taylor<T>.Constant(x0[i]) + Taylor<T>.Constant(dir[i]) * s;
            return f.Value<Taylor<T>>(pts);
        }, T.FromInt(0), order);
    }
}
