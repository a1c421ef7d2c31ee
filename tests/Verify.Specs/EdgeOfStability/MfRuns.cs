using MathNet.Numerics.LinearAlgebra;

namespace Verify.Specs.EdgeOfStability;

/// <summary>Runs and observables of GD on matrix factorization shared by the §6 specs.</summary>
internal static class MfRuns
{
    /// <summary>Histories keep every second step: the period-2 orbit then shows as one branch.</summary>
    public const int HistoryStride = 2;

    public static Matrix<double> RandomOrthogonal(int n, Random rng) => Gaussian(rng, n, n, 1).QR().Q;

    public static Matrix<double> Gaussian(Random rng, int rows, int columns, double scale) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => scale * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));

    /// <summary>(σ₁(X), σ₁(Z)).</summary>
    public static (double X, double Z) Top(MatrixFactorization loss, double[] theta) =>
        (loss.FirstFactor(theta).L2Norm(), loss.SecondFactor(theta).L2Norm());

    /// <summary>
    /// The period (≤ 16, tolerance 10⁻⁹ over the last <paramref name="window"/> points) of the run, and its last
    /// window + 16 points: checked every 2000 steps, stopping as soon as a cycle is found, else after
    /// <paramref name="maxSteps"/> (or at a non-finite iterate).
    /// </summary>
    public static (int? Period, IReadOnlyList<double[]> Tail) Tail(MatrixFactorization loss, double[] start, double eta, int maxSteps, int window = 64)
    {
        const int maxPeriod = 16, chunk = 2000;
        var tail = new List<double[]>(window + maxPeriod + 2) { start };
        var x = start;
        for (int t = 1; t <= maxSteps; t++)
        {
            x = GradientDescent.Step(loss, x, eta);
            tail.Add(x);
            if (tail.Count > window + maxPeriod + 1) tail.RemoveAt(0);
            if (!x.All(double.IsFinite)) return (null, tail);
            if (t % chunk == 0 || t == maxSteps)
            {
                var period = Periodicity.Detect(tail, maxPeriod, 1e-9, window);
                if (period is not null || t == maxSteps) return (period, tail);
            }
        }
        return (Periodicity.Detect(tail, maxPeriod, 1e-9, window), tail);
    }

    public static List<(double X, double Z)> TopSingularValues(MatrixFactorization loss, double[] start, double eta, int steps)
    {
        var x = start;
        var list = new List<(double, double)>(steps + 1) { Top(loss, x) };
        for (int t = 0; t < steps; t++) list.Add(Top(loss, x = GradientDescent.Step(loss, x, eta)));
        return list;
    }

    /// <summary>
    /// How far two consecutive points a, b of a period-2 limit are from Observation 1's form with ρᵢ of eq. (8)
    /// at ηλ₁ = e: ‖u₁ᵀX‖ = ‖Zu₁‖ = √λ₁ρᵢ (one point each root), u₁ᵀX ∥ Zu₁ along the same v at both points,
    /// (I − u₁u₁ᵀ)XZ(I − u₁u₁ᵀ) = Σ_{j≥2}λⱼuⱼuⱼᵀ and no cross block.
    /// </summary>
    public static double Obs1FormError(MatrixFactorization loss, Matrix<double> basis, double[] lambda, double e, double[] a, double[] b)
    {
        var (r1, r2) = TwoStepOrbit.Points(e);
        var u1 = basis.Column(0);
        var proj = Matrix<double>.Build.DenseIdentity(basis.RowCount) - u1.OuterProduct(u1);
        var rest = Matrix<double>.Build.Dense(basis.RowCount, basis.RowCount);
        for (int j = 1; j < lambda.Length; j++) rest += lambda[j] * basis.Column(j).OuterProduct(basis.Column(j));
        double err = 0;
        var vs = new List<Vector<double>>();
        var radii = new List<double>();
        foreach (var p in new[] { a, b })
        {
            var x = loss.FirstFactor(p); var z = loss.SecondFactor(p);
            var row = x.TransposeThisAndMultiply(u1); // (u₁ᵀX)ᵀ
            var col = z * u1;
            double rx = row.L2Norm(), rz = col.L2Norm();
            radii.Add(rx);
            err = Math.Max(err, Math.Abs(rx - rz));
            err = Math.Max(err, 1 - Math.Abs(row.DotProduct(col)) / (rx * rz));
            err = Math.Max(err, (proj * x * z * proj - rest).FrobeniusNorm());
            err = Math.Max(err, (u1.ToRowMatrix() * x * z * proj).FrobeniusNorm());
            vs.Add(row / rx);
        }
        err = Math.Max(err, 1 - Math.Abs(vs[0].DotProduct(vs[1])));
        double s = Math.Sqrt(lambda[0]);
        radii.Sort();
        err = Math.Max(err, Math.Max(Math.Abs(radii[0] - s * r1), Math.Abs(radii[1] - s * r2)));
        return err;
    }

    /// <summary>
    /// Fraction of 8 seeded starts that stay finite (|θ| ≤ 10⁶) for 10⁴ steps on ½‖XZ − Y‖², Y with eigenvalues
    /// (λ₁, λ₂, 0.3λ₂, 0.1λ₂) in the given basis. Modes: 0 generic (entries 0.3·N(0, 1)); 1 quasi-symmetric,
    /// near (0.8X₀, X₀ᵀ/0.8); 2 symmetric, near (X₀, X₀ᵀ); X₀ = basis·diag(√λ), perturbations 0.01·N(0, 1).
    /// </summary>
    public static double FiniteFraction(int mode, double l1, double l2, double eta, Matrix<double> basis)
    {
        var lambda = new[] { l1, l2, 0.3 * l2, 0.1 * l2 };
        var y = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * basis.Transpose();
        var loss = new MatrixFactorization(y, 4);
        var x0 = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda.Select(Math.Sqrt).ToArray());
        var rng = new Random(7);
        int finite = 0;
        const int starts = 8;
        for (int r = 0; r < starts; r++)
        {
            double[] theta;
            if (mode == 0) theta = Gaussian(rng, loss.Dimension, 1, 0.3).Column(0).ToArray();
            else
            {
                var (xa, za) = MatrixFactorization.QuasiSymmetricMinimizer(x0, mode == 1 ? 0.8 : 1);
                theta = loss.Pack(xa + Gaussian(rng, 4, 4, 0.01), za + Gaussian(rng, 4, 4, 0.01));
            }
            bool ok = true;
            for (int t = 0; t < 10_000 && ok; t++)
            {
                theta = GradientDescent.Step(loss, theta, eta);
                ok = theta.All(v => Math.Abs(v) <= 1e6);
            }
            if (ok) finite++;
        }
        return (double)finite / starts;
    }
}
