using FsCheck;
using FsCheck.Fluent;
using Interval = Verify.Dynamics.Numbers.Interval;
using Verify.Dynamics.Tests.Support;
using static Verify.Dynamics.Tests.Support.RationalReference;

namespace Verify.Dynamics.Tests.Numbers;

/// <summary>
/// The elementary functions against independent rational Taylor enclosures: this checks, at many
/// points, the assumption the library-based enclosures rest on (C-library error below 4 ulps).
/// </summary>
public sealed class IntervalFunctionsTests
{
    private static Rational Q(double v) => Rational.FromDouble(v);
    private static Interval P(double v) => Interval.FromDouble(v);
    private static bool Encloses(Interval r, Bounds exact) =>
        r.IsValid && (r.Lo == double.NegativeInfinity || Q(r.Lo) <= exact.Lo) && (r.Hi == double.PositiveInfinity || exact.Hi <= Q(r.Hi));

    // Doubles spread over [−scale, scale] with all mantissa bits, plus a few special ones.
    private static Gen<double> Spread(double scale) => Gen.Frequency(
        (6, from a in Gen.Choose(-1_000_000, 1_000_000) from b in Gen.Choose(0, 999_999) select (a + b / 1e6) / 1e6 * scale),
        (1, from e in Gen.Choose(-60, 0) from s in Gen.Elements(1.0, -1.0) select s * Math.ScaleB(1.234567890123, e)));

    private static Arbitrary<double> SpreadArb(double scale) => Arb.From(Spread(scale), IntervalGen.ShrinkDouble);

    [Fact]
    public void ReferenceEnclosuresAreThemselvesRight()
    {
        // π from Machin's formula brackets Math.PI's neighbours the right way round: Math.PI < π < next.
        Pi.Lo.ShouldBeGreaterThan(Q(Math.PI));
        Pi.Hi.ShouldBeLessThan(Q(Math.BitIncrement(Math.PI)));
        Interval.Pi.ContainsExact(Pi.Lo).ShouldBeTrue();
        Interval.Pi.ContainsExact(Pi.Hi).ShouldBeTrue();
        // exp(1) = e, sin(π/6)… checked against the double values.
        ((double)Exp(1).Lo).ShouldBe(Math.E);
        ((double)Sin(Math.PI / 6).Lo).ShouldBe(0.5, 1e-15);
        ((double)Cos(2).Hi).ShouldBe(Math.Cos(2), 1e-16);
        ((double)Tanh(0.3).Lo).ShouldBe(Math.Tanh(0.3), 1e-16);
        ((double)Tanh(3).Lo).ShouldBe(Math.Tanh(3), 3e-16);
        (Exp(-700).Hi - Exp(-700).Lo).ShouldBeLessThan(Exp(-700).Lo / new Rational(System.Numerics.BigInteger.Pow(2, 100)));
    }

    [Fact]
    public void ExpEnclosesTheExactValueProperty() =>
        IntervalGen.Check(Prop.ForAll(SpreadArb(745), x => Encloses(Interval.Exp(P(x)), Exp(x))), maxTest: 300);

    [Fact]
    public void LogEnclosesTheExactValueProperty() =>
        // [L, H] ∋ log x  ⟺  exp L ≤ x ≤ exp H (exp is increasing).
        IntervalGen.Check(Prop.ForAll(SpreadArb(700), e =>
        {
            double x = Math.Exp(e);
            if (!(x > 0) || double.IsInfinity(x)) return true;
            var r = Interval.Log(P(x));
            return Exp(r.Lo).Hi <= Q(x) && Q(x) <= Exp(r.Hi).Lo;
        }), maxTest: 300);

    [Fact]
    public void SinAndCosEncloseTheExactValueProperty() =>
        IntervalGen.Check(Prop.ForAll(SpreadArb(1e5), x => Encloses(Interval.Sin(P(x)), Sin(x)) && Encloses(Interval.Cos(P(x)), Cos(x))), maxTest: 300);

    [Fact]
    public void TanhEnclosesTheExactValueProperty() =>
        IntervalGen.Check(Prop.ForAll(SpreadArb(40), x => Encloses(Interval.Tanh(P(x)), Tanh(x))), maxTest: 300);

    [Fact]
    public void AtanEnclosesTheExactValueProperty() =>
        // [L, H] ∋ atan x ⟺ tan L ≤ x ≤ tan H on (−π/2, π/2); an end at or beyond ±π/2 holds trivially.
        IntervalGen.Check(Prop.ForAll(SpreadArb(1e3), x =>
        {
            var r = Interval.Atan(P(x));
            bool lower = Q(r.Lo) <= -Pi.Hi / 2 || TanUpper(r.Lo) <= Q(x);
            bool upper = Q(r.Hi) >= Pi.Hi / 2 || TanLower(r.Hi) >= Q(x);
            return lower && upper;
        }), maxTest: 300);

    private static Rational TanUpper(double t) => (Sin(t) / Cos(t)).Hi;
    private static Rational TanLower(double t) => (Sin(t) / Cos(t)).Lo;

    [Fact]
    public void AcosEnclosesTheExactValueProperty() =>
        // [L, H] ∋ acos x ⟺ cos H ≤ x ≤ cos L on [0, π] (cos decreasing); H ≥ π holds trivially.
        IntervalGen.Check(Prop.ForAll(SpreadArb(1), x =>
        {
            var r = Interval.Acos(P(x));
            if (Math.Abs(x) > 1) return !r.IsValid;
            bool upper = Q(r.Hi) >= Pi.Hi || Cos(r.Hi).Hi <= Q(x);
            bool lower = r.Lo == 0 || Cos(r.Lo).Lo >= Q(x);
            return r.IsValid && upper && lower;
        }), maxTest: 300);

    [Fact]
    public void FunctionsOfIntervalsContainTheValueAtEveryPointProperty() =>
        IntervalGen.Check(Prop.ForAll(SpreadArb(20), SpreadArb(20), Arb.From(Gen.Choose(0, 2)), (a, b, which) =>
        {
            var x = IntervalGen.Of(a, b);
            double p = IntervalGen.Pick(x, which);
            return Encloses(Interval.Sin(x), Sin(p)) && Encloses(Interval.Cos(x), Cos(p))
                   && Encloses(Interval.Exp(x), Exp(p)) && Encloses(Interval.Tanh(x), Tanh(p));
        }), maxTest: 200);

    [Fact]
    public void SinAndCosReachTheirExtremaExactlyWhenTheIntervalContainsOne()
    {
        Interval.Sin(new Interval(1, 2)).Hi.ShouldBe(1);       // contains π/2
        Interval.Sin(new Interval(2, 3)).Hi.ShouldBeLessThan(1); // monotone on [2, 3]
        Interval.Sin(new Interval(2, 3)).Lo.ShouldBeLessThan(Math.Sin(3));
        Interval.Sin(new Interval(4, 5)).Lo.ShouldBe(-1);      // contains 3π/2
        Interval.Cos(new Interval(-1, 1)).Hi.ShouldBe(1);
        Interval.Cos(new Interval(3, 4)).Lo.ShouldBe(-1);
        Interval.Cos(new Interval(0.5, 1)).ShouldSatisfyAllConditions(
            c => c.Hi.ShouldBeGreaterThan(Math.Cos(0.5)),
            c => c.Lo.ShouldBeLessThan(Math.Cos(1)),
            c => c.Width.ShouldBeLessThan(Math.Cos(0.5) - Math.Cos(1) + 1e-14));
        Interval.Sin(new Interval(0, 100)).ShouldBe(new Interval(-1, 1));
        Interval.Sin(new Interval(double.NegativeInfinity, 0)).ShouldBe(new Interval(-1, 1));
        Interval.Cos(Interval.Entire).ShouldBe(new Interval(-1, 1));
        // The conservative test may report an extremum near (not in) the interval, never miss one.
        Interval.Sin(new Interval(1e15, 1e15 + 0.125)).ShouldSatisfyAllConditions(
            s => s.Lo.ShouldBeGreaterThanOrEqualTo(-1), s => s.Hi.ShouldBeLessThanOrEqualTo(1));
    }

    [Fact]
    public void ExactPointsAreExactAndRangesAreClamped()
    {
        Interval.Exp(Interval.Zero).ShouldBe(Interval.One);
        Interval.Log(Interval.One).ShouldBe(Interval.Zero);
        Interval.Sin(Interval.Zero).ShouldBe(Interval.Zero);
        Interval.Cos(Interval.Zero).ShouldBe(Interval.One);
        Interval.Tanh(Interval.Zero).ShouldBe(Interval.Zero);
        Interval.Atan(Interval.Zero).ShouldBe(Interval.Zero);
        Interval.Acos(Interval.One).ShouldBe(Interval.Zero);
        Interval.Exp(new Interval(double.NegativeInfinity, 0)).ShouldBe(new Interval(0, 1));
        Interval.Exp(new Interval(0, double.PositiveInfinity)).ShouldBe(new Interval(1, double.PositiveInfinity));
        Interval.Exp(P(-800)).Lo.ShouldBe(0);
        Interval.Exp(P(800)).Hi.ShouldBe(double.PositiveInfinity);
        Interval.Log(new Interval(1, double.PositiveInfinity)).ShouldBe(new Interval(0, double.PositiveInfinity));
        Interval.Tanh(Interval.Entire).ShouldBe(new Interval(-1, 1));
        Interval.Tanh(P(30)).Hi.ShouldBe(1);
        var atan = Interval.Atan(Interval.Entire);
        atan.Hi.ShouldBe(Interval.Pi.Hi / 2);
        atan.Lo.ShouldBe(-Interval.Pi.Hi / 2);
        Interval.Acos(P(-1)).Hi.ShouldBe(Interval.Pi.Hi);
        Interval.Acos(new Interval(-1, 1)).Lo.ShouldBe(0);
        Interval.Acos(P(0.5)).Lo.ShouldBeGreaterThan(1.047); // π/3, not clamped to 0
        Interval.Sqrt(new Interval(0, double.PositiveInfinity)).ShouldBe(new Interval(0, double.PositiveInfinity));
    }

    [Fact]
    public void LibraryValuesAreWidenedByTheStatedNumberOfUlps()
    {
        var e = Interval.Exp(P(1));
        double v = Math.Exp(1), lo = v, hi = v;
        for (int k = 0; k < Interval.LibmUlps; k++) { lo = Math.BitDecrement(lo); hi = Math.BitIncrement(hi); }
        e.ShouldBe(new Interval(lo, hi));
        Interval.LibmUlps.ShouldBe(4);
    }

    [Fact]
    public void TheLibraryStaysWithinItsDocumentedErrorWellInsideTheWidening()
    {
        // The observed error of Math.Exp/Sin/Cos/Tanh in ulps of the result, against the reference:
        // glibc documents ≤ 1 ulp (2 for tanh); the enclosures widen by 4.
        var rng = new Random(7);
        double worst = 0;
        for (int i = 0; i < 400; i++)
        {
            double x = (rng.NextDouble() * 2 - 1) * 20;
            worst = Math.Max(worst, UlpError(Math.Exp(x), Exp(x)));
            worst = Math.Max(worst, UlpError(Math.Sin(x), Sin(x)));
            worst = Math.Max(worst, UlpError(Math.Cos(x), Cos(x)));
            worst = Math.Max(worst, UlpError(Math.Tanh(x), Tanh(x)));
        }
        worst.ShouldBeLessThanOrEqualTo(2);
        worst.ShouldBeLessThan(Interval.LibmUlps);
    }

    private static double UlpError(double y, Bounds exact)
    {
        var mid = (exact.Lo + exact.Hi) / 2;
        double ulp = Math.BitIncrement(Math.Abs(y)) - Math.Abs(y);
        return (double)Rational.Abs(Q(y) - mid) / ulp;
    }
}
