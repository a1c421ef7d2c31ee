namespace Verify.Dynamics.Tests.Analysis;

public sealed class PeriodicityTests
{
    private static List<double[]> Cycle(int period, int count, double noise = 0) =>
        Enumerable.Range(0, count).Select(k => new[] { (double)(k % period), noise * Math.Pow(0.5, k) }).ToList();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void FindsTheSmallestPeriod(int period) =>
        Periodicity.Detect(Cycle(period, 200), maxPeriod: 8, tolerance: 1e-9).ShouldBe(period);

    [Fact]
    public void APeriodBeyondTheLimitIsNotReported() =>
        Periodicity.Detect(Cycle(9, 200), maxPeriod: 8, tolerance: 1e-9).ShouldBeNull();

    [Fact]
    public void TooShortASequenceIsNotJudged() =>
        Periodicity.Detect(Cycle(2, 20), maxPeriod: 8, tolerance: 1e-9, window: 64).ShouldBeNull();

    [Fact]
    public void OfMapFindsThePeriodTwoOrbitOfTheLogisticMap()
    {
        // r = 3.2: a stable 2-cycle; r = 3.5: a 4-cycle; r = 3.9: chaos (no period ≤ 8).
        int? Period(double r) => Periodicity.OfMap(x => [r * x[0] * (1 - x[0])], [0.3], 5000, 8, 1e-9).Period;
        Period(2.8).ShouldBe(1);
        Period(3.2).ShouldBe(2);
        Period(3.5).ShouldBe(4);
        Period(3.9).ShouldBeNull();
    }

    [Fact]
    public void DivergenceAndNaNAreOutcomesNotExceptions()
    {
        var (period, tail) = Periodicity.OfMap(x => [x[0] * x[0]], [10.0], 100, 8, 1e-9);
        period.ShouldBeNull();
        double.IsFinite(tail[^1][0]).ShouldBeFalse();
        Periodicity.Distance([double.NaN], [0]).ShouldBe(double.PositiveInfinity);
    }

    private static List<double[]> Seq(params double[] v) => v.Select(e => new[] { e }).ToList();

    [Fact]
    public void TheInspectedTailIsExactlyWindowPlusPeriodPoints()
    {
        // window + p points are just enough for period p; one disturbed point at the very start of them counts.
        Periodicity.Detect(Seq(0, 0, 0, 0, 0), maxPeriod: 1, tolerance: 0, window: 4).ShouldBe(1);
        Periodicity.Detect(Seq(5, 0, 0, 0, 0), maxPeriod: 2, tolerance: 0, window: 4).ShouldBeNull();
        Periodicity.Detect(Seq(0, 0, 0, 0), maxPeriod: 1, tolerance: 0, window: 4).ShouldBeNull();
        // A distance equal to the tolerance is within it.
        Periodicity.Detect(Seq(0, 0.5, 0, 0.5, 0), maxPeriod: 1, tolerance: 0.5, window: 4).ShouldBe(1);
        Periodicity.Detect(Seq(0, 0.5, 0, 0.5, 0), maxPeriod: 1, tolerance: 0.25, window: 4).ShouldBeNull();
    }

    [Fact]
    public void MaxPeriodMustBePositive()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Periodicity.Detect(Seq(0, 0), 0, 1e-9, 1))
            .Message.ShouldStartWith("maxPeriod must be at least 1.");
        Periodicity.Detect(Seq(0, 0), 1, 1e-9, 1).ShouldBe(1);
    }

    [Fact]
    public void OfMapCountsBurnInAndTailStepsAndStopsAtTheFirstNonFiniteIterate()
    {
        // x ↦ x + 1 from 0: burn-in 3 gives 3, then window + maxPeriod = 3 more points.
        var (period, tail) = Periodicity.OfMap(x => [x[0] + 1], [0.0], 3, 1, 0, window: 2);
        period.ShouldBeNull();
        tail.Select(p => p[0]).ShouldBe([3.0, 4, 5, 6]);
        // (x², y + 1) from (10, 0): x overflows at step 9; y counts the steps taken.
        var (p2, t2) = Periodicity.OfMap(x => [x[0] * x[0], x[1] + 1], [10.0, 0], 100, 1, 0, window: 2);
        p2.ShouldBeNull();
        t2.Count.ShouldBe(1);
        t2[0][1].ShouldBe(9);
        var (p3, t3) = Periodicity.OfMap(x => [x[0] * x[0], x[1] + 1], [10.0, 0], 5, 2, 0, window: 8);
        p3.ShouldBeNull();
        t3.Select(p => p[1]).ShouldBe([5.0, 6, 7, 8, 9]);
    }
}
