using Verify.Dynamics.Certification;
using static Verify.Dynamics.Tests.Certification.TestMaps;

namespace Verify.Dynamics.Tests.Certification;

public sealed class CriticalParameterTests
{
    private static Rational R(double v) => Rational.FromDouble(v);

    [Fact]
    public void EnclosesThePeriodFourBoundaryOfTheQuartic()
    {
        // The period-2 orbit of x − ηx(x² − 1) has multiplier 7 − 4η − 2η² = −1 at η* = √5 − 1.
        var cert = CriticalParameter.Certify(new GradientDescentFamily(QuarticWell.Instance), 2, -1, 0.6, 1.236);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        var eta = cert.Parameter;
        // (η + 1)² brackets 5, exactly.
        Rational lo = R(eta.Lo) + 1, hi = R(eta.Hi) + 1;
        (lo * lo < 5 && hi * hi > 5).ShouldBeTrue();
        eta.Width.ShouldBeLessThan(1e-14);
        cert.Point.Count.ShouldBe(1);
        cert.Point[0].Width.ShouldBeLessThan(1e-14); // the tightened enclosure, not the uniqueness box
        cert.Eigenvector.Single().ContainsExact(Rational.One).ShouldBeTrue(); // 1-D: v = 1 by the normalization
        SignChange(d => QuarticOrbit.Polynomial(R(eta.Midpoint), d), new Interval(cert.Point[0].Lo - 1e-9, cert.Point[0].Hi + 1e-9)).ShouldBeTrue();
        cert.LeastPeriodProven.ShouldBeTrue();
        cert.Describe().ShouldStartWith("η* ∈ [1.2360679774997");
        cert.Period.ShouldBe(2);
        cert.Multiplier.ShouldBe((Rational)(-1));
    }

    [Fact]
    public void EnclosesTheBirthOfThePeriodTwoOrbitAtTheFixedPoint()
    {
        // The minimum x = 1 has multiplier 1 − 2η: −1 at η = 1, where the period-2 orbit is born.
        var cert = CriticalParameter.Certify(new GradientDescentFamily(QuarticWell.Instance), 1, -1, 0.99, 0.98);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        cert.Parameter.ContainsExact(Rational.One).ShouldBeTrue();
        cert.Point[0].ContainsExact(Rational.One).ShouldBeTrue();
        cert.Parameter.Width.ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void EnclosesTheLogisticPeriodDoublings()
    {
        var birth = CriticalParameter.Certify(new Logistic(), 1, -1, 0.66, 3.01);
        birth.IsProven.ShouldBeTrue();
        birth.Parameter.ContainsExact(3).ShouldBeTrue();
        birth.Point[0].ContainsExact(Q(2, 3)).ShouldBeTrue();

        var four = CriticalParameter.Certify(new Logistic(), 2, -1, 0.44, 3.45);
        four.IsProven.ShouldBeTrue();
        // r* = 1 + √6: (r − 1)² brackets 6.
        Rational lo = R(four.Parameter.Lo) - 1, hi = R(four.Parameter.Hi) - 1;
        (lo * lo < 6 && hi * hi > 6).ShouldBeTrue();
    }

    [Fact]
    public void EnclosesATwoDimensionalBifurcation()
    {
        // ½(xy − 1)²: on x = y the GD map is the quartic's, so the balanced orbit loses stability at the same
        // η* = √5 − 1 (the transverse multiplier 3 − 2η is −1 only at η = 2).
        var cert = CriticalParameter.Certify(new GradientDescentFamily(ScalarFactorization.Instance), 2, -1, [0.6, 0.6], 1.236);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        Rational lo = R(cert.Parameter.Lo) + 1, hi = R(cert.Parameter.Hi) + 1;
        (lo * lo < 5 && hi * hi > 5).ShouldBeTrue();
        cert.Point.Count.ShouldBe(2);
        // The eigenvector is the diagonal direction (1, 1)/√2, of unit length by the normalization.
        var v = cert.Eigenvector;
        v[0].ShouldBe(v[1]);
        (v[0].Midpoint * v[0].Midpoint * 2).ShouldBe(1, 1e-12);
        v[0].Lo.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void EnclosesAFlipWithAnAsymmetricEigenvector()
    {
        var cert = CriticalParameter.Certify(new DrivenLogistic(), 1, -1, [0.66, 0.5], 3.01);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        cert.Parameter.ContainsExact(3).ShouldBeTrue();
        cert.Point[0].ContainsExact(Q(2, 3)).ShouldBeTrue();
        cert.Point[1].ContainsExact(Q(1, 2)).ShouldBeTrue();
        (cert.Eigenvector[1] / cert.Eigenvector[0]).ContainsExact(Q(-3, 8)).ShouldBeTrue();
    }

    [Fact]
    public void AFoldIsAMultiplierOneAndAFixedPointIsNotAPeriodTwoSolution()
    {
        // x ↦ x + η − x²: the fixed points ±√η are born at η = 0 (F′ = 1 at x = 0).
        var fold = CriticalParameter.Certify(new Fold(), 1, 1, 0.01, 0.001);
        fold.IsProven.ShouldBeTrue(fold.Describe());
        fold.Parameter.ContainsExact(Rational.Zero).ShouldBeTrue();
        fold.Point[0].ContainsExact(Rational.Zero).ShouldBeTrue();
        // Asked for period 2, the same point solves the system ((F²)′ = 1 there) but has least period 1.
        var two = CriticalParameter.Certify(new Fold(), 2, 1, 0.01, 0.001);
        two.Outcome.IsProven.ShouldBeTrue(two.Describe());
        two.LeastPeriodProven.ShouldBeFalse();
        two.IsProven.ShouldBeFalse();
        two.Describe().ShouldContain("not of least period 2");
    }

    [Fact]
    public void AWrongConditionIsNotCertified()
    {
        // Negative controls: the period-2 orbit never has multiplier +1 near there (7 − 4η − 2η² = 1 at η ≈ 1 is the
        // orbit's birth, where it merges with the fixed point: the least period is not 2) …
        var fold = CriticalParameter.Certify(new GradientDescentFamily(QuarticWell.Instance), 2, 1, 0.6, 1.236);
        fold.IsProven.ShouldBeFalse();
        fold.LeastPeriodProven.ShouldBeFalse();
        fold.Describe().ShouldStartWith("critical parameter not proven");
        fold.Describe().ShouldContain(fold.Outcome.Reason);
        // … and a claimed enclosure moved by 5% does not contain the proven one.
        var cert = CriticalParameter.Certify(new GradientDescentFamily(QuarticWell.Instance), 2, -1, 0.6, 1.236);
        cert.Parameter.IsSubsetOf(new Interval(1.236 * 1.05 - 0.001, 1.236 * 1.05 + 0.001)).ShouldBeFalse();
        cert.Parameter.IsSubsetOf(new Interval(1.236, 1.2361)).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => CriticalParameter.Certify(new Logistic(), 0, -1, 0.5, 3)).Message.ShouldStartWith("The period must be ≥ 1.");
    }
}
