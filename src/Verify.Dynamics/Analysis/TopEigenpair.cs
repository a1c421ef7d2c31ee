using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The largest eigenvalue and its eigenvector of a symmetric operator known only through products
/// u ↦ Au (a Hessian through <see cref="HessianVectorProduct"/>): Lanczos with full
/// reorthogonalization, whose top Ritz pair converges fast when the top eigenvalue is separated.
/// The residual ‖Av − λv‖ says how far the pair is from exact.
/// </summary>
public static class TopEigenpair
{
    public readonly record struct Result(double Value, double[] Vector, double Residual, int Iterations);

    public static Result Lanczos(Func<double[], double[]> apply, int dimension, int iterations, Random rng)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension));
        int k = Math.Min(iterations, dimension);
        if (k < 1) throw new ArgumentOutOfRangeException(nameof(iterations), "Need at least one iteration.");
        var basis = new List<double[]>(k);
        var alpha = new List<double>(k);
        var beta = new List<double>(k);
        var q = new double[dimension];
        for (int i = 0; i < dimension; i++) q[i] = rng.NextDouble() - 0.5;
        Normalize(q);
        for (int j = 0; j < k; j++)
        {
            basis.Add(q);
            var w = apply(q);
            double a = Dot(w, q);
            alpha.Add(a);
            // Full reorthogonalization (twice is enough): keeps the Ritz values free of ghost copies.
            for (int pass = 0; pass < 2; pass++)
                foreach (var b in basis) { double c = Dot(w, b); for (int i = 0; i < dimension; i++) w[i] -= c * b[i]; }
            double norm = Math.Sqrt(Dot(w, w));
            if (j == k - 1 || norm < 1e-12 * Math.Max(1, Math.Abs(a))) break;
            beta.Add(norm);
            q = w.Select(e => e / norm).ToArray();
        }
        int m = basis.Count;
        var t = Matrix<double>.Build.Dense(m, m);
        for (int i = 0; i < m; i++) { t[i, i] = alpha[i]; if (i + 1 < m) t[i, i + 1] = t[i + 1, i] = beta[i]; }
        var (lambda, y) = Eigen.SymmetricTop(t);
        var v = new double[dimension];
        for (int j = 0; j < m; j++) for (int i = 0; i < dimension; i++) v[i] += y[j] * basis[j][i];
        Normalize(v);
        var av = apply(v);
        double res = Math.Sqrt(av.Select((e, i) => (e - lambda * v[i]) * (e - lambda * v[i])).Sum());
        return new Result(lambda, v, res, m);
    }

    private static double Dot(double[] a, double[] b) { double s = 0; for (int i = 0; i < a.Length; i++) s += a[i] * b[i]; return s; }

    private static void Normalize(double[] v)
    {
        double n = Math.Sqrt(Dot(v, v));
        if (n > 0) for (int i = 0; i < v.Length; i++) v[i] /= n;
    }
}
