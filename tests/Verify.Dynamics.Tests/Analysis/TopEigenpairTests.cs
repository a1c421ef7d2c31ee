using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Objectives;

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
        Should.Throw<ArgumentException>(() => HessianVectorProduct.Of(new ScalarFactorization(), [1, 2], [1]));
    }
}
