using System.Numerics;

namespace Verify.Dynamics.Tests.Numbers;

/// <summary>
/// Edges of the number types that their main tests do not reach: correct rounding of a rational to double
/// at and just above a tie, integer square roots beyond double precision, the branch Abs takes at 0, jets over
/// a reference scalar type, degree overflow, and the square root of an interval reaching below 0.
/// </summary>
public sealed class NumberEdgeCaseTests
{
    [Fact]
    public void RationalToDoubleRoundsToNearestEvenWithAStickyRemainder()
    {
        // 2¹⁰⁰ + 2⁴⁷ + 1 lies just above the midpoint of 2¹⁰⁰ and 2¹⁰⁰ + 2⁴⁸ (the 1 is below the 64 bits kept):
        // it rounds up. 2¹⁰⁰ + 2⁴⁷ is the midpoint itself: it rounds to the even 2¹⁰⁰.
        var p100 = BigInteger.Pow(2, 100);
        ((double)new Rational(p100 + BigInteger.Pow(2, 47) + 1)).ShouldBe(Math.Pow(2, 100) + Math.Pow(2, 48));
        ((double)new Rational(p100 + BigInteger.Pow(2, 47))).ShouldBe(Math.Pow(2, 100));
        // 1 + 2⁻⁵³ is the midpoint of 1 and 1 + 2⁻⁵²: even is 1. Exact quotients set no sticky bit.
        ((double)(Rational.One + new Rational(1, BigInteger.Pow(2, 53)))).ShouldBe(1.0);
        ((double)new Rational(3)).ShouldBe(3.0);
        ((double)new Rational(-1, 3)).ShouldBe(-1.0 / 3);
        ((double)new Rational(1, BigInteger.Pow(2, 70) + 1)).ShouldBe(1 / (Math.Pow(2, 70) + 1));
    }

    [Fact]
    public void SquareRootsOfLargePerfectSquaresAreExact()
    {
        // (2⁶⁰ ± 1)² rounds to 2¹²⁰ in double, so the double square root is off by one either way.
        var below = BigInteger.Pow(2, 60) - 1;
        var above = BigInteger.Pow(2, 60) + 1;
        Rational.Sqrt(new Rational(below * below)).ShouldBe(new Rational(below));
        Rational.Sqrt(new Rational(above * above)).ShouldBe(new Rational(above));
        Rational.Sqrt(new Rational(above * above, below * below)).ShouldBe(new Rational(above, below));
        Should.Throw<NotSupportedException>(() => Rational.Sqrt(new Rational(above * above + 1)));
    }

    [Fact]
    public void AbsAtZeroKeepsTheIncomingDerivative()
    {
        // |x| at 0 takes the branch of x itself (value part not negative): d|x|/dx = +1 for the variable x.
        Dual<Real>.Abs(Dual<Real>.Variable(0)).Derivative.Value.ShouldBe(1);
        Dual<Real>.Abs(Dual<Real>.Variable(-1)).Derivative.Value.ShouldBe(-1);
        Taylor<Real>.Abs(Taylor<Real>.Variable(new Real(0), 2))[1].Value.ShouldBe(1);
        Taylor<Real>.Abs(Taylor<Real>.Variable(new Real(-2), 2))[1].Value.ShouldBe(-1);
    }

    [Fact]
    public void JetsOverJetsAreFullyInitialised()
    {
        // Taylor coefficients of a reference type (itself a jet) have no usable default: every one must be set.
        var two = Taylor<Real>.Constant(new Real(2));
        var x = Taylor<Taylor<Real>>.Variable(two, 3);
        var cube = x * x * x;
        cube[0][0].Value.ShouldBe(8);
        cube[1][0].Value.ShouldBe(12);
        cube[2][0].Value.ShouldBe(6);
        cube[3][0].Value.ShouldBe(1);
        (x + Taylor<Taylor<Real>>.Constant(two))[2][0].Value.ShouldBe(0);
    }

    [Fact]
    public void DegreesBeyondTheIntRangeAreAnErrorNotAWrap()
    {
        var d = DegreeBound.Variable(0);
        for (int k = 0; k < 30; k++) d *= d;
        d.DegreeIn(0).ShouldBe(1 << 30);
        Should.Throw<OverflowException>(() => d * d);
    }

    [Fact]
    public void TheSquareRootOfAnIntervalReachingBelowZeroIsInvalid()
    {
        var r = Interval.Sqrt(new Interval(-1, 4));
        r.IsValid.ShouldBeFalse();
        r.ToString().ShouldBe("[NaN, NaN]");
        Interval.Sqrt(new Interval(0, 4)).ShouldBe(new Interval(0, 2));
    }
}
