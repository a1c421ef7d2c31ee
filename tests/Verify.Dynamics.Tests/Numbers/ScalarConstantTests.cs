using System.Numerics;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Tests.Numbers;

public sealed class ScalarConstantTests
{
    [Fact]
    public void ARationalIsExactInRationalsAndEnclosedInIntervals()
    {
        var r = new Rational(11, 10);
        ScalarConstant.FromRational<Rational>(r).ShouldBe(r);
        var i = ScalarConstant.FromRational<Interval>(r);
        i.ContainsExact(r).ShouldBeTrue();
        i.ShouldBe(Interval.FromRational(r)); // one division of exact integers: the tightest enclosure
        ScalarConstant.FromRational<Real>(r).Value.ShouldBe(1.1);
        ScalarConstant.FromRational<Interval>(new Rational(7)).ShouldBe(Interval.FromInt(7));
        ScalarConstant.FromRational<Rational>(default).ShouldBe(Rational.Zero);
    }

    [Fact]
    public void LargeNumeratorsAndDenominatorsAreBuiltFromIntegerDigits()
    {
        var big = new Rational(BigInteger.Pow(10, 30) + 7, BigInteger.Pow(3, 40));
        ScalarConstant.FromRational<Rational>(big).ShouldBe(big);
        ScalarConstant.FromRational<Rational>(-big).ShouldBe(-big);
        var i = ScalarConstant.FromRational<Interval>(big);
        i.ContainsExact(big).ShouldBeTrue();
        i.Width.ShouldBeLessThan(1e-14 * i.Mag);
        ScalarConstant.FromRational<Interval>(-big).ContainsExact(-big).ShouldBeTrue();
        ScalarConstant.FromRational<Real>(big).Value.ShouldBe((double)big, 1e-15 * (double)big);
        // A big numerator over a small denominator and the reverse (a sign error in one would not cancel).
        var wide = new Rational(-BigInteger.Pow(10, 30), 7);
        ScalarConstant.FromRational<Rational>(wide).ShouldBe(wide);
        ScalarConstant.FromRational<Rational>(-wide).ShouldBe(-wide);
        var narrow = new Rational(3, BigInteger.Pow(10, 30));
        ScalarConstant.FromRational<Rational>(narrow).ShouldBe(narrow);
        ScalarConstant.FromRational<Rational>(new Rational(int.MinValue)).ShouldBe(new Rational(int.MinValue));
        var dual = ScalarConstant.FromRational<Dual<Interval>>(big);
        dual.Value.ContainsExact(big).ShouldBeTrue();
        dual.Derivative.ShouldBe(Interval.Zero);
    }

    [Fact]
    public void DecimalsAreTheirExactValue()
    {
        ScalarConstant.FromDecimal<Rational>(1.121m).ShouldBe(new Rational(1121, 1000));
        ScalarConstant.FromDecimal<Interval>(0.1m).ContainsExact(new Rational(1, 10)).ShouldBeTrue();
    }
}
