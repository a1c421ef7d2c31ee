using Verify.Dynamics.Analysis;

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
}
