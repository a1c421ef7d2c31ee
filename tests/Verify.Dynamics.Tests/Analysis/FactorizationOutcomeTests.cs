using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class FactorizationOutcomeTests
{
    private static readonly PortraitSettings Blog = new();
    private static readonly PortraitSettings Refined = new() { RefinedSteps = 4000 };

    [Fact]
    public void TheSaddleAndItsStableLineSettleAtTheSaddle()
    {
        FactorizationOutcome.Classify(0, 0, 0.3, Blog).ShouldBe(new PointOutcome(TrajectoryOutcome.Saddle, 0, 0, 0, 0, 0));
        var p = FactorizationOutcome.Classify(0.5, -0.5, 0.3, Blog);
        p.Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        p.Step.ShouldBe(0);
        // Off the line x = −y the saddle repels: (0.5, −0.49) is not blue.
        FactorizationOutcome.Classify(0.5, -0.49, 0.3, Blog).Outcome.ShouldNotBe(TrajectoryOutcome.Saddle);
        // On the line but where the 1-D map x ↦ x(1 − η(1 + x²)) does not contract yet: decided later, or not at all.
        var far = FactorizationOutcome.Classify(2.5, -2.5, 0.3, Blog);
        far.Outcome.ShouldBe(TrajectoryOutcome.Diverged);
    }

    [Fact]
    public void AStartOnTheCurveIsDecidedAtStepZero()
    {
        FactorizationOutcome.Classify(1, 1, 0.3, Blog).ShouldBe(new PointOutcome(TrajectoryOutcome.ConvergedWithoutCrossing, 0, 0, 0, 1, 1));
        FactorizationOutcome.Classify(1, 1, 0.7, Blog).Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithCrossing);
        // η = 1.05: the balanced minimizer repels, and floating-point GD stays there forever: unresolved.
        FactorizationOutcome.Classify(1, 1, 1.05, Blog).ShouldBe(new PointOutcome(TrajectoryOutcome.Unresolved, 320, 0, 0, 1, 1));
    }

    [Fact]
    public void CrossingsAreCountedUntilTheDecision()
    {
        // From above the curve at η = 0.3 a start can cross once and then converge from the other side.
        var p = FactorizationOutcome.Classify(1.8, 0.3, 0.3, Blog);
        p.Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithCrossing);
        p.Crossings.ShouldBe(Replayed(1.8, 0.3, 0.3, p.Step));
        p.Crossings.ShouldBeGreaterThan(0);
        var green = FactorizationOutcome.Classify(0.3, 0.2, 0.3, Blog);
        green.Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithoutCrossing);
        green.Crossings.ShouldBe(0);
        // The decision iterate is the trajectory's iterate at that step.
        var it = GradientDescent.Iterate(ScalarFactorization.Instance, [0.3, 0.2], 0.3, green.Step);
        (green.X, green.Y).ShouldBe((it[0], it[1]));
    }

    private static int Replayed(double x, double y, double eta, int steps)
    {
        int crossings = 0;
        double last = Math.Sign(x * y - 1);
        for (int k = 0; k < steps; k++)
        {
            double g = eta * (x * y - 1);
            (x, y) = (x - g * y, y - g * x);
            double s = Math.Sign(x * y - 1);
            if (s != 0 && s != last) { crossings++; last = s; }
        }
        return crossings;
    }

    [Fact]
    public void DivergenceIsAnOutcomeNeverAnException()
    {
        FactorizationOutcome.Classify(2e6, 0, 0.3, Blog).ShouldBe(new PointOutcome(TrajectoryOutcome.Diverged, 0, 0, 0, 2e6, 0));
        FactorizationOutcome.Classify(double.NaN, 0, 0.3, Blog).Outcome.ShouldBe(TrajectoryOutcome.Diverged);
        FactorizationOutcome.Classify(double.PositiveInfinity, 1, 0.3, Blog).Outcome.ShouldBe(TrajectoryOutcome.Diverged);
        var p = FactorizationOutcome.Classify(3, 3, 0.9, Blog);
        p.Outcome.ShouldBe(TrajectoryOutcome.Diverged);
        p.Step.ShouldBeGreaterThan(0);
        (Math.Abs(p.X) > 1e6 || Math.Abs(p.Y) > 1e6 || !double.IsFinite(p.X)).ShouldBeTrue();
        // A smaller radius decides sooner.
        FactorizationOutcome.Classify(3, 3, 0.9, Blog with { DivergenceRadius = 10 }).Step.ShouldBeLessThan(p.Step);
    }

    [Fact]
    public void TheBudgetLimitsTheDecision()
    {
        FactorizationOutcome.Classify(1.8, 0.3, 0.3, Blog with { Steps = 0 }).ShouldBe(new PointOutcome(TrajectoryOutcome.Unresolved, 0, 0, 0, 1.8, 0.3));
        var p = FactorizationOutcome.Classify(1.8, 0.3, 0.3, Blog);
        FactorizationOutcome.Classify(1.8, 0.3, 0.3, Blog with { Steps = p.Step - 1 }).Outcome.ShouldBe(TrajectoryOutcome.Unresolved);
        FactorizationOutcome.Classify(1.8, 0.3, 0.3, Blog with { Steps = p.Step }).ShouldBe(p);
    }

    [Fact]
    public void ResidualTestDecidesAtTheFirstSmallResidual()
    {
        var s = Blog with { Convergence = ConvergenceTest.Residual, Tolerance = 1e-8, Steps = 10_000 };
        var p = FactorizationOutcome.Classify(0.3, 0.2, 0.3, s);
        p.Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithoutCrossing);
        Math.Abs(p.X * p.Y - 1).ShouldBeLessThanOrEqualTo(1e-8);
        var before = GradientDescent.Iterate(ScalarFactorization.Instance, [0.3, 0.2], 0.3, p.Step - 1);
        Math.Abs(before[0] * before[1] - 1).ShouldBeGreaterThan(1e-8);
        // The saddle within the tolerance; the residual test never certifies an unstable landing.
        FactorizationOutcome.Classify(1e-9, -1e-9, 0.3, s).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        FactorizationOutcome.Classify(0.5, -0.5, 0.3, s).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        FactorizationOutcome.Classify(1, 1, 1.05, s).Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithoutCrossing);
        // Crossings count toward orange in the residual test too.
        FactorizationOutcome.Classify(1.2, -0.4, 0.7, s).Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithCrossing);
    }

    [Fact]
    public void RefinementFindsThePeriodTwoCycleBeyondOne()
    {
        var p = FactorizationOutcome.Classify(0.5, 0.45, 1.05, Refined);
        p.Outcome.ShouldBe(TrajectoryOutcome.Cycle);
        p.Period.ShouldBe(2);
        p.Step.ShouldBeGreaterThan(320);
        p.Step.ShouldBeLessThanOrEqualTo(4000);
        // The reported point is on the cycle: two steps come back to it, one does not.
        var two = GradientDescent.Iterate(ScalarFactorization.Instance, [p.X, p.Y], 1.05, 2);
        Math.Abs(two[0] - p.X).ShouldBeLessThan(1e-8);
        var one = GradientDescent.Iterate(ScalarFactorization.Instance, [p.X, p.Y], 1.05, 1);
        Math.Abs(one[0] - p.X).ShouldBeGreaterThan(1e-3);
        // Without refinement it is gray.
        FactorizationOutcome.Classify(0.5, 0.45, 1.05, Blog).Outcome.ShouldBe(TrajectoryOutcome.Unresolved);
        FactorizationOutcome.Classify(0.5, 0.45, 1.25, Refined).Period.ShouldBe(4);
    }

    [Fact]
    public void RefinementSeparatesChaosFromSlowSettling()
    {
        FactorizationOutcome.Classify(0.5, 0.45, 1.4, Refined).Outcome.ShouldBe(TrajectoryOutcome.BoundedAperiodic);
        // η = 1: the balanced minimizer attracts only algebraically; still settling after 4000 steps.
        var slow = FactorizationOutcome.Classify(0.5, 0.45, 1.0, Refined);
        slow.Outcome.ShouldBe(TrajectoryOutcome.Unresolved);
        slow.Step.ShouldBe(4000);
        // η = 0.99: some starts are gray within 320 steps and reach xy = 1 later.
        var grid = PortraitGrid.Square(3, 101);
        var late = Enumerable.Range(0, grid.Count).Select(i => grid.Point(i))
            .Select(p => FactorizationOutcome.Classify(p.X, p.Y, 0.99, Refined))
            .First(o => o.Step > 320 && o.Outcome.ReachesMinimizers());
        late.Outcome.ShouldBe(TrajectoryOutcome.ConvergedWithCrossing);
        late.Step.ShouldBeGreaterThan(320);
        late.Outcome.WithinBudget(late.Step, 320).ShouldBe(TrajectoryOutcome.Unresolved);
        // Refining a decided point changes nothing.
        var decided = FactorizationOutcome.Classify(0.3, 0.2, 0.3, Blog);
        FactorizationOutcome.Refine(decided, 0.3, Refined).ShouldBe(decided);
    }

    [Fact]
    public void SettlingNeedsASteadyDecrease()
    {
        FactorizationOutcome.IsSettling([8, 7, 6, 5, 4, 3, 2, 1]).ShouldBeTrue();
        FactorizationOutcome.IsSettling([8, 7, 6, 5, 4, 3, 2, 2]).ShouldBeFalse();
        FactorizationOutcome.IsSettling([8, 7, 9, 5, 4, 3, 2, 1]).ShouldBeFalse();
        FactorizationOutcome.IsSettling([1, 0.98, 0.96, 0.94, 0.92, 0.9, 0.88, 0.86]).ShouldBeTrue();
        FactorizationOutcome.IsSettling([1, 0.999, 0.998, 0.997, 0.996, 0.995, 0.994, 0.993]).ShouldBeFalse(); // less than 10% overall
        FactorizationOutcome.IsSettling([double.PositiveInfinity, 1, 0.5]).ShouldBeTrue();
    }

    [Fact]
    public void BudgetLabelsHideLateAndRefinedOutcomes()
    {
        TrajectoryOutcome.ConvergedWithCrossing.WithinBudget(320, 320).ShouldBe(TrajectoryOutcome.ConvergedWithCrossing);
        TrajectoryOutcome.ConvergedWithCrossing.WithinBudget(321, 320).ShouldBe(TrajectoryOutcome.Unresolved);
        TrajectoryOutcome.Cycle.WithinBudget(100, 320).ShouldBe(TrajectoryOutcome.Unresolved);
        TrajectoryOutcome.BoundedAperiodic.WithinBudget(100, 320).ShouldBe(TrajectoryOutcome.Unresolved);
        TrajectoryOutcome.Diverged.WithinBudget(3, 320).ShouldBe(TrajectoryOutcome.Diverged);
        TrajectoryOutcome.ConvergedWithoutCrossing.ReachesMinimizers().ShouldBeTrue();
        TrajectoryOutcome.ConvergedWithCrossing.ReachesMinimizers().ShouldBeTrue();
        TrajectoryOutcome.Saddle.ReachesMinimizers().ShouldBeFalse();
        TrajectoryOutcome.Cycle.ReachesMinimizers().ShouldBeFalse();
    }

    [Fact]
    public void SettingsAreValidated()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { Steps = -1 })).Message.ShouldStartWith("The step budget cannot be negative.");
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { Tolerance = 0 })).Message.ShouldStartWith("The tolerance must be positive.");
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { DivergenceRadius = double.NaN })).Message.ShouldStartWith("The divergence radius must be positive.");
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { MaxPeriod = 0 })).Message.ShouldStartWith("The maximal period must be at least 1.");
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { CycleTolerance = -1 })).Message.ShouldStartWith("The cycle tolerance must be positive.");
        Should.Throw<ArgumentOutOfRangeException>(() => FactorizationOutcome.Classify(1, 1, 0.3, Blog with { CycleWindow = 0 })).Message.ShouldStartWith("The cycle window must be at least 1.");
        Blog.Refines.ShouldBeFalse();
        Refined.Refines.ShouldBeTrue();
    }

    /// <summary>Sign changes of n = xy − 1 along the GD orbit up to <paramref name="steps"/>, against the last non-zero sign.</summary>
    private static int CountCrossings(double x, double y, double eta, int steps)
    {
        int crossings = 0; double last = Math.Sign(x * y - 1);
        for (int k = 0; k <= steps; k++)
        {
            if (k > 0) { double g = eta * (x * y - 1); (x, y) = (x - g * y, y - g * x); }
            double n = x * y - 1;
            if (n * last < 0) crossings++;
            if (n != 0) last = Math.Sign(n);
        }
        return crossings;
    }

    [Theory]
    [InlineData(320)]
    [InlineData(321)]
    public void ResumingARefinementCountsNoSpuriousCrossing(int steps)
    {
        // Near the 2-cycle at η = 1.05 n alternates in sign, so the resume happens at n > 0 for one budget and
        // at n < 0 for the other; the refined count equals a plain count along the whole orbit.
        var p = FactorizationOutcome.Classify(0.5, 0.45, 1.05, Refined with { Steps = steps });
        p.Outcome.ShouldBe(TrajectoryOutcome.Cycle);
        p.Crossings.ShouldBe(CountCrossings(0.5, 0.45, 1.05, p.Step));
        p.Crossings.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void TheDivergenceRadiusItselfIsNotDivergence()
    {
        // |x| = 10⁶ = the radius: bounded at step 0 and step 1 (x stays, y = 0.3·10⁶), escapes at step 2.
        var p = FactorizationOutcome.Classify(1e6, 0, 0.3, Blog);
        p.Outcome.ShouldBe(TrajectoryOutcome.Diverged);
        p.Step.ShouldBe(2);
        FactorizationOutcome.Classify(0, 1e6, 0.3, Blog).Step.ShouldBe(2);
    }

    [Fact]
    public void TheSaddleLineNeedsAStrictContraction()
    {
        // x = −y = 1 at η = 1: η(1 + x²) = 2, x' = −x: a 2-cycle on the line, not settling at the saddle.
        FactorizationOutcome.Classify(1, -1, 1, Blog).ShouldBe(new PointOutcome(TrajectoryOutcome.Unresolved, 320, 0, 0, 1, -1));
        FactorizationOutcome.Classify(0.5, -0.5, 1, Blog).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
    }

    [Fact]
    public void TheResidualTestsIncludeTheirTolerance()
    {
        var s = Blog with { Convergence = ConvergenceTest.Residual, Tolerance = 0.25 };
        FactorizationOutcome.Classify(1.25, 1, 0.1, s).ShouldBe(new PointOutcome(TrajectoryOutcome.ConvergedWithoutCrossing, 0, 0, 0, 1.25, 1));
        FactorizationOutcome.Classify(0.25, 0.25, 0.1, s).ShouldBe(new PointOutcome(TrajectoryOutcome.Saddle, 0, 0, 0, 0.25, 0.25));
        FactorizationOutcome.Classify(0.25, 0, 0.1, s).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        FactorizationOutcome.Classify(0, 0.25, 0.1, s).Step.ShouldBe(0);
        // Both coordinates must be small for the saddle.
        FactorizationOutcome.Classify(0, 0.5, 0.1, s).Step.ShouldBeGreaterThan(0);
        FactorizationOutcome.Classify(0.5, 0, 0.1, s).Step.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void AnUndefinedOrBarelyDecreasingDistanceIsJudgedAsDocumented()
    {
        FactorizationOutcome.IsSettling([1, double.PositiveInfinity]).ShouldBeTrue();
        FactorizationOutcome.IsSettling([1, double.NaN]).ShouldBeTrue();
        FactorizationOutcome.IsSettling([1, double.NegativeInfinity]).ShouldBeTrue();
        // Exactly 10% overall is enough.
        FactorizationOutcome.IsSettling([1, 0.9]).ShouldBeTrue();
        FactorizationOutcome.IsSettling([1, 0.95]).ShouldBeFalse();
    }
}
