using Verify.Dynamics.Analysis;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

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
        Should.Throw<ArgumentException>(() => TwoStepRoot.Locate<Real>(QuarticWell.Instance, 0.9, 0.5, 0.1));
    }
}
