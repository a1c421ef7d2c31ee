using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>
/// Eigen-decompositions that take a matrix with non-finite entries (the Hessian or Jacobian at an overflowed
/// iterate) and answer NaN, as the rest of the core does, instead of letting MathNet's QR iteration throw
/// (it indexes out of range on NaN and ∞).
/// </summary>
public static class Eigen
{
    public static bool IsFinite(Matrix<double> m) => m.Enumerate().All(double.IsFinite);

    /// <summary>Eigenvalues of a symmetric matrix, ascending; all NaN if an entry is not finite.</summary>
    public static double[] SymmetricValues(Matrix<double> symmetric) =>
        IsFinite(symmetric)
            ? symmetric.Evd(Symmetricity.Symmetric).EigenValues.Select(z => z.Real).Order().ToArray()
            : Enumerable.Repeat(double.NaN, symmetric.RowCount).ToArray();

    /// <summary>The largest eigenvalue of a symmetric matrix and a unit eigenvector; NaN if an entry is not finite.</summary>
    public static (double Value, double[] Vector) SymmetricTop(Matrix<double> symmetric)
    {
        if (!IsFinite(symmetric)) return (double.NaN, Enumerable.Repeat(double.NaN, symmetric.RowCount).ToArray());
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        int top = 0;
        for (int i = 1; i < evd.EigenValues.Count; i++)
            if (evd.EigenValues[i].Real > evd.EigenValues[top].Real) top = i;
        return (evd.EigenValues[top].Real, evd.EigenVectors.Column(top).ToArray());
    }

    /// <summary>Eigenvalues of a general square matrix (MathNet's order); all NaN if an entry is not finite.</summary>
    public static Complex[] Values(double[,] matrix)
    {
        var m = Matrix<double>.Build.DenseOfArray(matrix);
        return IsFinite(m) ? m.Evd().EigenValues.ToArray() : Enumerable.Repeat(new Complex(double.NaN, double.NaN), m.RowCount).ToArray();
    }
}
