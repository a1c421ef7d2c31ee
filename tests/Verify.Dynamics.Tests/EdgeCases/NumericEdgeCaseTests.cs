using Verify.Dynamics.Flows;
using Verify.Dynamics.Optimizers;
using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.EdgeCases;

/// <summary>
/// Starts at the edges of double arithmetic: ±1e300 (the first step overflows), subnormals, exact zeros
/// (the saddle), NaN and infinities, and exact points of the minimizer set. Divergence, overflow and NaN
/// are outcomes the core reports, never exceptions; exact critical points stay exactly where they are.
/// </summary>
public sealed class NumericEdgeCaseTests
{
    private static readonly ScalarFactorization L = ScalarFactorization.Instance;
    private static readonly PortraitSettings Settings = new() { Steps = 200, RefinedSteps = 2000 };

    public static TheoryData<double, double> HugeStarts => new()
    {
        { 1e300, 1e300 }, { -1e300, 1e300 }, { 1e300, -1e300 }, { -1e300, -1e300 }, { 1e300, 0 }, { 0, -1e300 }, { double.MaxValue, 1 },
    };

    public static TheoryData<double, double> NonFiniteStarts => new()
    {
        { double.NaN, 1 }, { 1, double.NaN }, { double.PositiveInfinity, 1 }, { 1, double.NegativeInfinity }, { double.NaN, double.NaN },
    };

    [Theory]
    [MemberData(nameof(HugeStarts))]
    [MemberData(nameof(NonFiniteStarts))]
    public void HugeAndNonFiniteStartsDivergeWithoutThrowing(double x, double y)
    {
        var run = GradientDescent.Run(L, [x, y], 0.5, 50);
        run.Diverged.ShouldBeTrue();
        FactorizationOutcome.Classify(x, y, 0.5, Settings).Outcome.ShouldBe(TrajectoryOutcome.Diverged);
        OptimizerRun.Run(new HeavyBall(0.1, 0.9), L, [x, y], 50).Diverged.ShouldBeTrue();
        FactorizationDescent.Run([x], [y], 1, 0.5, 1e-12, 50).Status.ShouldBe(PathStatus.Diverged);
    }

    [Theory]
    [MemberData(nameof(HugeStarts))]
    public void AdamStaysFiniteWhereGradientDescentOverflows(double x, double y)
    {
        // Adam's step is normalised: |Δ| ≤ about the learning rate, so even 1e300 moves by O(η) while the gradient
        // itself overflows to ±∞ (∞/∞ = NaN is the outcome to report, not an exception).
        var run = OptimizerRun.Run(new Adam(0.1), L, [x, y], 5);
        run.Count.ShouldBeGreaterThan(0);
        Should.NotThrow(() => run.Diverged);
    }

    [Fact]
    public void TheSaddleAtExactZeroIsAFixedPointAndSubnormalStartsLeaveIt()
    {
        GradientDescent.Iterate(L, [0.0, 0.0], 0.5, 1000).ShouldBe([0.0, 0.0]);
        FactorizationOutcome.Classify(0, 0, 0.5, Settings).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        FactorizationOutcome.Classify(-0.0, 0, 0.5, Settings).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        // The saddle repels along x = y at rate 1 + η, but not from the smallest subnormal ε: the step ηε = ½ε rounds
        // to 0 there (½ε is a tie, rounded to the even 0), so (ε, ε) is a fixed point of floating-point GD, labelled a
        // period-1 cycle. From 2ε the step is exact and the iterate grows: about 1074·ln 2 / ln 1.5 ≈ 1836 steps to O(1).
        var smallest = FactorizationOutcome.Classify(double.Epsilon, double.Epsilon, 0.5, Settings with { Steps = 4000, RefinedSteps = 5000 });
        (smallest.Outcome, smallest.Period, smallest.X).ShouldBe((TrajectoryOutcome.Cycle, 1, double.Epsilon));
        var tiny = FactorizationOutcome.Classify(2 * double.Epsilon, 2 * double.Epsilon, 0.5, Settings with { Steps = 4000, RefinedSteps = 0 });
        tiny.Outcome.ReachesMinimizers().ShouldBeTrue(tiny.ToString());
        tiny.Step.ShouldBeGreaterThan(1700);
        Math.Abs(tiny.X * tiny.Y - 1).ShouldBeLessThan(0.25);
        // Along x = −y the saddle attracts (x' = x(1 − η(1 + x²))), bit for bit on the antidiagonal.
        FactorizationOutcome.Classify(double.Epsilon, -double.Epsilon, 0.5, Settings).Outcome.ShouldBe(TrajectoryOutcome.Saddle);
        var shrunk = GradientDescent.Iterate(L, [1e-300, -1e-300], 0.5, 100);
        (shrunk[0] == -shrunk[1] && Math.Abs(shrunk[0]) < 1e-320).ShouldBeTrue();
    }

    /// <summary>
    /// At an exact point (a, 1/a) of xy = 1 the gradient is exactly 0, so floating-point GD never moves; the label
    /// follows the exact map's multiplier b = 1 − η(a² + 1/a²) there (rounding may put the iterate on either side):
    /// b ∈ (0, 1) green, b ∈ (−1, 0) orange, |b| &gt; 1 a point GD cannot leave in floating point (a period-1 cycle).
    /// </summary>
    [Theory]
    [InlineData(1.0, 0.3, TrajectoryOutcome.ConvergedWithoutCrossing)]   // b = 0.4
    [InlineData(2.0, 0.2, TrajectoryOutcome.ConvergedWithoutCrossing)]   // b = 0.15
    [InlineData(2.0, 0.3, TrajectoryOutcome.ConvergedWithCrossing)]      // b = −0.275
    [InlineData(2.0, 1.5, TrajectoryOutcome.Cycle)]                      // b = −5.375
    [InlineData(0.25, 1.9, TrajectoryOutcome.Cycle)]
    public void ExactMinimizersAreExactFixedPointsLabelledByTheirMultiplier(double a, double eta, TrajectoryOutcome expected)
    {
        double[] start = [a, 1 / a];
        (start[0] * start[1]).ShouldBe(1.0);
        L.GradientAt(start).ShouldBe([0.0, 0.0]);
        GradientDescent.Iterate(L, start, eta, 500).ShouldBe(start);
        var outcome = FactorizationOutcome.Classify(start[0], start[1], eta, Settings);
        outcome.Outcome.ShouldBe(expected);
        if (expected == TrajectoryOutcome.Cycle) outcome.Period.ShouldBe(1);
        (outcome.X, outcome.Y).ShouldBe((start[0], start[1]));
    }

    [Fact]
    public void BothPortraitEnginesAgreeOnAGridSpanningTheWholeDoubleRange()
    {
        var grid = new PortraitGrid(-1e300, 1e300, -1e300, 1e300, 9, 9);  // includes 0 and ±1e300 exactly
        foreach (double eta in new[] { 0.25, 0.75, 1.5 })
        {
            var simd = PhasePortrait.Compute(grid, eta, Settings, PortraitEngine.Vectorized);
            var scalar = PhasePortrait.Compute(grid, eta, Settings, PortraitEngine.Scalar);
            simd.Outcomes.ShouldBe(scalar.Outcomes);
            simd.Outcomes[grid.Count / 2].ShouldBe(TrajectoryOutcome.Saddle);  // the centre is (0, 0)
            // Every other point has |x| or |y| ≥ 2.5e299, so xy or the first step overflows.
            simd.Counts()[TrajectoryOutcome.Diverged].ShouldBe(grid.Count - 1);
        }
    }

    [Fact]
    public void AnalysesOfNonFiniteIteratesReturnNonFiniteValuesNotExceptions()
    {
        double sharp = Sharpness.At(L, [1e300, 1e300]);
        (double.IsNaN(sharp) || double.IsInfinity(sharp)).ShouldBeTrue();
        double.IsNaN(Sharpness.At(L, [double.NaN, 1])).ShouldBeTrue();
        Periodicity.Detect([[double.NaN, 1], [double.NaN, 1], [double.NaN, 1]], 2, 1e-9, 3).ShouldBeNull();
        double.IsNaN(DirectionOfApproach.Secant([1, 1], [1, 1])[0]).ShouldBeTrue();  // no direction at x = x*
        double.IsNaN(StepAlignment.Cosine([0, 0], [1, 0])).ShouldBeTrue();
        SharpnessGradient.TopEigenpair(L, [1e300, 1e300]).Value.ShouldBe(double.NaN);
        var overflowed = PeriodicOrbit.Build(new GradientDescentMap(L, 0.5), [1e300, 1e300], 2);
        overflowed.Multipliers.ShouldAllBe(m => double.IsNaN(m.Real));
    }

    [Fact]
    public void GradientFlowFromAnOverflowingStartStopsWithAStatus()
    {
        var solution = GradientFlow.Solve(L, [1e300, 1e300], 1.0);
        solution.Status.ShouldBeOneOf(OdeStatus.NonFinite, OdeStatus.StepTooSmall);
        GradientFlow.Solve(L, [double.NaN, 1], 1.0).Status.ShouldBe(OdeStatus.NonFinite);
        GradientFlow.Solve(L, [0, 0], 1.0).Final.ShouldBe([0.0, 0.0]);
    }
}
