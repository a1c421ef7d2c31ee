namespace Verify.Dynamics.Tests.Analysis;

public sealed class ResidualStepThresholdsTests
{
    [Theory]
    [InlineData(3.0, 0.5, 1.0)]
    [InlineData(5.0, -0.4, 1.0)]
    [InlineData(2.5, 0.0, 2.0)]
    [InlineData(4.0, -1.5, 1.0)]
    public void TheThresholdsZeroAndReflectTheResidual(double lambda, double e, double phi)
    {
        double eta1 = ResidualStepThresholds.Zeroing(lambda, e, phi);
        double eta2 = ResidualStepThresholds.Reflecting(lambda, e, phi);
        ResidualStepThresholds.Multiplier(eta1, lambda, e, phi).ShouldBe(0, 1e-13);
        ResidualStepThresholds.Multiplier(eta2, lambda, e, phi).ShouldBe(-1, 1e-13);
        eta1.ShouldBeGreaterThan(0);
        eta2.ShouldBeGreaterThan(eta1);
        // Smallest roots: m is positive just below η₁ and above −1 just below η₂.
        ResidualStepThresholds.Multiplier(eta1 * 0.99, lambda, e, phi).ShouldBeGreaterThan(0);
        ResidualStepThresholds.Multiplier(eta2 * 0.99, lambda, e, phi).ShouldBeGreaterThan(-1);
    }

    [Fact]
    public void ValuesAndDegenerateCases()
    {
        ResidualStepThresholds.Zeroing(2, 0, 1).ShouldBe(0.5);
        ResidualStepThresholds.Reflecting(2, 0, 1).ShouldBe(1);
        ResidualStepThresholds.Multiplier(0.5, 2, 1, 1).ShouldBe(1 - 1 + 0.25 * 2);
        double.IsNaN(ResidualStepThresholds.Zeroing(1, 1, 1)).ShouldBeTrue(); // λ² = 1 < 4·2
        double.IsNaN(ResidualStepThresholds.Reflecting(3, 1, 1)).ShouldBeTrue(); // 9 < 16
        ResidualStepThresholds.Catalan(8).ShouldBe([1L, 1, 2, 5, 14, 42, 132, 429]);
    }

    [Fact]
    public void ADoubleRootIsARoot()
    {
        // λ = 4, r(r + Φ) = 2: λ² − 8p = 0, the reflecting step is the double root 4/4 = 1.
        ResidualStepThresholds.Reflecting(4, 1, 1).ShouldBe(1);
        ResidualStepThresholds.Reflecting(3.9, 1, 1).ShouldBe(double.NaN);
    }
}
