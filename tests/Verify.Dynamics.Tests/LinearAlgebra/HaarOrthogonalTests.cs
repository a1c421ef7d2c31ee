using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class HaarOrthogonalTests
{
    [Theory]
    [InlineData(1, 21)]
    [InlineData(4, 21)]
    [InlineData(4, 8)]
    public void IsTheQFactorOfTheSeededGaussianWithPositiveDiagonalR(int n, int seed)
    {
        // Q from the QR of a Gaussian matrix G, with column signs chosen so R = QᵀG has a positive diagonal
        // (that makes Q Haar-distributed). Regenerate G from the same seed and check.
        var q = HaarOrthogonal.Sample(n, new Random(seed));
        var rng = new Random(seed);
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Normal.Sample(rng, 0, 1));
        var r = q.TransposeThisAndMultiply(g);
        for (int i = 0; i < n; i++)
        {
            r[i, i].ShouldBeGreaterThan(0);
            for (int j = 0; j < i; j++) r[i, j].ShouldBe(0, 1e-12);
        }
        (q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm().ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void ColumnsWhereRHasANegativeDiagonalAreFlippedAndTheOthersKept()
    {
        const int n = 4;
        int flipped = 0, kept = 0;
        for (int seed = 1; seed <= 10; seed++)
        {
            var rng = new Random(seed);
            var qr = Matrix<double>.Build.Dense(n, n, (_, _) => Normal.Sample(rng, 0, 1)).QR();
            var q = HaarOrthogonal.Sample(n, new Random(seed));
            for (int j = 0; j < n; j++)
            {
                bool negative = qr.R[j, j] < 0;
                (q.Column(j) - (negative ? -1 : 1) * qr.Q.Column(j)).InfinityNorm().ShouldBe(0);
                if (negative) flipped++; else kept++;
            }
        }
        // Both branches are taken over the seeds (Householder QR gives diagonals of either sign).
        flipped.ShouldBeGreaterThan(0);
        kept.ShouldBeGreaterThan(0);
    }
}
