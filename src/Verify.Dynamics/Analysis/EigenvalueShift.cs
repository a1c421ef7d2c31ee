using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The shift μ = λ_max(A + E) − λ_max(A) of the top eigenvalue of a symmetric matrix A with known eigenpairs
/// under a small symmetric perturbation E, computed without the cancellation of subtracting two nearly
/// equal eigenvalues: in A's eigenbasis (Ẽ = QᵀEQ, R = the other indices) μ is the fixed point of
/// μ = Ẽₙₙ + Ẽ_Rnᵀ((λₙ + μ)I − Λ_R − Ẽ_RR)⁻¹Ẽ_Rn (a Schur complement), so it keeps full relative precision
/// even when μ is 10⁻³⁰⁰. Sharpness along a trajectory that converges to a minimum needs exactly this.
/// </summary>
public static class EigenvalueShift
{
    /// <param name="eigenvalues">λ₁ ≤ … ≤ λₙ of A, the top one simple.</param>
    /// <param name="eigenvectors">Unit eigenvectors of A in the same order.</param>
    /// <param name="perturbation">E/s, symmetric: the perturbation divided by <paramref name="scale"/>.</param>
    /// <param name="scale">s &gt; 0 (or 0 for the limit s → 0): lets a perturbation E = s·E′ below double's range be handled.</param>
    /// <returns>μ/s, or NaN if the iteration does not settle (E too large for the top eigenvalue to stay separated).</returns>
    public static double OfTop(IReadOnlyList<double> eigenvalues, IReadOnlyList<double[]> eigenvectors, Matrix<double> perturbation, double scale = 1)
    {
        int n = eigenvalues.Count;
        var q = Matrix<double>.Build.Dense(n, n, (i, j) => eigenvectors[j][i]);
        var et = q.TransposeThisAndMultiply(perturbation).Multiply(q);
        double enn = et[n - 1, n - 1];
        if (n == 1) return enn;
        var eRn = Vector<double>.Build.Dense(n - 1, i => et[i, n - 1]);
        double top = eigenvalues[n - 1], mu = enn, s = scale;
        if (s == 0) return enn;
        // ν = μ/s solves ν = Ẽ′ₙₙ + s·Ẽ′_Rnᵀ((λₙ + sν)I − Λ_R − sẼ′_RR)⁻¹Ẽ′_Rn.
        for (int iteration = 0; iteration < 200; iteration++)
        {
            var m = Matrix<double>.Build.Dense(n - 1, n - 1, (i, j) => (i == j ? top + s * mu - eigenvalues[i] : 0) - s * et[i, j]);
            double next = enn + s * eRn.DotProduct(m.Solve(eRn));
            if (next == mu || Math.Abs(next - mu) <= 1e-15 * Math.Abs(next)) return next;
            mu = next;
        }
        return double.NaN;
    }
}
