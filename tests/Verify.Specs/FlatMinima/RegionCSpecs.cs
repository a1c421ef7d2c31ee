using Verify.Claims;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Sweeps;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 App. E: escaping region C (aᵀb &lt; 0), the bounding sequences and their lemmas.</summary>
public sealed class RegionCSpecs : ClaimSpec
{
    private static BoundingSequence Seq(Run r, bool scaleTerm = true, int maxSteps = 200_000) =>
        BoundingSequences.Generate(r.Draw.Residual, r.Draw.Imbalance, r.Draw.Phi, r.Eta, scaleTerm, maxSteps);

    [Claim("flat.prop2-region-c")]
    public void EscapeFromRegionC()
    {
        var runs = RegionCRuns.Value;
        int lowFails = 0, escaped = 0;
        double worstRatio = 0;
        Run? low = null;
        foreach (var r in runs)
        {
            int tau = r.Path.FirstPositiveProduct;
            if (tau < 0) continue;
            escaped++;
            double q = r.Path.Imbalances[tau];
            if (!(2 * Math.Sqrt(r.Eta) * r.Draw.Phi < q)) { lowFails++; low ??= r; }
            double bracket = (Math.Log(Math.Abs(r.Draw.Product)) + Math.Abs(r.Draw.Product)) / (r.Eta * r.Draw.Phi);
            if (bracket > 0) worstRatio = Math.Max(worstRatio, tau / bracket);
        }
        escaped.ShouldBe(runs.Length);
        lowFails.ShouldBeGreaterThan(0);
        // τ grows without bound as Q(0) → 0 at fixed a(0)ᵀb(0): a = 1, b = −(1 − 10⁻ᵏ), Φ = 1, η = 0.1.
        var rows = new List<object[]>();
        var taus = new List<int>();
        foreach (int k in new[] { 2, 4, 8, 12 })
        {
            double b = -(1 - Math.Pow(10, -k));
            var p = FactorizationDescent.Run([1.0], [b], 1, 0.1, 1e-10, 2_000_000);
            int tau = p.FirstPositiveProduct;
            taus.Add(tau);
            double bracket = (Math.Log(Math.Abs(b)) + Math.Abs(b)) / 0.1;
            rows.Add([k, 1 - b * b, tau, bracket, tau / bracket]);
        }
        int[] ks = [2, 4, 8, 12];
        for (int i = 1; i < taus.Count; i++) (taus[i] - taus[i - 1] >= 10 * (ks[i] - ks[i - 1])).ShouldBeTrue(string.Join(",", taus)); // ≥ 10 steps per decade of Q(0)
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs (a(0)ᵀb(0) < 0, η < min{1/(2|ε(0)|), 2/λ(0)})", runs.Length)
            .Number("runs that reach aᵀb > 0", escaped, runs.Length, 0)
            .Number("runs with Q(τ) ≤ 2√ηΦ", lowFails, note: "claimed 0")
            .Number("max τ / ((log|a(0)ᵀb(0)| + |a(0)ᵀb(0)|)/(ηΦ)) over runs with a positive bracket", worstRatio)
            .Table("τ against Q(0) at fixed a(0)ᵀb(0) ≈ −1 (d = 1, Φ = 1, η = 0.1)", ["k", "Q(0) ≈ 2·10⁻ᵏ", "τ", "bracket", "τ/bracket"], rows)
            .Counterexample($"{low!.Draw}, η = {F(low.Eta)}: Q(τ) = {F(low.Path.Imbalances[low.Path.FirstPositiveProduct])} ≤ 2√ηΦ = {F(2 * Math.Sqrt(low.Eta) * low.Draw.Phi)} (Q(τ) ≤ Q(0) can be as small as Q(0))")
            .Note("log(a(0)ᵀb(0)) is read as log|a(0)ᵀb(0)| (a(0)ᵀb(0) < 0); the bracket is negative when |a(0)ᵀb(0)| < 0.57. Near a = −b GD first approaches the saddle and escapes in time ≈ log(1/Q(0))/(ηΦ), which no bound in a(0)ᵀb(0) alone can cover.")
            .Erratum("Q(τ) > 2√ηΦ fails whenever Q(0) ≤ 2√ηΦ (Q never grows under GD with η|ε| < √2); the escape time is not O((log|a(0)ᵀb(0)| + |a(0)ᵀb(0)|)/(ηΦ)) uniformly: it grows like log(1/Q(0))/(ηΦ).",
                "Every region-C run of the family escapes to aᵀb > 0 (measured); Q(τ) ≤ Q(0) with Q(τ)/Q(0) ≥ exp(−Σ(η²ε² + η⁴ε⁴)); τ grows like log(1/Q(0))/(ηΦ) as Q(0) → 0 (table).");
        Evidence.NegativeControl("τ bounded as Q(0) → 0 (τ at k = 12 within 30 steps of k = 2)", taus[^1] <= taus[0] + 30);
    }

    [Claim("flat.def2-lemma12")]
    public void BoundingSequencesBoundTheRun()
    {
        int runs = 0, fail12 = 0, fail13 = 0, failCorrected = 0, checkedCorrected = 0;
        string? ce = null;
        foreach (var r in RegionCRuns.Value)
        {
            if (!(r.Draw.Residual < -r.Draw.Phi)) continue;
            var s = Seq(r);
            if (s.Tau1 < 0) continue;
            runs++;
            var e = r.Path.Residuals; var q = r.Path.Imbalances;
            bool ok = true;
            for (int k = 1; k < s.Tau1 && k < e.Length; k++)
                if (s.Z[k] < 0 && !(s.Z[k] <= e[k] && s.W[k] < q[k])) { ok = false; break; }
            if (!ok) { fail12++; ce ??= $"{r.Draw}, η = {F(r.Eta)}"; }
            if (r.Path.SquaredNorms.Min() < s.W[s.Tau1] * (1 - 1e-12)) fail13++;
            // Corrected: M_k = w_k; while the run is in region C with η|ε_k| ≤ ½, z_k ≤ ε_k and w_k ≤ Q_k.
            var c = Seq(r, scaleTerm: false, maxSteps: r.Path.Residuals.Length);
            for (int k = 1; k < Math.Min(c.Z.Length, e.Length); k++)
            {
                if (!(e[k - 1] + r.Draw.Phi < 0) || r.Eta * Math.Abs(e[k - 1]) > 0.5) break;
                checkedCorrected++;
                if (!(c.Z[k] <= e[k] * (1 - 1e-12) + 1e-300 || c.Z[k] <= e[k]) || !(c.W[k] <= q[k] * (1 + 1e-12))) { failCorrected++; break; }
            }
        }
        fail12.ShouldBeGreaterThan(0);
        failCorrected.ShouldBe(0);
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs with ε(0) < −Φ and τ₁ reached", runs)
            .Number("runs violating Lemma 12 (z_k ≤ ε_k and w_k < Q_k for 1 ≤ k < τ₁)", fail12)
            .Number("runs violating Lemma 13 (μ(t) = λ(t) ≥ w_{τ₁} for all t)", fail13)
            .Number("(run, k) checks of the corrected sequences (M_k = w_k) while in region C with η|ε_k| ≤ ½", checkedCorrected)
            .Number("violations of the corrected statement", failCorrected, 0, 0)
            .Counterexample("Lemma 12 fails at " + ce)
            .Note("The induction needs λ_k ≥ M_k, but λ_k ≥ −2ε_k − 2Φ only, and −2z_k − 2Φ ≥ −2ε_k − 2Φ: the term −2z_k − 2Φ of M_k can exceed λ_k, making z move faster than ε. With M_k = w_k (λ_k ≥ Q_k ≥ w_k) the induction goes through by (45).")
            .Erratum("Lemma 12 fails on family R (and with it Lemma 13 in some runs): the scale term −2z_k − 2Φ in M_k is not a lower bound on λ_k.",
                "With M_k = w_k, z_{k+1} = (1 − ¾ηw_k)z_k and w_{k+1} = (1 − η²z_k²)w_k bound the run, z_k ≤ ε_k and w_k ≤ Q_k, for as long as it stays in region C with η|ε_k| ≤ ½ (checked on every run).");
        Evidence.NegativeControl("the corrected sequences with the printed M_k (scale term kept)", fail12 == 0);
    }

    [Claim("flat.lemma14")]
    public void TimeUntilImbalanceDominates()
    {
        // Runs with −2a(0)ᵀb(0) ≥ Q(0): steps s until Q > −2aᵀb; fit the absolute constant C of (48).
        var rows = new List<(Run R, int S)>();
        foreach (var r in RegionCRuns.Value)
        {
            if (!(-2 * r.Draw.Product >= r.Draw.Imbalance)) continue;
            int s = Enumerable.Range(0, r.Path.Residuals.Length).FirstOrDefault(t => r.Path.Imbalances[t] > -2 * r.Path.Product(t), -1);
            if (s > 0) rows.Add((r, s));
        }
        double Bound(Run r, double c)
        {
            double phi = r.Draw.Phi, eta = r.Eta, p0 = Math.Abs(r.Draw.Product);
            double s1 = c * (Math.Log(Math.Max(p0, Math.Sqrt(2) * phi)) - Math.Log(Math.Sqrt(2) * phi)) / (eta * Math.Sqrt(2) * phi);
            int k = Math.Min((int)Math.Floor(s1), r.Path.Residuals.Length - 1);
            double s2 = c * (Math.Log(Math.Abs(r.Path.Product(k))) - Math.Log(r.Path.Imbalances[k])) / (eta * phi);
            return s1 + Math.Max(0, s2);
        }
        // Where log|a(s₁)ᵀb(s₁)| < log Q(s₁) and s₁ = 0 the printed bound is ≤ 0 for every C although s ≥ 1.
        var vacuous = rows.Where(x => Bound(x.R, 1) <= 0).ToList();
        var valid = rows.Where(x => Bound(x.R, 1) > 0).ToList();
        double cNeeded = valid.Count == 0 ? 0 : Bisection.Locate(c => valid.All(x => x.S <= Bound(x.R, c)), 1e-3, 1e4, 1e-6).Upper;
        // (49) as an equality fails; |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| holds while in region C with η|ε| ≤ 1.
        int eqFails = 0, ineqFails = 0, checks = 0;
        foreach (var r in RegionCRuns.Value.Take(1000))
            for (int k = 1; k < r.Path.Residuals.Length && r.Path.Product(k - 1) < 0 && r.Path.Product(k) < 0; k++)
            {
                checks++;
                double pred = Math.Pow(1 - r.Eta * r.Draw.Phi, k) * r.Draw.Product;
                if (Math.Abs(r.Path.Product(k) - pred) > 1e-9 * Math.Abs(pred)) eqFails++;
                if (Math.Abs(r.Path.Product(k)) > Math.Abs(pred) * (1 + 1e-12)) ineqFails++;
            }
        eqFails.ShouldBeGreaterThan(0);
        ineqFails.ShouldBe(0);
        // η ≤ 1/(2Φ) ⇒ c = (√2 − 1)Φ satisfies η(Φ + c)² ≤ Φ: η(Φ + c)² = 2ηΦ² ≤ Φ.
        foreach (double phi in new[] { 0.5, 1, 2 }) foreach (double u in new[] { 0.1, 0.5, 1 }) (u / (2 * phi) * Math.Pow(phi + (Math.Sqrt(2) - 1) * phi, 2)).ShouldBeLessThanOrEqualTo(phi * (1 + 1e-12));
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs starting with −2aᵀb ≥ Q", rows.Count)
            .Number("runs where s₁ + s₂ ≤ 0 for every C (|a(0)ᵀb(0)| ≤ √2Φ and |a(0)ᵀb(0)| < Q(0))", vacuous.Count)
            .Number("smallest C with steps ≤ s₁ + s₂ on the other runs (bisection)", cNeeded, note: "an absolute constant is claimed")
            .Number("(k, run) checks of (49)", checks)
            .Number("where a(k)ᵀb(k) = (1 − ηΦ)ᵏa(0)ᵀb(0) fails (rel. 1e-9)", eqFails)
            .Number("where |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| fails", ineqFails, 0, 0)
            .Note("The constant C is fitted on this family (operational meaning of \"absolute constant\": one C covers every run). (49) is not an identity: in region C, a(k+1)ᵀb(k+1) = a(k)ᵀb(k)(1 + s² − sC(k)) with s = ηε < −ηΦ and C(k) ≥ 2, so |aᵀb| shrinks at least by (1 − ηΦ)² per step while η|ε| ≤ 1.")
            .Erratum("(49) a(k)ᵀb(k) = (1 − ηΦ)ᵏa(0)ᵀb(0) is printed as an equality; it fails as one. The bound s₁ + s₂ of (48) is ≤ 0 for every C on runs with |a(0)ᵀb(0)| ≤ √2Φ and Q(0) > |a(0)ᵀb(0)| (count recorded), although at least one step is needed.",
                "|a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| while the run stays in region C (checked on 1000 runs); the steps until Q > −2aᵀb are bounded by s₁ + s₂ with the fitted constant recorded.");
        Evidence.NegativeControl("(49) as |a(k)ᵀb(k)| ≤ (1 − 2ηΦ)ᵏ|a(0)ᵀb(0)|", RegionCRuns.Value.Take(300).All(r => Enumerable.Range(1, Math.Max(0, r.Path.FirstPositiveProduct - 1)).All(k => Math.Abs(r.Path.Product(k)) <= Math.Pow(1 - 2 * r.Eta * r.Draw.Phi, k) * Math.Abs(r.Draw.Product) * (1 + 1e-12))));
    }

    [Claim("flat.lemma15-16")]
    public void BoundsOnTheSequencesAtTau1()
    {
        int cases = 0, f50 = 0, f51lo = 0, f51up = 0, f58 = 0, fc1 = 0, f63 = 0, fImp = 0;
        foreach (var r in RegionCRuns.Value)
        {
            double z0 = r.Draw.Residual, w0 = r.Draw.Imbalance, phi = r.Draw.Phi, eta = r.Eta, p0 = r.Draw.Product;
            if (!(z0 < -phi) || !(w0 >= -2 * z0 - 2 * phi) || w0 < 4 * eta * z0 * z0) continue;
            var s = Seq(r);
            if (s.Tau1 < 0) continue;
            cases++;
            double c1 = w0 / 2 - Math.Sqrt(w0 * (w0 - 4 * eta * z0 * z0)) / 2, wt = s.W[s.Tau1];
            if (!(c1 < wt && wt < w0 - eta * eta * phi * phi * p0 * p0 / w0)) f50++;
            if (!(1 / (eta * Math.Pow(w0, 1.5)) < s.Tau1)) f51lo++;
            if (!(s.Tau1 < p0 / (eta * Math.Pow(c1, 1.5)) / phi + 1)) f51up++;
            if (!(wt * wt - w0 * wt + eta * z0 * z0 * w0 > 0)) f58++;
            if (!(c1 > 2 * Math.Sqrt(eta) * phi)) fc1++;
            if (s.Tau1 < r.Path.Imbalances.Length)
            {
                double qt = r.Path.Imbalances[s.Tau1];
                if (!(c1 < qt && qt < w0 - eta * eta * phi * phi * p0 * p0 / w0)) f63++;
            }
            if (w0 > -2 * z0 && eta < -2 / z0 && !(w0 >= eta * z0 * z0)) fImp++;
        }
        // (52) exactly: (z_{k+1} − z_k)²/(w_{k+1} − w_k) = −(9/16)M_k²/w_k, not −w_k.
        var z = new Rational(-3, 2); var w = new Rational(2); var h = new Rational(1, 10); Rational phiR = 1;
        var m = -2 * z - 2 * phiR > w ? -2 * z - 2 * phiR : w;
        var dz = -new Rational(3, 4) * h * m * z; var dw = -h * h * z * z * w;
        (dz * dz / dw == -w).ShouldBeFalse();
        (dz * dz / dw == -new Rational(9, 16) * m * m / w).ShouldBeTrue();
        cases.ShouldBeGreaterThan(100);
        f51up.ShouldBe(cases);
        fc1.ShouldBeGreaterThan(0);
        fImp.ShouldBe(0);
        Evidence.Number("region-C runs in the case w₀ ≥ −2z₀ − 2Φ (with w₀ ≥ 4ηz₀² so c₁ is real)", cases)
            .Number("violations of (50)", f50).Number("violations of (51) lower bound", f51lo).Number("violations of (51) upper bound", f51up, note: "a(0)ᵀb(0) < 0 makes it < 1")
            .Number("violations of (58)", f58).Number("violations of c₁ > 2√ηΦ (Lemma 16)", fc1).Number("violations of (63)", f63)
            .Number("violations of \"w₀ > −2z₀, η < −2/z₀ ⇒ w₀ ≥ ηz₀²\"", fImp, 0, 0)
            .Counterexample($"(52) at z = −3/2, w = 2, η = 1/10, Φ = 1: (Δz)²/Δw = {dz * dz / dw} ≠ −w = −2; it equals −(9/16)M²/w")
            .Note("(64) \"a(0)ᵀb(0) > 0\" contradicts Lemma 16's own hypothesis −2a(0)ᵀb(0) > 0; a(τ₁)ᵀb(τ₁) > 0 is meant. For small η, c₁ ≈ ηz₀² ≪ 2√ηΦ. The τ₁ bounds omit |a(0)ᵀb(0)|/|z₀| (lower) and the absolute value (upper).")
            .Erratum("In Lemmas 15–16, (51)'s upper bound is negative+1 as printed (a(0)ᵀb(0) < 0), its lower bound and (58) fail on some runs, (52) drops the factor (9/16)M_k²/w_k², c₁ > 2√ηΦ fails, and (64) contradicts the hypothesis; (50), (63) and the implication w₀ ≥ ηz₀² hold.",
                "(50) c₁ < w_{τ₁} < w₀ − η²Φ²(a(0)ᵀb(0))²/w₀ and (63) for Q(τ₁) hold on the family; (52) reads (z_{k+1} − z_k)²/(w_{k+1} − w_k) = −(9/16)M_k²/w_k; (64) should be a(τ₁)ᵀb(τ₁) > 0; the upper bound of (51) needs |a(0)ᵀb(0)|.");
        Evidence.NegativeControl("(52) as printed at the exact point", dz * dz / dw == -w);
    }
}
