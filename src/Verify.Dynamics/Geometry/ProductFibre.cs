using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// The fibre M = μ_d⁻¹(W̄) of the product map over a matrix W̄ — for a deep linear network, the set of its
/// global minimizers (W̄ = the optimal product). Points of M are made by factorizing W̄ across the layers
/// (a chain of padded identities around a rank factorization) and moving along the gauge orbit
/// W_k ↦ G_k W_k G_{k−1}⁻¹ (G₀ = I, G_h = I, G_k invertible), which keeps the product fixed.
/// </summary>
public sealed class ProductFibre
{
    public ProductFibre(LayerWidths widths, Matrix<double> product)
    {
        if (product.RowCount != widths.Output || product.ColumnCount != widths.Input)
            throw new ArgumentException($"The product must be {widths.Output}×{widths.Input}, got {product.RowCount}×{product.ColumnCount}.");
        Widths = widths; Product = product.Clone();
        var svd = product.Svd(computeVectors: true);
        Rank = Math.Min(widths.Bottleneck, Analysis.SpectralGap.Of(svd.S).Rank);
        // Balanced rank factorization C·R = W̄ from the SVD: C = U_ρΣ_ρ^½, R = Σ_ρ^½V_ρᵀ.
        var c = Matrix<double>.Build.Dense(widths.Output, Rank, (i, s) => svd.U[i, s] * Math.Sqrt(svd.S[s]));
        var r = Matrix<double>.Build.Dense(Rank, widths.Input, (s, j) => Math.Sqrt(svd.S[s]) * svd.VT[s, j]);
        _base = Chain(widths, ScalarMatrix<Real>.FromMatrix(c), ScalarMatrix<Real>.FromMatrix(r)).Select(v => v.Value).ToArray();
    }

    /// <summary>The global minimizers of a deep linear network: the fibre over its optimal product.</summary>
    public static ProductFibre Of(DeepLinearNetwork net) => new(net.Widths, net.OptimalProduct());

    private readonly double[] _base;

    public LayerWidths Widths { get; }

    /// <summary>W̄: the product every point of M shares.</summary>
    public Matrix<double> Product { get; }

    /// <summary>rank W̄ (at most the bottleneck r).</summary>
    public int Rank { get; }

    /// <summary>One point of M: the chain of padded identities around the balanced factorization of W̄.</summary>
    public double[] BasePoint() => (double[])_base.Clone();

    /// <summary>
    /// θ with W₁ = P₁R, W_k = P_k P_{k−1}ᵀ, W_h = C P_{h−1}ᵀ where P_k = [I_ρ; 0] is d_k×ρ: its product is C·R.
    /// Needs ρ ≤ every hidden width. Generic, so a rational factorization gives an exact point of M.
    /// </summary>
    public static T[] Chain<T>(LayerWidths w, ScalarMatrix<T> c, ScalarMatrix<T> r) where T : IScalar<T>
    {
        int rho = c.Columns;
        if (r.Rows != rho || c.Rows != w.Output || r.Columns != w.Input)
            throw new ArgumentException($"Need C {w.Output}×ρ and R ρ×{w.Input}; got C {c.Rows}×{c.Columns}, R {r.Rows}×{r.Columns}.");
        for (int k = 1; k < w.Depth; k++)
            if (w[k] < rho) throw new ArgumentException($"Hidden width d{k} = {w[k]} is below the rank {rho}: no factorization through it.");
        if (w.Depth == 1) return w.Pack([c * r]);
        ScalarMatrix<T> P(int k) => new(w[k], rho, (i, s) => T.FromInt(i == s ? 1 : 0));
        var layers = new ScalarMatrix<T>[w.Depth];
        layers[0] = P(1) * r;
        for (int k = 2; k < w.Depth; k++) layers[k - 1] = P(k) * P(k - 1).Transpose();
        layers[w.Depth - 1] = c * P(w.Depth - 1).Transpose();
        return w.Pack(layers);
    }

    /// <summary>
    /// The gauge action W_k ↦ G_k W_k G_{k−1}⁻¹ with one invertible G_k per hidden layer (index 0 holds G₁)
    /// and its inverse supplied; G₀ and G_h are identities. The product W_h⋯W₁ is unchanged.
    /// </summary>
    public static T[] ApplyGauge<T>(LayerWidths w, ReadOnlySpan<T> theta, IReadOnlyList<ScalarMatrix<T>> gauges, IReadOnlyList<ScalarMatrix<T>> inverses) where T : IScalar<T>
    {
        if (gauges.Count != w.Depth - 1 || inverses.Count != w.Depth - 1) throw new ArgumentException($"Need {w.Depth - 1} gauges (one per hidden layer).");
        var layers = w.Layers(theta);
        for (int k = 1; k <= w.Depth; k++)
        {
            var m = layers[k - 1];
            if (k < w.Depth) m = gauges[k - 1] * m;
            if (k > 1) m = m * inverses[k - 2];
            layers[k - 1] = m;
        }
        return w.Pack(layers);
    }

    /// <summary>
    /// A random point of M: the base point moved by gauges G_k = Q_a diag(e^{s·z}) Q_b with Haar-random
    /// orthogonal Q_a, Q_b and standard normal z; s (the spread) bounds the condition number by e^{2s·max|z|}.
    /// </summary>
    public double[] Sample(Random rng, double spread)
    {
        var g = new List<ScalarMatrix<Real>>(); var gi = new List<ScalarMatrix<Real>>();
        for (int k = 1; k < Widths.Depth; k++)
        {
            int d = Widths[k];
            var qa = HaarOrthogonal.Sample(d, rng); var qb = HaarOrthogonal.Sample(d, rng);
            var z = Enumerable.Range(0, d).Select(_ => spread * Normal.Sample(rng, 0, 1)).ToArray();
            var m = qa * Matrix<double>.Build.DiagonalOfDiagonalArray(z.Select(Math.Exp).ToArray()) * qb;
            var mi = qb.Transpose() * Matrix<double>.Build.DiagonalOfDiagonalArray(z.Select(v => Math.Exp(-v)).ToArray()) * qa.Transpose();
            g.Add(ScalarMatrix<Real>.FromMatrix(m)); gi.Add(ScalarMatrix<Real>.FromMatrix(mi));
        }
        return Reals(ApplyGauge(Widths, Reals(_base), g, gi));
    }

    /// <summary>
    /// θ(t): a point of M moved by diagonal gauges G_k = diag(t^{e_{k,1}}, …, t^{e_{k,d_k}}), one integer
    /// exponent per hidden unit. As t → ∞ with some e ≠ 0, ‖θ(t)‖ → ∞ while θ(t) stays in M.
    /// </summary>
    public static double[] ScaledByUnits(LayerWidths w, ReadOnlySpan<double> theta, IReadOnlyList<int[]> exponents, double t)
    {
        if (exponents.Count != w.Depth - 1) throw new ArgumentException($"Need exponents for {w.Depth - 1} hidden layers.");
        var g = new List<ScalarMatrix<Real>>(); var gi = new List<ScalarMatrix<Real>>();
        for (int k = 1; k < w.Depth; k++)
        {
            var e = exponents[k - 1];
            if (e.Length != w[k]) throw new ArgumentException($"Hidden layer {k} has {w[k]} units, got {e.Length} exponents.");
            g.Add(new ScalarMatrix<Real>(w[k], w[k], (i, j) => i == j ? Math.Pow(t, e[i]) : 0));
            gi.Add(new ScalarMatrix<Real>(w[k], w[k], (i, j) => i == j ? Math.Pow(t, -e[i]) : 0));
        }
        return Reals(ApplyGauge(w, Reals(theta), g, gi));
    }

    /// <summary>The number of chart coordinates of <see cref="Chart"/>: a symmetric d_k×d_k matrix per hidden layer.</summary>
    public int ChartDimension => Enumerable.Range(1, Widths.Depth - 1).Sum(k => Widths[k] * (Widths[k] + 1) / 2);

    /// <summary>
    /// A chart of M around θ₀ by positive definite gauges G_k = exp(S_k), S_k symmetric with entries
    /// B·tanh(u) (so |S_k,ij| &lt; B). Orthogonal gauges are left out: they act on θ as rotations, which change
    /// no Hessian eigenvalue, so every eigenvalue function on M is a function of these coordinates.
    /// </summary>
    public double[] Chart(ReadOnlySpan<double> theta0, ReadOnlySpan<double> u, double bound)
    {
        if (u.Length != ChartDimension) throw new ArgumentException($"The chart has {ChartDimension} coordinates, got {u.Length}.");
        var g = new List<ScalarMatrix<Real>>(); var gi = new List<ScalarMatrix<Real>>();
        int p = 0;
        for (int k = 1; k < Widths.Depth; k++)
        {
            int d = Widths[k];
            var s = Matrix<double>.Build.Dense(d, d);
            for (int i = 0; i < d; i++)
                for (int j = i; j < d; j++) { s[i, j] = s[j, i] = bound * Math.Tanh(u[p++]); }
            g.Add(ScalarMatrix<Real>.FromMatrix(SymmetricFunctions.Exp(s)));
            gi.Add(ScalarMatrix<Real>.FromMatrix(SymmetricFunctions.Exp(-s)));
        }
        return Reals(ApplyGauge(Widths, Reals(theta0), g, gi));
    }

    private static Real[] Reals(ReadOnlySpan<double> x) { var r = new Real[x.Length]; for (int i = 0; i < r.Length; i++) r[i] = x[i]; return r; }
    private static double[] Reals(ReadOnlySpan<Real> x) { var r = new double[x.Length]; for (int i = 0; i < r.Length; i++) r[i] = x[i].Value; return r; }
}
