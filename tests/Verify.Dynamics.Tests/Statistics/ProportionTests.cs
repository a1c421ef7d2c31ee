using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Tests.Statistics;

public sealed class ProportionTests
{
    [Fact]
    public void WilsonIntervalMatchesTheTextbookValue()
    {
        // 8 of 10 at 95%: Wilson interval [0.4902, 0.9433].
        var p = Proportion.Of(8, 10);
        p.Estimate.ShouldBe(0.8);
        p.Lower.ShouldBe(0.4902, 1e-4);
        p.Upper.ShouldBe(0.9433, 1e-4);
    }

    [Fact]
    public void AllOrNothingStillHasAnInterval()
    {
        var none = Proportion.Of(0, 100);
        none.Lower.ShouldBe(0);
        none.Upper.ShouldBe(0.0370, 1e-4);
        var all = Proportion.Of(100, 100);
        all.Upper.ShouldBe(1, 1e-12);
        all.Lower.ShouldBe(0.9630, 1e-4);
    }

    [Fact]
    public void CountsAPredicateOverSamples()
    {
        var p = Proportion.Count(Enumerable.Range(0, 50), i => i % 5 == 0);
        p.Successes.ShouldBe(10);
        p.Trials.ShouldBe(50);
        p.ToString().ShouldContain("10/50 = 0.2");
    }

    [Fact]
    public void RejectsImpossibleCounts()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(1, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(-1, 5));
        Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(6, 5));
    }

    [Fact]
    public void ZeroTrialsIsRejectedForWhatItIs()
    {
        // 0 of 0 passes the successes check, so only the trials guard can reject it.
        var e = Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(0, 0));
        e.ParamName.ShouldBe("trials");
        e.Message.ShouldStartWith("A proportion needs at least one trial.");
        Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(0, -3)).ParamName.ShouldBe("trials");
        var s = Should.Throw<ArgumentOutOfRangeException>(() => Proportion.Of(6, 5));
        s.ParamName.ShouldBe("successes");
        s.Message.ShouldStartWith("Need 0 ≤ successes ≤ 5.");
    }

    [Fact]
    public void OneTrialIsEnough() => Proportion.Of(1, 1).Estimate.ShouldBe(1);

    [Fact]
    public void AnEmptyProportionHasNoEstimate() => new Proportion(0, 0, 0, 1).Estimate.ShouldBe(double.NaN);
}
