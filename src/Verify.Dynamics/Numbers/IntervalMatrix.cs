using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// A small dense matrix of intervals: every product is rounded outward, so the result contains
/// A·B for every choice of point matrices A, B in the operands. Point matrices (preconditioners,
/// eigenvector bases) are MathNet double matrices, whose entries are exact.
/// </summary>
public sealed class IntervalMatrix
{
    private readonly Interval[,] _a;

    public IntervalMatrix(Interval[,] entries) => _a = (Interval[,])entries.Clone();

    public int Rows => _a.GetLength(0);
    public int Columns => _a.GetLength(1);
    public Interval this[int i, int j] => _a[i, j];

    public static IntervalMatrix FromPoint(Matrix<double> m)
    {
        var a = new Interval[m.RowCount, m.ColumnCount];
        for (int i = 0; i < m.RowCount; i++)
            for (int j = 0; j < m.ColumnCount; j++) a[i, j] = Interval.FromDouble(m[i, j]);
        return new IntervalMatrix(a);
    }

    public static IntervalMatrix Identity(int n) => new(ScalarMatrix.Identity<Interval>(n));

    /// <summary>The matrix of midpoints (a double matrix near the centre of the set).</summary>
    public Matrix<double> Midpoint() => Matrix<double>.Build.Dense(Rows, Columns, (i, j) => _a[i, j].Midpoint);

    public bool IsBounded
    {
        get
        {
            foreach (var x in _a) if (!x.IsBounded) return false;
            return true;
        }
    }

    // Products and differences are the generic ones, in outward-rounded interval arithmetic.
    public static IntervalMatrix operator *(IntervalMatrix a, IntervalMatrix b) => new(ScalarMatrix.Multiply(a._a, b._a));
    public static IntervalMatrix operator *(Matrix<double> a, IntervalMatrix b) => FromPoint(a) * b;
    public static IntervalMatrix operator *(IntervalMatrix a, Matrix<double> b) => a * FromPoint(b);
    public static IntervalMatrix operator -(IntervalMatrix a, IntervalMatrix b) => new(ScalarMatrix.Subtract(a._a, b._a));

    /// <summary>A·v for an interval vector v.</summary>
    public Interval[] Multiply(ReadOnlySpan<Interval> v)
    {
        var r = new Interval[Rows];
        for (int i = 0; i < Rows; i++)
        {
            Interval s = Interval.Zero;
            for (int k = 0; k < Columns; k++) s += _a[i, k] * v[k];
            r[i] = s;
        }
        return r;
    }

    /// <summary>An upper bound on the ∞-norm max ‖A‖∞ over the set: max_i Σ_j max |aᵢⱼ|, rounded up (NaN if an entry is Invalid).</summary>
    public double NormInfinityBound()
    {
        double norm = 0;
        for (int i = 0; i < Rows; i++)
        {
            double row = 0;
            for (int j = 0; j < Columns; j++) row = Interval.Sum(row, _a[i, j].Mag).Up;
            norm = Math.Max(norm, row);
        }
        return norm;
    }

    /// <summary>The interval diagonal entry and an upper bound on Σ_{j≠i} max |aᵢⱼ| (a Gershgorin row).</summary>
    public (Interval Center, double Radius) GershgorinRow(int i)
    {
        double radius = 0;
        for (int j = 0; j < Columns; j++)
            if (j != i) radius = Interval.Sum(radius, _a[i, j].Mag).Up;
        return (_a[i, i], radius);
    }

    /// <summary>Rows of "[lo, hi]" entries.</summary>
    public override string ToString() =>
        string.Join("; ", Enumerable.Range(0, Rows).Select(i => string.Join(", ", Enumerable.Range(0, Columns).Select(j => _a[i, j].ToString()))));
}
