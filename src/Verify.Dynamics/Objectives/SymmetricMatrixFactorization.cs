using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(X) = ¼‖XXᵀ − Y‖²_F with X ∈ ℝ^{n×p} and a symmetric target Y ∈ ℝ^{n×n}: matrix factorization
/// with both layers tied (Z = Xᵀ). Minimizers: XXᵀ = Y, invariant under X ↦ XQ for orthogonal Q.
/// Parameters θ = vec X, row-major. A polynomial: runs exactly in rationals.
/// </summary>
public sealed class SymmetricMatrixFactorization : Objective
{
    private readonly double[] _target;

    public SymmetricMatrixFactorization(Matrix<double> target, int columns)
    {
        if (target.RowCount != target.ColumnCount) throw new ArgumentException("The target must be square.", nameof(target));
        if (columns < 1) throw new ArgumentOutOfRangeException(nameof(columns), "X needs at least one column.");
        Rows = target.RowCount; Columns = columns;
        _target = new double[Rows * Rows];
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Rows; j++) _target[i * Rows + j] = target[i, j];
    }

    public int Rows { get; }
    public int Columns { get; }
    public override int Dimension => Rows * Columns;

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        int n = Rows, p = Columns;
        T s = T.FromInt(0);
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                T e = -T.FromDouble(_target[i * n + j]);
                for (int k = 0; k < p; k++) e += x[i * p + k] * x[j * p + k];
                s += e * e;
            }
        return s / T.FromInt(4);
    }

    /// <summary>∇L = (XXᵀ − Y)X for symmetric Y.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> x)
    {
        int n = Rows, p = Columns;
        var r = new T[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                T e = -T.FromDouble(_target[i * n + j]);
                for (int k = 0; k < p; k++) e += x[i * p + k] * x[j * p + k];
                r[i * n + j] = e;
            }
        var g = new T[n * p];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                T s = T.FromInt(0);
                for (int j = 0; j < n; j++) s += (r[i * n + j] + r[j * n + i]) * x[j * p + k];
                g[i * p + k] = s / T.FromInt(2);
            }
        return g;
    }
}
