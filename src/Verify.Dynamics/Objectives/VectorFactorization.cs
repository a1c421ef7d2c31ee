using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(a, b) = ½(aᵀb − Φ)² for a, b ∈ ℝᵈ: a depth-2 linear network with d hidden units, one input and
/// one output. The parameter vector is x = [a; b] (length 2d). Minimizers: the hyperboloid aᵀb = Φ;
/// the origin is a saddle. For d = 1, Φ = 1 this is the scalar factorization ½(1 − xy)².
/// </summary>
public sealed class VectorFactorization : Objective
{
    public VectorFactorization(int width, double target = 1)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "The width d must be at least 1.");
        if (!double.IsFinite(target)) throw new ArgumentOutOfRangeException(nameof(target), target, "The target Φ must be finite.");
        Width = width;
        Target = target;
    }

    /// <summary>d: the number of hidden units (a and b have d entries each).</summary>
    public int Width { get; }

    /// <summary>Φ: the product aᵀb of every minimizer.</summary>
    public double Target { get; }

    public override int Dimension => 2 * Width;

    /// <summary>aᵀb.</summary>
    public T Product<T>(ReadOnlySpan<T> x) where T : IScalar<T> => Scalar.Dot(x[..Width], x[Width..]);

    /// <summary>ε = aᵀb − Φ, the residual.</summary>
    public T Residual<T>(ReadOnlySpan<T> x) where T : IScalar<T> => Product(x) - T.FromDouble(Target);

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        var r = Residual(x);
        return r * r / T.FromInt(2);
    }

    /// <summary>∇L = ε[b; a].</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> x)
    {
        var r = Residual(x);
        var g = new T[Dimension];
        for (int i = 0; i < Width; i++)
        {
            g[i] = r * x[Width + i];
            g[Width + i] = r * x[i];
        }
        return g;
    }

    /// <summary>∇²L = [b; a][b; a]ᵀ + ε[[0, I], [I, 0]]: the rank-one part alone on the minimizers.</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> x)
    {
        var r = Residual(x);
        int n = Dimension;
        var h = new T[n, n];
        for (int i = 0; i < n; i++)
        {
            // [b; a] has entry b_i for i < d and a_{i−d} for i ≥ d: the partner coordinate.
            var ui = x[Partner(i)];
            for (int j = 0; j < n; j++)
                h[i, j] = ui * x[Partner(j)] + (j == Partner(i) ? r : T.FromInt(0));
        }
        return h;
    }

    private int Partner(int i) => i < Width ? i + Width : i - Width;

    /// <summary>The parameter vector [a; b].</summary>
    public static T[] Join<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"a has {a.Length} entries, b has {b.Length}.");
        var x = new T[2 * a.Length];
        a.CopyTo(x);
        b.CopyTo(x.AsSpan(a.Length));
        return x;
    }
}
