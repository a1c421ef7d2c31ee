namespace Verify.Dynamics.Tests.Maps;

public sealed class RenormalizedGradientDescentTests
{
    private static readonly PerturbedQuadratic F = new(Quadratic.Diagonal(1, 4), Polynomial.Of(2, (1, [1, 2]), (1, [0, 3])));

    [Fact]
    public void AgreesWithPlainGradientDescentWhileNothingUnderflows()
    {
        var plain = GradientDescent.Run(F, [0.02, 0.01], 0.3, 150);
        var renormalized = RenormalizedGradientDescent.Run(F.Rescaled, [0.02, 0.01], 0.3, 150).ToList();
        renormalized.Count.ShouldBe(151);
        for (int k = 0; k <= 150; k++)
        {
            double n = Norms.Euclidean(plain[k]);
            renormalized[k].Step.ShouldBe(k);
            renormalized[k].Log2Norm.ShouldBe(Math.Log2(n), 1e-9);
            renormalized[k].Direction.ShouldBe(plain[k].Select(v => v / n).ToArray(), tolerance: 1e-9);
            Math.ScaleB(renormalized[k].Scaled[0], renormalized[k].Log2Scale).ShouldBe(plain[k][0], Math.Abs(plain[k][0]) * 1e-9);
        }
        renormalized[^1].Log2Scale.ShouldBeLessThan(0, "it renormalized at least once (‖x‖ < 2⁻⁶⁴)");
    }

    [Fact]
    public void ContinuesFarBelowTheSmallestDouble()
    {
        var last = RenormalizedGradientDescent.Run(F.Rescaled, [0.02, 0.01], 0.3, 3000).Last();
        last.Step.ShouldBe(3000);
        last.Log2Norm.ShouldBe(Math.Log2(0.02) + 3000 * Math.Log2(0.7), 1);
        last.Log2Norm.ShouldBeLessThan(-1074);
        last.Direction[0].ShouldBe(1, 1e-12);
        double n = Norms.Euclidean(last.Scaled);
        n.ShouldBeGreaterThan(Math.Pow(2, -65));
        n.ShouldBeLessThan(1);
    }

    [Fact]
    public void ExactZeroAndOverflowAreOutcomes()
    {
        var zero = RenormalizedGradientDescent.Run(F.Rescaled, [0, 0], 0.3, 10).ToList();
        zero.Count.ShouldBe(1);
        zero[0].Log2Norm.ShouldBe(double.NegativeInfinity);
        double.IsNaN(zero[0].Direction[0]).ShouldBeTrue();
        // x = 0 after one step exactly: η = 1 on x²/2 (factor 0) from (1, 0).
        var q = new PerturbedQuadratic(Quadratic.Diagonal(1, 4), Polynomial.Of(2));
        RenormalizedGradientDescent.Run(q.Rescaled, [1, 0], 1, 10).Last().Log2Norm.ShouldBe(double.NegativeInfinity);
        var blowUp = RenormalizedGradientDescent.Run(q.Rescaled, [1e300, 1e300], 3, 100).ToList();
        blowUp[^1].Log2Norm.ShouldBe(double.PositiveInfinity);
        blowUp.Count.ShouldBeLessThan(101);
    }
}
