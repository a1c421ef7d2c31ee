using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>
/// What a matrix of intervals needs beyond <see cref="ScalarMatrix{T}"/> (whose products and sums, in
/// outward-rounded interval arithmetic, contain A·B for every choice of point matrices in the operands):
/// the midpoint matrix, and upper bounds on norms and Gershgorin radii. Point matrices (preconditioners,
/// eigenvector bases) enter with <see cref="ScalarMatrix{T}.FromMatrix"/>, exactly.
/// </summary>
public static class IntervalMatrix
{
    /// <summary>The matrix with these entries (e.g. a Jacobian enclosure from <c>Jacobian.Of&lt;Interval&gt;</c>).</summary>
    public static ScalarMatrix<Interval> Of(Interval[,] entries) =>
        new(entries.GetLength(0), entries.GetLength(1), (i, j) => entries[i, j]);

    /// <summary>The matrix of midpoints (read without counting as midpoint reads).</summary>
    public static Matrix<double> Midpoint(this ScalarMatrix<Interval> a) => Matrix<double>.Build.Dense(a.Rows, a.Columns, (i, j) => a[i, j].Midpoint);

    public static bool IsBounded(this ScalarMatrix<Interval> a) => a.RowMajor().All(x => x.IsBounded);

    /// <summary>An upper bound on max ‖A‖∞ over the set: max_i Σ_j max |aᵢⱼ|, rounded up (NaN if an entry is Invalid).</summary>
    public static double NormInfinityBound(this ScalarMatrix<Interval> a)
    {
        double norm = 0;
        for (int i = 0; i < a.Rows; i++)
        {
            double row = 0;
            for (int j = 0; j < a.Columns; j++) row = Interval.Sum(row, a[i, j].Mag).Up;
            norm = Math.Max(norm, row);
        }
        return norm;
    }

    /// <summary>The interval diagonal entry and an upper bound on Σ_{j≠i} max |aᵢⱼ| (a Gershgorin row).</summary>
    public static (Interval Center, double Radius) GershgorinRow(this ScalarMatrix<Interval> a, int i)
    {
        double radius = 0;
        for (int j = 0; j < a.Columns; j++)
            if (j != i) radius = Interval.Sum(radius, a[i, j].Mag).Up;
        return (a[i, i], radius);
    }
}
