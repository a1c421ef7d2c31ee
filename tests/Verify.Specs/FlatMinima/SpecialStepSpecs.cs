using Verify.Dynamics.Flows;
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
            .Note("η₁, η₂ are the smaller roots of ε(ε + Φ)η² − λη + c = 0 (c = 1, 2), i.e. (1/λ)ΣCₙαⁿ and (2/λ)ΣCₙ(2α)ⁿ with Catalan numbers Cₙ. Lemma 17's four statements hold on every state.")
            .Note("Typo, not counted as an erratum: (80) prints the fifth term as 14α⁸; the series is Catalan's (1, 1, 2, 5, 14, …, as (84)'s expansion and (81)'s pattern show), so 14α⁴ is meant (table: the closed form's α⁴ coefficient is 14, its α⁸ coefficient 1430).")
            .Note("Proof slip, not in the lemma: the equivalences (85) and (88) (\"η ≤ ηᵢ or η ≥ λ/(ε(ε + Φ)) − ηᵢ\") treat ε(ε + Φ) > 0; for −Φ < ε < 0 the second branch is negative and would admit every η > 0. Example: " + ce + ". The lemma's own statements concern (0, η₁) and (η₁, η₂) and hold there.")
            .Reproduced("η₁ zeroes ε, η₂ reflects it, and the sign/size statements on (0, η₁) and (η₁, η₂) hold on every random feasible state (count above); the series are the closed forms' exact Taylor expansions");
        Evidence.NegativeControl("(80) with 14α⁸ taken literally matches the closed form up to α⁴", c1[4] == 0)
            .NegativeControl("η₂ = (2/λ)ΣCₙαⁿ (the 2 inside the series dropped) matches the closed form's α¹ coefficient", c2[1] == c1[1]);
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
        // a = −b: with App. B's convention L = ε² the loss is (‖a‖² + Φ)² (with (2) it is ½(‖a‖² + Φ)²); ‖∇L‖² = (‖a‖² + Φ)²·2‖a‖² (exact).
        Rational[] m = [1, 2, -1, -2];
        var f = new VectorFactorization(2, 1);
        f.Value<Rational>(m).ShouldBe(Scalar.Square<Rational>(5 + 1) / 2);
        var g = f.Gradient<Rational>(m);
        Scalar.Dot<Rational>(g, g).ShouldBe(Scalar.Square<Rational>(6) * 2 * 5);
        // "Linear convergence to the saddle when η < 2/λ", λ read as the sharpness (top Hessian eigenvalue, 3‖a‖² + Φ on a = −b):
        // on a = −b, a(t+1) = a(t)(1 − η(‖a(t)‖² + Φ)), so η < 2/(3‖a(0)‖² + Φ) keeps the factor in (−1, 1) and ‖a‖ decreasing.
        var f1 = new VectorFactorization(1, 1);
        bool saddleConverges = true;
        foreach (double a0 in new[] { 0.05, 0.3, 1.0 })
        {
            double sharp = Sharpness.At(f1, [a0, -a0]);
            Math.Abs(sharp - (3 * a0 * a0 + 1)).ShouldBeLessThan(1e-9);
            foreach (double u in new[] { 0.5, 0.9, 0.99 })
            {
                var p = FactorizationDescent.Run([a0], [-a0], 1, u * 2 / sharp, 1e-12, 100_000);
                saddleConverges &= Math.Abs(p.FinalA[0]) < 1e-9 && Math.Abs(p.FinalA[0] + p.FinalB[0]) < 1e-15;
            }
        }
        saddleConverges.ShouldBeTrue();
        // With λ = ‖a‖² + ‖b‖² (§3's notation) the condition would allow η = 10 at a = −b = 0.1 (λ = 0.02), which diverges.
        var far = FactorizationDescent.Run([0.1], [-0.1], 1, 10, 1e-12, 1000);
        far.Status.ShouldBe(PathStatus.Diverged);
        // Components with aᵢ = −bᵢ beside aⱼ = bⱼ: do not converge to 0 (GF and GD). d = 2, a = (1, 1), b = (1, −1), Φ = 1.
        var flow = GradientFlowSpecs.Solve([1, 1], [1, -1], 1, 200);
        double gfComponent = flow.Solution.Final[1];
        var gd = FactorizationDescent.Run([1, 1], [1, -1], 1, 0.1, 1e-12, 100_000);
        Math.Abs(gfComponent).ShouldBeGreaterThan(0.1);
        Math.Abs(gd.FinalA[1]).ShouldBeGreaterThan(0.1);
        (gd.FinalA[1] + gd.FinalB[1]).ShouldBe(0, 1e-12);
        // a = b ≠ 0 in region A: PL constant 2‖a‖² > 2Φ there, but not ≥ 2Φ² when Φ > 1 — exact at Φ = 2, a = b = 3/2.
        var half3 = new Rational(3, 2);
        var plStart = 2 * half3 * half3;
        (half3 * half3 > 2).ShouldBeTrue();      // region A: aᵀb = 9/4 > Φ = 2
        (plStart < 2 * 2 * 2).ShouldBeTrue();   // 9/2 < 2Φ² = 8
        var ab = FactorizationDescent.Run([1.5], [1.5], 2, 0.05, 1e-12, 100_000);
        double plEnd = 2 * ab.FinalA[0] * ab.FinalA[0];
        ab.SquaredNorms.All(l => l >= 2 * 2 * (1 - 1e-12)).ShouldBeTrue(); // on a = b, λ = 2‖a‖² is the PL constant: ≥ 2Φ along the run
        Evidence.Number("GD from a = (2, 0.1), b = (2, 0), Φ = 1, η = 1/3 (a ≠ −b): final ‖x‖²", finalNorm, note: "one step lands on a = −b (ηε = 1), then converges to the saddle, as App. D.2 and (91) say")
            .Number("a = −b = 0.1: top Hessian eigenvalue (= 3‖a‖² + Φ)", Sharpness.At(f1, [0.1, -0.1]), 3 * 0.1 * 0.1 + 1, 1e-9)
            .Number("GF limit of a₂ from a = (1, 1), b = (1, −1)", gfComponent, note: "claimed → 0")
            .Number("GD (η = 0.1) limit of a₂ from the same start", gd.FinalA[1], note: "a₂ = −b₂ kept, not 0")
            .Number("PL constant 2‖a‖² along a = b from 3/2, Φ = 2: at the start", (double)plStart, note: "claimed ≥ 2Φ² = 8")
            .Number("… at the limit", plEnd, note: "→ 2Φ = 4")
            .Counterexample("a = (1, 1), b = (1, −1), Φ = 1: the component with a₂ = −b₂ converges to a₂ = −b₂ ≈ " + F(gfComponent) + " under GF (and " + F(gd.FinalA[1]) + " under GD, η = 0.1), not to 0 — on it d/dt(a₂ − b₂) = ε(a₂ − b₂) with ∫ε dt finite")
            .Counterexample("a = b = 3/2, Φ = 2 (region A: aᵀb = 9/4 > Φ): the PL constant 2‖a‖² = 9/2 < 2Φ² = 8 at the start, and it tends to 2Φ = 4")
            .Note("(91), η = −1/ε and the sign-flip criterion are exact (300 rational points). The bullet on mixed components is self-contradictory (it first sends the aᵢ = −bᵢ components to 0, then \"the neurons in which aᵢ = bᵢ\"); in the counterexample neither component goes to 0 (a₁ = b₁ → √(1 + a₂(∞)²)), so it fails under both readings.")
            .Note("Readings used: the loss on a = −b is written with App. B's convention L = ε² (a constant ½ from (2)). \"Converge linearly to the saddle when η < 2/λ\" is read with λ the sharpness (the paper identifies λ with the sharpness): on a = −b the top Hessian eigenvalue is 3‖a‖² + Φ, and η below 2/that at the start converges (checked); with λ = ‖a‖² + ‖b‖² literally it would fail (a = −b = 0.1, η = 10 diverges). \"The manifold where the algorithms converge to the saddle is precisely a = −b\" is read for the Q = 0 case the paragraph treats: the same paragraph and (91) say that a step with ηε = 1 lands on a = −b (first number).")
            .Erratum("App. D.2: components with aᵢ = −bᵢ beside a non-balanced part do not converge to aᵢ = bᵢ = 0 (they keep aᵢ = −bᵢ ≠ 0, under GF and GD); and on a = b in region A the PL constant 2‖a‖² is bounded below by 2Φ, not by 2Φ² (false for Φ > 1).",
                "(91), η = −1/ε and the sign-flip statements hold exactly; on a = −b GD converges linearly to the saddle when η < 2/(3‖a(0)‖² + Φ) (2/sharpness); components with aᵢ = −bᵢ keep aᵢ − bᵢ ≠ 0 and converge to a non-zero aᵢ = −bᵢ; on a = b in region A, 2‖a‖² > 2Φ.");
        Evidence.NegativeControl("the component a₂ = −b₂ converges to 0 under GF (|a₂(∞)| < 0.1)", Math.Abs(gfComponent) < 0.1);
    }
}
