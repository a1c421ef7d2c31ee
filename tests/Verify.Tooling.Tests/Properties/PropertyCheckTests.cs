using FsCheck;
using FsCheck.Fluent;
using Verify.Claims.Evidence;
using Verify.Claims.Properties;

namespace Verify.Tooling.Tests.Properties;

public sealed class PropertyCheckTests
{
    private static readonly Arbitrary<int> Ints = ArbMap.Default.ArbFor<int>();

    [Fact]
    public void AHoldingPropertyPassesWithTheSeedRecorded()
    {
        var o = PropertyCheck.Run("square is non-negative", Ints, n => (long)n * n >= 0, seed: 11, maxTest: 150);
        o.Passed.ShouldBeTrue();
        o.Tests.ShouldBe(150);
        o.Replay.ShouldStartWith("(11,");
        o.Describe().ShouldContain("held on 150");
    }

    [Fact]
    public void AFailingPropertyReturnsTheShrunkCounterexampleInsteadOfThrowing()
    {
        var o = PropertyCheck.Run("n < 10", Ints, n => n < 10, seed: 3, maxTest: 500);
        o.Passed.ShouldBeFalse();
        o.Shrunk.ShouldBe("10"); // FsCheck shrinks to the boundary
        o.Describe().ShouldContain("fails at 10");
    }

    [Fact]
    public void AnExceptionInsideThePropertyIsAFailureWithItsMessage()
    {
        var o = PropertyCheck.Run("throws", Ints, n => n < 5 ? true : throw new InvalidOperationException("boom"), seed: 5);
        o.Passed.ShouldBeFalse();
        o.Error!.ShouldContain("boom");
    }

    [Fact]
    public void TheSameSeedGivesTheSameRun()
    {
        var a = PropertyCheck.Run("p", Ints, n => n % 7 != 3, seed: 99, maxTest: 1000);
        var b = PropertyCheck.Run("p", Ints, n => n % 7 != 3, seed: 99, maxTest: 1000);
        b.ShouldBe(a);
    }

    [Fact]
    public void EvidenceRecordsTheOutcome()
    {
        var e = new ClaimEvidence("phase.x", "T.M");
        e.Property(PropertyCheck.Run("n < 10", Ints, n => n < 10, seed: 3, maxTest: 500));
        var r = e.ToRecord();
        r.Seeds.Single().ShouldContain("(3,");
        r.Counterexamples.Single().ShouldContain("fails at 10");
    }
}
