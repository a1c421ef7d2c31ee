namespace Verify.Dynamics.Tests.Analysis;

public sealed class TwoStepRootTests
{
    [Fact]
    public void FindsTheStepWhosePeriodTwoOrbitPassesThroughTheStart()
    {
        var f = QuarticWell.Instance;
        double x0 = 0.9;
        var b = TwoStepRoot.Locate<Rational>(f, x0, 1.0, 1.2);
        b.SignChange.ShouldBeTrue();
        b.SignAtLower.ShouldBe(1); b.SignAtUpper.ShouldBe(-1);
        (b.Upper - b.Lower).ShouldBeLessThanOrEqualTo(4e-16);
        b.Midpoint.ShouldBe(f.StepOfTwoCycleThrough(x0), 1e-14);
        b.Evaluations.ShouldBeGreaterThan(40);
    }

    [Fact]
    public void ExactSignsResolveRootsTooCloseToTheEdgeForDoubles()
    {
        // x₀ = 1 − 10⁻⁸: the root is η ≈ 1 + 1.5·10⁻¹⁶·…, within a few ulps of 1.
        var f = QuarticWell.Instance;
        double x0 = 1 - 1e-8;
        TwoStepRoot.Sign<Rational>(f, x0, 1.0).ShouldBe(1);
        TwoStepRoot.Sign<Rational>(f, x0, 1.0 + 1e-6).ShouldBe(-1);
        TwoStepRoot.Residual<Rational>(f, 0.5, 1.0).ShouldBe(TwoStepRoot.Residual<Rational>(f, 0.5, 1.0));
        var b = TwoStepRoot.Locate<Rational>(f, x0, 1.0, 1.0 + 1e-6, tolerance: 1e-20);
        b.SignChange.ShouldBeTrue();
        b.Lower.ShouldBeGreaterThanOrEqualTo(1.0);
    }

    [Fact]
    public void NoSignChangeIsReportedNotThrown()
    {
        // Below the edge of stability x₀ moves toward 1 over two steps: R > 0 on the whole bracket.
        var b = TwoStepRoot.Locate<Real>(QuarticWell.Instance, 0.9, 0.1, 0.5);
        b.SignChange.ShouldBeFalse();
        b.Lower.ShouldBe(0.1); b.Upper.ShouldBe(0.5);
        b.Evaluations.ShouldBe(2);
        Should.Throw<ArgumentException>(() => TwoStepRoot.Locate<Real>(QuarticWell.Instance, 0.9, 0.5, 0.1)).Message.ShouldBe("Need lo < hi, got [0.5, 0.1].");
    }

    [Fact]
    public void ARootAtAnEndOfTheBracketIsReportedNotSearched()
    {
        // ½x² from x₀ = 1: F(x) = (1 − η)x, R(η) = ((1 − η)² − 1): R(2) = 0 exactly, R < 0 on (0, 2), R > 0 beyond.
        var f = Quadratic.Diagonal(1);
        var atLower = TwoStepRoot.Locate<Rational>(f, 1, 2, 3);
        atLower.ShouldBe(new TwoStepRoot.Bracket(2, 3, 0, 1, 2));
        atLower.SignChange.ShouldBeFalse();
        var atUpper = TwoStepRoot.Locate<Rational>(f, 1, 1, 2);
        atUpper.ShouldBe(new TwoStepRoot.Bracket(1, 2, -1, 0, 2));
        atUpper.SignChange.ShouldBeFalse();
        Should.Throw<ArgumentException>(() => TwoStepRoot.Locate<Rational>(f, 1, 2, 2)).Message.ShouldBe("Need lo < hi, got [2, 2].");
    }

    [Fact]
    public void BisectionClosesOnTheRootToAdjacentDoublesOrToTheTolerance()
    {
        var f = Quadratic.Diagonal(1);
        var b = TwoStepRoot.Locate<Rational>(f, 1, 1.5, 2.5);
        b.SignChange.ShouldBeTrue();
        b.SignAtLower.ShouldBe(-1);
        b.SignAtUpper.ShouldBe(1);
        // R(2) = 0 is not of the lower sign, so 2 is the upper end and its predecessor the lower one.
        b.Upper.ShouldBe(2);
        b.Lower.ShouldBe(Math.BitDecrement(2.0));
        var coarse = TwoStepRoot.Locate<Rational>(f, 1, 1.5, 2.5, tolerance: 1e-3);
        (coarse.Upper - coarse.Lower).ShouldBe(Math.Pow(2, -10));
        coarse.Lower.ShouldBeLessThan(2);
        coarse.Upper.ShouldBeGreaterThanOrEqualTo(2);
        coarse.Evaluations.ShouldBeLessThan(b.Evaluations);
    }

    [Fact]
    public void ASignChangeNeedsTwoNonZeroOppositeSigns()
    {
        new TwoStepRoot.Bracket(0, 1, 0, 1, 2).SignChange.ShouldBeFalse();
        new TwoStepRoot.Bracket(0, 1, 1, 0, 2).SignChange.ShouldBeFalse();
        new TwoStepRoot.Bracket(0, 1, 1, -1, 2).SignChange.ShouldBeTrue();
        new TwoStepRoot.Bracket(0, 1, 1, 1, 2).SignChange.ShouldBeFalse();
        new TwoStepRoot.Bracket(1, 2, 1, -1, 2).Midpoint.ShouldBe(1.5);
    }
}
