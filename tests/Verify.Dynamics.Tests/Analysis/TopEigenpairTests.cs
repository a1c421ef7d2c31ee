using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class TopEigenpairTests
{
    [Fact]
    public void LanczosFindsTheLargestAlgebraicEigenpair()
    {
        // Spectrum {−10, 1, 2, 5}: the largest algebraic eigenvalue is 5, not the largest in magnitude.
        var q = Matrix<double>.Build.Random(4, 4, new MathNet.Numerics.Distributions.Normal(0, 1, new Random(2))).QR().Q;
        var a = q * Matrix<double>.Build.DenseOfDiagonalArray([-10, 1, 2, 5]) * q.Transpose();
        var r = TopEigenpair.Lanczos(u => (a * Vector<double>.Build.DenseOfArray(u)).ToArray(), 4, 10, new Random(1));
        r.Value.ShouldBe(5, 1e-10);
        Math.Abs(Vector<double>.Build.DenseOfArray(r.Vector).DotProduct(q.Column(3))).ShouldBe(1, 1e-10);
        r.Residual.ShouldBeLessThan(1e-9);
        r.Iterations.ShouldBeLessThanOrEqualTo(4);
    }

    [Fact]
    public void OnAHessianThroughProducts()
    {
        var loss = new ScalarFactorization(target: 1);
        double[] x = [2, 0.5];
        var r = TopEigenpair.Lanczos(HessianVectorProduct.At(loss, x), 2, 5, new Random(3));
        r.Value.ShouldBe(Sharpness.At(loss, x), 1e-12);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TopEigenpair.Lanczos(u => u, 0, 3, new Random(1)));
        Should.Throw<ArgumentOutOfRangeException>(() => TopEigenpair.Lanczos(u => u, 3, 0, new Random(1)));
        Should.Throw<ArgumentException>(() => HessianVectorProduct.Of(new ScalarFactorization(), [1, 2], [1])).Message.ShouldBe("x has 2 coordinates, u has 1.");
    }

    private static double[] Diagonal3(double[] u) => [u[0], 2 * u[1], 3 * u[2]];

    [Fact]
    public void OneIterationIsTheRayleighQuotientOfTheSeededStart()
    {
        // k = 1: λ = qᵀAq for the normalized start q (entries U(−½, ½) from the caller's Random), v = q,
        // residual ‖Aq − λq‖ — all computable by hand for A = diag(1, 2, 3).
        var r = TopEigenpair.Lanczos(Diagonal3, 3, 1, new Random(5));
        var rng = new Random(5);
        var q = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() - 0.5).ToArray();
        double norm = Math.Sqrt(q.Sum(e => e * e));
        q = q.Select(e => e / norm).ToArray();
        var aq = Diagonal3(q);
        double lambda = q.Zip(aq, (a, b) => a * b).Sum();
        r.Iterations.ShouldBe(1);
        r.Value.ShouldBe(lambda, 1e-15);
        for (int i = 0; i < 3; i++) r.Vector[i].ShouldBe(q[i], 1e-15);
        double residual = Math.Sqrt(aq.Select((e, i) => (e - lambda * q[i]) * (e - lambda * q[i])).Sum());
        residual.ShouldBeGreaterThan(0.1);
        r.Residual.ShouldBe(residual, 1e-14);
    }

    [Fact]
    public void StopsAtTheRequestedIterationsOrWhenTheKrylovSpaceCloses()
    {
        TopEigenpair.Lanczos(Diagonal3, 3, 2, new Random(5)).Iterations.ShouldBe(2);
        // A = 2I: Aq = 2q, nothing new after one step; the pair is exact.
        var r = TopEigenpair.Lanczos(u => u.Select(e => 2 * e).ToArray(), 3, 3, new Random(6));
        r.Iterations.ShouldBe(1);
        r.Value.ShouldBe(2, 1e-15);
        r.Residual.ShouldBe(0, 1e-15);
        // Dimension 1 is allowed.
        var one = TopEigenpair.Lanczos(u => [3 * u[0]], 1, 5, new Random(7));
        one.Value.ShouldBe(3, 1e-15);
        one.Iterations.ShouldBe(1);
        Math.Abs(one.Vector[0]).ShouldBe(1, 1e-15);
    }

    [Fact]
    public void ArgumentErrorsNameTheArgument()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => TopEigenpair.Lanczos(u => u, 0, 3, new Random(1))).ParamName.ShouldBe("dimension");
        var e = Should.Throw<ArgumentOutOfRangeException>(() => TopEigenpair.Lanczos(u => u, 3, 0, new Random(1)));
        e.ParamName.ShouldBe("iterations");
        e.Message.ShouldStartWith("Need at least one iteration.");
    }
}
