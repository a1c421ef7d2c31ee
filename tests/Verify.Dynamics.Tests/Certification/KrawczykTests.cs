using Verify.Dynamics.Certification;
using static Verify.Dynamics.Tests.Certification.TestMaps;

namespace Verify.Dynamics.Tests.Certification;

public sealed class KrawczykTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);
    private static Rational R(double v) => Rational.FromDouble(v);

    [Fact]
    public void CertifiesTheSquareRootOfTwoInABoxOfAFewUlps()
    {
        var outcome = Krawczyk.Certify(new SquareRootOfTwo(), 1.4);
        outcome.Verdict.ShouldBe(KrawczykVerdict.ZeroExistsUnique);
        outcome.IsProven.ShouldBeTrue();
        var e = outcome.Enclosure![0];
        // lo² < 2 < hi², exactly.
        (R(e.Lo) * R(e.Lo) < 2).ShouldBeTrue();
        (R(e.Hi) * R(e.Hi) > 2).ShouldBeTrue();
        e.Width.ShouldBeLessThanOrEqualTo(4 * 2.3e-16); // a few ulps of √2
        outcome.EnclosureWidth.ShouldBe(e.Width);
        e.IsSubsetOf(outcome.Box[0]).ShouldBeTrue();
        // The first box has radius 1e-10·max(1, |x|) around Newton's root: width 2√2·1e-10.
        outcome.Box[0].Width.ShouldBeInRange(2.8e-10, 2.9e-10);
        outcome.Tests.ShouldBe(1);
        // One test and four tightening steps, each 2 + n = 3 evaluations (G on the box, G at the centre, one Dual pass).
        outcome.Evaluations.ShouldBe(15);
        outcome.Describe().ShouldStartWith("unique zero in X = [1.41421");
    }

    [Fact]
    public void TheWorkCountIsDeterministic()
    {
        var a = Krawczyk.Certify(new CircleAndDiagonal(), [1.4, 1.4]);
        var b = Krawczyk.Certify(new CircleAndDiagonal(), [1.4, 1.4]);
        a.Evaluations.ShouldBe(b.Evaluations);
        a.Describe().ShouldBe(b.Describe());
    }

    [Fact]
    public void ProvesAUniqueZeroInAGivenBox()
    {
        var outcome = Krawczyk.Test(new SquareRootOfTwo(), [I(1, 2)]);
        outcome.Verdict.ShouldBe(KrawczykVerdict.ZeroExistsUnique);
        outcome.Evaluations.ShouldBe(3);
        outcome.Tests.ShouldBe(1);
        outcome.Reason.ShouldBe("K(X) ⊂ int X");
        outcome.Box[0].ShouldBe(I(1, 2));
        outcome.Enclosure![0].Contains(Math.Sqrt(2)).ShouldBeTrue();
        outcome.Enclosure[0].IsInteriorOf(I(1, 2)).ShouldBeTrue();
    }

    [Fact]
    public void ABoxWithoutAZeroIsProvenEmptyNeverCertified()
    {
        // G(X) excludes 0: the simple exclusion test.
        var excluded = Krawczyk.Test(new SquareRootOfTwo(), [I(2, 3)]);
        excluded.Verdict.ShouldBe(KrawczykVerdict.NoZero);
        excluded.Reason.ShouldBe("G(X) excludes 0 in coordinate 1: [2, 7]");
        excluded.Describe().ShouldStartWith("no zero in X");
        // G(X) = [0, 0.15] contains 0 (x appears twice), but K(X) = {1.4} misses X: the Krawczyk exclusion.
        var viaK = Krawczyk.Test(new Dependent(), [I(1.5, 1.6)]);
        viaK.Verdict.ShouldBe(KrawczykVerdict.NoZero);
        viaK.Reason.ShouldBe("K(X) ∩ X = ∅");
        // The same map on a box around its zero 7/5 is proven.
        Krawczyk.Test(new Dependent(), [I(1.3, 1.5)]).IsProven.ShouldBeTrue();
    }

    [Fact]
    public void AMapWithoutAZeroIsNeverCertified()
    {
        // Newton wanders; the box around its last iterate is proven empty.
        var none = Krawczyk.Certify(new NoRealRoot(), 0.5);
        none.IsProven.ShouldBeFalse();
        none.Verdict.ShouldBe(KrawczykVerdict.NoZero);
    }

    [Fact]
    public void TooLargeOrSingularBoxesAreInconclusive()
    {
        var singular = Krawczyk.Test(new SquareRootOfTwo(), [I(-3, 3)]);
        singular.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        singular.Reason.ShouldContain("singular");
        var large = Krawczyk.Test(new SquareRootOfTwo(), [I(0.1, 10)]);
        large.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        large.Reason.ShouldContain("K(X) ⊄ int X");
        large.Enclosure.ShouldNotBeNull();
        large.Describe().ShouldStartWith("inconclusive on X");
        // (x² + y² − 4, x − y) has the singular Jacobian [[2, −2], [1, −1]] at (1, −1).
        var singular2 = Krawczyk.Test(new CircleAndDiagonal(), [I(0.5, 1.5), I(-1.5, -0.5)]);
        singular2.Verdict.ShouldNotBe(KrawczykVerdict.ZeroExistsUnique);
        var unbounded = Krawczyk.Test(new SquareRootOfTwo(), [I(1, double.PositiveInfinity)]);
        unbounded.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        unbounded.Reason.ShouldContain("unbounded");
        double.IsNaN(unbounded.EnclosureWidth).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => Krawczyk.Test(new SquareRootOfTwo(), [I(1, 2), I(1, 2)])).Message.ShouldStartWith("The box has 2 coordinates, the map 1.");
        Should.Throw<ArgumentException>(() => Krawczyk.Certify(new SquareRootOfTwo(), [1.0, 2.0])).Message.ShouldStartWith("The guess has 2 coordinates, the map 1.");
    }

    [Fact]
    public void AnEnclosureThatIsNotFiniteIsInconclusive()
    {
        var outcome = Krawczyk.Test(new Reciprocal(), [I(-1, 2)]);
        outcome.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        outcome.Reason.ShouldContain("not finite");
        Krawczyk.Certify(new Reciprocal(), 1.1).IsProven.ShouldBeTrue();
    }

    [Fact]
    public void AMapThatBranchesOnMidpointsIsNotAProof()
    {
        // |x| − 1 has the zero 1, but Dual.Abs decides the derivative's sign from the midpoint only.
        var outcome = Krawczyk.Certify(new AbsMinusOne(), 1.1);
        outcome.IsProven.ShouldBeFalse();
        outcome.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        outcome.Reason.ShouldContain("midpoints");
    }

    [Fact]
    public void NewtonFailureIsReported()
    {
        // G′(0) = 0: the first Newton step is not finite.
        var outcome = Krawczyk.Certify(new SquareRootOfTwo(), 0.0);
        outcome.Verdict.ShouldBe(KrawczykVerdict.Inconclusive);
        outcome.Reason.ShouldContain("Newton");
        outcome.Tests.ShouldBe(0);
        Krawczyk.Newton(new SquareRootOfTwo(), [0.0]).All(double.IsNaN).ShouldBeTrue();
        Krawczyk.Newton(new SquareRootOfTwo(), [1.0])[0].ShouldBe(Math.Sqrt(2), 1e-15);
        Krawczyk.Newton(new SquareRootOfTwo(), [1.0], maxSteps: 0).ShouldBe([1.0]);
        Krawczyk.Newton(new SquareRootOfTwo(), [1.0], maxSteps: 1).ShouldBe([1.5]);
    }

    [Fact]
    public void EpsilonInflationGrowsABoxThatStartsTooSmall()
    {
        // A start box far below the rounding noise of G(c) still ends in a proof after a few inflations.
        var outcome = Krawczyk.Certify(new SquareRootOfTwo(), 1.4, new KrawczykOptions(InitialRadius: 1e-300));
        outcome.IsProven.ShouldBeTrue();
        outcome.Tests.ShouldBeGreaterThan(1);
        // With no inflation allowed, the same start is inconclusive and says so.
        var stuck = Krawczyk.Certify(new SquareRootOfTwo(), 1.4, new KrawczykOptions(InitialRadius: 1e-300, MaxTests: 1));
        stuck.IsProven.ShouldBeFalse();
        stuck.Reason.ShouldContain("after 1 inflation steps");
    }

    [Fact]
    public void TighteningShrinksTheEnclosureToAFewUlps()
    {
        var loose = Krawczyk.Certify(new CircleAndDiagonal(), [1.4, 1.4], new KrawczykOptions(InitialRadius: 1e-3, TighteningSteps: 0));
        var tight = Krawczyk.Certify(new CircleAndDiagonal(), [1.4, 1.4], new KrawczykOptions(InitialRadius: 1e-3));
        loose.IsProven.ShouldBeTrue();
        loose.EnclosureWidth.ShouldBeGreaterThan(1e-8); // K(X) of a box of radius 1e-3, untightened
        tight.IsProven.ShouldBeTrue();
        tight.EnclosureWidth.ShouldBeLessThan(loose.EnclosureWidth);
        tight.EnclosureWidth.ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void CertifiesBothZerosOfATwoDimensionalSystem()
    {
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var outcome = Krawczyk.Certify(new CircleAndDiagonal(), [sign * 1.5, sign * 1.3]);
            outcome.IsProven.ShouldBeTrue();
            foreach (var x in outcome.Enclosure!)
            {
                // ±√2 inside: lo² and hi² bracket 2 on the right side.
                Rational lo = R(x.Lo), hi = R(x.Hi);
                (sign > 0 ? lo * lo < 2 && hi * hi > 2 : lo * lo > 2 && hi * hi < 2).ShouldBeTrue();
            }
        }
        // A box holding both zeros is not a certificate of either.
        Krawczyk.Test(new CircleAndDiagonal(), [I(-3, 3), I(-3, 3)]).IsProven.ShouldBeFalse();
    }

    [Fact]
    public void CertifiesAZeroOfATranscendentalSystem()
    {
        var outcome = Krawczyk.Certify(new Trigonometric(), [0.5, 0.9]);
        outcome.IsProven.ShouldBeTrue();
        var x = outcome.Enclosure![0].Midpoint;
        var y = outcome.Enclosure[1].Midpoint;
        (Math.Cos(x) - y).ShouldBe(0, 1e-14);
        (Math.Sin(y) - x / 2).ShouldBe(0, 1e-14);
    }

    [Fact]
    public void CertifiesTheTwoCycleOfTheLogisticMap()
    {
        // r = 16/5: the 2-cycle points are the roots of r²x² − r(r + 1)x + (r + 1).
        var r = Q(16, 5);
        var map = new Logistic().At(r).Iterated(2).FixedPointResidual();
        foreach (var guess in new[] { 0.5, 0.8 })
        {
            var outcome = Krawczyk.Certify(map, guess);
            outcome.IsProven.ShouldBeTrue();
            SignChange(x => Logistic.PeriodTwoPolynomial(r, x), outcome.Enclosure![0]).ShouldBeTrue();
        }
    }

    [Fact]
    public void OptionsHaveSensibleDefaults()
    {
        var o = KrawczykOptions.Default;
        o.InitialRadius.ShouldBe(1e-10);
        o.MaxTests.ShouldBe(12);
        o.Inflation.ShouldBe(0.1);
        o.MaxNewtonSteps.ShouldBe(60);
        o.TighteningSteps.ShouldBe(4);
    }
}
