using ScottPlot;
using Verify.Claims.Properties;
using Verify.Dynamics.Statistics;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 §4, §7 and App. H: where GD converges (the final imbalance) and Figure 3.</summary>
public sealed class LocationSpecs : ClaimSpec
{
    private static IEnumerable<Run> Converged => TheoremRuns.Value.Where(r => r.Path.Converged);

    private static double LowerBound(Run r, double qi) => Math.Abs(qi) * Math.Exp(-Math.Sqrt(r.Eta) * r.Draw.Residual * r.Draw.Residual / r.Draw.Phi);

    [Claim("flat.thm1")]
    public void TwoSidedBoundOnTheFinalImbalance()
    {
        int pairs = 0, upperFails = 0, lowerFails = 0, runsLowerFail = 0;
        double kNeeded = 0;
        Run? worst = null;
        foreach (var r in Converged)
        {
            double sum = r.Path.SumOfSquaredResiduals, eta = r.Eta;
            var q0 = r.Path.InitialImbalances;
            var qN = r.Path.FinalImbalances;
            bool anyLower = false;
            for (int i = 0; i < q0.Length; i++)
            {
                pairs++;
                double upper = Math.Abs(q0[i]) * Math.Exp(-eta * eta * sum);
                if (!(Math.Abs(qN[i]) < upper && upper < Math.Abs(q0[i]))) upperFails++;
                if (!(LowerBound(r, q0[i]) < Math.Abs(qN[i]))) { lowerFails++; anyLower = true; }
                double k = Math.Log(Math.Abs(q0[i]) / Math.Abs(qN[i])) * r.Draw.Phi / (Math.Sqrt(eta) * r.Draw.Residual * r.Draw.Residual);
                if (k > kNeeded) { kNeeded = k; worst = r; }
            }
            if (anyLower) runsLowerFail++;
        }
        int n = Converged.Count();
        n.ShouldBe(TheoremRuns.Value.Length);
        upperFails.ShouldBe(0);
        lowerFails.ShouldBeGreaterThan(0);
        // Shrink a d = 1 counterexample: a = n₀/16, b = n₁/16, Φ ∈ {½, 1, 2}, η = u·(Theorem 1's bound), u = (|n₃| mod 99 + 1)/100.
        bool LowerHolds(int[] m)
        {
            if (m.Length < 4) return true;
            var d = new Draw(0, new[] { 0.5, 1, 2 }[Math.Abs(m[2]) % 3], [m[0] / 16.0], [m[1] / 16.0], (Math.Abs(m[3]) % 99 + 1) / 100.0);
            if (d.Imbalance == 0 || d.Residual == 0) return true;
            double eta = d.U * d.TheoremBound;
            var p = FactorizationDescent.Run(d.A, d.B, d.Phi, eta, 1e-12, 400_000);
            return !p.Converged || LowerBound(new Run(d, eta, p), p.InitialImbalances[0]) < Math.Abs(p.FinalImbalances[0]);
        }
        var outcome = PropertyCheck.Run("Theorem 1 lower bound, d = 1", IntArrays, LowerHolds, seed: 107, maxTest: 3000);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeFalse();
        // Corrected (Lemma 20's (93)): |Qᵢ(∞)| ≥ |Qᵢ(0)|·exp(−Σ(η²ε_t² + η⁴ε_t⁴)) when η|ε_t| ≤ ½ for all t.
        int halfRuns = 0, correctedFails = 0;
        foreach (var r in Converged)
        {
            if (r.Path.Residuals.Any(e => r.Eta * Math.Abs(e) > 0.5)) continue;
            halfRuns++;
            double s = r.Path.Residuals.Sum(e => Math.Pow(r.Eta * e, 2) + Math.Pow(r.Eta * e, 4));
            if (!(r.Path.Imbalances[^1] >= r.Path.Imbalances[0] * Math.Exp(-s) * (1 - 1e-12))) correctedFails++;
        }
        correctedFails.ShouldBe(0);
        var (ceText, scaling) = SmallestLowerBoundCounterexample();
        var p = Proportion.Of(runsLowerFail, n);
        Evidence.Seed(FamilySeed)
            .Number("converged runs (family R, 4000 draws, Theorem 1's step condition)", n)
            .Number("(run, i) pairs violating the upper bound", upperFails, 0, 0)
            .Number("(run, i) pairs violating the lower bound", lowerFails, note: $"{pairs} pairs")
            .Number("fraction of runs violating the lower bound", p.Estimate, note: p.ToString())
            .Number("constant K needed for |Qᵢ(∞)| ≥ |Qᵢ(0)|exp(−K√η ε(0)²/Φ) on family R", kNeeded, 1, note: $"printed K = 1; worst run {worst}")
            .Number("runs with η|ε_t| ≤ ½ throughout, checked for the corrected bound (93)", halfRuns)
            .Number("of which (93) fails", correctedFails, 0, 0)
            .Table("K needed as the start approaches the saddle: d = 1, Φ = 1, b(0) = 0, η = 0.45 (Theorem 1's bound is ½)", ["a(0)", "Q(0)", "Q(∞)/Q(0)", "printed lower bound / Q(0)", "K needed"], scaling)
            .Counterexample(ceText)
            .Note("The upper bound holds on every run and coordinate: 1 − x < e^{−x} for x = η²ε_t² ∈ (0, 1). The lower bound fails in a sizeable fraction of runs, mostly from region B/C starts near the saddle (small λ, slow escape, large Σε²): Q(∞)/Q(0) ≈ exp(−η²Σε²) with Σε² growing like log(1/λ(0)), while the printed bound exp(−√η ε(0)²/Φ) does not depend on λ(0). The table shows the needed K growing without bound, so no constant fixes it.")
            .Note("Qᵢ(0) ≠ 0 is read as implicit (the chain 0 < |Qᵢ(0)|exp(…) needs it; Theorem 2 states Q(0) ≠ 0).")
            .Erratum($"The lower bound |Qᵢ(0)|exp(−√η ε(0)²/Φ) < |Qᵢ(∞)| of Theorem 1 fails under the theorem's own step condition (exact d = 1 counterexample; a fraction {F(p.Estimate)} of family R's runs); the needed constant grows like log(1/Q(0)) near the saddle. The upper bound holds.",
                "Under the same condition, |Qᵢ(0)|·exp(−Σ_t(η²ε(t)² + η⁴ε(t)⁴)) ≤ |Qᵢ(∞)| < |Qᵢ(0)|·exp(−η²Σ_t ε(t)²) < |Qᵢ(0)| whenever η|ε(t)| ≤ ½ for all t (Lemma 20's (93); checked on every such run).");
        Evidence.NegativeControl("upper bound with 2η² in the exponent", Converged.All(r => r.Path.Imbalances[^1] < r.Path.Imbalances[0] * Math.Exp(-2 * r.Eta * r.Eta * r.Path.SumOfSquaredResiduals)));
    }

    /// <summary>
    /// Theorem 1's lower bound at d = 1, a(0) = ¼, b(0) = 0, Φ = 1, η = 9/20 (Theorem 1's bound min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)} = ½):
    /// four exact GD steps already bring Q below the bound, and Q never grows afterwards (η|ε_t| &lt; √2 along the run),
    /// so Q(∞) is below it too. Also the needed constant K as a(0) → 0.
    /// </summary>
    internal static (string Text, List<object[]> Scaling) SmallestLowerBoundCounterexample()
    {
        var eta = new Rational(9, 20);
        Rational[] x = [new Rational(1, 4), 0];
        var s0 = State(x, 1);
        double lower = (double)s0.Imbalance * Math.Exp(-Math.Sqrt(0.45) * (double)(s0.Residual * s0.Residual));
        int t = 0;
        bool hyp = true;
        var st = s0;
        while (!((double)st.Imbalance < lower * (1 - 1e-9)) && t < 10)
        {
            hyp &= eta * Rational.Abs(st.Residual) <= new Rational(1, 2);
            x = Step(x, 1, eta);
            st = State(x, 1);
            t++;
        }
        t.ShouldBeLessThan(10);
        var tail = FactorizationDescent.Run([(double)x[0]], [(double)x[1]], 1, 0.45, 1e-13, 10_000);
        tail.Converged.ShouldBeTrue();
        tail.Residuals.All(e => 0.45 * Math.Abs(e) < 0.5).ShouldBeTrue(); // so Q never grows, and Lemma 20's hypothesis holds
        hyp.ShouldBeTrue();
        string text = $"d = 1, a(0) = ¼, b(0) = 0, Φ = 1, η = 9/20 < ½ = min{{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)}}: the bound is Q(0)exp(−√η ε(0)²/Φ) = {F(lower)}, but Q({t}) = {F((double)st.Imbalance)} exactly (rational arithmetic) and Q does not grow afterwards (η|ε_t| < ½ along the whole run, exact for t < {t}, double afterwards), so Q(∞) = {F(tail.Imbalances[^1])} < {F(lower)}. The same run satisfies Lemma 20's hypothesis, so it also refutes the last expression of (94).";
        var rows = new List<object[]>();
        foreach (int k in new[] { 1, 2, 4, 8, 16 })
        {
            double a = Math.Pow(2, -k);
            var run = FactorizationDescent.Run([a], [0], 1, 0.45, 1e-13, 100_000);
            double q0 = a * a, qInf = run.Imbalances[^1];
            rows.Add([a, q0, qInf / q0, Math.Exp(-Math.Sqrt(0.45)), Math.Log(q0 / qInf) / Math.Sqrt(0.45)]);
        }
        for (int i = 1; i < rows.Count; i++) ((double)rows[i][4] > (double)rows[i - 1][4]).ShouldBeTrue();
        return (text, rows);
    }

    [Claim("flat.eq9")]
    public void FinalImbalanceAsAProduct()
    {
        // Exact product identity along each run: Q(∞) = Q(0)·Π_t|1 − η²ε_t²| (rounding only).
        double productError = 0, approxWorst = 0;
        foreach (var r in Converged.Take(2000))
        {
            double log = r.Path.Residuals.Take(r.Path.Steps).Sum(e => Math.Log(Math.Abs(1 - r.Eta * r.Eta * e * e)));
            productError = Math.Max(productError, Math.Abs(r.Path.Imbalances[0] * Math.Exp(log) / r.Path.Imbalances[^1] - 1));
            if (r.Path.Residuals.All(e => r.Eta * Math.Abs(e) < 0.1))
                approxWorst = Math.Max(approxWorst, Math.Abs(log / (-r.Eta * r.Eta * r.Path.SumOfSquaredResiduals) - 1));
        }
        productError.ShouldBeLessThan(1e-9);
        approxWorst.ShouldBeLessThan(0.01);
        // Σε² ≈ ε(0)²/(ημ) under linear convergence. μ is "the PL constant" (§1): the loss contracts by (1 − ημ) per
        // step, so for a geometric run Σε² = ε(0)²/(ημ) exactly. μ is measured from the asymptotic loss contraction
        // L_{t+1}/L_t = (ε_{t+1}/ε_t)² (at the first |ε_t| < 1e-8), and "≈" is read as within 10%, over two decades of η.
        // (With Lemma 4's convention — |ε| contracting by (1 − ημ) — the same sum is ε(0)²/(ημ(2 − ημ)) ≈ ε(0)²/(2ημ).)
        var rows = new List<object[]>();
        bool Within(Func<double, double, double, double> predicted)
        {
            rows.Clear();
            foreach (var (a, b) in new[] { (1.3, 0.8), (2.0, 0.6), (1.1, 1.0), (0.9, 1.2), (3.0, 0.4), (0.5, 2.5) })
                foreach (double eta in new[] { 0.001, 0.01, 0.1 })
                {
                    var p = FactorizationDescent.Run([a], [b], 1, eta, 1e-12, 1_000_000);
                    int t = Array.FindIndex(p.Residuals, e => Math.Abs(e) < 1e-8);
                    double mu = (1 - Math.Pow(p.Residuals[t] / p.Residuals[t - 1], 2)) / eta;
                    double ratio = p.SumOfSquaredResiduals / predicted(p.Residuals[0] * p.Residuals[0], eta, mu);
                    rows.Add([a, b, eta, mu, ratio]);
                    if (!(Math.Abs(ratio - 1) <= 0.1)) return false;
                }
            return true;
        }
        Within((e0Squared, eta, mu) => e0Squared / (eta * mu)).ShouldBeTrue();
        var table = rows.ToList();
        // Slower convergence, stronger regularization: same ε(0), same η, different λ(0).
        var trade = new List<object[]>();
        var steps = new List<double>(); var reduction = new List<double>();
        foreach (double a in new[] { 1.05, 1.5, 2, 3, 4 })
        {
            double b = 0.5 / a; // aᵀb = ½, ε(0) = −½, λ(0) = a² + b²
            var p = FactorizationDescent.Run([a], [b], 1, 0.05, 1e-10, 1_000_000);
            steps.Add(p.Steps); reduction.Add(p.Imbalances[^1] / p.Imbalances[0]);
            trade.Add([a, b, a * a + b * b, p.Steps, p.Imbalances[^1] / p.Imbalances[0]]);
        }
        for (int i = 1; i < steps.Count; i++) { (steps[i] < steps[i - 1]).ShouldBeTrue(); (reduction[i] > reduction[i - 1]).ShouldBeTrue(); }
        Evidence.Number("max |Q(0)Π|1 − η²ε_t²| / Q(∞) − 1| over 2000 runs", productError, 0, 1e-9)
            .Number("max relative error of log Q(∞)/Q(0) ≈ −η²Σε² on runs with η|ε_t| < 0.1", approxWorst, 0, 0.01)
            .Table("Σ_t ε_t² against ε(0)²/(ημ), μ from the measured asymptotic loss contraction 1 − ημ (d = 1, Φ = 1)", ["a(0)", "b(0)", "η", "μ", "Σε² / (ε(0)²/(ημ))"], table)
            .Table("Slower convergence, stronger regularization (Φ = 1, η = 0.05, ε(0) = −½)", ["a(0)", "b(0)", "λ(0)", "steps to |ε| < 1e-10", "Q(∞)/Q(0)"], trade)
            .Note("The product form is exact (8). The exponential approximation is within 1% when η|ε_t| < 0.1.")
            .Note("Reading used for \"Σε² ≈ ε(0)²/(ημ)\": μ is the PL constant, i.e. the loss L ∝ ε² contracts by (1 − ημ) per step (the usual PL convention; App. D writes ‖∇L‖² = μL). Then the sum is exactly ε(0)²/(ημ) for a geometric run, and the measured ratio is within 10% of 1 on every run (the early transient contracts a little faster). If instead (1 − ημ) is the contraction of |ε| (Lemma 4's wording), the same sum is ε(0)²/(ημ(2 − ημ)) ≈ ε(0)²/(2ημ): a factor-2 convention, not an error.")
            .Note("The trade-off rows: the flatter start (small λ(0)) converges slowest and loses the most imbalance.")
            .Reproduced("product identity (8) exact; exp approximation within 1% for η|ε| < 0.1; Σε² within 10% of ε(0)²/(ημ) on every run; slower runs regularize more");
        Evidence.NegativeControl("Σε² ≈ ε(0)²/(η²μ) (wrong power of η), within 10%", Within((e0Squared, eta, mu) => e0Squared / (eta * eta * mu)));
    }

    [Claim("flat.lemma18-19")]
    public void UpperBoundOnTheImbalanceAlongTheRun()
    {
        int runs = 0, checks = 0, fails = 0, lemma19Runs = 0, lemma19Hyp = 0;
        bool Holds(double power)
        {
            runs = checks = fails = 0;
            foreach (var r in TheoremRuns.Value)
            {
                var p = r.Path;
                if (p.Residuals.Any(e => r.Eta * Math.Abs(e) >= 1)) continue;
                runs++;
                double sum = 0;
                for (int t = 1; t < p.Residuals.Length; t++)
                {
                    sum += p.Residuals[t - 1] * p.Residuals[t - 1];
                    checks++;
                    if (!(p.Imbalances[t] < p.Imbalances[0] * Math.Exp(-power * r.Eta * r.Eta * sum) * (1 + 1e-12))) fails++;
                }
            }
            return fails == 0;
        }
        Holds(1).ShouldBeTrue();
        int c = checks, rr = runs;
        foreach (var r in TheoremRuns.Value) { if (r.Eta * Math.Abs(r.Draw.Residual) < 1) { lemma19Runs++; if (r.Path.Residuals.All(e => r.Eta * Math.Abs(e) < 1)) lemma19Hyp++; } }
        Evidence.Seed(FamilySeed)
            .Number("runs with η|ε(t)| < 1 for all t (family R)", rr)
            .Number("(run, t ≥ 1) checks of |Q(t)| < |Q(0)|exp(−η²Σ_{k<t}ε_k²)", c)
            .Number("runs with η|ε(0)| < 1 (Lemma 19's first hypothesis)", lemma19Runs)
            .Number("of which η|ε(t)| < 1 for all t", lemma19Hyp)
            .Note("Qᵢ(t) = Qᵢ(0)Π(1 − η²ε_k²) for every i, so the bound for Q = Σ|Qᵢ| is the bound for each non-zero Qᵢ. Lemma 19's η̃ is not defined anywhere in the document; on family R under Theorem 1's condition every run with η|ε(0)| < 1 kept η|ε(t)| < 1, so Lemma 18 applies to them.");
        Evidence.NegativeControl("bound with 2η²Σε² in the exponent", Holds(2));
    }

    [Claim("flat.lemma20")]
    public void LowerBoundOnTheImbalance()
    {
        // 1 − x > e^{−x−x²} on (0, ½] (equality at x = 0): on a fine grid, and the derivative argument
        // g(x) = log(1 − x) + x + x², g(0) = 0, g′(x) = x(1 − 2x)/(1 − x) ≥ 0.
        int grid = 100_000, bad = 0;
        for (int k = 1; k <= grid; k++) { double x = 0.5 * k / grid; if (!(1 - x > Math.Exp(-x - x * x))) bad++; }
        bad.ShouldBe(0);
        (1 - 0.0 > Math.Exp(-0.0)).ShouldBeFalse(); // x = 0: equality, so "for x ∈ [0, ½]" is strict only on (0, ½]
        // (93) and the chain (94) on runs with η|ε_k| < ½ for all k.
        int runs = 0, f93 = 0, f94a = 0, f94b = 0, f94c = 0;
        foreach (var r in Converged)
        {
            var p = r.Path;
            double eta = r.Eta, e0 = r.Draw.Residual, phi = r.Draw.Phi;
            if (p.Residuals.Any(e => eta * Math.Abs(e) >= 0.5)) continue;
            runs++;
            double s = p.Residuals.Sum(e => Math.Pow(eta * e, 2) + Math.Pow(eta * e, 4));
            double qN = p.Imbalances[^1], q0 = p.Imbalances[0];
            if (!(qN >= q0 * Math.Exp(-s) * (1 - 1e-12))) f93++;
            int tau = Math.Max(0, p.FirstPositiveProduct);
            double qt = p.Imbalances[tau];
            double b2 = q0 * Math.Exp(-eta * e0 * e0 / (qt * (2 - eta * qt)) - Math.Pow(eta, 3) * Math.Pow(e0, 4) / (qt * (8 - eta * qt)));
            double b3 = q0 * Math.Exp(-(Math.Sqrt(eta) * e0 * e0 / (2 * phi)) * (1 + eta * eta * e0 * e0 / 8));
            double b4 = q0 * Math.Exp(-Math.Sqrt(eta) * e0 * e0 / phi);
            if (!(qN >= b2)) f94a++;
            if (!(qN >= b3)) f94b++;
            if (!(qN >= b4)) f94c++;
        }
        f93.ShouldBe(0);
        f94c.ShouldBeGreaterThan(0);
        Evidence.Number("grid points x ∈ (0, ½] violating 1 − x > e^{−x−x²}", bad, 0, 0, $"{grid} points")
            .Number("runs with η|ε_k| < ½ for all k (family R)", runs)
            .Number("runs violating (93)", f93, 0, 0)
            .Number("runs violating (94), second expression (Q(τ) at the first aᵀb > 0)", f94a)
            .Number("runs violating (94), third expression", f94b)
            .Number("runs violating (94), last expression exp(−√η ε(0)²/Φ)", f94c)
            .Counterexample(SmallestLowerBoundCounterexample().Text)
            .Note("(93) follows from 1 − x > e^{−x−x²} and holds on every run. The chain (94) rests on a linear rate (1 − ηQ(τ)) from the first step and on Lemma 16's c₁ > 2√ηΦ (false, see flat.lemma15-16); its last expression is Theorem 1's lower bound, which fails (flat.thm1) — also on runs that satisfy this lemma's hypothesis η|ε_k| < ½ for all k (the counterexample). Lemma 20's statement is truncated in the document (\"then Qᵢ(t)\"); its conclusion is read from the proof: (93) and (94). The scalar inequality is an equality at x = 0 (so strict only on (0, ½]), immaterial since x = η²ε_k² > 0 before convergence.")
            .Erratum("The chain (94) fails under the lemma's hypothesis η|ε(k)| < ½ for all k: its last expression Q(0)exp(−√η ε(0)²/Φ) is not a lower bound (exact d = 1 counterexample; counts per expression recorded). (93) holds.",
                "1 − x > e^{−x−x²} for x ∈ (0, ½], and if η|ε(k)| < ½ for all k then Qᵢ(t) ≥ Qᵢ(0)exp(−Σ_{k<t}(η²ε_k² + η⁴ε_k⁴)) (93) — verified on every such run.");
        Evidence.NegativeControl("1 − x > e^{−x−x²/2} on (0, ½]", Enumerable.Range(1, 1000).All(k => { double x = 0.5 * k / 1000; return 1 - x > Math.Exp(-x - x * x / 2); }));
    }

    [Claim("flat.fig3")]
    public void Figure3SpeedAgainstRegularization()
    {
        // d = 5, Φ = 1, a fixed direction (a₀, b₀) ~ N(0, I) scaled so that λ(0) takes each grid value.
        var rng = new Random(109);
        Evidence.Seed(109);
        var a0 = Enumerable.Range(0, 5).Select(_ => Gaussian(rng)).ToArray();
        var b0 = Enumerable.Range(0, 5).Select(_ => Gaussian(rng)).ToArray();
        double n0 = a0.Sum(x => x * x) + b0.Sum(x => x * x), p0 = a0.Zip(b0, (x, y) => x * y).Sum();
        const int nEta = 48, nLam = 32;
        var etas = Enumerable.Range(0, nEta).Select(i => 0.01 + i * (0.6 - 0.01) / (nEta - 1)).ToArray();
        var lams = Enumerable.Range(0, nLam).Select(j => 0.5 + j * (6.0 - 0.5) / (nLam - 1)).ToArray();
        var ratio = new double[nLam, nEta];
        var time = new double[nLam, nEta];
        var eps0 = new double[nLam];
        Parallel.For(0, nLam * nEta, k =>
        {
            int j = k / nEta, i = k % nEta;
            double c = Math.Sqrt(lams[j] / n0);
            var p = FactorizationDescent.Run(a0.Select(x => c * x).ToArray(), b0.Select(x => c * x).ToArray(), 1, etas[i], 1e-8, 200_000);
            ratio[j, i] = p.Converged ? p.Imbalances[^1] / p.Imbalances[0] : double.NaN;
            time[j, i] = p.Converged ? Math.Log10(p.Steps) : double.NaN;
        });
        for (int j = 0; j < nLam; j++) eps0[j] = lams[j] / n0 * p0 - 1;
        // Features: small ηλ(0) → Q barely changes; large ηλ(0) → strongly reduced; chaotic band η ≥ 1/|ε(0)|.
        var cells = Enumerable.Range(0, nLam * nEta).Select(k => (j: k / nEta, i: k % nEta)).ToList();
        var small = cells.Where(c => etas[c.i] * lams[c.j] < 0.1 && !double.IsNaN(ratio[c.j, c.i])).Select(c => ratio[c.j, c.i]).ToList();
        var large = cells.Where(c => etas[c.i] * lams[c.j] > 1.5 && !double.IsNaN(ratio[c.j, c.i])).Select(c => ratio[c.j, c.i]).ToList();
        // Operational reading (ours): "changes little" = mean Q(T)/Q(0) ≥ 0.95; "strongly reduced" = mean ≤ 0.6.
        small.Average().ShouldBeGreaterThanOrEqualTo(0.95);
        large.Average().ShouldBeLessThanOrEqualTo(0.6);
        var band = cells.Where(c => etas[c.i] >= 1 / Math.Abs(eps0[c.j])).ToList();
        var below = cells.Where(c => etas[c.i] < 1 / Math.Abs(eps0[c.j])).ToList();
        double failBand = band.Count == 0 ? 0 : band.Count(c => double.IsNaN(ratio[c.j, c.i])) / (double)band.Count;
        double failBelow = below.Count(c => double.IsNaN(ratio[c.j, c.i])) / (double)below.Count;
        // Speed vs regularization along each λ(0) row: rank correlation between log steps and −log Q(T)/Q(0).
        var conv = cells.Where(c => !double.IsNaN(ratio[c.j, c.i])).ToList();
        double rho = Spearman(conv.Select(c => time[c.j, c.i]).ToArray(), conv.Select(c => -Math.Log(ratio[c.j, c.i])).ToArray());
        // Right panel per step size: across initial scales (the "cases" of Takeaway 2), in Theorem 2's regime, the rank
        // correlation between log steps and −log Q(T)/Q(0).
        var columns = new List<object[]>();
        var columnRho = new List<(double Eta, int N, double Rho)>();
        for (int i = 0; i < nEta; i += 4)
        {
            var js = Enumerable.Range(0, nLam).Where(j => !double.IsNaN(ratio[j, i]) && ratio[j, i] < 1
                && etas[i] < Math.Min(1 / (2 * Math.Abs(eps0[j])), 2 / Math.Sqrt(lams[j] * lams[j] + 4))).ToArray();
            if (js.Length < 6) continue;
            double rc = Spearman(js.Select(j => time[j, i]).ToArray(), js.Select(j => -Math.Log(ratio[j, i])).ToArray());
            columnRho.Add((etas[i], js.Length, rc));
            columns.Add([etas[i], js.Length, rc]);
        }
        // Chaotic band: on this direction |ε(0)| < 1/η wherever GD converges, so the band η ≥ 1/|ε(0)| is empty. A second,
        // nearly balanced direction (b₀ = a₀ + 0.3·noise, so ε(0) grows with λ(0)) reaches it: below the band Q(T)/Q(0)
        // falls monotonically with η along every λ(0) row; inside it the map is irregular (non-monotone, Q can even grow).
        // Reading used: "slower convergence in cases with stronger Q-regularization" compares cases (initial scales) at a
        // given step size, as Takeaway 2 does; pooled over all η the relation mixes in the step size itself (smaller η is
        // slower and regularizes less), hence the negative pooled ρ.
        static bool MostlyPositive(List<(double Eta, int N, double Rho)> cols, int sign) =>
            cols.Count(c => sign * c.Rho > 0) * 2 > cols.Count && sign * cols.Select(c => c.Rho).OrderBy(x => x).ElementAt(cols.Count / 2) >= 0.5;
        MostlyPositive(columnRho, 1).ShouldBeTrue();
        var (bandFig, rowsMonotoneBelow, rowsWithBand, rowsIrregularInBand, bandRows) = ChaoticBand();
        rowsMonotoneBelow.ShouldBe(bandRows);
        rowsIrregularInBand.ShouldBeGreaterThan(rowsWithBand / 2);
        var left = Figures.New("Figure 3 (left): Q(T)/Q(0), Φ = 1, d = 5", "η", "λ(0)");
        var right = Figures.New("Figure 3 (right): log₁₀ steps to |ε| < 1e-8", "η", "λ(0)");
        Heat(left, ratio, etas, lams);
        Heat(right, time, etas, lams);
        foreach (var pl in new[] { left, right })
        {
            var band1 = lams.Select((l, j) => 1 / Math.Abs(eps0[j])).ToArray();
            Figures.Line(pl, band1, lams, "η = 1/|ε(0)|", Colors.Black, 2);
            Figures.Line(pl, lams.Select(l => 2 / l).ToArray(), lams, "η = 2/λ(0)", Colors.White, 2);
            pl.Axes.SetLimits(etas[0], etas[^1], lams[0], lams[^1]);
        }
        Evidence.Figure("Figure 3 (left): Q(T)/Q(0) against η and λ(0)", left, 640, 460, "Blank cells did not converge within 2·10⁵ steps (divergence or the chaotic band). Lines: η = 1/|ε(0)| (black) and η = 2/λ(0) (white).")
            .Figure("Figure 3 (right): log₁₀ of the steps to |ε| < 1e-8", right, 640, 460)
            .Number("mean Q(T)/Q(0) where ηλ(0) < 0.1", small.Average(), note: $"changes little (claimed; read as ≥ 0.95); min {F(small.Min())}")
            .Number("mean Q(T)/Q(0) where ηλ(0) > 1.5", large.Average(), note: "strongly reduced (claimed; read as ≤ 0.6)")
            .Number("fraction not converged with η ≥ 1/|ε(0)|", failBand, note: $"{band.Count} cells")
            .Number("fraction not converged with η < 1/|ε(0)|", failBelow, note: $"{below.Count} cells")
            .Number("Spearman ρ(log steps, −log Q(T)/Q(0)) over all converged cells", rho)
            .Table("Right panel per step size: ρ(log steps, −log Q(T)/Q(0)) across λ(0), cells in Theorem 2's regime", ["η", "cells", "ρ"], columns)
            .Figure("Figure 3, chaotic band: Q(T)/Q(0) on a nearly balanced direction", bandFig, 640, 460, "d = 5, b₀ = a₀ + 0.3·noise: ε(0) grows with λ(0), so the band η ≥ 1/|ε(0)| (right of the black line) is reached while GD still converges. Blank: not converged.")
            .Number("rows (λ(0)) with Q(T)/Q(0) monotone in η below the band", rowsMonotoneBelow, bandRows, 0)
            .Number("rows with ≥ 3 converged cells in the band", rowsWithBand)
            .Number("of which Q(T)/Q(0) is non-monotone in η inside the band", rowsIrregularInBand)
            .Note("The grids are ours (the paper gives none): η ∈ [0.01, 0.6] × λ(0) ∈ [0.5, 6] on one random direction in d = 5 (the two panels; on it the band η ≥ 1/|ε(0)| holds no converging cell), and a nearly balanced direction for the chaotic band. Right panel: at a fixed η, across initial scales, slower runs regularize more (ρ > 0 in most columns, weakening near the step limit); pooled over all η the relation turns negative because the step size itself makes runs both faster and more regularizing (flat.eos-claim).")
            .Reproduced("left panel: Q barely changes for small ηλ(0), strongly for large; right panel: slower runs regularize more across initial scales at each step size; the map turns irregular exactly past η = 1/|ε(0)|");
        Evidence.NegativeControl("Q(T)/Q(0) changes little also where ηλ(0) > 1.5 (mean ≥ 0.95)", large.Average() >= 0.95)
            .NegativeControl("faster convergence with stronger regularization (the per-η check with the sign flipped)", MostlyPositive(columnRho, -1))
            .NegativeControl("the map is irregular already below the band (non-monotone rows in the majority)", (bandRows - rowsMonotoneBelow) * 2 > bandRows);
    }

    /// <summary>A nearly balanced d = 5 direction on a (η, λ(0)) grid: does Q(T)/Q(0) become irregular for η ≥ 1/|ε(0)|?</summary>
    private static (Plot Figure, int MonotoneBelow, int WithBand, int IrregularInBand, int Rows) ChaoticBand()
    {
        var rng = new Random(110);
        var a0 = Enumerable.Range(0, 5).Select(_ => Gaussian(rng)).ToArray();
        var b0 = a0.Select(x => x + 0.3 * Gaussian(rng)).ToArray();
        double n0 = a0.Sum(x => x * x) + b0.Sum(x => x * x), p0 = a0.Zip(b0, (x, y) => x * y).Sum();
        const int nEta = 40, nLam = 25;
        var etas = Enumerable.Range(0, nEta).Select(i => 0.025 + i * 0.025).ToArray();
        var lams = Enumerable.Range(0, nLam).Select(j => 2 + j * 0.25).ToArray();
        var ratio = new double[nLam, nEta];
        Parallel.For(0, nLam * nEta, k =>
        {
            int j = k / nEta, i = k % nEta;
            double c = Math.Sqrt(lams[j] / n0);
            var p = FactorizationDescent.Run(a0.Select(x => c * x).ToArray(), b0.Select(x => c * x).ToArray(), 1, etas[i], 1e-8, 20_000);
            ratio[j, i] = p.Converged ? p.Imbalances[^1] / p.Imbalances[0] : double.NaN;
        });
        int monotoneBelow = 0, withBand = 0, irregular = 0;
        var bandStart = new double[nLam];
        for (int j = 0; j < nLam; j++)
        {
            double eps = lams[j] / n0 * p0 - 1;
            bandStart[j] = 1 / Math.Abs(eps);
            var below = Enumerable.Range(0, nEta).Where(i => etas[i] < bandStart[j] && !double.IsNaN(ratio[j, i])).ToArray();
            if (Enumerable.Range(1, below.Length - 1).All(k => ratio[j, below[k]] <= ratio[j, below[k - 1]] * (1 + 1e-9))) monotoneBelow++;
            var inBand = Enumerable.Range(0, nEta).Where(i => etas[i] >= bandStart[j] && !double.IsNaN(ratio[j, i])).ToArray();
            if (inBand.Length < 3) continue;
            withBand++;
            if (Enumerable.Range(1, inBand.Length - 1).Any(k => ratio[j, inBand[k]] > ratio[j, inBand[k - 1]] * (1 + 1e-9))) irregular++;
        }
        var plot = Figures.New("Q(T)/Q(0) on a nearly balanced direction (d = 5, Φ = 1)", "η", "λ(0)");
        Heat(plot, ratio, etas, lams);
        Figures.Line(plot, bandStart, lams, "η = 1/|ε(0)|", Colors.Black, 2);
        plot.Axes.SetLimits(etas[0], etas[^1], lams[0], lams[^1]);
        return (plot, monotoneBelow, withBand, irregular, nLam);
    }

    private static void Heat(Plot plot, double[,] values, double[] xs, double[] ys)
    {
        // ScottPlot draws row 0 at the top: flip so λ(0) grows upward.
        int rows = values.GetLength(0), cols = values.GetLength(1);
        var flipped = new double[rows, cols];
        for (int j = 0; j < rows; j++) for (int i = 0; i < cols; i++) flipped[rows - 1 - j, i] = values[j, i];
        var hm = plot.Add.Heatmap(flipped);
        hm.Extent = new CoordinateRect(xs[0], xs[^1], ys[0], ys[^1]);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        hm.NaNCellColor = Colors.White;
        plot.Add.ColorBar(hm);
    }

    private static double Spearman(double[] x, double[] y)
    {
        static double[] Ranks(double[] v) { var idx = Enumerable.Range(0, v.Length).OrderBy(i => v[i]).ToArray(); var r = new double[v.Length]; for (int k = 0; k < idx.Length; k++) r[idx[k]] = k; return r; }
        var rx = Ranks(x); var ry = Ranks(y);
        double mx = rx.Average(), my = ry.Average();
        double sxy = rx.Zip(ry, (a, b) => (a - mx) * (b - my)).Sum();
        return sxy / Math.Sqrt(rx.Sum(a => (a - mx) * (a - mx)) * ry.Sum(b => (b - my) * (b - my)));
    }

    [Claim("flat.cited")]
    public void CitedResults()
    {
        // Wang et al. (2022): at convergence λ ≤ 2/η. Checked on GD runs of family R with larger steps η = u·4/λ(0).
        var runs = RunAll(Family(FamilySeed + 11, 2000), d => d.U * 4 / d.SquaredNorm, 1e-10, 200_000);
        var conv = runs.Where(r => r.Path.Converged).ToArray();
        int above = conv.Count(r => r.Path.SquaredNorms[^1] > 2 / r.Eta * (1 + 1e-6));
        above.ShouldBe(0);
        Evidence.Seed(FamilySeed + 11)
            .Number("converged runs with η = u·4/λ(0) (family R, 2000 draws)", conv.Length)
            .Number("of which λ(∞) > 2/η", above, 0, 0)
            .Note("Cited results are recorded, not re-proved. Wang et al.'s λ(∞) ≤ 2/η is the linear stability of the limit and holds on every converged run. Chen & Bruna's balancing beyond the edge of stability is checked in xdoc.toy-dynamics; Ahn et al. concern Φ = 0 and Lipschitz losses (out of this model's scope).");
        Evidence.NegativeControl("λ(∞) ≤ 1/η on the same runs", conv.All(r => r.Path.SquaredNorms[^1] <= 1 / r.Eta));
    }
}
