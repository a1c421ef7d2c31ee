namespace Verify.Dynamics.Tests.Analysis;

public sealed class SpectralGapTests
{
    [Fact]
    public void TheRankSitsAtTheLargestRatio()
    {
        var g = SpectralGap.Of([5, 3, 1e-13, 2e-15]);
        g.Rank.ShouldBe(2);
        g.GapRatio.ShouldBe(3e13, 1e-3 * 3e13);
        g.Threshold.ShouldBe(Math.Sqrt(3 * 1e-13), 1e-9);
        g.NextGapRatio.ShouldBeLessThan(100);
    }

    [Fact]
    public void AFullRankSpectrumSplitsAtTheRoundingFloor()
    {
        var g = SpectralGap.Of([4, 2, 1]);
        g.Rank.ShouldBe(3);
        g.GapRatio.ShouldBe(1 / (3 * SpectralGap.Epsilon * 4), 1);
        g.NextGapRatio.ShouldBe(2);
    }

    [Fact]
    public void RatiosAreBetweenConsecutiveMagnitudesInDescendingOrder()
    {
        var g = SpectralGap.Of([1, 100, 1e-12, 10]); // sorted: 100, 10, 1, 1e-12
        g.Rank.ShouldBe(3);
        g.GapRatio.ShouldBe(1e12, 1);
        g.NextGapRatio.ShouldBe(1e-12 / (4 * SpectralGap.Epsilon * 100), 1e-6); // the last value against the floor beats 100/10 and 10/1
        g.Threshold.ShouldBe(1e-6, 1e-18);
        // The floor: n·ε·v₁ stands in for values below it.
        var tiny = SpectralGap.Of([1, 1e-300]);
        tiny.Rank.ShouldBe(1);
        tiny.GapRatio.ShouldBe(1 / (2 * SpectralGap.Epsilon), 1);
    }

    [Fact]
    public void DegenerateSpectra()
    {
        SpectralGap.Of([]).Rank.ShouldBe(0);
        SpectralGap.Of([0, 0]).Rank.ShouldBe(0);
        SpectralGap.Of([double.NaN]).Rank.ShouldBe(0);
        SpectralGap.Of([-3, 1e-20]).Rank.ShouldBe(1); // magnitudes
        SpectralGap.Of([1, 1, 1, 1]).Rank.ShouldBe(4);
    }

    [Fact]
    public void InertiaCountsSignsAboveTheGap()
    {
        var i = SpectralGap.InertiaOf([-2, 1e-15, -3e-16, 4, 7]);
        i.Positive.ShouldBe(2); i.Negative.ShouldBe(1); i.Zero.ShouldBe(2);
        i.Gap.Rank.ShouldBe(3);
        SpectralGap.InertiaOf([1, 2]).Zero.ShouldBe(0);
    }

    [Fact]
    public void TheRunnerUpIsTheSecondLargestRatio()
    {
        // [8, 4, 1] and the floor 3ε·8: ratios 2, 4, 1/(24ε); rank 3, runner-up 4.
        var g = SpectralGap.Of([8, 4, 1]);
        g.Rank.ShouldBe(3);
        g.NextGapRatio.ShouldBe(4);
        SpectralGap.Of([1, 4, 8]).NextGapRatio.ShouldBe(4);
    }
}
