using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Sweeps;

public sealed class BisectionTests
{
    [Theory]
    [InlineData(0.5, 1e-6)]
    [InlineData(0.123456789, 1e-9)]
    public void BracketsTheSwitchToTheTolerance(double at, double tolerance)
    {
        var b = Bisection.Locate(x => x < at, 0, 1, tolerance);
        b.Width.ShouldBeLessThanOrEqualTo(tolerance);
        b.Lower.ShouldBeLessThan(at + 1e-15);
        b.Upper.ShouldBeGreaterThanOrEqualTo(at);
        Math.Abs(b.Midpoint - at).ShouldBeLessThanOrEqualTo(tolerance);
        b.Evaluations.ShouldBeGreaterThan(2);
    }

    [Fact]
    public void WorksWhenThePropertySwitchesOnToo()
    {
        var b = Bisection.Locate(x => x > 0.3, 0, 1, 1e-8);
        b.Midpoint.ShouldBe(0.3, 1e-8);
    }

    [Fact]
    public void StopsAtTheResolutionOfDoubles()
    {
        var b = Bisection.Locate(x => x < 1.0, 1.0 - 1e-15, 1.0 + 1e-15, 1e-300);
        b.Width.ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void RefusesBracketsWithoutASwitch()
    {
        Should.Throw<ArgumentException>(() => Bisection.Locate(_ => true, 0, 1, 1e-6)).Message.ShouldBe("The property is true at both ends of [0, 1]: no switch to locate.");
        Should.Throw<ArgumentException>(() => Bisection.Locate(x => x < 0.5, 1, 0, 1e-6)).Message.ShouldBe("Need lo < hi, got [1, 0].");
        Should.Throw<ArgumentOutOfRangeException>(() => Bisection.Locate(x => x < 0.5, 0, 1, 0)).Message.ShouldStartWith("The tolerance must be positive.");
    }

    [Fact]
    public void CountsHalvingsExactly()
    {
        // Width 1 → 2⁻¹⁰ in ten halvings (stopping at width = tolerance), plus the two end evaluations.
        var b = Bisection.Locate(x => x < 0.5, 0, 1, Math.Pow(2, -10));
        b.ShouldBe(new Bisection.Bracket(0.5 - Math.Pow(2, -10), 0.5, 12));
        // The evaluation budget includes the ends.
        var capped = Bisection.Locate(x => x < 0.5, 0, 1, 1e-12, maxEvaluations: 5);
        capped.Evaluations.ShouldBe(5);
        capped.Width.ShouldBe(0.125);
    }

    [Fact]
    public void StopsWhenNoDoubleLiesBetweenTheEnds()
    {
        // [1 − 2⁻⁵³, 1 + 2⁻⁵²]: the midpoint 1 splits it once; then (lo + 1)/2 rounds to 1 = hi.
        var b = Bisection.Locate(x => x < 1, Math.BitDecrement(1.0), Math.BitIncrement(1.0), 1e-300);
        b.ShouldBe(new Bisection.Bracket(Math.BitDecrement(1.0), 1, 3));
        // [1, 1 + 2⁻⁵²]: the midpoint rounds to 1 = lo at once.
        var c = Bisection.Locate(x => x <= 1, 1, Math.BitIncrement(1.0), 1e-300);
        c.ShouldBe(new Bisection.Bracket(1, Math.BitIncrement(1.0), 2));
        Should.Throw<ArgumentException>(() => Bisection.Locate(_ => false, 0, 1, 1e-6))
            .Message.ShouldBe("The property is false at both ends of [0, 1]: no switch to locate.");
    }
}
