using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A deep linear network with squared loss, L(θ) = c Σᵢ ‖yᵢ − W_h⋯W₁xᵢ‖² = c‖Y − W_h⋯W₁X‖²_F, written as
/// L = l ∘ μ_d with the functional l(W) = c‖Y − WX‖² on d_h×d₀ matrices. Data X (d₀×n), Y (d_h×n); scale
/// c = 1 (sum of squares) or ½. θ = (W₁, …, W_h), each row by row (<see cref="LayerWidths"/>).
/// Gradient by back-propagation and Hessian in closed form (H = 2c·JᵀJ − 2c·Σ Rᵢⱼ∇²Fᵢⱼ with R = Y − F),
/// both generic so exact rational checks against automatic differentiation are possible.
/// </summary>
public sealed class DeepLinearNetwork : Objective
{
    private readonly double[,] _x, _y;

    public DeepLinearNetwork(LayerWidths widths, double[,] inputs, double[,] targets, double scale = 1)
    {
        if (inputs.GetLength(0) != widths.Input) throw new ArgumentException($"X must have d₀ = {widths.Input} rows, got {inputs.GetLength(0)}.");
        if (targets.GetLength(0) != widths.Output) throw new ArgumentException($"Y must have d_h = {widths.Output} rows, got {targets.GetLength(0)}.");
        if (inputs.GetLength(1) != targets.GetLength(1)) throw new ArgumentException($"X has {inputs.GetLength(1)} samples, Y has {targets.GetLength(1)}.");
        if (!(scale > 0)) throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale of the loss must be positive.");
        Widths = widths; Scale = scale;
        _x = (double[,])inputs.Clone(); _y = (double[,])targets.Clone();
    }

    public LayerWidths Widths { get; }

    /// <summary>c in L = c‖Y − W_h⋯W₁X‖².</summary>
    public double Scale { get; }

    /// <summary>n: the number of samples.</summary>
    public int Samples => _x.GetLength(1);

    public ScalarMatrix<T> Inputs<T>() where T : IScalar<T> => ScalarMatrix<T>.FromDoubles(_x);
    public ScalarMatrix<T> Targets<T>() where T : IScalar<T> => ScalarMatrix<T>.FromDoubles(_y);

    public override int Dimension => Widths.ParameterCount;

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        var r = Residual(theta, out _);
        T s = T.FromInt(0);
        foreach (var e in r) s += e * e;
        return T.FromDouble(Scale) * s;
    }

    /// <summary>∇_{W_k} L = −2c·(W_h⋯W_{k+1})ᵀ R (W_{k−1}⋯W₁X)ᵀ, by one backward pass.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        int h = Widths.Depth, n = Samples;
        var r = Residual(theta, out var a);
        // b = −2c R, pulled back layer by layer: b ← W_kᵀ b.
        var b = new T[r.Length];
        T m2c = T.FromDouble(-2 * Scale);
        for (int i = 0; i < r.Length; i++) b[i] = m2c * r[i];
        var g = new T[Dimension];
        T zero = T.FromInt(0);
        for (int k = h; k >= 1; k--)
        {
            int rows = Widths[k], cols = Widths[k - 1], off = Widths.Offset(k);
            var prev = a[k - 1];
            for (int i = 0; i < rows; i++)
                for (int j = 0; j < cols; j++)
                {
                    T s = zero;
                    for (int t = 0; t < n; t++) s += b[i * n + t] * prev[j * n + t];
                    g[off + i * cols + j] = s;
                }
            if (k == 1) break;
            var next = new T[cols * n];
            for (int j = 0; j < cols; j++)
                for (int t = 0; t < n; t++)
                {
                    T s = zero;
                    for (int i = 0; i < rows; i++) s += theta[off + i * cols + j] * b[i * n + t];
                    next[j * n + t] = s;
                }
            b = next;
        }
        return g;
    }

    /// <summary>H = 2c·JᵀJ − 2c·Σᵢⱼ Rᵢⱼ ∇²Fᵢⱼ: Gauss–Newton term plus the residual-weighted curvature of F = W_h⋯W₁X.</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> theta)
    {
        var x = Inputs<T>();
        var j = ProductMap.Jacobian(Widths, theta, x);
        var gn = j.Transpose() * j;
        var residual = Targets<T>() - ProductMap.Apply(Widths, theta, x);
        var curvature = ProductMap.Curvature(Widths, theta, x, residual);
        T c2 = T.FromDouble(2 * Scale);
        var h = new T[Dimension, Dimension];
        for (int p = 0; p < Dimension; p++)
            for (int q = 0; q < Dimension; q++) h[p, q] = c2 * (gn[p, q] - curvature[p, q]);
        return h;
    }

    /// <summary>The functional l(W) = c‖Y − WX‖² on d_h×d₀ matrices (L = l ∘ μ_d).</summary>
    public T FunctionalValue<T>(ScalarMatrix<T> w) where T : IScalar<T> =>
        T.FromDouble(Scale) * (Targets<T>() - w * Inputs<T>()).FrobeniusSquared();

    /// <summary>dl(W) = −2c(Y − WX)Xᵀ (d_h×d₀).</summary>
    public ScalarMatrix<T> FunctionalGradient<T>(ScalarMatrix<T> w) where T : IScalar<T>
    {
        var x = Inputs<T>();
        return T.FromDouble(-2 * Scale) * ((Targets<T>() - w * x) * x.Transpose());
    }

    /// <summary>
    /// h = d²l = 2c·(I_{d_h} ⊗ XXᵀ) in the row-major vectorization of W used by <see cref="ProductMap.Jacobian{T}(LayerWidths, ReadOnlySpan{T})"/>;
    /// constant, since l is quadratic.
    /// </summary>
    public ScalarMatrix<T> FunctionalHessian<T>() where T : IScalar<T>
    {
        var x = Inputs<T>();
        return T.FromDouble(2 * Scale) * ScalarMatrix<T>.Identity(Widths.Output).Kronecker(x * x.Transpose());
    }

    /// <summary>The unconstrained minimizer of l: the least-squares solution W̄₀ = YXᵀ(XXᵀ)⁻¹ (null when XXᵀ is singular).</summary>
    public ScalarMatrix<T>? LeastSquaresProduct<T>() where T : IScalar<T>
    {
        var x = Inputs<T>();
        var inv = (x * x.Transpose()).Inverse();
        return inv is null ? null : Targets<T>() * x.Transpose() * inv;
    }

    /// <summary>
    /// The minimizer of l over matrices of rank ≤ k: with P = XXᵀ, l(W) = c‖(W − W̄₀)P^{½}‖² + l(W̄₀), so
    /// (Eckart–Young in the whitened coordinates V = WP^{½}) the minimizer is [YXᵀP^{−½}]_k P^{−½}, where
    /// [·]_k keeps the k largest singular values.
    /// </summary>
    public Matrix<double> BestProductOfRank(int k)
    {
        var x = Matrix<double>.Build.DenseOfArray(_x);
        var y = Matrix<double>.Build.DenseOfArray(_y);
        var pInvHalf = SymmetricFunctions.Power(x * x.Transpose(), -0.5);
        var z = y * x.Transpose() * pInvHalf;
        return TruncatedSvd(z, k) * pInvHalf;
    }

    /// <summary>
    /// The product every global minimizer of L shares: the minimizer of l over the image M_r of μ_d — the
    /// least-squares solution when the architecture is filling, the best rank-r product otherwise.
    /// </summary>
    public Matrix<double> OptimalProduct() =>
        Widths.IsFilling
            ? (LeastSquaresProduct<Real>() ?? throw new InvalidOperationException("XXᵀ is singular: the minimizer of l is not unique.")).ToMatrix()
            : BestProductOfRank(Widths.Bottleneck);

    /// <summary>min L = l(optimal product).</summary>
    public double MinimumValue() => FunctionalValue(ScalarMatrix<Real>.FromMatrix(OptimalProduct())).Value;

    /// <summary>U Σ_k Vᵀ: the k leading singular triples of A.</summary>
    public static Matrix<double> TruncatedSvd(Matrix<double> a, int k)
    {
        var svd = a.Svd(computeVectors: true);
        var r = Matrix<double>.Build.Dense(a.RowCount, a.ColumnCount);
        for (int s = 0; s < Math.Min(k, svd.S.Count); s++)
            r += svd.S[s] * svd.U.Column(s).OuterProduct(svd.VT.Row(s));
        return r;
    }

    /// <summary>R = Y − W_h⋯W₁X (d_h×n, row-major) and the forward activations aₖ = Wₖ⋯W₁X.</summary>
    private T[] Residual<T>(ReadOnlySpan<T> theta, out T[][] a) where T : IScalar<T>
    {
        if (theta.Length != Dimension) throw new ArgumentException($"θ must have {Dimension} entries, got {theta.Length}.");
        int h = Widths.Depth, n = Samples;
        a = new T[h + 1][];
        a[0] = new T[Widths.Input * n];
        for (int i = 0; i < Widths.Input; i++) for (int t = 0; t < n; t++) a[0][i * n + t] = T.FromDouble(_x[i, t]);
        T zero = T.FromInt(0);
        for (int k = 1; k <= h; k++)
        {
            int rows = Widths[k], cols = Widths[k - 1], off = Widths.Offset(k);
            var prev = a[k - 1];
            var cur = new T[rows * n];
            for (int i = 0; i < rows; i++)
                for (int t = 0; t < n; t++)
                {
                    T s = zero;
                    for (int j = 0; j < cols; j++) s += theta[off + i * cols + j] * prev[j * n + t];
                    cur[i * n + t] = s;
                }
            a[k] = cur;
        }
        var r = new T[Widths.Output * n];
        for (int i = 0; i < Widths.Output; i++) for (int t = 0; t < n; t++) r[i * n + t] = T.FromDouble(_y[i, t]) - a[h][i * n + t];
        return r;
    }
}
