using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(X, Z) = ½‖XZ − Y‖²_F with X ∈ ℝ^{n×p}, Z ∈ ℝ^{p×m} and a fixed target Y ∈ ℝ^{n×m}: a
/// two-layer linear network. Every (XG, G⁻¹Z) with G invertible has the same product, so the
/// minimizers {XZ = Y} form a manifold. Parameters are θ = (vec X, vec Z), both row-major.
/// A polynomial: runs exactly in rationals (the target's entries are read with FromDouble, exact
/// for every double).
/// </summary>
public sealed class MatrixFactorization : Objective
{
    private readonly double[] _target; // row-major n×m

    public MatrixFactorization(Matrix<double> target, int innerDimension)
    {
        if (innerDimension < 1) throw new ArgumentOutOfRangeException(nameof(innerDimension), "The inner dimension p must be at least 1.");
        Rows = target.RowCount; Inner = innerDimension; Columns = target.ColumnCount;
        Target = target.Clone();
        _target = new double[Rows * Columns];
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Columns; j++) _target[i * Columns + j] = target[i, j];
    }

    /// <summary>n: rows of X and of Y.</summary>
    public int Rows { get; }
    /// <summary>p: columns of X, rows of Z.</summary>
    public int Inner { get; }
    /// <summary>m: columns of Z and of Y.</summary>
    public int Columns { get; }
    public Matrix<double> Target { get; }

    public override int Dimension => Rows * Inner + Inner * Columns;

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        var r = Residual(theta);
        T s = T.FromInt(0);
        foreach (var e in r) s += e * e;
        return s / T.FromInt(2);
    }

    /// <summary>∇_X L = R Zᵀ, ∇_Z L = Xᵀ R with R = XZ − Y.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        int n = Rows, p = Inner, m = Columns, zOff = n * p;
        var r = Residual(theta);
        var g = new T[Dimension];
        T zero = T.FromInt(0);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                T s = zero;
                for (int j = 0; j < m; j++) s += r[i * m + j] * theta[zOff + k * m + j];
                g[i * p + k] = s;
            }
        for (int k = 0; k < p; k++)
            for (int j = 0; j < m; j++)
            {
                T s = zero;
                for (int i = 0; i < n; i++) s += theta[i * p + k] * r[i * m + j];
                g[zOff + k * m + j] = s;
            }
        return g;
    }

    /// <summary>
    /// ∇²L in closed form (d²L[A, B] = ‖AZ + XB‖² + 2⟨R, AB⟩): ∂²L/∂X_ik∂X_jl = δ_ij (ZZᵀ)_kl,
    /// ∂²L/∂Z_kj∂Z_lm = δ_jm (XᵀX)_kl, ∂²L/∂X_ik∂Z_lm = X_il Z_km + δ_kl R_im.
    /// </summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> theta)
    {
        int n = Rows, p = Inner, m = Columns, zOff = n * p, dim = Dimension;
        var r = Residual(theta);
        var h = new T[dim, dim];
        T zero = T.FromInt(0);
        for (int a = 0; a < dim; a++) for (int b = 0; b < dim; b++) h[a, b] = zero;
        for (int k = 0; k < p; k++)
            for (int l = 0; l < p; l++)
            {
                T zz = zero, xx = zero;
                for (int j = 0; j < m; j++) zz += theta[zOff + k * m + j] * theta[zOff + l * m + j];
                for (int i = 0; i < n; i++) xx += theta[i * p + k] * theta[i * p + l];
                for (int i = 0; i < n; i++) h[i * p + k, i * p + l] = zz;
                for (int j = 0; j < m; j++) h[zOff + k * m + j, zOff + l * m + j] = xx;
            }
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
                for (int l = 0; l < p; l++)
                    for (int mm = 0; mm < m; mm++)
                    {
                        T v = theta[i * p + l] * theta[zOff + k * m + mm];
                        if (k == l) v += r[i * m + mm];
                        h[i * p + k, zOff + l * m + mm] = v;
                        h[zOff + l * m + mm, i * p + k] = v;
                    }
        return h;
    }

    /// <summary>R = XZ − Y, row-major n×m.</summary>
    public T[] Residual<T>(ReadOnlySpan<T> theta) where T : IScalar<T>
    {
        int n = Rows, p = Inner, m = Columns, zOff = n * p;
        var r = new T[n * m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++)
            {
                T s = -T.FromDouble(_target[i * m + j]);
                for (int k = 0; k < p; k++) s += theta[i * p + k] * theta[zOff + k * m + j];
                r[i * m + j] = s;
            }
        return r;
    }

    /// <summary>θ = (vec X, vec Z).</summary>
    public double[] Pack(Matrix<double> x, Matrix<double> z)
    {
        if (x.RowCount != Rows || x.ColumnCount != Inner || z.RowCount != Inner || z.ColumnCount != Columns)
            throw new ArgumentException($"Need X {Rows}×{Inner} and Z {Inner}×{Columns}, got X {x.RowCount}×{x.ColumnCount} and Z {z.RowCount}×{z.ColumnCount}.");
        var theta = new double[Dimension];
        for (int i = 0; i < Rows; i++) for (int k = 0; k < Inner; k++) theta[i * Inner + k] = x[i, k];
        for (int k = 0; k < Inner; k++) for (int j = 0; j < Columns; j++) theta[Rows * Inner + k * Columns + j] = z[k, j];
        return theta;
    }

    public Matrix<double> FirstFactor(ReadOnlySpan<double> theta)
    {
        var t = theta[..(Rows * Inner)].ToArray();
        return Matrix<double>.Build.Dense(Rows, Inner, (i, k) => t[i * Inner + k]);
    }

    public Matrix<double> SecondFactor(ReadOnlySpan<double> theta)
    {
        var t = theta[(Rows * Inner)..].ToArray();
        return Matrix<double>.Build.Dense(Inner, Columns, (k, j) => t[k * Columns + j]);
    }

    /// <summary>
    /// The quasi-symmetric minimizer (αX₀, X₀ᵀ/α) of ½‖XZ − X₀X₀ᵀ‖²: the symmetric one (α = 1) rescaled
    /// between the layers, which leaves the product and the loss unchanged but not the curvature.
    /// </summary>
    public static (Matrix<double> X, Matrix<double> Z) QuasiSymmetricMinimizer(Matrix<double> x0, double alpha) =>
        (x0 * alpha, x0.Transpose() / alpha);

    /// <summary>
    /// σ₁(X)² + σ₁(Z)²: the largest Hessian eigenvalue at a minimizer XZ = Y (the quadratic form there
    /// is ‖AZ + XB‖², maximized by rank-one A, B along the top singular pairs).
    /// </summary>
    public static double SharpnessAtMinimizer(Matrix<double> x, Matrix<double> z) =>
        Math.Pow(x.L2Norm(), 2) + Math.Pow(z.L2Norm(), 2);
}
