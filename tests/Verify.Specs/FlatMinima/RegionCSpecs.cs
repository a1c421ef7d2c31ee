using Verify.Dynamics.Sweeps;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 App. E: escaping region C (aᵀb &lt; 0), the bounding sequences and their lemmas.</summary>
public sealed class RegionCSpecs : ClaimSpec
{
    private static BoundingSequence Seq(Run r, bool scaleTerm = true, int maxSteps = 200_000) =>
        BoundingSequences.Generate(r.Draw.Residual, r.Draw.Imbalance, r.Draw.Phi, r.Eta, scaleTerm, maxSteps);

    [Claim("flat.prop2-region-C")]
    public void EscapeFromRegionC()
    {
        var runs = RegionCRuns.Value;
        int lowFails = 0, escaped = 0, qBoundFails = 0;
        double worstRatio = 0;
        Run? low = null;
        foreach (var r in runs)
        {
            int tau = r.Path.FirstPositiveProduct;
            if (tau < 0) continue;
            escaped++;
            double q = r.Path.Imbalances[tau];
            if (!(2 * Math.Sqrt(r.Eta) * r.Draw.Phi < q)) { lowFails++; low ??= r; }
            // What holds instead: Q(τ) ≤ Q(0) and Q(τ) ≥ Q(0)exp(−Σ_{t<τ}(η²ε_t² + η⁴ε_t⁴)) (η|ε_t| ≤ ½ before τ).
            double s = r.Path.Residuals.Take(tau).Sum(e => Math.Pow(r.Eta * e, 2) + Math.Pow(r.Eta * e, 4));
            if (!(q <= r.Path.Imbalances[0] * (1 + 1e-12) && q >= r.Path.Imbalances[0] * Math.Exp(-s) * (1 - 1e-12))) qBoundFails++;
            worstRatio = Math.Max(worstRatio, tau / EscapeBracket(r.Draw.Product, r.Eta, r.Draw.Phi));
        }
        escaped.ShouldBe(runs.Length);
        lowFails.ShouldBeGreaterThan(0);
        qBoundFails.ShouldBe(0);
        // The smallest counterexample, exact: d = 1, a = ½, b = −¼, Φ = 1, η = ½ < min{1/|ε(0)|, 2/λ(0)} = 8/9.
        // Q(0) = 3/16 < 2√ηΦ = √2, and one step reaches aᵀb > 0 with Q(1) = (1 − η²ε(0)²)Q(0) < Q(0).
        Rational[] x0 = [new Rational(1, 2), new Rational(-1, 4)];
        var h = new Rational(1, 2);
        var s0 = State(x0, 1);
        (h < 1 / Rational.Abs(s0.Residual) && h < 2 / s0.SquaredNorm).ShouldBeTrue();
        var s1 = State(Step(x0, 1, h), 1);
        (s1.Product > 0).ShouldBeTrue();
        (s1.Imbalance * s1.Imbalance < 4 * h).ShouldBeTrue(); // Q(τ)² < (2√ηΦ)² = 4η
        // τ grows without bound as Q(0) → 0 at fixed a(0)ᵀb(0) = −1: d = 2, a = (1, 10⁻ᵏ), b = (−1, 0), Φ = 1, η = 0.1
        // (< min{1/|ε(0)|, 2/λ(0)} ≈ ½); Q(0) = 10⁻²ᵏ.
        var rows = new List<object[]>();
        var ratios = new List<double>();
        var correctedRatios = new List<double>();
        foreach (int k in new[] { 5, 25, 50, 100, 150 })
        {
            double q0 = Math.Pow(10, -2 * k);
            var p = FactorizationDescent.Run([1.0, Math.Pow(10, -k)], [-1.0, 0.0], 1, 0.1, 1e-9, 2_000_000);
            int tau = p.FirstPositiveProduct;
            double bracket = EscapeBracket(-1, 0.1, 1);
            ratios.Add(tau / bracket);
            correctedRatios.Add(tau / (bracket + Math.Log(1 / q0) / 0.1));
            rows.Add([k, q0, tau, bracket, tau / bracket]);
        }
        static bool Unbounded(List<double> r, double constant) => Enumerable.Range(1, r.Count - 1).All(i => r[i] > r[i - 1]) && r[^1] > constant;
        Unbounded(ratios, worstRatio).ShouldBeTrue();
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs (a(0)ᵀb(0) < 0, η < min{1/(2|ε(0)|), 2/λ(0)})", runs.Length)
            .Number("runs that reach aᵀb > 0", escaped, runs.Length, 0)
            .Number("runs with Q(τ) ≤ 2√ηΦ", lowFails, note: "claimed 0")
            .Number("runs violating Q(0)exp(−Σ(η²ε² + η⁴ε⁴)) ≤ Q(τ) ≤ Q(0)", qBoundFails, 0, 0)
            .Number("max τ / max{1, (log(1 + |a(0)ᵀb(0)|) + |a(0)ᵀb(0)|)/(ηΦ)} over the family", worstRatio)
            .Table("τ against Q(0) at fixed a(0)ᵀb(0) = −1 (d = 2, a(0) = (1, 10⁻ᵏ), b(0) = (−1, 0), Φ = 1, η = 0.1)", ["k", "Q(0)", "τ", "bracket", "τ/bracket"], rows)
            .Counterexample($"d = 1, a(0) = ½, b(0) = −¼, Φ = 1, η = ½ (exact): a(0)ᵀb(0) = −1/8 < 0, η < min{{1/|ε(0)|, 2/λ(0)}} = 8/9; τ = 1 with a(1)ᵀb(1) = {s1.Product} > 0 and Q(τ) = {s1.Imbalance} ≈ {F((double)s1.Imbalance)} < 2√ηΦ = √2 (Q(τ) ≤ Q(0) = 3/16 whatever happens)")
            .Counterexample($"family R: {low!.Draw}, η = {F(low.Eta)}: Q(τ) = {F(low.Path.Imbalances[low.Path.FirstPositiveProduct])} ≤ 2√ηΦ = {F(2 * Math.Sqrt(low.Eta) * low.Draw.Phi)}")
            .Note("log(a(0)ᵀb(0)) (a(0)ᵀb(0) < 0 here) is read as log(1 + |a(0)ᵀb(0)|), the most favourable sensible reading (log|·| would make the bracket negative for |a(0)ᵀb(0)| < 0.57). Near a = −b GD first approaches the saddle and escapes in time ≈ log(1/Q(0))/(ηΦ), which no bound in a(0)ᵀb(0) alone can cover.")
            .Note("The O(·) of τ is read with an absolute constant (the bound lists the quantities it depends on; a constant allowed to depend on the start would make it empty). In the table a(0)ᵀb(0), η and Φ are fixed while Q(0) → 0: τ/bracket grows linearly in log(1/Q(0)), past the constant the whole family needs and without bound. The lower bound 2√ηΦ < Q(τ) cannot hold whenever Q(0) ≤ 2√ηΦ, since Q does not grow while η|ε| < √2.")
            .Erratum("Q(τ) > 2√ηΦ fails whenever Q(0) ≤ 2√ηΦ (Q never grows under GD with η|ε| < √2; exact counterexample); and τ is not O((log a(0)ᵀb(0) + |a(0)ᵀb(0)|)/(ηΦ)) with an absolute constant: at fixed a(0)ᵀb(0), η, Φ it grows like log(1/Q(0))/(ηΦ) (table).",
                "Every region-C run of the family escapes to aᵀb > 0 (measured); Q(τ) ≤ Q(0) with Q(τ)/Q(0) ≥ exp(−Σ(η²ε² + η⁴ε⁴)); τ grows like log(1/Q(0))/(ηΦ) as Q(0) → 0 (table).");
        Evidence.NegativeControl("the same check on the bracket with log(1/Q(0))/(ηΦ) added (the corrected form)", Unbounded(correctedRatios, worstRatio));
    }

    /// <summary>
    /// Proposition 2's O-bracket for the escape time τ, read favourably: max{1, (log(1 + |a(0)ᵀb(0)|) + |a(0)ᵀb(0)|)/(ηΦ)}
    /// (an O-bound may absorb an additive constant; without it the bracket → 0 as a(0)ᵀb(0) → 0 while τ ≥ 1).
    /// </summary>
    private static double EscapeBracket(double product, double eta, double phi) => Math.Max(1, (Math.Log(1 + Math.Abs(product)) + Math.Abs(product)) / (eta * phi));

    [Claim("flat.def2-lemma12")]
    public void BoundingSequencesBoundTheRun()
    {
        // Lemma 12 read with "w_k ≤ Q_k": the strict w_k < Q_k fails trivially at k = 1, where w₁ = (1 − η²ε(0)²)Q(0) = Q(1).
        int runs = 0, fail12 = 0, fail12InC = 0, strictOnly = 0, fail13 = 0, failPositive = 0;
        string? ex13 = null;
        foreach (var r in RegionCRuns.Value)
        {
            if (!(r.Draw.Residual < -r.Draw.Phi)) continue;
            var s = Seq(r);
            if (s.Tau1 < 0 || s.Tau1 >= r.Path.Residuals.Length) continue;
            runs++;
            var e = r.Path.Residuals; var q = r.Path.Imbalances;
            int bad = -1; bool strict = false;
            for (int k = 1; k < s.Tau1; k++)
            {
                if (!(s.Z[k] < 0)) continue;
                if (s.Z[k] > e[k] + 1e-12 * Math.Abs(e[k]) || s.W[k] > q[k] * (1 + 1e-12)) { bad = k; break; }
                if (!(s.W[k] < q[k])) strict = true;
            }
            if (bad > 0)
            {
                fail12++;
                if (Enumerable.Range(0, bad + 1).All(k => r.Path.Product(k) < 0)) fail12InC++;
            }
            else if (strict) strictOnly++;
            if (!(r.Path.Product(s.Tau1) > 0)) failPositive++;
            if (r.Path.SquaredNorms.Min() < s.W[s.Tau1] * (1 - 1e-9))
            {
                fail13++;
                int tMin = Array.IndexOf(r.Path.SquaredNorms, r.Path.SquaredNorms.Min());
                ex13 ??= $"{r.Draw}, η = {F(r.Eta)}: τ₁ = {s.Tau1}, w_{{τ₁}} = {F(s.W[s.Tau1])} but λ({tMin}) = {F(r.Path.SquaredNorms[tMin])} (aᵀb = {F(r.Path.Product(tMin))})";
            }
        }
        // The smallest counterexample found (d = 1, exact): the run jumps over region B into region A at k = 1,
        // where |ε| is larger than |z|, so Q shrinks faster than w: w₂ > Q₂ while z₂ < 0 and 2 < τ₁ = 3.
        Rational[] x = [9, new Rational(-11, 4)];
        var eta = new Rational(1, 64);
        var st = State(x, 1);
        (eta < 1 / (2 * Rational.Abs(st.Residual)) && eta < 2 / st.SquaredNorm).ShouldBeTrue(); // Definition 2's step condition
        Rational z = st.Residual, w = st.Imbalance;
        var xs = x;
        var trace = new List<string>();
        int kFail = -1;
        for (int k = 1; k <= 3 && kFail < 0; k++)
        {
            var m = w > -2 * z - 2 ? w : -2 * z - 2;
            (z, w) = ((1 - new Rational(3, 4) * eta * m) * z, (1 - eta * eta * z * z) * w);
            xs = Step(xs, 1, eta);
            var sk = State(xs, 1);
            trace.Add($"k = {k}: z = {F((double)z)}, ε = {F((double)sk.Residual)}, w = {F((double)w)}, Q = {F((double)sk.Imbalance)}");
            if (z < 0 && z <= -1 && !(w <= sk.Imbalance)) kFail = k;
        }
        kFail.ShouldBe(2);
        // Corrected (provable): M_k = w_k. While the run stays in region C with η|ε_k| ≤ ½, (45) and λ_k ≥ Q_k ≥ w_k give
        // z_k ≤ ε_k and w_k ≤ Q_k by induction.
        int checkedCorrected = 0;
        bool Corrected(double zFactor)
        {
            checkedCorrected = 0;
            foreach (var r in RegionCRuns.Value)
            {
                if (!(r.Draw.Residual < -r.Draw.Phi)) continue;
                var e = r.Path.Residuals; var q = r.Path.Imbalances;
                double zk = r.Draw.Residual, wk = r.Draw.Imbalance, h = r.Eta;
                for (int k = 1; k < e.Length; k++)
                {
                    if (!(r.Path.Product(k - 1) < 0) || h * Math.Abs(e[k - 1]) > 0.5) break;
                    (zk, wk) = ((1 - zFactor * h * wk) * zk, (1 - h * h * zk * zk) * wk);
                    checkedCorrected++;
                    if (zk > e[k] + 1e-12 * Math.Abs(e[k]) || wk > q[k] * (1 + 1e-12)) return false;
                }
            }
            return true;
        }
        Corrected(0.75).ShouldBeTrue();
        int correctedChecks = checkedCorrected;
        fail12.ShouldBeGreaterThan(0);
        fail12InC.ShouldBe(0);
        fail13.ShouldBeGreaterThan(0);
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs with ε(0) < −Φ and τ₁ reached (family R, η < min{1/(2|ε(0)|), 2/λ(0)})", runs)
            .Number("runs violating Lemma 12 (z_k ≤ ε_k and w_k ≤ Q_k for 1 ≤ k < τ₁, z_k < 0)", fail12)
            .Number("of which the run was still in region C at the failing step", fail12InC)
            .Number("runs failing only the strict w_k < Q_k (equality, e.g. at k = 1)", strictOnly)
            .Number("runs with a(τ₁)ᵀb(τ₁) ≤ 0 (Lemma 12 claims > 0)", failPositive)
            .Number("runs violating Lemma 13 (λ(t) ≥ w_{τ₁} for all t)", fail13)
            .Number("(run, k) checks of the corrected sequences (M_k = w_k) while in region C with η|ε_k| ≤ ½", correctedChecks)
            .Counterexample($"Lemma 12, d = 1, a(0) = 9, b(0) = −11/4, Φ = 1, η = 1/64 (< min{{1/(2|ε(0)|), 2/λ(0)}} = 2/103), exact: " + string.Join("; ", trace) + " — the run jumped to region A at k = 1 (ε > 0), so w₂ > Q₂ although z₂ < −Φ, i.e. 2 < τ₁")
            .Counterexample("Lemma 13 fails at " + ex13)
            .Note("Lemma 12's induction assumes the run stays in region C until τ₁; a step with ηλ close to 2 can jump from region C over region B into region A (footnote 5 says jumps happen \"only for big learning rates\", but this one is within Definition 2's condition), and there |ε| exceeds |z|, so Q shrinks faster than w (and a later return to region C breaks z ≤ ε). The strict w_k < Q_k fails trivially at k = 1 (w₁ = Q₁ exactly); we count it separately and read \"<\" as \"≤\". Lemma 13's \"μ(t) ≥ Σ|Qᵢ(t)| ≥ w_t\" is only established for t < τ₁.")
            .Erratum("Lemma 12 fails on runs that leave region C before τ₁ (exact d = 1 counterexample; counts recorded, including a(τ₁)ᵀb(τ₁) ≤ 0), and Lemma 13's λ(t) ≥ w_{τ₁} for all t fails on some runs.",
                "While the run stays in region C with η|ε_k| ≤ ½, the sequences bound it: z_k ≤ ε_k and w_k ≤ Q_k (proved by (45) and λ ≥ Q ≥ w with M_k = w_k; checked on every step of every run).");
        Evidence.NegativeControl("corrected sequences with z_{k+1} = (1 − 1.5ηw_k)z_k (twice the printed rate)", Corrected(1.5));
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
            return s1 + Math.Max(0, s2); // favourable: a negative s₂ counts as 0 when fitting C
        }
        // Where |a(0)ᵀb(0)| ≤ √2Φ (s₁ = 0) and Q(0)/2 ≤ |a(0)ᵀb(0)| < Q(0), s₂ < 0: the printed count is negative for every C.
        static bool Negative(Run r) => Math.Abs(r.Draw.Product) <= Math.Sqrt(2) * r.Draw.Phi && Math.Abs(r.Draw.Product) < r.Draw.Imbalance;
        var vacuous = rows.Where(x => Negative(x.R)).ToList();
        var valid = rows.Where(x => !Negative(x.R) && Bound(x.R, 1) > 0).ToList();
        double cNeeded = valid.Count == 0 ? 0 : Bisection.Locate(c => valid.All(x => x.S <= Bound(x.R, c)), 1e-3, 1e4, 1e-6).Upper;
        vacuous.Count.ShouldBeGreaterThan(0);
        // The smallest clean counterexample, exact: d = 1, a = 1, b = −½, Φ = 1, η = 1/100 (Definition 2's range):
        // −2aᵀb = 1 ≥ Q = ¾, s₁ = 0 and s₂ = C(log ½ − log ¾)/η < 0, yet several steps are needed.
        Rational[] x = [1, new Rational(-1, 2)];
        var eta = new Rational(1, 100);
        int needed = 0;
        for (var st = State(x, 1); !(st.Imbalance > -2 * st.Product); st = State(x, 1)) { x = Step(x, 1, eta); needed++; }
        needed.ShouldBeGreaterThan(1);
        double s2PerC = (Math.Log(0.5) - Math.Log(0.75)) / 0.01;
        // Corrected (derived): in region C, |a(k+1)ᵀb(k+1)| ≤ (1 − η|ε_k|)²|a(k)ᵀb(k)| (λ ≥ 2|aᵀb|) and Q(k+1) = (1 − η²ε_k²)Q(k),
        // so |aᵀb|/Q shrinks by (1 − η|ε_k|)/(1 + η|ε_k|) ≤ (1 − ηΦ)/(1 + ηΦ) per step (|ε_k| > Φ, η|ε_k| < 1):
        // s ≤ ⌈log(2|a(0)ᵀb(0)|/Q(0)) / log((1 + ηΦ)/(1 − ηΦ))⌉ ≤ ⌈log(2|a(0)ᵀb(0)|/Q(0))/(2ηΦ)⌉.
        static int CorrectedBound(Run r, double speed) =>
            (int)Math.Ceiling(Math.Log(2 * Math.Abs(r.Draw.Product) / r.Draw.Imbalance) / Math.Log((1 + speed * r.Eta * r.Draw.Phi) / (1 - speed * r.Eta * r.Draw.Phi)) - 1e-12);
        bool CorrectedHolds(double speed) => rows.All(x => x.S <= Math.Max(1, CorrectedBound(x.R, speed)));
        CorrectedHolds(1).ShouldBeTrue();
        // (49) printed as an equality; it holds as the bound |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| the proof uses.
        int eqFails = 0, ineqFails = 0, checks = 0;
        foreach (var r in RegionCRuns.Value.Take(1000))
            for (int k = 1; k < r.Path.Residuals.Length && r.Path.Product(k - 1) < 0 && r.Path.Product(k) < 0; k++)
            {
                checks++;
                double pred = Math.Pow(1 - r.Eta * r.Draw.Phi, k) * r.Draw.Product;
                if (Math.Abs(r.Path.Product(k) - pred) > 1e-9 * Math.Abs(pred)) eqFails++;
                if (Math.Abs(r.Path.Product(k)) > Math.Abs(pred) * (1 + 1e-12)) ineqFails++;
            }
        ineqFails.ShouldBe(0);
        // η ≤ 1/(2Φ) ⇒ c = (√2 − 1)Φ satisfies η(Φ + c)² ≤ Φ: η(Φ + c)² = 2ηΦ² ≤ Φ.
        foreach (double phi in new[] { 0.5, 1, 2 }) foreach (double u in new[] { 0.1, 0.5, 1 }) (u / (2 * phi) * Math.Pow(phi + (Math.Sqrt(2) - 1) * phi, 2)).ShouldBeLessThanOrEqualTo(phi * (1 + 1e-12));
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs starting with −2aᵀb ≥ Q", rows.Count)
            .Number("runs where s₁ + s₂ < 0 for every C (|a(0)ᵀb(0)| ≤ √2Φ and Q(0)/2 ≤ |a(0)ᵀb(0)| < Q(0))", vacuous.Count)
            .Number("smallest C with steps ≤ s₁ + max{s₂, 0} on the other runs (bisection)", cNeeded, note: "an absolute constant is claimed")
            .Number("exact example: steps until Q > −2aᵀb", needed, note: $"printed s₁ + s₂ = {F(s2PerC)}·C < 0")
            .Number("(k, run) checks of (49)", checks)
            .Number("where a(k)ᵀb(k) = (1 − ηΦ)ᵏa(0)ᵀb(0) fails as an equality (rel. 1e-9)", eqFails)
            .Number("where |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| fails", ineqFails, 0, 0)
            .Counterexample($"d = 1, a(0) = 1, b(0) = −½, Φ = 1, η = 1/100 (exact): −2a(0)ᵀb(0) = 1 ≥ Q(0) = ¾; |a(0)ᵀb(0)| ≤ √2Φ gives s₁ = 0 and s₂ = C(log ½ − log ¾)/(ηΦ) = {F(s2PerC)}·C < 0 for every C > 0, yet Q > −2aᵀb first holds after {needed} steps")
            .Note("s₂ compares |aᵀb| with Q, but the target is |aᵀb| < Q/2: its logarithm should be log(2|aᵀb|/Q) ≥ 0. The missing log 2 is not a rounding matter — with ηΦ small the true count ≈ log(2|aᵀb|/Q)/(2ηΦ) is large while the printed one is negative.")
            .Note("(49) is read as the bound |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| the proof uses (as an equality it fails on every step checked; counts above). The constant C is fitted on the other runs: it is large because s₂ → 0 as |a(0)ᵀb(0)| → Q(0)⁺ while the true count stays ≈ log 2/(2ηΦ), so no absolute C exists.")
            .Erratum($"The step count s₁ + s₂ of (48) is negative for every absolute C on starts with |a(0)ᵀb(0)| ≤ √2Φ and Q(0)/2 ≤ |a(0)ᵀb(0)| < Q(0) (exact counterexample: {needed} steps needed at η = 1/100), though steps are needed there; and as |a(0)ᵀb(0)| → Q(0)⁺ the C it needs grows without bound.",
                "In region C with η|ε(0)| < 1 and −2a(0)ᵀb(0) ≥ Q(0), Q > −2aᵀb within ⌈log(2|a(0)ᵀb(0)|/Q(0)) / log((1 + ηΦ)/(1 − ηΦ))⌉ ≤ ⌈log(2|a(0)ᵀb(0)|/Q(0))/(2ηΦ)⌉ steps (derived; checked on every such run); |a(k)ᵀb(k)| ≤ (1 − ηΦ)ᵏ|a(0)ᵀb(0)| while in region C.");
        Evidence.NegativeControl("(49) as |a(k)ᵀb(k)| ≤ (1 − 2ηΦ)ᵏ|a(0)ᵀb(0)|", RegionCRuns.Value.Take(300).All(r => Enumerable.Range(1, Math.Max(0, r.Path.FirstPositiveProduct - 1)).All(k => Math.Abs(r.Path.Product(k)) <= Math.Pow(1 - 2 * r.Eta * r.Draw.Phi, k) * Math.Abs(r.Draw.Product) * (1 + 1e-12))));
        Evidence.NegativeControl("the corrected count with rate 2ηΦ in place of ηΦ", CorrectedHolds(2));
    }

    [Claim("flat.lemma15-16")]
    public void BoundsOnTheSequencesAtTau1()
    {
        // Lemma 15's case: z₀ = ε(0) < −Φ, w₀ = Q(0) ≥ −2z₀ − 2Φ, η < min{1/(2|ε(0)|), 2/λ(0)} (Definition 2).
        int cases = 0, complexC1 = 0, f50 = 0, f51lo = 0, f51up = 0, f58 = 0, fc1 = 0, f63 = 0, fImp = 0;
        bool Holds50(double c1Factor)
        {
            foreach (var r in RegionCRuns.Value)
            {
                double z0 = r.Draw.Residual, w0 = r.Draw.Imbalance, phi = r.Draw.Phi, eta = r.Eta;
                if (!(z0 < -phi) || !(w0 >= -2 * z0 - 2 * phi) || w0 < 4 * eta * z0 * z0) continue;
                var s = Seq(r);
                if (s.Tau1 >= 0 && !(c1Factor * (w0 / 2 - Math.Sqrt(w0 * (w0 - 4 * eta * z0 * z0)) / 2) < s.W[s.Tau1])) return false;
            }
            return true;
        }
        foreach (var r in RegionCRuns.Value)
        {
            double z0 = r.Draw.Residual, w0 = r.Draw.Imbalance, phi = r.Draw.Phi, eta = r.Eta, p0 = r.Draw.Product;
            if (!(z0 < -phi) || !(w0 >= -2 * z0 - 2 * phi)) continue;
            cases++;
            if (w0 > -2 * z0 && eta < -2 / z0 && !(w0 >= eta * z0 * z0)) fImp++;
            if (w0 < 4 * eta * z0 * z0) { complexC1++; continue; } // c₁ := w₀/2 − √(w₀(w₀ − 4ηz₀²))/2 is not real
            var s = Seq(r);
            if (s.Tau1 < 0) continue;
            double c1 = w0 / 2 - Math.Sqrt(w0 * (w0 - 4 * eta * z0 * z0)) / 2, wt = s.W[s.Tau1];
            if (!(c1 < wt && wt < w0 - eta * eta * phi * phi * p0 * p0 / w0)) f50++;
            if (!(1 / (eta * Math.Pow(w0, 1.5)) < s.Tau1)) f51lo++;
            if (!(s.Tau1 < Math.Abs(p0) / (eta * Math.Pow(c1, 1.5)) / phi + 1)) f51up++;
            if (!(wt * wt - w0 * wt + eta * z0 * z0 * w0 > 0)) f58++;
            if (!(c1 > 2 * Math.Sqrt(eta) * phi)) fc1++;
            if (s.Tau1 < r.Path.Imbalances.Length)
            {
                double qt = r.Path.Imbalances[s.Tau1];
                if (!(c1 < qt && qt < w0 - eta * eta * phi * phi * p0 * p0 / w0)) f63++;
            }
        }
        cases.ShouldBeGreaterThan(100);
        f50.ShouldBe(0); f51up.ShouldBe(0); f63.ShouldBe(0); fImp.ShouldBe(0);
        complexC1.ShouldBeGreaterThan(0); f51lo.ShouldBeGreaterThan(0); fc1.ShouldBeGreaterThan(0);
        // One exact start shows the three failures: d = 1, a = 1, b = −1/8, Φ = 1 (z₀ = −9/8, w₀ = 63/64 ≥ −2z₀ − 2Φ = ¼).
        Rational[] x = [1, new Rational(-1, 8)];
        var st = State(x, 1);
        Rational z0r = st.Residual, w0r = st.Imbalance;
        (w0r >= -2 * z0r - 2).ShouldBeTrue();
        var quarter = new Rational(1, 4);
        (quarter < 1 / (2 * Rational.Abs(z0r)) && quarter < 2 / st.SquaredNorm).ShouldBeTrue();
        var disc = w0r * (w0r - 4 * quarter * z0r * z0r); // η = ¼: negative, c₁ undefined
        (disc < 0).ShouldBeTrue();
        var eighth = new Rational(1, 8);
        Rational z = z0r, w = w0r;
        int tau1 = 0;
        while (z <= -1) { var m = w > -2 * z - 2 ? w : -2 * z - 2; (z, w) = ((1 - new Rational(3, 4) * eighth * m) * z, (1 - eighth * eighth * z * z) * w); tau1++; }
        double c1x = (double)w0r / 2 - Math.Sqrt((double)(w0r * (w0r - 4 * eighth * z0r * z0r))) / 2;
        double lower51 = 1 / (0.125 * Math.Pow((double)w0r, 1.5));
        (tau1 < lower51).ShouldBeTrue();
        (c1x < 2 * Math.Sqrt(0.125)).ShouldBeTrue();
        // (52) exactly: (z_{k+1} − z_k)²/(w_{k+1} − w_k) = −(9/16)M_k²/w_k, not −w_k (a slip in the proof).
        var zz = new Rational(-3, 2); var ww = new Rational(2); var h = new Rational(1, 10); Rational phiR = 1;
        var mm = -2 * zz - 2 * phiR > ww ? -2 * zz - 2 * phiR : ww;
        var dz = -new Rational(3, 4) * h * mm * zz; var dw = -h * h * zz * zz * ww;
        (dz * dz / dw == -new Rational(9, 16) * mm * mm / ww).ShouldBeTrue();
        Evidence.Number("region-C runs in Lemma 15's case w₀ ≥ −2z₀ − 2Φ", cases)
            .Number("of which c₁ is not real (w₀ < 4ηz₀²)", complexC1)
            .Number("violations of (50) c₁ < w_{τ₁} < w₀ − η²Φ²(a(0)ᵀb(0))²/w₀", f50, 0, 0)
            .Number("violations of (51) lower bound 1/(ηw₀^{3/2}) < τ₁", f51lo)
            .Number("violations of (51) upper bound with |a(0)ᵀb(0)|", f51up, 0, 0)
            .Number("violations of c₁ > 2√ηΦ (Lemma 16)", fc1)
            .Number("violations of (63) for Q(τ₁)", f63, 0, 0)
            .Number("violations of \"w₀ > −2z₀, η < −2/z₀ ⇒ w₀ ≥ ηz₀²\"", fImp, 0, 0)
            .Number("violations of the proof step (58)", f58, note: "an intermediate step; (50), which it is meant to give, holds")
            .Counterexample($"d = 1, a(0) = 1, b(0) = −1/8, Φ = 1 (z₀ = −9/8, w₀ = 63/64, in Lemma 15's case): at η = ¼ (< min{{1/(2|ε(0)|), 2/λ(0)}} = 4/9) w₀(w₀ − 4ηz₀²) = {disc} < 0, so c₁ is not real; at η = ⅛, τ₁ = {tau1} < 1/(ηw₀^{{3/2}}) = {F(lower51)} and c₁ = {F(c1x)} < 2√ηΦ = {F(2 * Math.Sqrt(0.125))}")
            .Note("Readings used: (51)'s upper bound with |a(0)ᵀb(0)| (as printed, with a(0)ᵀb(0) < 0, it is below 1 — a dropped absolute value, as in Theorem 2's log(a(0)ᵀb(0))); (64) \"a(0)ᵀb(0) > 0\" contradicts Lemma 16's own hypothesis and is read as a(τ₁)ᵀb(τ₁) > 0 (Lemma 12's statement). (52) drops the factors of (47): (Δz)²/Δw = −(9/16)M_k²/w_k exactly (z = −3/2, w = 2, η = 1/10, Φ = 1 gives −9/8, not −2) — a proof slip.")
            .Note("c₁ ≈ ηz₀² for small η, far below 2√ηΦ; this is the step that Proposition 2's Q(τ) > 2√ηΦ and Theorem 1's lower bound rest on (flat.prop2-region-C, flat.thm1).")
            .Erratum("Lemma 15's c₁ is not real on part of its own case (w₀ < 4ηz₀²), its lower bound 1/(ηw₀^{3/2}) < τ₁ fails, and Lemma 16's c₁ > 2√ηΦ fails (exact d = 1 example and counts recorded).",
                "Where c₁ is real: (50) c₁ < w_{τ₁} < w₀ − η²Φ²(a(0)ᵀb(0))²/w₀, (63) the same for Q(τ₁), and τ₁ < |a(0)ᵀb(0)|/(ηc₁^{3/2}Φ) + 1 hold on every run of the case; c₁ ≈ ηz₀² (not > 2√ηΦ) for small η.");
        Evidence.NegativeControl("(50)'s lower bound with 2c₁ in place of c₁", Holds50(2));
    }
}
