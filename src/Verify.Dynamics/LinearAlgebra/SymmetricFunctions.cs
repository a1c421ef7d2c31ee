using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>Functions of symmetric matrices through the eigendecomposition A = QΛQᵀ ↦ Q f(Λ) Qᵀ.</summary>
public static class SymmetricFunctions
{
    /// <summary>Q f(Λ) Qᵀ for a symmetric A.</summary>
    public static Matrix<double> Apply(Matrix<double> symmetric, Func<double, double> f)
    {
        var evd = symmetric.Evd(Symmetricity.Symmetric);
        var q = evd.EigenVectors;
        var d = Matrix<double>.Build.DiagonalOfDiagonalArray(evd.EigenValues.Select(z => f(z.Real)).ToArray());
        var r = q * d * q.Transpose();
        return (r + r.Transpose()) / 2; // symmetric up to rounding
    }

    /// <summary>A^p for a symmetric positive definite A (p = −½ whitens).</summary>
    public static Matrix<double> Power(Matrix<double> spd, double p) => Apply(spd, v => Math.Pow(v, p));

    /// <summary>e^S for a symmetric S (positive definite, with e^{−S} its inverse).</summary>
    public static Matrix<double> Exp(Matrix<double> symmetric) => Apply(symmetric, Math.Exp);
}
