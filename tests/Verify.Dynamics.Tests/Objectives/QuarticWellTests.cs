using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class QuarticWellTests
{
    [Fact]
    public void ValuesGradientAndHessianInClosedForm()
    {
        var f = QuarticWell.Instance;
        f.Dimension.ShouldBe(1);
        f.Target.ShouldBe(1); f.Scale.ShouldBe(0.25);
        f.ValueAt([3]).ShouldBe(16);          // ¼(9 − 1)²
        f.GradientAt([3]).ShouldBe([24.0]);   // 3·(9 − 1)
        f.HessianAt([3])[0, 0].ShouldBe(26);  // 3·9 − 1
        f.ValueAt([1]).ShouldBe(0); f.ValueAt([-1]).ShouldBe(0); f.ValueAt([0]).ShouldBe(0.25);
    }

    [Fact]
    public void ClosedFormsAgreeWithAutomaticDifferentiationExactly()
    {
        foreach (var f in new[] { new QuarticWell(), new QuarticWell(target: 4), new QuarticWell(target: 0.25, scale: 1) })
            foreach (var x in new Rational[] { 0, 1, new(-7, 3), new(5, 11) })
            {
                f.Gradient<Rational>([x]).ShouldBe(AutoDiff.Gradient<Rational>(f, [x]));
                f.Hessian<Rational>([x]).ShouldBe(AutoDiff.Hessian<Rational>(f, [x]));
            }
    }

    [Fact]
    public void InvalidParametersAreRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new QuarticWell(target: 0));
        Should.Throw<ArgumentOutOfRangeException>(() => new QuarticWell(target: -1));
        Should.Throw<ArgumentOutOfRangeException>(() => new QuarticWell(scale: 0));
    }

    [Theory]
    [InlineData(1.0, 0.25, 1.1)]
    [InlineData(4.0, 0.25, 0.27)]
    [InlineData(0.25, 1.0, 1.05)]
    public void TheStepAndItsPolynomialAreTheGradientStep(double mu, double c, double eta)
    {
        var f = new QuarticWell(mu, c);
        var p = f.StepPolynomial(eta);
        p.Length.ShouldBe(4);
        foreach (var x in new[] { -1.3, 0.2, 0.9, 2.0 })
        {
            double gd = x - eta * f.GradientAt([x])[0];
            f.Step(x, eta).ShouldBe(gd, 1e-14);
            (p[0] + p[1] * x + p[2] * x * x + p[3] * x * x * x).ShouldBe(gd, 1e-13);
        }
        f.Effective(eta).ShouldBe(4 * c * eta, 1e-15);
        f.Normalized(eta).ShouldBe(4 * c * eta * mu, 1e-15);
        f.EdgeOfStability.ShouldBe(2 / f.HessianAt([Math.Sqrt(mu)])[0, 0], 1e-14);
    }

    [Theory]
    [InlineData(1.0, 0.25, 1.05)]
    [InlineData(1.0, 0.25, 1.2)]
    [InlineData(4.0, 0.25, 0.28)]
    [InlineData(0.25, 1.0, 1.1)]
    [InlineData(1.0, 0.25, 1.0 + 1e-9)]
    public void TheTwoCycleIsAPeriodTwoOrbitOfTheStep(double mu, double c, double eta)
    {
        var f = new QuarticWell(mu, c);
        var (lo, hi) = f.TwoCycle(eta)!.Value;
        lo.ShouldBeLessThan(Math.Sqrt(mu)); hi.ShouldBeGreaterThan(Math.Sqrt(mu));
        f.Step(lo, eta).ShouldBe(hi, 1e-12);
        f.Step(hi, eta).ShouldBe(lo, 1e-12);
        // Both roots of the orbit equation, the partner relation and eq. (4).
        var q = f.TwoCycleEquation(eta);
        foreach (var d in new[] { lo, hi })
            Math.Abs(q[0] + q[2] * d * d + q[4] * d * d * d * d).ShouldBeLessThan(1e-9);
        f.Partner(lo).ShouldBe(hi, 1e-7);
        f.StepOfTwoCycleThrough(lo).ShouldBe(eta, 1e-9);
        // The multiplier is F′(δ₁)F′(δ₂).
        double Fp(double x) => 1 - f.Effective(eta) * (3 * x * x - mu);
        f.TwoCycleMultiplier(eta).ShouldBe(Fp(lo) * Fp(hi), 1e-9);
        f.Step(f.SymmetricTwoCycle(eta), eta).ShouldBe(-f.SymmetricTwoCycle(eta), 1e-12);
    }

    [Theory]
    [InlineData(1.0)]
    [InlineData(0.9)]
    [InlineData(0.5)]
    public void NoPositiveTwoCycleAtOrBelowTheEdgeOfStability(double eta) =>
        QuarticWell.Instance.TwoCycle(eta).ShouldBeNull();

    [Fact]
    public void TheCriticalPointIsWhereTheStepIsFlat()
    {
        var f = new QuarticWell(2);
        double eta = 0.55, xh = f.CriticalPoint(eta);
        (1 - eta * (3 * xh * xh - 2)).ShouldBe(0, 1e-14);
        f.TwoCycleMultiplier(0.5).ShouldBe(1);  // E = 1: 7 − 4 − 2
        f.Partner(1).ShouldBe(0.5 + Math.Sqrt(1.25), 1e-15);
        double.IsNaN(f.Partner(2)).ShouldBeTrue();
        // Eq. (4) at the end of its range δ = 2(μ/3)^½ is 3/(2μ)·… = 1.5/μ for c = ¼, rounding or not; NaN beyond.
        var unit = QuarticWell.Instance;
        unit.StepOfTwoCycleThrough(2 / Math.Sqrt(3)).ShouldBe(1.5, 1e-12);
        double.IsNaN(unit.StepOfTwoCycleThrough(1.2)).ShouldBeTrue();
        unit.StepOfTwoCycleThrough(1).ShouldBe(1, 1e-15);
    }
}

public sealed class QuarticWellExactOrbitTests
{
    [Theory]
    [InlineData(3, 4, 1, 1)]
    [InlineData(5, 9, 3, 2)]
    [InlineData(99, 100, 1, 3)]
    public void ExactTwoCyclesAreOrbitsOfTheStepInRationals(int mNum, int mDen, int qNum, int qDen)
    {
        var q = new Rational(qNum, qDen);
        var (a, b, eta) = QuarticWell.ExactTwoCycle(new Rational(mNum, mDen), q)!.Value;
        var mu = q * q;
        (a * a - a * b + b * b).ShouldBe(mu);
        Rational F(Rational x) => x - eta * x * (x * x - mu);
        F(a).ShouldBe(b);
        F(b).ShouldBe(a);
        (a > 0 && a < q && q < b).ShouldBeTrue();
        (eta * mu > 1).ShouldBeTrue();
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(1, 1)]
    [InlineData(1, 3)]
    [InlineData(3, 2)]
    public void SlopesOutsideTheBranchGiveNoOrbit(int mNum, int mDen) =>
        QuarticWell.ExactTwoCycle(new Rational(mNum, mDen), 1).ShouldBeNull();

    [Fact]
    public void ANonPositiveScaleGivesNoOrbit() =>
        QuarticWell.ExactTwoCycle(new Rational(3, 4), 0).ShouldBeNull();

    [Fact]
    public void ExactTwoCycleOfSlopeThreeQuarters()
    {
        // m = ¾, q = 1: s = (5/4)/(13/16) = 20/13, a = 7/13, b = 15/13, η = 169/105.
        var c = QuarticWell.ExactTwoCycle(new Rational(3, 4), 1)!.Value;
        c.Lower.ShouldBe(new Rational(7, 13));
        c.Upper.ShouldBe(new Rational(15, 13));
        c.Eta.ShouldBe(new Rational(169, 105));
        QuarticWell.ExactTwoCycle(new Rational(1, 2), 1).ShouldBeNull();
        QuarticWell.ExactTwoCycle(1, 1).ShouldBeNull();
        QuarticWell.ExactTwoCycle(new Rational(3, 4), 0).ShouldBeNull();
        QuarticWell.ExactTwoCycle(new Rational(3, 4), -1).ShouldBeNull();
    }
}
