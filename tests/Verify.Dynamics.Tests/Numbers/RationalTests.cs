using Verify.Dynamics.Tests.Support;
using System.Numerics;
using FsCheck;
using FsCheck.Fluent;

namespace Verify.Dynamics.Tests.Numbers;

public sealed class RationalTests
{
    private static Rational Q(long p, long q) => new(p, q);

    [Fact]
    public void NormalizesSignsAndCommonFactors()
    {
        var r = new Rational(6, -4);
        r.Numerator.ShouldBe(new BigInteger(-3));
        r.Denominator.ShouldBe(new BigInteger(2));
        new Rational(0, -7).Denominator.ShouldBe(BigInteger.One);
        Should.Throw<DivideByZeroException>(() => new Rational(1, 0)).Message.ShouldBe("Rational with denominator 0.");
    }

    [Fact]
    public void FieldOperationsAreExact()
    {
        (Q(1, 3) + Q(1, 6)).ShouldBe(Q(1, 2));
        (Q(1, 3) - Q(1, 2)).ShouldBe(Q(-1, 6));
        (Q(2, 3) * Q(9, 4)).ShouldBe(Q(3, 2));
        (Q(2, 3) / Q(4, 9)).ShouldBe(Q(3, 2));
        (-Q(2, 3)).ShouldBe(Q(-2, 3));
        Should.Throw<DivideByZeroException>(() => Q(1, 2) / Rational.Zero).Message.ShouldBe("Rational with denominator 0.");
    }

    [Fact]
    public void DefaultValueIsZero()
    {
        Rational d = default;
        (d + Q(1, 2)).ShouldBe(Q(1, 2));
        d.ShouldBe(Rational.Zero);
        d.ToString().ShouldBe("0");
    }

    [Fact]
    public void ComparesByValue()
    {
        (Q(1, 3) < Q(1, 2)).ShouldBeTrue();
        (Q(-1, 2) < Q(-1, 3)).ShouldBeTrue();
        (Q(2, 4) == Q(1, 2)).ShouldBeTrue();
        (Q(2, 4) != Q(1, 3)).ShouldBeTrue();
        (Q(1, 2) >= Q(1, 2)).ShouldBeTrue();
        (Q(1, 2) <= Q(1, 3)).ShouldBeFalse();
        Q(1, 2).GetHashCode().ShouldBe(Q(3, 6).GetHashCode());
    }

    [Fact]
    public void SqrtIsExactOnSquaresAndRefusesOtherwise()
    {
        Rational.Sqrt(Q(9, 4)).ShouldBe(Q(3, 2));
        Rational.Sqrt(Rational.Zero).ShouldBe(Rational.Zero);
        Should.Throw<NotSupportedException>(() => Rational.Sqrt(Q(2, 1))).Message.ShouldBe("√(2) is not rational: exact arithmetic cannot represent it.");
        Should.Throw<ArgumentOutOfRangeException>(() => Rational.Sqrt(Q(-1, 1))).Message.ShouldStartWith("Square root of a negative rational.");
        Should.Throw<NotSupportedException>(() => Rational.Exp(Rational.One)).Message.ShouldBe("exp is transcendental: not representable in exact rational arithmetic.");
        Should.Throw<NotSupportedException>(() => Rational.Log(Rational.One)).Message.ShouldBe("log is transcendental: not representable in exact rational arithmetic.");
        Should.Throw<NotSupportedException>(() => Rational.Sin(Rational.One)).Message.ShouldBe("sin is transcendental: not representable in exact rational arithmetic.");
        Should.Throw<NotSupportedException>(() => Rational.Cos(Rational.One)).Message.ShouldBe("cos is transcendental: not representable in exact rational arithmetic.");
        Should.Throw<NotSupportedException>(() => Rational.Tanh(Rational.One)).Message.ShouldBe("tanh is transcendental: not representable in exact rational arithmetic.");
    }

    [Fact]
    public void DoubleConversionRoundTripsEveryFiniteDouble()
    {
        double[] samples = [0.1, -0.1, 1e-300, -1e300, double.Epsilon, double.MaxValue, 3.0, 1.0 / 3, -2.5e-310];
        foreach (var d in samples)
            ((double)Rational.FromDouble(d)).ShouldBe(d);
        Rational.FromDouble(0.5).ShouldBe(Q(1, 2));
        Rational.FromDouble(-0.0).ShouldBe(Rational.Zero);
        Should.Throw<ArgumentOutOfRangeException>(() => Rational.FromDouble(double.NaN)).Message.ShouldStartWith("Only finite doubles are rational.");
        Should.Throw<ArgumentOutOfRangeException>(() => Rational.FromDouble(double.PositiveInfinity)).Message.ShouldStartWith("Only finite doubles are rational.");
    }

    [Fact]
    public void DoubleConversionRoundsToNearest()
    {
        ((double)Q(1, 3)).ShouldBe(1.0 / 3);
        ((double)Q(-2, 3)).ShouldBe(-2.0 / 3);
        ((double)Q(10, 1)).ShouldBe(10.0);
        Rational.ToDouble(Q(1, 4)).ShouldBe(0.25);
        ((double)Q(5, 6)).ShouldBe(5.0 / 6); // was one ulp low: BigInteger → double truncates
    }

    [Fact]
    public void DoubleConversionIsCorrectlyRounded()
    {
        // p / q of two doubles that are exact integers is correctly rounded by IEEE division: the reference.
        var rng = new Random(5);
        for (int i = 0; i < 20_000; i++)
        {
            long p = rng.NextInt64(-(1L << 52), 1L << 52), q = rng.NextInt64(1, 1L << 52);
            ((double)Q(p, q)).ShouldBe((double)p / q, $"{p}/{q}");
        }
    }

    [Fact]
    public void RoundTripsThroughDoubleProperty() =>
        Prop.ForAll(ArbMap.Default.ArbFor<NormalFloat>(), f =>
            (double)Rational.FromDouble(f.Get) == f.Get).QuickCheckThrowOnFailure(seed: 20261124);

    [Fact]
    public void AdditionAndMultiplicationAreConsistentProperty() =>
        Prop.ForAll(ArbMap.Default.ArbFor<(int, int, int, int)>(), t =>
        {
            var (a, b, c, d) = t;
            if (b == 0 || d == 0) return true;
            var x = Q(a, b); var y = Q(c, d);
            return (x + y) - y == x && (y == Rational.Zero || (x * y) / y == x);
        }).QuickCheckThrowOnFailure(seed: 20261124);

    [Fact]
    public void FormatsAsFraction()
    {
        Q(3, 4).ToString().ShouldBe("3/4");
        Q(-8, 4).ToString().ShouldBe("-2");
        ((Rational)5).ShouldBe(Q(5, 1));
        Rational.FromInt(-3).ShouldBe(Q(-3, 1));
        Q(1, 2).Equals((object)Q(2, 4)).ShouldBeTrue();
        Q(1, 2).Equals("1/2").ShouldBeFalse();
        Q(1, 2).Sign.ShouldBe(1);
        Rational.Zero.IsZero.ShouldBeTrue();
    }
}
