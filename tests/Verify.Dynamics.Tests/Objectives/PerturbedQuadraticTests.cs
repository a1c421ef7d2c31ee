using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class PerturbedQuadraticTests
{
    private static readonly PerturbedQuadratic Example = new(Quadratic.Diagonal(2, 1), Polynomial.Of(2, (1, [2, 1]), (1, [3, 0])));

    [Fact]
    public void ClosedFormsEqualAutomaticDifferentiationAndTheMinimumIsExact()
    {
        Rational[] p = [new(1, 3), new(-2, 5)];
        Example.Value<Rational>(p).ShouldBe(p[0] * p[0] + p[1] * p[1] / 2 + p[0] * p[0] * p[1] + p[0] * p[0] * p[0]);
        Example.Gradient<Rational>(p).ShouldBe(AutoDiff.Gradient<Rational>(Example, p));
        var h = Example.Hessian<Rational>(p); var ad = AutoDiff.Hessian<Rational>(Example, p);
        for (int i = 0; i < 2; i++) for (int j = 0; j < 2; j++) h[i, j].ShouldBe(ad[i, j]);
        Example.Gradient<Rational>([0, 0]).ShouldBe([Rational.Zero, Rational.Zero]);
        Example.Eigenvalues.ShouldBe([1, 2]);
        Example.Eigenvector(0).ShouldBe([0, 1]);
        Example.ToString().ShouldContain("λ = [1, 2]");
    }

    [Fact]
    public void RejectsPerturbationsThatMoveTheMinimum()
    {
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(2, (1, [1, 1]))));
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(3, (1, [3, 0, 0]))));
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(new Quadratic([1, 2], MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(2), [1, 0]), Polynomial.Of(2)));
    }

    [Fact]
    public void RescaledMapIsConjugateToTheGradientDescentMap()
    {
        // F_m(y) = F(2ᵐy)/2ᵐ exactly in rationals for m = −5.
        var f5 = Example.Rescaled(-5);
        Rational s = new(1, 32), eta = new(19, 20);
        Rational[] y = [new(3, 7), new(-5, 11)];
        var left = GradientDescent.Step<Rational>(f5, y, eta);
        var right = GradientDescent.Step<Rational>(Example, y.Select(v => v * s).ToArray(), eta).Select(v => v / s).ToArray();
        left.ShouldBe(right);
    }

    [Fact]
    public void CertifiedRadiusMakesTheBallAContraction()
    {
        var rng = new Random(7);
        foreach (double eta in new[] { 0.1, 0.5, 0.95 })
        {
            double r = Example.CertifiedRadius(eta);
            r.ShouldBeGreaterThan(0);
            double q = Example.ContractionBound(eta, r);
            q.ShouldBeLessThan(1);
            Example.Perturbation.HessianNormBound(r).ShouldBeLessThanOrEqualTo(0.5 * Math.Min(1, 2 / eta - 2) + 1e-12);
            Example.Perturbation.HessianNormBound(r * 1.01).ShouldBeGreaterThan(0.5 * Math.Min(1, 2 / eta - 2));
            for (int t = 0; t < 300; t++)
            {
                double angle = rng.NextDouble() * 2 * Math.PI, rho = r * rng.NextDouble();
                double[] x = [rho * Math.Cos(angle), rho * Math.Sin(angle)];
                Norms.Euclidean(GradientDescent.Step(Example, x, eta)).ShouldBeLessThanOrEqualTo(q * rho + 1e-15);
            }
        }
        Example.CertifiedRadius(1.0).ShouldBe(0);
        Example.CertifiedRadius(1.5).ShouldBe(0);
        new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(2)).CertifiedRadius(0.5).ShouldBe(double.PositiveInfinity);
    }

    [Fact]
    public void RandomInstancesHaveDistinctGappedSpectraAndAreSeeded()
    {
        var a = PerturbedQuadratic.Random(new Random(8), 5);
        var b = PerturbedQuadratic.Random(new Random(8), 5);
        a.ToString().ShouldBe(b.ToString());
        a.Dimension.ShouldBe(5);
        a.Perturbation.Terms.Count.ShouldBe(8);
        a.Perturbation.Terms.Select(t => t.Degree).Order().ShouldBe([3, 3, 3, 3, 4, 4, 4, 4]);
        a.Perturbation.Terms.All(t => Math.Abs(t.Coefficient) <= 1).ShouldBeTrue();
        var l = a.Eigenvalues;
        l.Zip(l.Skip(1), (x, y) => y - x).All(g => g >= 0.1).ShouldBeTrue();
        l.All(v => v >= 0.5 && v <= 5).ShouldBeTrue();
        var s = PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 1, 2, 0.05);
        s.ShouldBe(s.Order().ToArray());
        s.Zip(s.Skip(1), (x, y) => y - x).All(g => g >= 0.05).ShouldBeTrue();
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 1, 2, 0.5));
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 0, 2, 0.01));
    }

    [Fact]
    public void SharpnessShiftMatchesTheEigenvalueAndKeepsRelativePrecision()
    {
        double[] x = [0.01, -0.02];
        Example.SharpnessShift(x).ShouldBe(Sharpness.At(Example, x) - 2, 1e-13);
        // Far below rounding of λ: at x = 10⁻²⁰(1, 1) the shift is ≈ ω·x = 8·10⁻²⁰ (ω = (6, 2)).
        Example.SharpnessShift([1e-20, 1e-20]).ShouldBe(8e-20, 1e-30);
        // Over the scale: at x = 2⁻²⁰⁰⁰·(1, 1), (λ − 2)/2⁻²⁰⁰⁰ → 8.
        Example.SharpnessShiftOverScale([1, 1], -2000).ShouldBe(8, 1e-12);
        Example.SharpnessShiftOverScale([0.01, -0.02], 0).ShouldBe(Example.SharpnessShift([0.01, -0.02]), 1e-15);
    }

    [Fact]
    public void CertifiedRadiusIsTheExactThresholdWhenTheBoundIsLinear()
    {
        // B(r) = |c|·6·r for c·x³ (‖∇²x³‖ = 6x); margin = ½·min(λ₁, 2/η − λ₁) = ½λ₁ for small η.
        // All numbers are dyadic, so the largest r with B(r) ≤ margin is found exactly.
        var cube = Polynomial.Of(1, (0.125, [3]));
        // r* = 1: reached by the doubling phase (B(1) = margin exactly).
        new PerturbedQuadratic(Quadratic.Diagonal(1.5), cube).CertifiedRadius(0.01).ShouldBe(1);
        // r* = ¾: hit exactly by a bisection midpoint.
        new PerturbedQuadratic(Quadratic.Diagonal(1.125), cube).CertifiedRadius(0.01).ShouldBe(0.75);
        // r* = 3: doubling to [2, 4], then bisection.
        new PerturbedQuadratic(Quadratic.Diagonal(4.5), cube).CertifiedRadius(0.01).ShouldBe(3);
        // A non-dyadic threshold r* = 1/3·… is approached from below to relative precision 10⁻¹⁵.
        double r = new PerturbedQuadratic(Quadratic.Diagonal(1), cube).CertifiedRadius(0.01);
        r.ShouldBeLessThanOrEqualTo(2.0 / 3);
        r.ShouldBeGreaterThan(2.0 / 3 * (1 - 2e-15));
    }

    [Fact]
    public void WithoutPerturbationTheRadiusIsZeroExactlyWhereTheMarginVanishes()
    {
        // η = 2/λₙ: margin = 0, nothing is certified even though B ≡ 0.
        var flat = new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(2));
        flat.CertifiedRadius(1).ShouldBe(0);
        flat.CertifiedRadius(0.999).ShouldBe(double.PositiveInfinity);
    }
}
