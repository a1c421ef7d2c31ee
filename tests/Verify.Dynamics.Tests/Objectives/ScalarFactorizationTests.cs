namespace Verify.Dynamics.Tests.Objectives;

public sealed class ScalarFactorizationTests
{
    private static readonly ScalarFactorization L = ScalarFactorization.Instance;

    [Fact]
    public void ValuesGradientAndHessianInClosedForm()
    {
        L.Dimension.ShouldBe(2);
        L.ValueAt([2, 3]).ShouldBe(12.5);
        L.GradientAt([2, 3]).ShouldBe([15.0, 10.0]);
        var h = L.HessianAt([2, 3]);
        h[0, 0].ShouldBe(9.0); h[1, 1].ShouldBe(4.0); h[0, 1].ShouldBe(11.0); h[1, 0].ShouldBe(11.0);
    }

    [Fact]
    public void OtherTargetsAndScalesAgreeWithAutomaticDifferentiationExactly()
    {
        // ½(xy − 3)² and (1 − xy)²: the closed forms against forward-mode AD in exact rationals.
        foreach (var f in new[] { new ScalarFactorization(target: 3), new ScalarFactorization(scale: 1) })
            foreach (var (x, y) in new (Rational, Rational)[] { (2, 3), (new Rational(-1, 3), new Rational(7, 5)), (0, 0) })
            {
                Rational[] p = [x, y];
                f.Gradient<Rational>(p).ShouldBe(Verify.Dynamics.Differentiation.AutoDiff.Gradient<Rational>(f, p));
                f.Hessian<Rational>(p).ShouldBe(Verify.Dynamics.Differentiation.AutoDiff.Hessian<Rational>(f, p));
            }
        new ScalarFactorization(target: 3).ValueAt([1, 3]).ShouldBe(0);
        new ScalarFactorization(scale: 1).ValueAt([0, 0]).ShouldBe(1);
        new ScalarFactorization(target: 2, scale: 1).ValueAt([1, 1]).ShouldBe(1);
    }

    [Fact]
    public void CoordinatesAcrossAndAlongTheMinimizers()
    {
        ScalarFactorization.Residual<Rational>(2, new Rational(1, 2)).ShouldBe(Rational.Zero);
        ScalarFactorization.Residual<Rational>(2, 3).ShouldBe((Rational)5);
        ScalarFactorization.Imbalance<Rational>(2, 3).ShouldBe((Rational)(-5));
        ScalarFactorization.SharpnessOnMinimizers(0).ShouldBe(2.0);
        ScalarFactorization.Minimizer(4).ShouldBe([4.0, 0.25]);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    [InlineData(-3.0)]
    public void MinimizerWithImbalanceLiesOnTheCurveWithThatImbalance(double t)
    {
        var p = ScalarFactorization.MinimizerWithImbalance(t);
        (p[0] * p[1]).ShouldBe(1.0, 1e-15);
        (p[0] * p[0] - p[1] * p[1]).ShouldBe(t, 1e-14);
        p[0].ShouldBeGreaterThan(0);
        // The sharpness there is x² + y² = s(t).
        (p[0] * p[0] + p[1] * p[1]).ShouldBe(ScalarFactorization.SharpnessOnMinimizers(t), 1e-14);
    }
}
