using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Analysis;

/// <summary>Sharpness λ_max(∇²L) and the Hessian spectrum, from the symmetric eigen-decomposition.</summary>
public static class Sharpness
{
    /// <summary>Eigenvalues of the Hessian at x, ascending.</summary>
    public static double[] Spectrum(Objective f, ReadOnlySpan<double> x) => Spectrum(f.HessianAt(x));

    /// <summary>Eigenvalues of a symmetric matrix, ascending (NaN at an overflowed iterate).</summary>
    public static double[] Spectrum(Matrix<double> symmetric) => Eigen.SymmetricValues(symmetric);

    /// <summary>λ_max(∇²L(x)); NaN where the Hessian is not finite.</summary>
    public static double At(Objective f, ReadOnlySpan<double> x) => Spectrum(f, x)[^1];

    /// <summary>λ_max along a trajectory.</summary>
    public static double[] Along(Objective f, IEnumerable<double[]> points) => points.Select(p => At(f, p)).ToArray();
}
