using Verify.Dynamics.Flows;

namespace Verify.Dynamics.Tests.Flows;

public sealed class DormandPrinceTests
{
    // y′ = −y + sin t, y(0) = 1: y(t) = 1.5e^{−t} + (sin t − cos t)/2 (time-dependent, non-trivial).
    private static readonly OdeRightHandSide Forced = (t, y, dy) => dy[0] = -y[0] + Math.Sin(t);
    private static double ForcedExact(double t) => 1.5 * Math.Exp(-t) + (Math.Sin(t) - Math.Cos(t)) / 2;

    // Harmonic oscillator: (cos t, −sin t).
    private static readonly OdeRightHandSide Oscillator = (_, y, dy) => { dy[0] = y[1]; dy[1] = -y[0]; };

    [Fact]
    public void TheFixedStepFormulaHasOrderFive()
    {
        double Error(int n) => Math.Abs(DormandPrince.FixedSteps(Forced, 0, [1.0], 2, n)[0] - ForcedExact(2));
        // Observed order log₂(e(h)/e(h/2)) approaches 5 from above as h shrinks (5.34 at h = 0.1, 5.19 at
        // h = 0.05, 5.08 at h = 0.025, with h = 2/n; below that rounding takes over): a 4th-order formula would give 4.
        Math.Log2(Error(40) / Error(80)).ShouldBeInRange(5.1, 5.3);
        Math.Log2(Error(80) / Error(160)).ShouldBeInRange(4.95, 5.2);
        Should.Throw<ArgumentOutOfRangeException>(() => DormandPrince.FixedSteps(Forced, 0, [1.0], 1, 0)).Message.ShouldStartWith("Need at least one step.");
    }

    [Theory]
    [InlineData(1e-6)]
    [InlineData(1e-9)]
    [InlineData(1e-12)]
    public void TheAdaptiveErrorFollowsTheTolerance(double tol)
    {
        var sol = DormandPrince.Solve(Oscillator, 0, [1.0, 0.0], 10, new OdeTolerances(tol, tol));
        sol.Status.ShouldBe(OdeStatus.Reached);
        sol.FinalTime.ShouldBe(10);
        double err = Math.Max(Math.Abs(sol.Final[0] - Math.Cos(10)), Math.Abs(sol.Final[1] + Math.Sin(10)));
        // Global error of a few tolerances over ~2 periods (local control, no global guarantee), and
        // not far below it either: the step count adapts to the tolerance.
        err.ShouldBeLessThan(20 * tol);
        err.ShouldBeGreaterThan(tol / 1000);
        sol.Times.Count.ShouldBe(sol.AcceptedSteps + 1);
        sol.States.Count.ShouldBe(sol.Times.Count);
    }

    [Fact]
    public void TighterTolerancesTakeMoreStepsAndRejectStepsThatAreTooLong()
    {
        var loose = DormandPrince.Solve(Forced, 0, [1.0], 5, new OdeTolerances(1e-5, 1e-5, InitialStep: 1));
        var tight = DormandPrince.Solve(Forced, 0, [1.0], 5, new OdeTolerances(1e-11, 1e-11, InitialStep: 1));
        tight.AcceptedSteps.ShouldBeGreaterThan(2 * loose.AcceptedSteps);
        tight.RejectedSteps.ShouldBeGreaterThan(0); // a first step of 1 is far too long for 1e-11
        Math.Abs(tight.Final[0] - ForcedExact(5)).ShouldBeLessThan(1e-9);
        Math.Abs(loose.Final[0] - ForcedExact(5)).ShouldBeLessThan(1e-3);
    }

    [Fact]
    public void StopsOnRequestOnBudgetAndOnNonFiniteValues()
    {
        var stopped = DormandPrince.Solve(Oscillator, 0, [1.0, 0.0], 10, null, (_, y) => y[0] < 0);
        stopped.Status.ShouldBe(OdeStatus.Stopped);
        stopped.Final[0].ShouldBeLessThan(0);
        stopped.FinalTime.ShouldBeLessThan(Math.PI / 2 + 0.5);
        DormandPrince.Solve(Oscillator, 0, [1.0, 0.0], 10, new OdeTolerances(MaxSteps: 3)).Status.ShouldBe(OdeStatus.StepBudget);
        DormandPrince.Solve((_, y, dy) => dy[0] = double.NaN, 0, [1.0], 1).Status.ShouldBe(OdeStatus.NonFinite);
        // y′ = y² from 1 blows up at t = 1: the step shrinks to nothing before it.
        var blowup = DormandPrince.Solve((_, y, dy) => dy[0] = y[0] * y[0], 0, [1.0], 2);
        blowup.Status.ShouldBeOneOf(OdeStatus.StepTooSmall, OdeStatus.NonFinite);
        blowup.FinalTime.ShouldBeLessThan(1);
        Should.Throw<ArgumentException>(() => DormandPrince.Solve(Oscillator, 1, [1.0, 0.0], 1)).Message.ShouldBe("Need t1 > t0, got [1, 1].");
        var capped = DormandPrince.Solve(Oscillator, 0, [1.0, 0.0], 1, new OdeTolerances(MaxStep: 0.01));
        capped.AcceptedSteps.ShouldBeGreaterThanOrEqualTo(100);
    }
}
