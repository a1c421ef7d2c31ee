using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Sweeps;

public sealed class PhasePortraitTests
{
    private static readonly PortraitSettings Blog = new();

    [Theory]
    [InlineData(0.3, ConvergenceTest.Certified, 0)]
    [InlineData(0.49, ConvergenceTest.Certified, 0)]
    [InlineData(0.55, ConvergenceTest.Certified, 0)]
    [InlineData(0.99, ConvergenceTest.Certified, 2000)]
    [InlineData(1.05, ConvergenceTest.Certified, 1000)]
    [InlineData(1.3, ConvergenceTest.Certified, 1000)]
    [InlineData(0.7, ConvergenceTest.Residual, 0)]
    public void TheVectorizedSweepGivesTheScalarReferenceLabels(double eta, ConvergenceTest test, int refined)
    {
        // Odd sizes: rows not a multiple of the four lanes, and a grid wider than tall.
        var grid = new PortraitGrid(-3, 3, -2.5, 3.1, 53, 37);
        var s = Blog with { Convergence = test, RefinedSteps = refined, Steps = test == ConvergenceTest.Residual ? 5000 : 320 };
        var v = PhasePortrait.Compute(grid, eta, s, PortraitEngine.Vectorized);
        var r = PhasePortrait.Compute(grid, eta, s, PortraitEngine.Scalar);
        for (int i = 0; i < grid.Count; i++) v[i].ShouldBe(r[i], $"point {i} {grid.Point(i)}");
        for (int i = 0; i < grid.Count; i++)
        {
            var (x, y) = grid.Point(i);
            r[i].ShouldBe(FactorizationOutcome.Classify(x, y, eta, s));
        }
    }

    [Fact]
    public void TheBlogsDisplayedTransitions()
    {
        var grid = PortraitGrid.Square(3, 101);
        int Green(double eta) => PhasePortrait.Compute(grid, eta, Blog).CountBudgetLabel(TrajectoryOutcome.ConvergedWithoutCrossing);
        Green(0.49).ShouldBeGreaterThan(0);
        Green(0.55).ShouldBe(0);
        PhasePortrait.Compute(grid, 0.95, Blog).AnyReachesMinimizersWithinBudget().ShouldBeTrue();
        PhasePortrait.Compute(grid, 1.05, Blog).AnyReachesMinimizersWithinBudget().ShouldBeFalse();
    }

    [Fact]
    public void PanelsCountAndRefine()
    {
        var grid = PortraitGrid.Square(3, 41);
        var p = PhasePortrait.Compute(grid, 1.05, Blog with { RefinedSteps = 2000 });
        p.Count.ShouldBe(41 * 41);
        p.Eta.ShouldBe(1.05);
        p.Grid.ShouldBe(grid);
        p.BudgetCounts().Values.Sum().ShouldBe(p.Count);
        p.Counts().Values.Sum().ShouldBe(p.Count);
        p.BudgetCounts().Keys.Count().ShouldBe(Enum.GetValues<TrajectoryOutcome>().Length);
        // Every gray point of the budget labels is a period-2 cycle in the refined ones.
        int gray = p.CountBudgetLabel(TrajectoryOutcome.Unresolved);
        gray.ShouldBeGreaterThan(0);
        p.CyclesByPeriod().ShouldBe(new Dictionary<int, int> { [2] = gray });
        p.BudgetLabels().Count(l => l == TrajectoryOutcome.Unresolved).ShouldBe(gray);
        p.AnyReachesMinimizersWithinBudget().ShouldBeFalse();
        Enumerable.Range(0, p.Count).Where(i => p.Outcomes[i] == TrajectoryOutcome.Cycle).ShouldAllBe(i => p.Periods[i] == 2 && p.Steps[i] > 320);
    }

    [Fact]
    public void SeveralPanelsReportProgressOverAllRows()
    {
        var grid = PortraitGrid.Square(3, 9);
        var seen = new System.Collections.Concurrent.ConcurrentBag<(int Done, int Total)>();
        var panels = PhasePortrait.Compute(grid, [0.3, 0.6], Blog, progress: (d, t) => seen.Add((d, t)));
        panels.Select(p => p.Eta).ShouldBe([0.3, 0.6]);
        seen.Count.ShouldBe(18);
        seen.ShouldAllBe(s => s.Total == 18);
        seen.Select(s => s.Done).Order().ShouldBe(Enumerable.Range(1, 18));
        panels[0][0].ShouldBe(PhasePortrait.Compute(grid, 0.3, Blog)[0]);
    }

    [Fact]
    public void LocatesTheGreenThresholdAtOneHalf()
    {
        var b = PhasePortrait.LocateThreshold(PortraitGrid.Square(3, 51), Blog, p => p.CountBudgetLabel(TrajectoryOutcome.ConvergedWithoutCrossing) > 0, 0.4, 0.6, 1e-6);
        b.Width.ShouldBeLessThanOrEqualTo(1e-6);
        b.Midpoint.ShouldBe(0.5, 1e-5);
    }

    [Fact]
    public void RejectsBadLearningRates()
    {
        var grid = PortraitGrid.Square(3, 5);
        Should.Throw<ArgumentOutOfRangeException>(() => PhasePortrait.Compute(grid, 0, Blog)).Message.ShouldStartWith("The learning rate must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PhasePortrait.Compute(grid, -1, Blog)).Message.ShouldStartWith("The learning rate must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PhasePortrait.Compute(grid, double.NaN, Blog)).Message.ShouldStartWith("The learning rate must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PhasePortrait.Compute(grid, double.PositiveInfinity, Blog)).Message.ShouldStartWith("The learning rate must be positive and finite.");
        Should.Throw<ArgumentOutOfRangeException>(() => PhasePortrait.Compute(grid, 0.3, Blog with { Steps = -5 })).Message.ShouldStartWith("The step budget cannot be negative.");
    }
}
