using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// The matrix multiplication map μ_d(W₁, …, W_h) = W_h⋯W₁ and its first two derivatives in closed form,
/// optionally followed by a fixed right factor X (F = W_h⋯W₁X: the network applied to data). Generic, so
/// Jacobian ranks and curvature terms can be computed exactly in rationals.
/// Entry (k, c, d) of θ is (W_k)_{cd}; ∂F/∂(W_k)_{cd} = S_k[:, c]·A_{k−1}[d, :] with the suffix
/// S_k = W_h⋯W_{k+1} and the prefix A_{k−1} = W_{k−1}⋯W₁X.
/// </summary>
public static class ProductMap
{
    /// <summary>μ_d(θ) = W_h⋯W₁ (d_h×d₀).</summary>
    public static ScalarMatrix<T> Product<T>(LayerWidths w, ReadOnlySpan<T> theta) where T : IScalar<T> =>
        Apply(w, theta, ScalarMatrix<T>.Identity(w.Input));

    /// <summary>F = W_h⋯W₁X.</summary>
    public static ScalarMatrix<T> Apply<T>(LayerWidths w, ReadOnlySpan<T> theta, ScalarMatrix<T> x) where T : IScalar<T> =>
        Prefixes(w, theta, x)[w.Depth];

    /// <summary>A₀ = X, A_k = W_k A_{k−1}: index k holds W_k⋯W₁X.</summary>
    public static ScalarMatrix<T>[] Prefixes<T>(LayerWidths w, ReadOnlySpan<T> theta, ScalarMatrix<T> x) where T : IScalar<T>
    {
        if (x.Rows != w.Input) throw new ArgumentException($"X must have {w.Input} rows, got {x.Rows}.");
        var layers = w.Layers(theta);
        var a = new ScalarMatrix<T>[w.Depth + 1];
        a[0] = x;
        for (int k = 1; k <= w.Depth; k++) a[k] = layers[k - 1] * a[k - 1];
        return a;
    }

    /// <summary>S_h = I, S_k = S_{k+1} W_{k+1}: index k holds W_h⋯W_{k+1} (d_h×d_k).</summary>
    public static ScalarMatrix<T>[] Suffixes<T>(LayerWidths w, ReadOnlySpan<T> theta) where T : IScalar<T>
    {
        var layers = w.Layers(theta);
        var s = new ScalarMatrix<T>[w.Depth + 1];
        s[w.Depth] = ScalarMatrix<T>.Identity(w.Output);
        for (int k = w.Depth - 1; k >= 0; k--) s[k] = s[k + 1] * layers[k];
        return s;
    }

    /// <summary>dμ_d(θ): the d_h·d₀ × d_θ Jacobian; row i·d₀ + j is the entry (i, j) of the product.</summary>
    public static ScalarMatrix<T> Jacobian<T>(LayerWidths w, ReadOnlySpan<T> theta) where T : IScalar<T> =>
        Jacobian(w, theta, ScalarMatrix<T>.Identity(w.Input));

    /// <summary>dF(θ) for F = W_h⋯W₁X (d_h·n × d_θ; row i·n + j is F_{ij}).</summary>
    public static ScalarMatrix<T> Jacobian<T>(LayerWidths w, ReadOnlySpan<T> theta, ScalarMatrix<T> x) where T : IScalar<T>
    {
        var a = Prefixes(w, theta, x);
        var s = Suffixes(w, theta);
        int n = x.Columns;
        var cols = new (int K, int C, int D)[w.ParameterCount];
        for (int p = 0; p < cols.Length; p++) cols[p] = w.Locate(p);
        return new ScalarMatrix<T>(w.Output * n, w.ParameterCount, (row, p) =>
        {
            var (k, c, d) = cols[p];
            return s[k][row / n, c] * a[k - 1][d, row % n];
        });
    }

    /// <summary>
    /// Σ_{ij} G_{ij} ∂²F_{ij}/∂θ∂θ (d_θ×d_θ): the second derivative of F contracted with a weight G (d_h×n).
    /// F is linear in each layer, so blocks (k, k) vanish; for k &lt; l the entry at (k, c, d), (l, a, b) is
    /// (S_lᵀ G A_{k−1}ᵀ)_{ad} · (W_{l−1}⋯W_{k+1})_{bc}.
    /// </summary>
    public static ScalarMatrix<T> Curvature<T>(LayerWidths w, ReadOnlySpan<T> theta, ScalarMatrix<T> x, ScalarMatrix<T> g) where T : IScalar<T>
    {
        if (g.Rows != w.Output || g.Columns != x.Columns) throw new ArgumentException($"G must be {w.Output}×{x.Columns}, got {g.Rows}×{g.Columns}.");
        var a = Prefixes(w, theta, x);
        var s = Suffixes(w, theta);
        var layers = w.Layers(theta);
        int h = w.Depth;
        // weighted[k, l] = S_lᵀ G A_{k−1}ᵀ (d_l×d_{k−1}); middle[k, l] = W_{l−1}⋯W_{k+1} (d_{l−1}×d_k).
        var weighted = new ScalarMatrix<T>?[h + 1, h + 1];
        var middle = new ScalarMatrix<T>?[h + 1, h + 1];
        for (int k = 1; k <= h; k++)
        {
            var m = ScalarMatrix<T>.Identity(w[k]);
            for (int l = k + 1; l <= h; l++)
            {
                middle[k, l] = m;
                weighted[k, l] = s[l].Transpose() * g * a[k - 1].Transpose();
                m = layers[l - 1] * m;
            }
        }
        int dim = w.ParameterCount;
        var cols = new (int K, int R, int C)[dim];
        for (int p = 0; p < dim; p++) cols[p] = w.Locate(p);
        T zero = T.FromInt(0);
        return new ScalarMatrix<T>(dim, dim, (p, q) =>
        {
            var (k, c, d) = cols[p];
            var (l, ar, b) = cols[q];
            if (k == l) return zero;
            if (k > l) { (k, c, d, l, ar, b) = (l, ar, b, k, c, d); }
            return weighted[k, l]![ar, d] * middle[k, l]![b, c];
        });
    }
}
