using FsCheck.Fluent;
using Verify.Dynamics.Tests.Support;

namespace Verify.Dynamics.Tests.Numbers;

public sealed class IntervalTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);
    private static Rational Q(double v) => Rational.FromDouble(v);
    private static double Next(double v) => Math.BitIncrement(v);
    private static double Prev(double v) => Math.BitDecrement(v);

    // ------------------------------------------------------------ containment against exact rationals

    [Fact]
    public void FieldOperationsContainTheExactResultProperty() =>
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            var a = IntervalGen.Of(t.A, t.B);
            var b = IntervalGen.Of(t.C, t.D);
            Rational p = Q(IntervalGen.Pick(a, t.P)), q = Q(IntervalGen.Pick(b, t.Q));
            bool ok = (a + b).ContainsExact(p + q) && (a - b).ContainsExact(p - q) && (a * b).ContainsExact(p * q);
            if (!q.IsZero) ok &= (a / b).ContainsExact(p / q);
            return ok;
        }), maxTest: 3000);

    [Fact]
    public void PointOperationsAreRoundedToTheTwoNeighbouringDoublesProperty() =>
        // For point operands the result is [RD(exact), RU(exact)]: a point when exact, else one ulp wide.
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            double x = t.A, y = t.C;
            bool Tight(Interval r, Rational exact) =>
                !r.IsBounded // an overflowed end is ±∞ by design
                || (r.ContainsExact(exact) && (r.IsPoint ? Q(r.Lo) == exact : Next(r.Lo) == r.Hi && Q(r.Lo) < exact && exact < Q(r.Hi)));
            var a = Interval.FromDouble(x);
            var b = Interval.FromDouble(y);
            bool ok = Tight(a + b, Q(x) + Q(y)) && Tight(a - b, Q(x) - Q(y)) && Tight(a * b, Q(x) * Q(y));
            if (y != 0) ok &= Tight(a / b, Q(x) / Q(y));
            if (x >= 0) ok &= SqrtIsTight(x);
            return ok;
        }), maxTest: 3000);

    private static bool SqrtIsTight(double x)
    {
        var r = Interval.Sqrt(Interval.FromDouble(x));
        // lo² ≤ x ≤ hi², exactly, and the ends are adjacent (or equal when √x is a double).
        bool contains = Q(r.Lo) * Q(r.Lo) <= Q(x) && Q(x) <= Q(r.Hi) * Q(r.Hi);
        bool tight = r.IsPoint ? Q(r.Lo) * Q(r.Lo) == Q(x) : Next(r.Lo) == r.Hi;
        return contains && tight;
    }

    [Fact]
    public void ExactOperationsStayPoints()
    {
        (Interval.FromInt(3) * Interval.FromInt(7)).ShouldBe(Interval.FromInt(21));
        (Interval.FromInt(1) / Interval.FromInt(4)).ShouldBe(Interval.FromDouble(0.25));
        (Interval.FromDouble(0.5) + Interval.FromDouble(0.25)).ShouldBe(Interval.FromDouble(0.75));
        Interval.Sqrt(Interval.FromInt(4)).ShouldBe(Interval.FromInt(2));
        Interval.Sqrt(I(4, 9)).ShouldBe(I(2, 3));
        var third = Interval.FromInt(1) / Interval.FromInt(3);
        third.IsPoint.ShouldBeFalse();
        Next(third.Lo).ShouldBe(third.Hi);
        third.ContainsExact(new Rational(1, 3)).ShouldBeTrue();
    }

    [Fact]
    public void IntervalProductsTakeTheExtremeEndProducts()
    {
        (I(-1, 2) * I(-3, 4)).ShouldBe(I(-6, 8));
        (I(-2, -1) * I(-3, -2)).ShouldBe(I(2, 6));
        (I(1, 2) * I(-3, 4)).ShouldBe(I(-6, 8));
        (I(-1, 2) - I(-3, 4)).ShouldBe(I(-5, 5));
        (I(1, 2) / I(4, 8)).ShouldBe(I(0.125, 0.5));
        (I(-2, -1) / I(4, 8)).ShouldBe(I(-0.5, -0.125));
        (I(-1, 2) / I(4, 8)).ShouldBe(I(-0.25, 0.5));
        (I(1, 2) / I(-8, -4)).ShouldBe(I(-0.5, -0.125));
        (I(-2, -1) / I(-8, -4)).ShouldBe(I(0.125, 0.5));
        (I(-1, 2) / I(-8, -4)).ShouldBe(I(-0.5, 0.25));
        (-I(1, 2)).ShouldBe(I(-2, -1));
    }

    // ------------------------------------------------------------ edge cases

    [Fact]
    public void DivisionByAnIntervalContainingZeroIsTheWholeLine()
    {
        (I(1, 2) / I(-1, 1)).ShouldBe(Interval.Entire);
        (I(1, 2) / I(0, 1)).ShouldBe(Interval.Entire);
        (I(1, 2) / Interval.Zero).ShouldBe(Interval.Entire);
        (Interval.Zero / I(-1, 0)).ShouldBe(Interval.Entire);
        Interval.Entire.IsBounded.ShouldBeFalse();
    }

    [Fact]
    public void OverflowGivesInfiniteEndsNeverAWrongFiniteOne()
    {
        var big = Interval.FromDouble(double.MaxValue);
        (big + big).ShouldBe(I(double.MaxValue, double.PositiveInfinity));
        (-big - big).ShouldBe(I(double.NegativeInfinity, -double.MaxValue));
        (big * Interval.FromInt(2)).ShouldBe(I(double.MaxValue, double.PositiveInfinity));
        (big * Interval.FromInt(-2)).ShouldBe(I(double.NegativeInfinity, -double.MaxValue));
        (big / Interval.FromDouble(0.5)).ShouldBe(I(double.MaxValue, double.PositiveInfinity));
        Interval.Pow(Interval.FromInt(10), 400).ShouldBe(I(double.MaxValue, double.PositiveInfinity));
    }

    [Fact]
    public void UnderflowIsEnclosed()
    {
        var tiny = Interval.FromDouble(double.Epsilon);
        (tiny * Interval.FromDouble(0.5)).ShouldBe(I(0, double.Epsilon)); // 2⁻¹⁰⁷⁵ is not a double
        (tiny * -tiny).ShouldBe(I(-double.Epsilon, 0));
        (tiny / Interval.FromDouble(1e300)).ShouldBe(I(0, double.Epsilon));
        (tiny / Interval.FromInt(3)).ContainsExact(Q(double.Epsilon) / 3).ShouldBeTrue();
        var sub = Interval.FromDouble(Math.ScaleB(1.0, -1070)) * Interval.FromDouble(1.0 / 3);
        sub.ContainsExact(Q(Math.ScaleB(1.0, -1070)) * Q(1.0 / 3)).ShouldBeTrue();
        Interval.Sqrt(tiny).ContainsExact(Q(Math.Sqrt(double.Epsilon))).ShouldBeTrue(); // 2⁻⁵³⁷ = √2⁻¹⁰⁷⁴ exactly
    }

    [Fact]
    public void InfiniteEndsFollowTheLimitsAndZeroTimesInfinityIsZero()
    {
        (I(0, 1) * Interval.Entire).ShouldBe(Interval.Entire);
        (Interval.Zero * Interval.Entire).ShouldBe(Interval.Zero);
        (I(1, double.PositiveInfinity) + I(1, 2)).ShouldBe(I(2, double.PositiveInfinity));
        (I(1, double.PositiveInfinity) * I(2, 3)).ShouldBe(I(2, double.PositiveInfinity));
        (I(1, 2) / I(1, double.PositiveInfinity)).ShouldBe(I(0, 2));
        (I(1, double.PositiveInfinity) / I(1, double.PositiveInfinity)).ShouldBe(I(0, double.PositiveInfinity));
        (I(double.NegativeInfinity, -1) / I(2, 4)).ShouldBe(I(double.NegativeInfinity, -0.25));
        Interval.Abs(I(double.NegativeInfinity, 1)).ShouldBe(I(0, double.PositiveInfinity));
    }

    [Fact]
    public void InvalidComesFromDomainErrorsAndPropagates()
    {
        Interval.Sqrt(I(-1, 4)).IsValid.ShouldBeFalse();
        Interval.Log(I(0, 1)).IsValid.ShouldBeFalse();
        Interval.Acos(I(-2, 0)).IsValid.ShouldBeFalse();
        Interval.Acos(I(0, 1.5)).IsValid.ShouldBeFalse();
        Interval.FromDouble(double.NaN).IsValid.ShouldBeFalse();
        Interval.FromDouble(double.PositiveInfinity).IsValid.ShouldBeFalse();
        var bad = Interval.Invalid;
        foreach (var r in new[] { bad + Interval.One, Interval.One - bad, bad * Interval.One, Interval.One / bad, -bad, Interval.Abs(bad),
                     Interval.Pow(bad, 3), Interval.Sqrt(bad), Interval.Exp(bad), Interval.Log(bad), Interval.Sin(bad), Interval.Cos(bad),
                     Interval.Tanh(bad), Interval.Atan(bad), Interval.Acos(bad), Interval.Hull(bad, Interval.One) })
        {
            r.IsValid.ShouldBeFalse();
            r.ShouldBe(Interval.Invalid);
        }
        (bad * Interval.Zero).IsValid.ShouldBeFalse(); // not 0·NaN = 0
        (Interval.Zero * bad).IsValid.ShouldBeFalse();
        (Interval.Zero / bad).IsValid.ShouldBeFalse();
        (bad / Interval.One).IsValid.ShouldBeFalse();
        bad.Contains(0).ShouldBeFalse();
        bad.IsSubsetOf(Interval.Entire).ShouldBeFalse();
        bad.ContainsExact(Rational.Zero).ShouldBeFalse();
        Interval.Intersection(bad, Interval.One).ShouldBeNull();
        double.IsNaN(bad.Width).ShouldBeTrue();
        double.IsNaN(bad.Midpoint).ShouldBeTrue();
        double.IsNaN(bad.Mag).ShouldBeTrue();
        double.IsNaN(bad.Mig).ShouldBeTrue();
        bad.ToString().ShouldBe("[NaN, NaN]");
    }

    [Fact]
    public void ConstructorRejectsWhatIsNotAnIntervalOfReals()
    {
        Should.Throw<ArgumentException>(() => I(2, 1)).Message.ShouldBe("[2, 1] is not an interval of reals.");
        Should.Throw<ArgumentException>(() => I(double.NaN, 1)).Message.ShouldBe("[NaN, 1] is not an interval of reals.");
        Should.Throw<ArgumentException>(() => I(0, double.NaN)).Message.ShouldBe("[0, NaN] is not an interval of reals.");
        Should.Throw<ArgumentException>(() => I(double.PositiveInfinity, double.PositiveInfinity)).Message.ShouldBe("[Infinity, Infinity] is not an interval of reals.");
        Should.Throw<ArgumentException>(() => I(double.NegativeInfinity, double.NegativeInfinity)).Message.ShouldBe("[-Infinity, -Infinity] is not an interval of reals.");
        Should.Throw<ArgumentOutOfRangeException>(() => Interval.Point(double.NaN)).Message.ShouldStartWith("A point interval needs a finite value.");
        Should.Throw<ArgumentOutOfRangeException>(() => Interval.Around(0, -1)).Message.ShouldStartWith("The radius must be ≥ 0.");
        Should.Throw<ArgumentOutOfRangeException>(() => Interval.Pow(Interval.One, int.MinValue)).Message.ShouldStartWith("The exponent must be > int.MinValue.");
        Interval.Point(2).ShouldBe(I(2, 2));
        default(Interval).ShouldBe(Interval.Zero);
    }

    // ------------------------------------------------------------ powers, abs, set operations

    [Fact]
    public void PowersAreTight()
    {
        Interval.Pow(I(-1, 2), 2).ShouldBe(I(0, 4));
        Interval.Square(I(-3, -2)).ShouldBe(I(4, 9));
        (I(-1, 2) * I(-1, 2)).ShouldBe(I(-2, 4)); // the dependency problem Square avoids
        Interval.Pow(I(-2, 1), 3).ShouldBe(I(-8, 1));
        Interval.Pow(I(2, 3), 0).ShouldBe(Interval.One);
        Interval.Pow(I(2, 4), -1).ShouldBe(I(0.25, 0.5));
        Interval.Pow(I(-1, 1), -2).ShouldBe(Interval.Entire);
        Interval.Pow(I(double.NegativeInfinity, -2), 3).ShouldBe(I(double.NegativeInfinity, -8));
        Interval.Pow(I(-1, double.PositiveInfinity), 2).ShouldBe(I(0, double.PositiveInfinity));
        var cube = Interval.Pow(Interval.FromDouble(0.1), 3);
        cube.ContainsExact(Q(0.1) * Q(0.1) * Q(0.1)).ShouldBeTrue();
        cube.Width.ShouldBeLessThan(1e-18);
    }

    [Fact]
    public void PowContainsTheExactPowerProperty() =>
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            var a = IntervalGen.Of(t.A % 1e3, t.B % 1e3);
            int n = t.P * 3 + t.Q; // 0..8
            Rational p = Q(IntervalGen.Pick(a, t.P)), exact = Rational.One;
            for (int i = 0; i < n; i++) exact *= p;
            return Interval.Pow(a, n).ContainsExact(exact);
        }), maxTest: 1000);

    [Fact]
    public void AbsIsExact()
    {
        Interval.Abs(I(1, 2)).ShouldBe(I(1, 2));
        Interval.Abs(I(-2, -1)).ShouldBe(I(1, 2));
        Interval.Abs(I(-3, 2)).ShouldBe(I(0, 3));
        Interval.Abs(I(-2, 3)).ShouldBe(I(0, 3));
    }

    [Fact]
    public void SetOperations()
    {
        Interval.Hull(I(0, 1), I(3, 4)).ShouldBe(I(0, 4));
        Interval.Intersection(I(0, 2), I(1, 3)).ShouldBe(I(1, 2));
        Interval.Intersection(I(0, 1), I(1, 3)).ShouldBe(I(1, 1));
        Interval.Intersection(I(0, 1), I(2, 3)).ShouldBeNull();
        I(1, 2).IsSubsetOf(I(1, 3)).ShouldBeTrue();
        I(1, 2).IsSubsetOf(I(1, 2)).ShouldBeTrue();
        I(1, 2).IsSubsetOf(I(0, 1.5)).ShouldBeFalse();
        I(1, 2).IsSubsetOf(I(1.5, 3)).ShouldBeFalse();
        I(1, 2).IsInteriorOf(I(1, 3)).ShouldBeFalse();
        I(1, 2).IsInteriorOf(I(0.5, 3)).ShouldBeTrue();
        I(1, 2).IsInteriorOf(I(0.5, 2)).ShouldBeFalse();
        I(1, 2).Contains(1).ShouldBeTrue();
        I(1, 2).Contains(2).ShouldBeTrue();
        I(1, 2).Contains(2.5).ShouldBeFalse();
        I(1, 2).Contains(double.NaN).ShouldBeFalse();
        I(0, 1).ContainsExact(new Rational(1, 3)).ShouldBeTrue();
        I(0, 0.25).ContainsExact(new Rational(1, 3)).ShouldBeFalse();
        I(0.5, double.PositiveInfinity).ContainsExact(new Rational(1, 3)).ShouldBeFalse();
        I(double.NegativeInfinity, 0.5).ContainsExact(new Rational(1, 3)).ShouldBeTrue();
        I(1, 2).IsPositive.ShouldBeTrue();
        I(0, 2).IsPositive.ShouldBeFalse();
        I(0, 2).IsNonNegative.ShouldBeTrue();
        I(-2, -1).IsNegative.ShouldBeTrue();
        I(-2, 0).IsNegative.ShouldBeFalse();
        I(-2, 0).IsNonPositive.ShouldBeTrue();
        I(-1, 1).IsNonPositive.ShouldBeFalse();
    }

    [Fact]
    public void MeasuresOfAnInterval()
    {
        I(1, 3).Width.ShouldBe(2);
        I(1, 3).Midpoint.ShouldBe(2);
        I(1, 3).Radius.ShouldBe(1);
        // [0, 3ε]: the midpoint 1.5ε rounds to 2ε, so the radius is the larger side, 2ε.
        I(0, 3 * double.Epsilon).Midpoint.ShouldBe(2 * double.Epsilon);
        I(0, 3 * double.Epsilon).Radius.ShouldBe(2 * double.Epsilon);
        I(-3, 1).Mag.ShouldBe(3);
        I(-3, 1).Mig.ShouldBe(0);
        I(2, 3).Mig.ShouldBe(2);
        I(-3, -2).Mig.ShouldBe(2);
        I(-double.MaxValue, double.MaxValue).Midpoint.ShouldBe(0);
        I(double.MaxValue / 2, double.MaxValue).Midpoint.ShouldBe(0.75 * double.MaxValue);
        Interval.Entire.Midpoint.ShouldBe(0);
        I(double.NegativeInfinity, 0).Midpoint.ShouldBe(-double.MaxValue);
        I(0, double.PositiveInfinity).Midpoint.ShouldBe(double.MaxValue);
        I(0, double.Epsilon).Midpoint.ShouldBeInRange(0, double.Epsilon);
        Interval.Entire.Width.ShouldBe(double.PositiveInfinity);
        // The width is rounded up: 1 − 2⁻⁶⁰ − (−1) is not a double.
        I(-1, 1 - Math.ScaleB(1, -60)).Width.ShouldBe(2);
        I(-Math.ScaleB(1, -60), 1).Width.ShouldBe(Next(1.0));
        Interval.Around(1, 0.5).ShouldBe(I(0.5, 1.5));
        var around = Interval.Around(0.1, 0.2);
        around.ContainsExact(Q(0.1) - Q(0.2)).ShouldBeTrue();
        around.ContainsExact(Q(0.1) + Q(0.2)).ShouldBeTrue();
    }

    // ------------------------------------------------------------ constants

    [Fact]
    public void FromRationalIsTheTightestEnclosure()
    {
        var third = Interval.FromRational(new Rational(1, 3));
        third.ContainsExact(new Rational(1, 3)).ShouldBeTrue();
        Next(third.Lo).ShouldBe(third.Hi);
        Interval.FromRational(new Rational(-1, 3)).ShouldBe(-third);
        Interval.FromRational(new Rational(3, 4)).ShouldBe(Interval.FromDouble(0.75));
        Interval.FromRational(Rational.Zero).ShouldBe(Interval.Zero);
        Interval.FromRational(default).ShouldBe(Interval.Zero);
        var huge = new Rational(System.Numerics.BigInteger.Pow(10, 400));
        Interval.FromRational(huge).ShouldBe(I(double.MaxValue, double.PositiveInfinity));
        Interval.FromRational(-huge).ShouldBe(I(double.NegativeInfinity, -double.MaxValue));
        var tiny = new Rational(System.Numerics.BigInteger.One, System.Numerics.BigInteger.Pow(10, 320)); // subnormal range
        var t = Interval.FromRational(tiny);
        t.ContainsExact(tiny).ShouldBeTrue();
        Next(t.Lo).ShouldBe(t.Hi);
    }

    [Fact]
    public void FromRationalBracketsRandomFractionsProperty() =>
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            var r = Q(t.A) / (Q(t.C) == Rational.Zero ? Rational.One : Q(t.C)) + new Rational(t.P, 3 + t.Q);
            var x = Interval.FromRational(r);
            return x.ContainsExact(r) && (x.IsPoint ? Q(x.Lo) == r : !x.IsBounded || Next(x.Lo) == x.Hi);
        }), maxTest: 1000);

    [Fact]
    public void DecimalConstantsAreEnclosedExactlyNotAsTheirNearestDouble()
    {
        var tenth = Interval.FromDecimal(0.1m);
        tenth.ContainsExact(new Rational(1, 10)).ShouldBeTrue();
        tenth.IsPoint.ShouldBeFalse();
        Interval.FromDouble(0.1).ContainsExact(new Rational(1, 10)).ShouldBeFalse(); // the literal 0.1 is not one tenth
        Interval.FromDecimal(-1.121m).ContainsExact(new Rational(-1121, 1000)).ShouldBeTrue();
        Interval.FromDecimal(2.5m).ShouldBe(Interval.FromDouble(2.5));
        Interval.ToRational(79228162514264337593543950335m).ShouldBe(new Rational(System.Numerics.BigInteger.Parse("79228162514264337593543950335")));
        Interval.ToRational(-0.000001m).ShouldBe(new Rational(-1, 1_000_000));
        var e = Interval.Enclose(new Rational(1, 3), new Rational(2, 3));
        e.ContainsExact(new Rational(1, 3)).ShouldBeTrue();
        e.ContainsExact(new Rational(2, 3)).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Interval.Enclose(Rational.One, Rational.Zero)).Message.ShouldBe("Need lo ≤ hi, got [1, 0].");
        Interval.Enclose(Rational.One, Rational.One).ShouldBe(Interval.One);
    }

    // ------------------------------------------------------------ the IScalar contract

    [Fact]
    public void ToDoubleIsTheMidpointAndEveryReadIsCounted()
    {
        var audit = MidpointReadAudit.Start();
        audit.Reads.ShouldBe(0);
        Interval.ToDouble(I(1, 3)).ShouldBe(2);
        _ = I(1, 3).Midpoint; // the property is not counted
        audit.Reads.ShouldBe(1);
        // Dual<Interval>.Abs branches on ToDouble: the audit sees it.
        _ = Dual<Interval>.Abs(Dual<Interval>.Variable(I(-1, 2)));
        audit.Reads.ShouldBe(2);
        var nested = MidpointReadAudit.Start();
        Interval.ToDouble(Interval.One);
        nested.Reads.ShouldBe(1);
        audit.Reads.ShouldBe(3);
    }

    [Fact]
    public void GenericFormulasEncloseTheirExactRationalValueProperty()
    {
        // The same ScalarFactorization formula in intervals and in exact rationals, at random points.
        var f = new ScalarFactorization(target: 1, scale: 0.5);
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            double x = t.A % 100, y = t.C % 100;
            var xi = new[] { Interval.FromDouble(x), Interval.FromDouble(y) };
            var xq = new[] { Q(x), Q(y) };
            var g = f.Gradient<Interval>(xi);
            var gq = f.Gradient<Rational>(xq);
            var h = f.Hessian<Interval>(xi);
            var hq = AutoDiffHessian(f, xq);
            return f.Value<Interval>(xi).ContainsExact(f.Value<Rational>(xq))
                   && g[0].ContainsExact(gq[0]) && g[1].ContainsExact(gq[1])
                   && h[0, 1].ContainsExact(hq[0, 1]) && h[1, 1].ContainsExact(hq[1, 1]);
        }), maxTest: 500);
    }

    private static Rational[,] AutoDiffHessian(Objective f, Rational[] x) => Verify.Dynamics.Differentiation.AutoDiff.Hessian<Rational>(f, x);

    [Fact]
    public void FromIntAndFromDoubleAreExact()
    {
        Interval.FromInt(int.MaxValue).ShouldBe(I(int.MaxValue, int.MaxValue));
        Interval.FromDouble(0.1).ShouldBe(I(0.1, 0.1));
        Interval.FromDouble(-0.0).Contains(0).ShouldBeTrue();
        Interval.One.ShouldBe(I(1, 1));
    }

    [Fact]
    public void EqualityAndText()
    {
        I(1, 2).Equals((object)I(1, 2)).ShouldBeTrue();
        I(1, 2).Equals("[1, 2]").ShouldBeFalse();
        (I(1, 2) == I(1, 2)).ShouldBeTrue();
        (I(1, 2) != I(1, 3)).ShouldBeTrue();
        I(1, 2).GetHashCode().ShouldBe(I(1, 2).GetHashCode());
        I(0.1, 2).ToString().ShouldBe("[0.1, 2]");
        I(1.0 / 3, 2).ToString("G3").ShouldBe("[0.333, 2]");
        Interval.Entire.ToString().ShouldBe("[-∞, ∞]");
    }

    [Fact]
    public void DirectedRoundingOfOneOperationHandlesInfiniteOperandsAsLimits()
    {
        Interval.Sum(double.PositiveInfinity, 1).ShouldBe((double.PositiveInfinity, double.PositiveInfinity));
        Interval.Sum(1, double.NegativeInfinity).ShouldBe((double.NegativeInfinity, double.NegativeInfinity));
        Interval.Sum(double.MaxValue, double.MaxValue).ShouldBe((double.MaxValue, double.PositiveInfinity));
        Interval.Product(double.PositiveInfinity, 2).ShouldBe((double.PositiveInfinity, double.PositiveInfinity));
        Interval.Product(-3, double.PositiveInfinity).ShouldBe((double.NegativeInfinity, double.NegativeInfinity));
        Interval.Product(double.MaxValue, -2).ShouldBe((double.NegativeInfinity, -double.MaxValue));
        Interval.Quotient(double.PositiveInfinity, 2).ShouldBe((double.PositiveInfinity, double.PositiveInfinity));
        Interval.Quotient(1, double.NegativeInfinity).ShouldBe((0, 0));
        Interval.Quotient(-1, 3).ShouldBe((Math.BitDecrement(-1.0 / 3), -1.0 / 3)); // −1/3 rounds up to the double
        Interval.Quotient(1, -3).ShouldBe((Math.BitDecrement(-1.0 / 3), -1.0 / 3));
        Interval.SqrtBounds(2).ShouldBe((Math.BitDecrement(Math.Sqrt(2)), Math.Sqrt(2))); // the double nearest √2 is above it
        Interval.SqrtBounds(double.Epsilon).ShouldBe((Math.ScaleB(1.0, -537), Math.ScaleB(1.0, -537)));
        Interval.SqrtBounds(double.PositiveInfinity).ShouldBe((double.PositiveInfinity, double.PositiveInfinity));
        Interval.SqrtBounds(0).ShouldBe((0, 0));
    }

    [Fact]
    public void ExactRationalConstantsAreEnclosedInIntervalTypes()
    {
        // The shared conversion builds p/q from integer digits: one outward-rounded division in intervals.
        var r = new Rational(11, 10);
        Verify.Dynamics.LinearAlgebra.ExactScalars.FromRational<Interval>(r).ShouldBe(Interval.FromRational(r));
        var big = new Rational(System.Numerics.BigInteger.Pow(10, 30) + 7, System.Numerics.BigInteger.Pow(3, 40));
        var i = Verify.Dynamics.LinearAlgebra.ExactScalars.FromRational<Interval>(big);
        i.ContainsExact(big).ShouldBeTrue();
        i.Width.ShouldBeLessThan(1e-14 * i.Mag);
        var dual = Verify.Dynamics.LinearAlgebra.ExactScalars.FromRational<Dual<Interval>>(-big);
        dual.Value.ContainsExact(-big).ShouldBeTrue();
        dual.Derivative.ShouldBe(Interval.Zero);
    }
}
