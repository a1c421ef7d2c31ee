using FsCheck;
using FsCheck.Fluent;
using Verify.Claims.Properties;
using Verify.Dynamics.Sweeps;
using Verify.Specs.Direction;

namespace Verify.Specs.CrossDocument;

/// <summary>Cross-document checks of the dir family (derived by Verify, not claims of one document).</summary>
public sealed class DirectionCrossDocumentSpecs : ClaimSpec
{
    private sealed record TwoEigenvalues(int Small, int Large)
    {
        public override string ToString() => $"λ₁ = {Small}/100, λₙ = {Large}/100";
    }

    [Claim("xdoc.quadratic-boundary")]
    public void DirectionBoundaryAndStabilityThresholdOnQuadratics()
    {
        // On x²/2 + 2y² (λ₁ = 1, λₙ = 4), exactly: the direction boundary 2/(λ₁ + λₙ) = 2/5, the stability threshold 2/λ_max = 1/2,
        // and 000's no-oscillation threshold 1/λ_max = 1/4.
        Rational l1 = 1, ln = 4;
        Rational boundary = 2 / (l1 + ln), stability = 2 / ln, noOscillation = 1 / ln;
        boundary.ShouldBe(new Rational(2, 5));
        stability.ShouldBe(new Rational(1, 2));
        (noOscillation < boundary && boundary < stability).ShouldBeTrue();
        // Measured from the dynamics: the direction switch (closed form at k = 10¹²) and the convergence threshold (GD, bisection).
        var direction = Bisection.Locate(eta => DirectionChecks.ClosedFormOnXAxis(eta, 0.3, 0.4), 0.3, 0.45, 1e-10);
        var stable = Bisection.Locate(eta => DirectionChecks.Contracts(DirectionChecks.Quadratic2D, eta, [0.3, 0.4], 2000), 0.3, 0.7, 1e-9);
        Evidence.NumberWithin("direction switch on x²/2 + 2y² (bisection)", direction.Midpoint, (double)boundary, 1e-9)
            .NumberWithin("convergence threshold on x²/2 + 2y² (bisection)", stable.Midpoint, (double)stability, 1e-9);
        // In general, 1/λₙ ≤ 2/(λ₁ + λₙ) < 2/λₙ for 0 ≤ λ₁ ≤ λₙ, with 2/(λ₁ + λₙ) = 2/λₙ exactly when λ₁ = 0 (exact rationals).
        var pairs = Arb.From(
            from a in Gen.Choose(0, 1000) from b in Gen.Choose(1, 1000) where a <= b select new TwoEigenvalues(a, b),
            p => new[] { p with { Small = 0 }, p with { Small = p.Large } }.Where(q => q != p));
        bool Ordered(TwoEigenvalues p, Func<Rational, Rational, Rational> dirBoundary)
        {
            Rational a = new(p.Small, 100), b = new(p.Large, 100);
            Rational d = dirBoundary(a, b);
            return 1 / b <= d && d <= 2 / b && (d == 2 / b) == (a == Rational.Zero);
        }
        var outcome = PropertyCheck.Run("1/λₙ ≤ 2/(λ₁ + λₙ) ≤ 2/λₙ, equal to 2/λₙ iff λ₁ = 0", pairs, p => Ordered(p, (a, b) => 2 / (a + b)), 17901, 2000);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // On the minimizer curve of ½(1 − xy)² (000, 003): at (1, 1) the Hessian [[1, 1], [1, 1]] has eigenvalues 0 and 2, so the
        // direction boundary 2/(0 + 2) = 1 is the stability threshold 2/λ_max = 1 (000's η = 1).
        var h = ScalarFactorization.Instance.Hessian<Rational>([1, 1]);
        Rational trace = h[0, 0] + h[1, 1], det = h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0];
        det.ShouldBe(Rational.Zero);
        trace.ShouldBe(new Rational(2));
        Rational onCurve = 2 / (Rational.Zero + trace);
        onCurve.ShouldBe(2 / trace);
        Evidence.NumberWithin("½(1 − xy)² at (1, 1): 2/(λ₁ + λ_max) with λ₁ = 0", (double)onCurve, 1, 0, "= 2/λ_max = 1, 000's threshold");
        Evidence.Note("Reading: the two thresholds coincide in meaning as the ends of one scale. Below 2/(λ₁ + λₙ) GD approaches along the flattest "
            + "direction, between it and 2/λₙ it oscillates along the steepest, and beyond 2/λₙ the minimum is unstable (000's and 003's threshold). "
            + "On x²/2 + 2y² these are 2/5 and 1/2 (and 000's no-oscillation threshold 1/λ_max = 1/4 sits below both). When λ₁ = 0 — the flat "
            + "direction along a curve of minimizers, as for ½(1 − xy)² — the direction boundary and the stability threshold are the same number. "
            + "Related claims: phase.general-thresholds (000), the stable-set claims of 003, dir.thm-small, dir.thm-large.");
        var wrong = PropertyCheck.Run("2/(λ₁ + λₙ) moved by 5%", pairs, p => Ordered(p, (a, b) => new Rational(105, 100) * 2 / (a + b)), 17901, 2000);
        Evidence.NegativeControl($"the boundary moved up by 5% still lies in [1/λₙ, 2/λₙ]: {wrong.Describe()}", wrong.Passed);
        Evidence.NegativeControl("2/(λ₁ + λₙ) = 2/λ_max on x²/2 + 2y²", boundary == stability);
    }
}
