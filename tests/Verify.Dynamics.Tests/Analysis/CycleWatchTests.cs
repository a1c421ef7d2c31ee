namespace Verify.Dynamics.Tests.Analysis;

public sealed class CycleWatchTests
{
    private static int FirstPeriod(CycleWatch w, Func<int, (double, double)> point, int count)
    {
        for (int k = 0; k < count; k++)
        {
            var (x, y) = point(k);
            int p = w.Push(x, y);
            if (p > 0) return p;
        }
        return 0;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void FindsTheSmallestPeriod(int period) =>
        FirstPeriod(new CycleWatch(8, 16, 1e-9), k => (k % period, -(k % period)), 200).ShouldBe(period);

    [Fact]
    public void NeedsAFullWindowOfMatches()
    {
        var w = new CycleWatch(4, 10, 1e-9);
        // Period 2 from the start: matches begin at the third point, the window fills at the twelfth.
        for (int k = 0; k < 11; k++) w.Push(k % 2, 0).ShouldBe(0);
        w.Push(11 % 2, 0).ShouldBe(2);
        w.Count.ShouldBe(12);
    }

    [Fact]
    public void APeriodBeyondTheLimitOrNoPeriodIsNotReported()
    {
        FirstPeriod(new CycleWatch(8, 16, 1e-9), k => (k % 9, 0), 500).ShouldBe(0);
        var rng = new Random(3);
        FirstPeriod(new CycleWatch(8, 16, 1e-9), _ => (rng.NextDouble(), rng.NextDouble()), 500).ShouldBe(0);
    }

    [Fact]
    public void ToleranceAppliesToBothCoordinates()
    {
        FirstPeriod(new CycleWatch(2, 8, 1e-6), k => (k % 2, 1e-7 * k), 100).ShouldBe(2);
        FirstPeriod(new CycleWatch(2, 8, 1e-6), k => (k % 2, 1e-5 * k), 100).ShouldBe(0);
        FirstPeriod(new CycleWatch(2, 8, 1e-6), k => (k % 2 + 1e-5 * k, 0), 100).ShouldBe(0);
    }

    [Fact]
    public void AMismatchOrSpreadNeedsAFullBuffer()
    {
        var w = new CycleWatch(2, 4, 1e-9);
        for (int k = 0; k < 5; k++) w.Push(k, 0);
        w.Mismatch().ShouldBe(double.PositiveInfinity);
        w.Spread().ShouldBe(double.PositiveInfinity);
        w.Push(5, 0);
        // Points 2..5 against 1 and 2 steps earlier: distances 1 and 2, so the best cycle is 1 away.
        w.Mismatch().ShouldBe(1);
        w.Spread().ShouldBe(5);
    }

    [Fact]
    public void MismatchIsTheDistanceFromTheNearestCycle()
    {
        var w = new CycleWatch(3, 8, 1e-12);
        for (int k = 0; k < 40; k++) w.Push(k % 3 + (k % 2 == 0 ? 0.01 : 0), 0);
        w.Mismatch().ShouldBe(0.01, 1e-15);
        var nan = new CycleWatch(1, 2, 1e-9);
        nan.Push(0, 0); nan.Push(double.NaN, 0); nan.Push(0, 0);
        nan.Mismatch().ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void RejectsMeaninglessSettings()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new CycleWatch(0, 4, 1e-9));
        Should.Throw<ArgumentOutOfRangeException>(() => new CycleWatch(2, 0, 1e-9));
    }

    [Fact]
    public void AWindowOfOneAndADistanceEqualToTheToleranceCount()
    {
        var w = new CycleWatch(1, 1, 0.5);
        w.Push(0, 0).ShouldBe(0);
        w.Push(0.5, 0).ShouldBe(1);
        var v = new CycleWatch(1, 1, 0.5);
        v.Push(0, 0).ShouldBe(0);
        v.Push(0, -0.5).ShouldBe(1);
        var u = new CycleWatch(1, 1, 0.25);
        u.Push(0, 0);
        u.Push(0.5, 0).ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => new CycleWatch(1, 0, 1)).Message.ShouldStartWith("The window must be at least 1.");
        Should.Throw<ArgumentOutOfRangeException>(() => new CycleWatch(0, 1, 1)).Message.ShouldStartWith("The maximal period must be at least 1.");
    }

    [Fact]
    public void SpreadIsTheLargerCoordinateRange()
    {
        // Buffer of window + maxPeriod = 3 points.
        var wx = new CycleWatch(1, 2, 0);
        wx.Push(2, 10); wx.Push(3, 11); wx.Push(5, 10);
        wx.Spread().ShouldBe(3);
        var wy = new CycleWatch(1, 2, 0);
        wy.Push(0, -4); wy.Push(1, 6); wy.Push(0, 0);
        wy.Spread().ShouldBe(10);
    }
}
