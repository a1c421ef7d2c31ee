using Verify.Claims;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Flows;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 App. D.2, G, H: special step sizes and the Q = 0 manifold.</summary>
public sealed class SpecialStepSpecs : ClaimSpec
{
    [Claim("flat.lemma17-jumps")]
    public void StepSizesThatZeroOrReflectTheResidual()
    {
        // Series (80), (81) against the closed forms' exact Taylor coefficients: η₁λ = 2/(1 + √(1 − 4α)), η₂λ/2 = 2/(1 + √(1 − 8α)).
        var t1 = Taylor<Rational>.FromInt(2) / (Taylor<Rational>.FromInt(1) + Taylor<Rational>.Sqrt(Taylor<Rational>.FromInt(1) - Taylor<Rational>.FromInt(4) * Taylor<Rational>.Variable(Rational.Zero, 9)));
        var t2 = Taylor<Rational>.FromInt(2) / (Taylor<Rational>.FromInt(1) + Taylor<Rational>.Sqrt(Taylor<Rational>.FromInt(1) - Taylor<Rational>.FromInt(8) * Taylor<Rational>.Variable(Rational.Zero, 9)));
        var c1 = Enumerable.Range(0, 9).Select(k => t1[k]).ToArray();
        var c2 = Enumerable.Range(0, 5).Select(k => t2[k]).ToArray();
        var catalan = ResidualStepThresholds.Catalan(9);
        for (int k = 0; k < 9; k++) c1[k].ShouldBe((Rational)(int)catalan[k]);
        Rational[] printed81 = [1, 2, 8, 40, 224];
        for (int k = 0; k < 5; k++) c2[k].ShouldBe(printed81[k]);
        // Printed (80) has 14α⁸: its α⁴ coefficient is 0 where the closed form has 14 (and its α⁸ coefficient 14 where it has 1430).
        (c1[4] == 14 && c1[8] == 1430).ShouldBeTrue();
        // Lemma 17 on random feasible states: η₁ zeroes ε, η₂ reflects it, and the sign/size statements on (0, η₁), (η₁, η₂).
        var rng = new Random(113);
        Evidence.Seed(113);
        int states = 0, negativeP = 0, printed85Fails = 0;
        string? ce = null;
        for (int k = 0; k < 20000; k++)
        {
            int d = 1 + k % 3;
            var a = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            double phi = 0.5 + 1.5 * rng.NextDouble();
            var s = VectorFactorizationState<Real>.Of(a.Select(x => new Real(x)).ToArray(), b.Select(x => new Real(x)).ToArray(), phi);
            double e = s.Residual, l = s.SquaredNorm, p = e * (e + phi);
            if (!(l * l > 8 * p) || e == 0) continue;
            double eta1 = ResidualStepThresholds.Zeroing(l, e, phi), eta2 = ResidualStepThresholds.Reflecting(l, e, phi);
            double Next(double h) { var aa = (double[])a.Clone(); var bb = (double[])b.Clone(); FactorizationDescent.Step(aa, bb, phi, h); return aa.Zip(bb, (x, y) => x * y).Sum() - phi; }
            Math.Abs(Next(eta1)).ShouldBeLessThan(1e-9 * (1 + Math.Abs(e)));
            Math.Abs(Next(eta2) + e).ShouldBeLessThan(1e-9 * (1 + Math.Abs(e)));
            double u = 0.02 + 0.96 * rng.NextDouble();
            double below = Next(u * eta1), between = Next(eta1 + u * (eta2 - eta1));
            (Math.Sign(below) == Math.Sign(e) && Math.Abs(below) < Math.Abs(e)).ShouldBeTrue();
            (Math.Sign(between) != Math.Sign(e) && Math.Abs(between) < Math.Abs(e)).ShouldBeTrue();
            states++;
            // (85): same sign iff η ≤ η₁ or η ≥ λ/p − η₁. For p < 0 the second branch holds for every η > 0.
            if (p < 0)
            {
                negativeP++;
                double h = eta1 * 1.5; // beyond η₁: the sign flips, yet (85) as printed says it is kept
                bool printedSays = h <= eta1 || h >= l / p - eta1;
                bool kept = Math.Sign(Next(h)) == Math.Sign(e);
                if (printedSays != kept) { printed85Fails++; ce ??= $"λ = {F(l)}, ε = {F(e)}, Φ = {F(phi)} (p = ε(ε + Φ) = {F(p)} < 0), η = 1.5η₁ = {F(h)}: ε(1) = {F(Next(h))} changed sign, but η ≥ λ/p − η₁ = {F(l / p - eta1)}"; }
            }
        }
        printed85Fails.ShouldBeGreaterThan(0);
        Evidence.Number("random feasible states checked (λ² > 8ε(ε + Φ))", states)
            .Number("states with ε(ε + Φ) < 0 where (85)'s \"or\" branch misjudges η = 1.5η₁", printed85Fails, note: $"of {negativeP}")
            .Table("Taylor coefficients of η₁λ and η₂λ/2 in α (exact)", ["k", "η₁λ: closed form", "(80) as printed", "η₂λ/2: closed form", "(81) as printed"],
                Enumerable.Range(0, 9).Select(k => new object[] { k, c1[k], k switch { 0 => 1, 1 => 1, 2 => 2, 3 => 5, 8 => 14, _ => 0 }, k < 5 ? c2[k] : "…", k switch { 0 => 1, 1 => 2, 2 => 8, 3 => 40, 4 => 224, _ => "…" } }))
            .Counterexample(ce!)
            .Note("η₁, η₂ are the smaller roots of ε(ε + Φ)η² − λη + c = 0 (c = 1, 2), i.e. (1/λ)ΣCₙαⁿ and (2/λ)ΣCₙ(2α)ⁿ with Catalan numbers Cₙ. Lemma 17's four statements hold on every state.")
            .Erratum("(80) prints the fifth term as 14α⁸; the closed form's expansion has 14α⁴. The equivalences (85) and (88) hold only for ε(ε + Φ) > 0: for −Φ < ε < 0 their second branch η ≥ λ/(ε(ε + Φ)) − ηᵢ is negative and would admit every η.",
                "η₁ = (1/λ)(1 + α + 2α² + 5α³ + 14α⁴ + …) = 2/(λ + √(λ² − 4ε(ε + Φ))), η₂ = (2/λ)(1 + 2α + 8α² + 40α³ + 224α⁴ + …); for ε(ε + Φ) < 0 the sign is kept iff η ≤ η₁ and |ε| shrinks iff η < η₂.");
        Evidence.NegativeControl("(80) as printed matches the closed form up to α⁴", c1[4] == 0);
    }

    [Claim("flat.special-steps")]
    public void SpecialStepsAndTheBalancedManifolds()
    {
        var rng = new Random(127);
        Evidence.Seed(127);
        // (91): η = 1/ε gives a(k+1) = −b(k+1) = a(k) − b(k); η = −1/ε gives a(k+1) = b(k+1); all Qᵢ flip iff η|ε| > 1. Exact.
        for (int t = 0; t < 300; t++)
        {
            int d = 1 + t % 3;
            var x = RandomRationals(rng, 2 * d);
            var s = State(x, 1);
            if (s.Residual.IsZero) continue;
            var up = Step(x, 1, 1 / s.Residual);
            var down = Step(x, 1, -1 / s.Residual);
            for (int i = 0; i < d; i++)
            {
                up[i].ShouldBe(x[i] - x[d + i]); up[d + i].ShouldBe(-up[i]);
                down[i].ShouldBe(down[d + i]);
            }
            var eta = new Rational(rng.Next(1, 50), 10);
            var n = State(Step(x, 1, eta), 1);
            bool allFlip = s.Imbalances.Zip(n.Imbalances).All(p => p.First.IsZero || p.First.Sign == -p.Second.Sign);
            allFlip.ShouldBe(eta * Rational.Abs(s.Residual) > 1);
        }
        // GD reaches the saddle from a ≠ −b: a = (2, 1/10), b = (2, 0), Φ = 1, η = 1/3 (ε = 3).
        var run = FactorizationDescent.Run([2, 0.1], [2, 0], 1, 1.0 / 3, 1e-12, 2000);
        double finalNorm = run.FinalA.Concat(run.FinalB).Sum(v => v * v);
        finalNorm.ShouldBeLessThan(1e-20);
        // a = −b: L = ½(‖a‖² + Φ)², not (‖a‖² + Φ)²; ‖∇L‖² = (‖a‖² + Φ)²·2‖a‖² (exact).
        Rational[] m = [1, 2, -1, -2];
        var f = new VectorFactorization(2, 1);
        f.Value<Rational>(m).ShouldBe(Scalar.Square<Rational>(5 + 1) / 2);
        (f.Value<Rational>(m) == Scalar.Square<Rational>(5 + 1)).ShouldBeFalse();
        var g = f.Gradient<Rational>(m);
        Scalar.Dot<Rational>(g, g).ShouldBe(Scalar.Square<Rational>(6) * 2 * 5);
        // "GD converges linearly to the saddle when η < 2/λ": from a = −b with ‖a‖² = 0.01, Φ = 1 (λ = 0.02), η = 10 < 100 diverges.
        var far = FactorizationDescent.Run([0.1], [-0.1], 1, 10, 1e-12, 1000);
        far.Status.ShouldBe(PathStatus.Diverged);
        // Corrected: on a = −b, a(t+1) = a(t)(1 − η(‖a(t)‖² + Φ)); η < 2/(‖a(0)‖² + Φ) converges to the saddle.
        bool corrected = true;
        foreach (double eta in new[] { 0.5, 1.0, 1.9 })
            foreach (double a0 in new[] { 0.05, 0.3 })
                if (eta < 2 / (a0 * a0 + 1))
                {
                    var p = FactorizationDescent.Run([a0], [-a0], 1, eta, 1e-12, 100_000);
                    corrected &= Math.Abs(p.FinalA[0]) < 1e-12 || p.Residuals[^1] + 1 > -1e-20 && Math.Abs(p.FinalA[0]) < 1e-6;
                }
        corrected.ShouldBeTrue();
        // Components with aᵢ = −bᵢ beside aⱼ = bⱼ: do not converge to 0 (GF and GD). d = 2, a = (1, 1), b = (1, −1), Φ = 1.
        var flow = GradientFlowSpecs.Solve([1, 1], [1, -1], 1, 200);
        double gfComponent = flow.Solution.Final[1];
        var gd = FactorizationDescent.Run([1, 1], [1, -1], 1, 0.1, 1e-12, 100_000);
        Math.Abs(gfComponent).ShouldBeGreaterThan(0.1);
        Math.Abs(gd.FinalA[1]).ShouldBeGreaterThan(0.1);
        (gd.FinalA[1] + gd.FinalB[1]).ShouldBe(0, 1e-12);
        // a = b ≠ 0 in region A: PL constant 2‖a‖² → 2Φ along the run, below 2Φ² when Φ > 1 (Φ = 2, a = b = 1.5).
        var ab = FactorizationDescent.Run([1.5], [1.5], 2, 0.05, 1e-12, 100_000);
        double plEnd = 2 * ab.FinalA[0] * ab.FinalA[0];
        plEnd.ShouldBeLessThan(2 * 2 * 2);
        Evidence.Number("GD from a = (2, 0.1), b = (2, 0), Φ = 1, η = 1/3 (a ≠ −b): final ‖x‖²", finalNorm, note: "one step lands on a = −b (ηε = 1), then converges to the saddle")
            .Number("GF limit of a₂ from a = (1, 1), b = (1, −1)", gfComponent, note: "claimed → 0")
            .Number("GD (η = 0.1) limit of a₂ from the same start", gd.FinalA[1], note: "a₂ = −b₂ kept, not 0")
            .Number("PL constant 2‖a‖² at the limit, a = b, Φ = 2", plEnd, 2 * 2 * 2, note: "claimed ≥ 2Φ² = 8; it tends to 2Φ = 4")
            .Counterexample("a = −b = (0.1), Φ = 1: λ = 0.02 and η = 10 < 2/λ = 100, yet GD diverges (a(t+1) = a(t)(1 − η(‖a‖² + Φ)), factor −9.1)")
            .Counterexample("a = (1, 1), b = (1, −1), Φ = 1: the component with a₂ = −b₂ converges to a₂ = −b₂ ≈ " + F(gfComponent) + " under GF, not to 0")
            .Note("(91), η = −1/ε and the sign-flip criterion are exact (300 rational points). On aᵢ = −bᵢ, d/dt(aᵢ − bᵢ) = ε(aᵢ − bᵢ) with ∫ε dt finite, so aᵢ − bᵢ stays non-zero. For GD the set of starts that reach the saddle also contains every point with η·ε = 1, so it is not precisely a = −b (for gradient flow it is).")
            .Erratum("App. D.2 misstates several details: on a = −b, L = ½(‖a‖² + Φ)² (not (‖a‖² + Φ)²) and GD converges to the saddle only for η < 2/(‖a(0)‖² + Φ), not for every η < 2/λ; components with aᵢ = −bᵢ beside a non-balanced part do not converge to 0; the PL constant on a = b in region A is bounded below by 2Φ, not 2Φ²; for GD the saddle's basin is larger than a = −b.",
                "(91) and the η = −1/ε and sign-flip statements hold exactly; on a = −b, L = ½(‖a‖² + Φ)², ‖∇L‖² = 2‖a‖²(‖a‖² + Φ)², GD converges linearly to the saddle iff η(‖a(t)‖² + Φ) stays in (0, 2) (e.g. η < 2/(‖a(0)‖² + Φ)); on a = b in region A, 2‖a‖² ≥ 2Φ.");
        Evidence.NegativeControl("a = −b = (0.1), η = 10 converges to the saddle", far.Converged || (far.Status != PathStatus.Diverged));
    }
}
