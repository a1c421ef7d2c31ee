using ScottPlot;
using Verify.Dynamics.Sweeps;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 §5, §6 and App. F: speed of convergence, the regions A, B, C (Figure 2).</summary>
public sealed class SpeedSpecs : ClaimSpec
{
    private static int FirstBelow(FactorizationPath p, double delta) => Array.FindIndex(p.Residuals, e => 0.5 * e * e <= delta);

    private static double Bracket(Run r, double delta)
    {
        double p0 = r.Draw.Product, phi = r.Draw.Phi, eta = r.Eta;
        double etaBar = Math.Min(eta, 2 / r.Draw.MaxSharpness - eta);
        // log(a(0)ᵀb(0)) read as log(1 + |a(0)ᵀb(0)|): defined for every start and the largest (most favourable) of the
        // sensible readings (log|·| is negative for |a(0)ᵀb(0)| < 1).
        return Math.Log(1 + Math.Abs(p0)) / (eta * phi) + Math.Abs(p0) / (eta * phi)
             + Math.Log(1 / delta) / (etaBar * r.Draw.Imbalance * Math.Exp(Math.Min(-p0, 0)) + etaBar * phi);
    }

    [Claim("flat.thm2-rate")]
    public void LinearConvergenceWithTheBoundOnT()
    {
        double[] deltas = [1e-4, 1e-8, 1e-16];
        var runs = TheoremRuns.Value;
        int conv = runs.Count(r => r.Path.Converged);
        conv.ShouldBe(runs.Length);
        double k = 0;
        var slopes = new List<double>();
        foreach (var r in runs)
        {
            foreach (double d in deltas) k = Math.Max(k, FirstBelow(r.Path, d) / Bracket(r, d));
            slopes.Add((FirstBelow(r.Path, 1e-16) - FirstBelow(r.Path, 1e-8)) / Math.Log(1e8) * r.Eta);
        }
        // Q(0) → 0 with everything else fixed: d = 2, a(0) = (1, 10⁻ᵏ), b(0) = (−1, 0), Φ = 1 — the first neuron is exactly
        // balanced (a₁ = −b₁), Q(0) = 10⁻²ᵏ, a(0)ᵀb(0) = −1, λ(0) = 2 + 10⁻²ᵏ, η = ½·bound: GD nears the saddle and escapes
        // in ≈ log(1/Q(0))/(ηΦ) steps while the bracket does not change.
        var rows = new List<object[]>();
        var ratios = new List<double>();
        var correctedRatios = new List<double>();
        foreach (int e in new[] { 5, 25, 50, 100, 150 })
        {
            var draw = new Draw(0, 1, [1.0, Math.Pow(10, -e)], [-1.0, 0.0], 0.5);
            double eta = 0.5 * draw.TheoremBound;
            var p = FactorizationDescent.Run(draw.A, draw.B, 1, eta, 1e-9, 2_000_000);
            var run = new Run(draw, eta, p);
            int t = FirstBelow(p, 1e-8);
            double b = Bracket(run, 1e-8);
            ratios.Add(t / b);
            correctedRatios.Add(t / (b + Math.Max(0, Math.Log(1 / draw.Imbalance)) / (eta * draw.Phi)));
            rows.Add([e, draw.Imbalance, t, b, t / b]);
        }
        // "Unbounded": T/bracket increases with log(1/Q(0)) and passes the constant fitted on the whole family.
        static bool Unbounded(List<double> r, double constant) => Enumerable.Range(1, r.Count - 1).All(i => r[i] > r[i - 1]) && r[^1] > constant;
        Unbounded(ratios, k).ShouldBeTrue();
        Evidence.Seed(FamilySeed)
            .Number("runs of family R converged (Theorem 2's step condition)", conv, runs.Length, 0)
            .Number("fitted constant K = max T/bracket over family R and δ ∈ {1e-4, 1e-8, 1e-16}", k)
            .Number("median η·dT/d log(1/δ) (linear convergence: steps grow linearly in log 1/δ)", slopes.OrderBy(x => x).ElementAt(slopes.Count / 2))
            .Table("T(δ = 1e-8)/bracket as Q(0) → 0 (d = 2, Φ = 1, a(0) = (1, 10⁻ᵏ), b(0) = (−1, 0), η = ½·bound)", ["k", "Q(0)", "T", "bracket", "T/bracket"], rows)
            .Note("Reading used: the O(·) in (10) has an absolute constant — the bound lists every quantity it depends on (a(0)ᵀb(0), η, η̄, Φ, Q(0), δ); a constant allowed to depend on the start would make it empty. \"Holds\" operationally: one K covers every run. log(a(0)ᵀb(0)) is read as log(1 + |a(0)ᵀb(0)|), defined for every start and the most favourable sensible reading (a notational matter, not counted).")
            .Note("On family R, K is moderate. But near a = −b GD first approaches the saddle and escapes in ≈ log(1/Q(0))/(ηΦ) steps, while the bracket stays bounded as Q(0) → 0 (its Q(0)-term only adds to η̄Φ): in the table a(0)ᵀb(0) = −1, η, η̄, Φ, δ are fixed and T/bracket grows linearly in log(1/Q(0)), past the constant fitted on the whole family and without bound.")
            .Erratum("The bound (10) on T fails for every absolute constant: as Q(0) → 0 with a(0)ᵀb(0), η, Φ and δ fixed, T grows like log(1/Q(0))/(ηΦ) while the bracket stays bounded (table).",
                "GD converges linearly on every run of family R under the step condition (steps grow linearly in log(1/δ)); a uniform bound must contain a term of order log(1/Q(0))/(ηΦ) for the escape from the saddle.");
        Evidence.NegativeControl("the same check on the bracket with log(1/Q(0))/(ηΦ) added (the corrected form)", Unbounded(correctedRatios, k));
    }

    [Claim("flat.thm2-slow")]
    public void LargerStepsStillConverge()
    {
        // d = 1, Φ = 1, (a, b) = (2, 0.55): the interval of the second case.
        double a = 2, b = 0.55, phi = 1;
        double l = a * a + b * b, e = a * b - phi;
        double lo = Math.Min(Math.Sqrt(2) / Math.Abs(e), 2 / Math.Sqrt(l * l + 4 * phi * phi));
        double hi = Math.Min(2 / Math.Abs(e), 2 / l + 2 * e * (e + phi) / (l * l * l));
        lo.ShouldBeLessThan(hi);
        var rows = new List<object[]>();
        bool all = true;
        foreach (double frac in new[] { 0.25, 0.75, 0.999 })
        {
            double eta = lo + frac * (hi - lo);
            var p = FactorizationDescent.Run([a], [b], phi, eta, 1e-10, 5_000_000);
            all &= p.Converged;
            rows.Add([frac, eta, p.Converged, p.Steps, p.SquaredNorms[^1], 2 / eta]);
        }
        all.ShouldBeTrue();
        Evidence.Number("interval lower end", lo).Number("interval upper end", hi)
            .Table("GD from (2, 0.55), Φ = 1, in the second step range", ["fraction", "η", "converged", "steps to |ε| < 1e-10", "λ(∞)", "2/η"], rows)
            .Note("The start and the fractions are the inventory's example (the paper fixes none). The claim is an existence statement (\"may\" be slow): convergence is checked; the step counts show how slow.");
        Evidence.NegativeControl("GD diverges somewhere in the range", !all);
    }

    [Claim("flat.eos-claim")]
    public void ConvergenceBeyondTwoOverLambda()
    {
        // d = 1, Φ = 1, start (2, 0.55), λ(0) = 4.3025 (2/λ(0) ≈ 0.465): a grid of η from just below 2/λ(0) to 0.9.
        double[] etas = Enumerable.Range(0, 31).Select(k => 0.45 + 0.015 * k).ToArray();
        double l0 = 2 * 2 + 0.55 * 0.55, q0 = 2 * 2 - 0.55 * 0.55;
        var paths = etas.Select(eta => FactorizationDescent.Run([2.0], [0.55], 1, eta, 1e-10, 5_000_000)).ToArray();
        var rows = etas.Select((eta, i) => new object[] { eta, eta * l0, paths[i].Status, paths[i].Steps, paths[i].SquaredNorms[^1], 2 / eta, paths[i].Imbalances[^1] / q0 }).ToList();
        paths.All(p => p.Converged).ShouldBeTrue();
        Enumerable.Range(0, etas.Length).All(i => paths[i].SquaredNorms[^1] <= 2 / etas[i]).ShouldBeTrue();
        // "The larger η, the smaller Q": Q(∞) decreases with η until GD ends within 5% of Q(0) of the balanced, flattest
        // minimizer (λ(∞) → 2Φ, no further regularization possible), and stays in that band for larger η.
        const double band = 0.05;
        bool Trend(Func<int, double> q)
        {
            int floor = Enumerable.Range(0, etas.Length).FirstOrDefault(i => q(i) <= band * q0, etas.Length);
            return Enumerable.Range(1, Math.Max(0, floor - 1)).All(i => q(i) < q(i - 1)) && Enumerable.Range(floor, etas.Length - floor).All(i => q(i) <= band * q0);
        }
        Trend(i => paths[i].Imbalances[^1]).ShouldBeTrue();
        int edge = Array.FindIndex(etas, eta => eta * l0 > 2);
        int slowest = Enumerable.Range(0, etas.Length).MaxBy(i => paths[i].Steps);
        var plot = Figures.New("Beyond 2/λ(0): Q(∞) and steps against η (d = 1, Φ = 1)", "η", "fraction of the maximum");
        Figures.Line(plot, etas, etas.Select((_, i) => paths[i].Imbalances[^1] / q0).ToArray(), "Q(∞)/Q(0)", Colors.Blue, 2);
        Figures.Line(plot, etas, etas.Select((_, i) => paths[i].Steps / (double)paths.Max(p => p.Steps)).ToArray(), "steps / max steps", Colors.Red, 1);
        Figures.VerticalReference(plot, 2 / l0, "η = 2/λ(0)");
        Evidence.Table("d = 1, Φ = 1, start (2, 0.55), λ(0) = 4.3025", ["η", "ηλ(0)", "status", "steps to |ε| < 1e-10", "λ(∞)", "2/η", "Q(∞)/Q(0)"], rows)
            .Figure("Final imbalance and convergence time beyond the edge of stability", plot, 640, 420, "Q(∞) falls with η past 2/λ(0) until GD ends at the balanced minimizer; the step count peaks at the edge ηλ(0) ≈ 2 and falls again.")
            .Number("η with the most steps", etas[slowest], note: $"first η above 2/λ(0) on the grid: {F(etas[edge])}")
            .Note("Reading used (a qualitative claim; the paper's \"we prove\" refers to Theorem 1's factor exp(−η²Σε²)): GD converges for η > 2/λ(0), always at λ(∞) ≤ 2/η; Q(∞) decreases with η until it is within 5% of Q(0) of 0 (λ(∞) at the flattest value 2Φ), and stays there — small non-monotone wiggles at that floor are not regularization differences. Convergence is slowest just beyond the edge; further beyond it speeds up again while Q(∞) keeps falling, so \"slower ⇒ smaller Q\" holds at fixed η (flat.eq9's trade-off table), not across η.")
            .Reproduced("convergence at every η on the grid beyond 2/λ(0) with λ(∞) ≤ 2/η, and Q(∞) decreasing with η down to the balanced floor");
        Evidence.NegativeControl("the same trend check on Q(∞) read in reverse order of η (larger η, larger Q)", Trend(i => paths[etas.Length - 1 - i].Imbalances[^1]));
    }

    [Claim("flat.eq12-eta-lambda")]
    public void EtaLambdaStaysBelowTwo()
    {
        // §6 sketches Theorem 2's proof, so its hypotheses apply: η < min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)}.
        var runs = TheoremRuns.Value;
        var over = runs.Where(r => r.Path.SquaredNorms.Max() * r.Eta >= 2).ToArray();
        int nonDecreasing = runs.Count(r => Enumerable.Range(0, r.Path.Steps).Any(t => r.Path.SquaredNorms[t + 1] > r.Path.SquaredNorms[t] * (1 + 1e-12)));
        // The smallest clean counterexample, exact: d = 1, a = 2, b = 0, Φ = 1, η = 11/25 < min{½, 2/√20 ≈ 0.4472}: one step gives ηλ(1) > 2.
        Rational[] x = [2, 0];
        var eta = new Rational(11, 25);
        var s0 = State(x, 1);
        (2 * eta < 1 / Rational.Abs(s0.Residual)).ShouldBeTrue();
        (eta * eta * (s0.SquaredNorm * s0.SquaredNorm + 4) < 4).ShouldBeTrue(); // η < 2/√(λ(0)² + 4Φ²)
        var s1 = State(Step(x, 1, eta), 1);
        (eta * s1.SquaredNorm > 2).ShouldBeTrue();
        var exRun = FactorizationDescent.Run([2.0], [0.0], 1, 0.44, 1e-12, 10_000);
        exRun.Converged.ShouldBeTrue();
        // Corrected: while η|ε| < √2, α decreases, so λ(t)² ≤ λ(0)² − 4(a(0)ᵀb(0))² + 4(a(t)ᵀb(t))².
        bool Corrected(double productWeight)
        {
            foreach (var r in runs)
            {
                var p = r.Path;
                for (int t = 0; t < p.Residuals.Length; t++)
                {
                    if (r.Eta * Math.Abs(p.Residuals[t]) >= Math.Sqrt(2)) break;
                    double bound = r.Draw.SquaredNorm * r.Draw.SquaredNorm - 4 * r.Draw.Product * r.Draw.Product + productWeight * p.Product(t) * p.Product(t);
                    if (p.SquaredNorms[t] * p.SquaredNorms[t] > bound * (1 + 1e-10) + 1e-12) return false;
                }
            }
            return true;
        }
        Corrected(4).ShouldBeTrue();
        over.Length.ShouldBeGreaterThan(0);
        var w = over.MaxBy(r => r.Path.SquaredNorms.Max() * r.Eta)!;
        Evidence.Seed(FamilySeed)
            .Number("runs of family R under Theorem 2's step condition", runs.Length)
            .Number("runs where ηλ(t) ≥ 2 at some t", over.Length)
            .Number("runs where λ(t) increases at some step", nonDecreasing)
            .Number("max ηλ(t)", w.Path.SquaredNorms.Max() * w.Eta)
            .Counterexample($"d = 1, a(0) = 2, b(0) = 0, Φ = 1, η = 11/25 (exact; 2η|ε(0)| = 22/25 < 1 and η²(λ(0)² + 4Φ²) = {eta * eta * (s0.SquaredNorm * s0.SquaredNorm + 4)} < 4): λ(1) = {s1.SquaredNorm} and ηλ(1) = {eta * s1.SquaredNorm} ≈ {F((double)(eta * s1.SquaredNorm))} > 2; the run still converges ({exRun.Steps} steps)")
            .Counterexample($"family R: {w.Draw}, η = {F(w.Eta)}: max ηλ(t) = {F(w.Path.SquaredNorms.Max() * w.Eta)}")
            .Note("Reading used: the sketch's \"this will be the case throughout the trajectory\" is read under Theorem 2's full step condition (the sketch is its proof), including η < 1/(2|ε(0)|). From ε(0) < 0 one step can raise aᵀb to about Φ + |ε(0)| and λ with it (the mechanism of flat.lemma1-lambda-bound's Lemma 8 counterexample); \"decreases\" fails on most runs (count above), whether read for ηλ(t) or for λ(t).")
            .Erratum($"Under Theorem 2's step condition, ηλ(t) does not stay below a constant < 2 (exact counterexample: ηλ(1) = {eta * s1.SquaredNorm} > 2), nor does it decrease along the run.",
                "While η|ε| < √2, α decreases, so λ(t)² ≤ λ(0)² − 4(a(0)ᵀb(0))² + 4(a(t)ᵀb(t))² (checked on every run); ηλ(t) < 2 follows only when this bound is below (2/η)², e.g. when (a(t)ᵀb(t))² ≤ (a(0)ᵀb(0))² + Φ².");
        Evidence.NegativeControl("corrected bound without the 4(a(t)ᵀb(t))² term", Corrected(0));
    }

    [Claim("flat.region-A")]
    public void RegionA()
    {
        // §6 states the region rates "when your step stays within the region" (footnote 5: jumps between regions happen
        // only for big steps). Region A: ε > 0; a step that stays in A has ε(t+1) ≤ (1 − 2ηΦ)ε(t).
        int steps = 0, staying = 0, leaving = 0, belowTwoPhi = 0, aStartSteps = 0, aboveBarA = 0, aboveBarOther = 0;
        bool Rate(double factor)
        {
            steps = staying = leaving = belowTwoPhi = aStartSteps = aboveBarA = aboveBarOther = 0;
            bool ok = true;
            foreach (var r in TheoremRuns.Value)
            {
                var p = r.Path; double eta = r.Eta, phi = r.Draw.Phi;
                bool startsInA = r.Draw.Residual > 0;
                for (int t = 0; t + 1 < p.Residuals.Length; t++)
                {
                    double e = p.Residuals[t];
                    if (!(e > 0)) continue;
                    steps++;
                    if (p.SquaredNorms[t] < 2 * phi) belowTwoPhi++;
                    if (startsInA) { aStartSteps++; if (p.SquaredNorms[t] > r.Draw.MaxSharpness * (1 + 1e-12)) aboveBarA++; }
                    else if (p.SquaredNorms[t] > r.Draw.MaxSharpness * (1 + 1e-12)) aboveBarOther++;
                    if (!(p.Residuals[t + 1] > 0)) { leaving++; continue; }
                    staying++;
                    // ε = aᵀb − Φ carries an absolute rounding error of order 1e-16·Φ.
                    if (p.Residuals[t + 1] > (1 - factor * eta * phi) * e + 1e-15 * (1 + phi)) ok = false;
                }
            }
            return ok;
        }
        Rate(2).ShouldBeTrue();
        belowTwoPhi.ShouldBe(0);
        aboveBarA.ShouldBe(0);
        Evidence.Seed(FamilySeed)
            .Number("GD steps taken in region A (family R, Theorem 2's condition)", steps)
            .Number("of which the step stays in region A: ε(t+1) ≤ (1 − 2ηΦ)ε(t) checked", staying)
            .Number("steps leaving region A (overshoot into B, outside the statement)", leaving)
            .Number("steps with λ < 2Φ", belowTwoPhi, 0, 0)
            .Number("region-A steps of runs started in region A (App. D.3's case a(0)ᵀb(0) > Φ)", aStartSteps)
            .Number("of which λ > λ̄", aboveBarA, 0, 0)
            .Number("region-A steps of runs started elsewhere with λ > λ̄ (outside D.3's case; see flat.lemma1-lambda-bound)", aboveBarOther)
            .Note("Readings used: the rate is stated for steps that stay in the region (§6: \"when your step stays within the region\"); with ε(t+1) > 0, ε(t+1)/ε(t) = 1 − ηλ + η²ε·aᵀb ≤ 1 − 2ηΦ − ηε(2 − η·aᵀb) ≤ 1 − 2ηΦ since λ ≥ 2aᵀb and η·aᵀb < ηλ/2 < 1. A step that overshoots into region B can have |ε(t+1)| > (1 − 2ηΦ)ε(t). App. D.3's 2Φ ≤ λ ≤ λ̄ is stated for runs that start in region A (\"When a(0)ᵀb(0) > Φ\"), where it holds; runs entering region A from B or C can exceed λ̄ (Lemma 8's failure).")
            .Reproduced("every region-A step that stays in region A contracts ε by at least (1 − 2ηΦ); λ ≥ 2Φ on every region-A step and λ ≤ λ̄ on runs started in region A");
        Evidence.NegativeControl("λ ≥ 2.5Φ in region A", TheoremRuns.Value.All(r => Enumerable.Range(0, r.Path.Residuals.Length).All(t => !(r.Path.Residuals[t] > 0) || r.Path.SquaredNorms[t] >= 2.5 * r.Draw.Phi)))
            .NegativeControl("rate (1 − 3ηΦ) for steps that stay in region A", Rate(3));
    }

    [Claim("flat.region-B")]
    public void RegionB()
    {
        int steps = 0, staying = 0, notIncreasing = 0, rate2Fails = 0, oneSidedFails = 0, aboveTwoPhi = 0, aboveBar = 0;
        foreach (var r in TheoremRuns.Value)
        {
            var p = r.Path; double eta = r.Eta;
            double lamTau = double.NaN;
            for (int t = 0; t + 1 < p.Residuals.Length; t++)
            {
                double e = p.Residuals[t];
                bool inB = e < 0 && p.Product(t) > 0;
                if (!inB) { lamTau = double.NaN; continue; }
                if (double.IsNaN(lamTau)) lamTau = p.SquaredNorms[t];
                steps++;
                if (p.SquaredNorms[t] > 2 * r.Draw.Phi) aboveTwoPhi++;
                if (p.SquaredNorms[t] > r.Draw.MaxSharpness * (1 + 1e-12)) aboveBar++;
                if (p.SquaredNorms[t + 1] < p.SquaredNorms[t] * (1 - 1e-14)) notIncreasing++;
                if (Math.Abs(e) > 1e-6 && p.Residuals[t + 1] / e > 1 - eta * lamTau + 1e-8) oneSidedFails++; // ε = aᵀb − Φ carries ~1e-16 absolute rounding
                bool stays = p.Residuals[t + 1] < 0 && p.Product(t + 1) > 0;
                if (!stays) continue;
                staying++;
                if (Math.Abs(p.Residuals[t + 1]) > (1 - 2 * eta * lamTau) * Math.Abs(e) * (1 + 1e-12)) rate2Fails++;
            }
        }
        notIncreasing.ShouldBe(0);
        oneSidedFails.ShouldBe(0);
        aboveBar.ShouldBe(0);
        rate2Fails.ShouldBeGreaterThan(0);
        // Exact: λ ≤ 2Φ is false in region B (a = 2, b = ¼, Φ = 1: aᵀb = ½ ∈ (0, Φ), λ = 65/16).
        var ce = State([2, new Rational(1, 4)], 1);
        (ce.Product > 0 && ce.Residual < 0 && ce.SquaredNorm > 2).ShouldBeTrue();
        // Exact: the factor-2 rate fails on a step that stays in region B (a = b = ½, Φ = 1, η = ½, entry τ = 0;
        // η meets Theorem 2's condition η < min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)} = 2/3).
        Rational[] xb = [new Rational(1, 2), new Rational(1, 2)];
        var hb = new Rational(1, 2);
        var b0 = State(xb, 1);
        var b1 = State(Step(xb, 1, hb), 1);
        (b1.Residual < 0 && b1.Product > 0).ShouldBeTrue();
        (Rational.Abs(b1.Residual) > (1 - 2 * hb * b0.SquaredNorm) * Rational.Abs(b0.Residual)).ShouldBeTrue();
        (b1.Residual / b0.Residual <= 1 - hb * b0.SquaredNorm).ShouldBeTrue();
        Evidence.Seed(FamilySeed)
            .Number("GD steps taken in region B (family R, Theorem 2's condition)", steps)
            .Number("steps where λ did not increase", notIncreasing, 0, 0)
            .Number("steps with ε(t+1)/ε(t) > 1 − ηλ(τ)", oneSidedFails, 0, 0)
            .Number("steps staying in region B", staying)
            .Number("of which |ε(t+1)| > (1 − 2ηλ(τ))|ε(t)|", rate2Fails)
            .Number("region-B steps with λ > 2Φ", aboveTwoPhi)
            .Number("region-B steps with λ > λ̄", aboveBar, 0, 0)
            .Counterexample($"App. D.3's λ ≤ 2Φ in region B: a = 2, b = ¼, Φ = 1: aᵀb = ½ ∈ (0, Φ) but λ = {ce.SquaredNorm} > 2Φ (exact)")
            .Counterexample($"§6's rate (1 − 2ηλ(τ)): a = b = ½, Φ = 1, η = ½ (region B, τ = 0): ε = −3/4 → {b1.Residual} (stays in B), |ε(1)|/|ε(0)| = {Rational.Abs(b1.Residual / b0.Residual)} > 1 − 2ηλ(τ) = {1 - 2 * hb * b0.SquaredNorm}; it is ≤ 1 − ηλ(τ) = {1 - hb * b0.SquaredNorm}")
            .Note("In region B, λ(t+1) − λ(t) = η²ε²λ − 4ηε·aᵀb > 0 (both terms ≥ 0), so λ(t) ≥ λ(τ) (checked on every step); λ(τ) ≥ Q(τ) always. ε(t+1)/ε(t) = 1 − ηλ + η²ε·aᵀb ≤ 1 − ηλ(τ): the rate is (1 − ηλ(τ)), which is also what App. D.3 gives (μ(t) ≥ μ(τ), rate 1 − ημ) — the sketch's factor 2 is an error the appendix does not repeat. The seed text prints \"(1 2ηλ(τ))\" with the operator lost in extraction; read as (1 − 2ηλ(τ)).")
            .Erratum($"App. D.3's \"in this area λ(0) ≤ λ ≤ 2Φ\" is false in region B (exact counterexample: λ = {ce.SquaredNorm} at aᵀb = ½, Φ = 1); and §6's region-B rate (1 − 2ηλ(τ)) is a factor 2 too strong (exact counterexample), the appendix's (1 − ηλ(τ)) holds.",
                "In region B, λ(t+1) > λ(t) ≥ λ(τ) ≥ Q(τ) and ε(t+1)/ε(t) ≤ 1 − ηλ(τ) (checked on every region-B step); λ ≤ λ̄ holds there (α decreases and 0 < aᵀb < Φ; checked on every step), but λ ≤ 2Φ does not.");
        Evidence.NegativeControl("λ decreases at some region-B step", notIncreasing > 0);
    }

    [Claim("flat.region-C")]
    public void RegionCAndFigure2()
    {
        var runs = RegionCRuns.Value;
        int toB = 0, toA = 0, muFails = 0, muFailsAll = 0, muFailsCorrected = 0;
        var etaTau = new List<double>(); var qRatio = new List<double>();
        foreach (var r in runs)
        {
            int tau = r.Path.FirstPositiveProduct;
            if (tau < 1) continue;
            if (r.Path.Residuals[tau] < 0) toB++; else toA++;
            etaTau.Add(r.Eta * tau);
            qRatio.Add(r.Path.Imbalances[tau] / r.Path.Imbalances[0]);
            // App. D.3, region C: λ is smallest at τ − 1 or τ over the region-C phase t ≤ τ. (In region C λ can grow only on
            // the step that leaves it: λ(t+1) > λ(t) needs η|ε|λ > 4|aᵀb|, which forces a(t+1)ᵀb(t+1) > 0.)
            double atExit = Math.Min(r.Path.SquaredNorms[tau - 1], r.Path.SquaredNorms[tau]);
            if (r.Path.SquaredNorms.Take(tau + 1).Min() < atExit * (1 - 1e-12)) muFails++;
            if (r.Path.SquaredNorms.Min() < atExit * (1 - 1e-12)) muFailsAll++;
            if (r.Path.SquaredNorms.Min() < Math.Min(atExit, 2 * r.Draw.Phi) * (1 - 1e-12)) muFailsCorrected++;
        }
        (toB + toA).ShouldBe(runs.Length);
        muFails.ShouldBe(0);
        muFailsCorrected.ShouldBe(0);
        toB.ShouldBeGreaterThan(toA);
        etaTau.Sort(); qRatio.Sort();
        // Figure 2: the three regions in the (a, b) plane (d = 1, Φ = 1) with GD paths from each.
        var plot = Figures.New("Figure 2: regions A (ε > 0), B (ε < 0 < ab), C (ab < 0); d = 1, Φ = 1", "a", "b");
        var xs = Enumerable.Range(0, 300).Select(i => 0.34 + i * 0.01).ToArray();
        Figures.Line(plot, xs, xs.Select(x => 1 / x).ToArray(), "ab = Φ (minimizers)", Colors.Black, 2);
        Figures.Line(plot, xs.Select(x => -x).ToArray(), xs.Select(x => -1 / x).ToArray(), null, Colors.Black, 2);
        Figures.Line(plot, [-3, 3], [0, 0], "ab = 0", Colors.Gray, 1);
        Figures.Line(plot, [0, 0], [-3, 3], null, Colors.Gray, 1);
        foreach (var (a0, b0, c) in new[] { (2.2, 1.2, Colors.Red), (0.4, 0.3, Colors.Green), (1.5, -0.8, Colors.Blue), (-0.3, 1.6, Colors.Purple) })
        {
            var p = new List<(double, double)> { (a0, b0) };
            double[] a = [a0], b = [b0];
            for (int k = 0; k < 200; k++) { FactorizationDescent.Step(a, b, 1, 0.15); p.Add((a[0], b[0])); }
            Figures.Line(plot, p.Select(q => q.Item1).ToList(), p.Select(q => q.Item2).ToList(), $"GD from ({a0}, {b0})", c, 1.5f);
        }
        plot.Axes.SetLimits(-3, 3, -3, 3);
        Evidence.Figure("Figure 2: the regions and GD paths (η = 0.15)", plot, 560, 520, "A: above the hyperbola ab = 1 (red start); B: between ab = 0 and ab = 1 (green); C: ab < 0 (blue, purple), which GD leaves toward B.")
            .Seed(FamilySeed + 1)
            .Number("region-C runs leaving to region B", toB).Number("leaving directly to region A", toA)
            .Number("median η·τ (τ = first step with aᵀb > 0)", etaTau[etaTau.Count / 2], note: "O(1) claimed (\"O(η⁻¹) steps\")")
            .Number("90th percentile η·τ", etaTau[(int)(0.9 * etaTau.Count)])
            .Number("median Q(τ)/Q(0)", qRatio[qRatio.Count / 2])
            .Number("runs with min_{t ≤ τ} λ(t) < min{λ(τ − 1), λ(τ)} (App. D.3, region-C phase)", muFails, 0, 0)
            .Number("runs with min over all t below min{λ(τ − 1), λ(τ)} (later in the run)", muFailsAll)
            .Number("runs with min over all t below min{λ(τ − 1), λ(τ), 2Φ}", muFailsCorrected, 0, 0)
            .Note("Qualitative claim: most region-C runs exit to region B after O(1/η) steps with a modest loss of Q; the long tail of η·τ comes from starts near a = −b (see flat.prop2-region-C).")
            .Note("Reading used for App. D.3's μ(t) ≥ min{μ(τ − 1), μ(τ)}: t ranges over the region-C phase (the bullet is about region C, \"in this area\"); there it holds on every run. Over the whole run it can fail after the run has passed through region A, where λ decreases; on every run λ stays ≥ min{λ(τ − 1), λ(τ), 2Φ} (checked), the form the bound (79) uses (min{Q_τ, 2Φ}).");
        Evidence.NegativeControl("every run leaves region C directly to region A", toA == runs.Length);
    }

    [Claim("flat.rate-Q-tau")]
    public void RateFromTheSmallestLambda()
    {
        // §6 sketches Theorem 2, whose rate term uses η̄ = min{η, 2/√(λ(0)² + 4Φ²) − η} in place of η (the overshoot side):
        // the asymptotic contraction |ε_T/ε_{T−1}| must be ≤ 1 − η̄Q(τ), τ = argmin_t λ(t).
        int runs = 0;
        var approx = new List<double>();
        double minRatio = double.PositiveInfinity;
        int Fails(Func<Run, double> step)
        {
            int fails = 0;
            foreach (var r in TheoremRuns.Value.Where(r => r.Path.Steps > 5))
            {
                var p = r.Path;
                int tau = Array.IndexOf(p.SquaredNorms, p.SquaredNorms.Min());
                double c = Math.Abs(p.Residuals[^1] / p.Residuals[^2]);
                if (c > 1 - step(r) * p.Imbalances[tau] + 1e-9) fails++;
            }
            return fails;
        }
        static double EtaBar(Run r) => Math.Min(r.Eta, 2 / r.Draw.MaxSharpness - r.Eta);
        int failsEtaBar = Fails(EtaBar), failsEta = Fails(r => r.Eta);
        foreach (var r in TheoremRuns.Value.Where(r => r.Path.Steps > 5))
        {
            runs++;
            var p = r.Path;
            int tau = Array.IndexOf(p.SquaredNorms, p.SquaredNorms.Min());
            minRatio = Math.Min(minRatio, p.SquaredNorms.Min() / p.Imbalances[tau]);
            if (r.Draw.Product <= 0 || r.Draw.Residual < 0)
                approx.Add(p.SquaredNorms.Min() / p.Imbalances[Math.Max(0, p.FirstPositiveProduct)]);
        }
        failsEtaBar.ShouldBe(0);
        minRatio.ShouldBeGreaterThanOrEqualTo(1);
        approx.Sort();
        // The asymptotic factor is |1 − ηλ(∞)| < 1 on every run.
        int corr = TheoremRuns.Value.Where(r => r.Path.Steps > 50).Count(r => Math.Abs(Math.Abs(r.Path.Residuals[^1] / r.Path.Residuals[^2]) - Math.Abs(1 - r.Eta * r.Path.SquaredNorms[^1])) > 1e-2 || Math.Abs(1 - r.Eta * r.Path.SquaredNorms[^1]) >= 1);
        corr.ShouldBe(0);
        Evidence.Seed(FamilySeed)
            .Number("runs (family R, Theorem 2's condition, > 5 steps)", runs)
            .Number("runs whose final contraction |ε_T/ε_{T−1}| exceeds 1 − η̄Q(τ)", failsEtaBar, 0, 0)
            .Number("runs whose final contraction exceeds 1 − ηQ(τ) (η in place of η̄)", failsEta)
            .Number("min over runs of min_t λ(t) / Q(τ)", minRatio, note: "≥ 1: λ ≥ Q")
            .Number("median of min_t λ(t) / Q(first t with aᵀb > 0), runs started in region B or C", approx[approx.Count / 2], note: "\"approximately equal\"")
            .Number("90th percentile of that ratio", approx[(int)(0.9 * approx.Count)])
            .Note("Reading used: the sketch's rate (1 − ηQ(τ)) is that of the theorem it sketches, whose rate term carries η̄ = min{η, 2/√(λ(0)² + 4Φ²) − η}: the asymptotic factor is |1 − ηλ(∞)|, and when ηλ(∞) > 1 (overshooting convergence) it is bounded by 1 − η̄Q(τ), not by 1 − ηQ(τ) (which fails on the runs counted). With η̄ it holds on every run. λ(∞) ≥ min_t λ(t) ≥ Q(τ).")
            .Reproduced("asymptotic contraction ≤ 1 − η̄Q(τ) on every run; the PL constant min_t λ(t) ≥ Q(τ) on every run, and its ratio to Q at the first aᵀb > 0 is recorded (\"approximately\" is not quantified in the text)");
        Evidence.NegativeControl("asymptotic factor |1 − ηλ(0)| (the start, not the limit)", TheoremRuns.Value.Where(r => r.Path.Steps > 5).All(r => Math.Abs(Math.Abs(r.Path.Residuals[^1] / r.Path.Residuals[^2]) - Math.Abs(1 - r.Eta * r.Path.SquaredNorms[0])) <= 1e-3))
            .NegativeControl("rate 1 − 2η̄Q(τ)", Fails(r => 2 * EtaBar(r)) == 0);
    }

    [Claim("flat.F1-slow")]
    public void SlowCaseNearTwoOverLambda()
    {
        var rows = new List<object[]>();
        double worst66 = 0;
        var coeffs = new List<double>();
        foreach (double lam in new[] { 2.5, 3.0 })
            foreach (double eps in new[] { 1e-2, 1e-3, 1e-4, -1e-2, -1e-3, -1e-4 })
            {
                // A point of the minimizer curve ab = 1 with a² + b² = λ, then a scaled so ab = 1 + ε.
                double a = Math.Sqrt((lam + Math.Sqrt(lam * lam - 4)) / 2), b = 1 / a;
                a *= 1 + eps;
                double[] x = [a], y = [b];
                double l0 = a * a + b * b, e0 = a * b - 1, eta = 2 / l0;
                FactorizationDescent.Step(x, y, 1, eta); double e1 = x[0] * y[0] - 1;
                FactorizationDescent.Step(x, y, 1, eta); double e2 = x[0] * y[0] - 1, l2 = x[0] * x[0] + y[0] * y[0];
                worst66 = Math.Max(worst66, Math.Abs(e1) / ((1 - 4 / (l0 * l0) * e0) * Math.Abs(e0)));
                double coef = (Math.Abs(e2) / Math.Abs(e0) - 1) / (e0 / (l0 * l0));
                if (Math.Abs(eps) <= 1e-3) coeffs.Add(coef);
                rows.Add([lam, eps, Math.Abs(e1) / Math.Abs(e0), coef, (l2 - l0) / (e0 * e0)]);
            }
        worst66.ShouldBeLessThanOrEqualTo(1 + 1e-9);
        coeffs.All(c => Math.Abs(c + 16) < 0.2).ShouldBeTrue();
        // λ(k+2) − λ(k) = O(ε²): the scaled change (last column) agrees across ε = ±1e-2 … ±1e-4 at each λ within 10%.
        foreach (var group in rows.GroupBy(r => (double)r[0]))
        {
            var scaled = group.Select(r => (double)r[4]).ToArray();
            (scaled.Max() - scaled.Min() <= 0.1 * scaled.Select(Math.Abs).Max()).ShouldBeTrue();
        }
        // (68) printed with λ(k+2) on the left: exactly false at a rational point (λ² is what the α identity gives).
        Rational[] pt = [2, new Rational(3, 5)];
        var s0 = State(pt, 1);
        var etaR = 2 / s0.SquaredNorm;
        var p1 = Step(pt, 1, etaR); var s1 = State(p1, 1); var s2 = State(Step(p1, 1, etaR), 1);
        Rational e = s0.Residual, e1r = s1.Residual, e2r = s2.Residual, Q = s0.Imbalance;
        var printed = s0.SquaredNorm - 8 * e * (e + 1) + 8 * e2r * (e2r + 1) + 4 * e * e - 4 * e2r * e2r - etaR * etaR * (1 - etaR * etaR * e * e) * Q * Q * (e * e + e1r * e1r * (1 - etaR * etaR * e1r * e1r));
        (printed == s2.SquaredNorm).ShouldBeFalse();
        Evidence.Table("Two steps at η = 2/λ from near a minimizer (d = 1, Φ = 1)", ["λ", "ε", "|ε(k+1)|/|ε(k)|", "(|ε(k+2)|/|ε(k)| − 1)/(Φε/λ²)", "(λ(k+2) − λ(k))/ε²"], rows)
            .Number("max |ε(k+1)| / ((1 − 4Φε/λ²)|ε(k)|)", worst66, note: "(66) claims ≤ 1")
            .Number("first-order coefficient of |ε(k+2)|/|ε(k)| in Φε/λ² (|ε| ≤ 1e-3)", coeffs.Average(), -8, note: "printed −8; measured ≈ −16")
            .Note("(66) holds. Two steps at the fixed η = 2/λ(k): ε₁ = ε(−1 + 4εΦ/λ² + …), and λ₁ = λ − 8εΦ/λ + O(ε²) makes ηλ₁ = 2 − 16εΦ/λ², so the second factor is −1 + 12εΦ/λ² and ε₂ = ε(1 − 16εΦ/λ² + O(ε²)) — the measured coefficient. λ(k+2) − λ(k) = O(ε²) holds (last column bounded).")
            .Note("Typo, not counted: (68)'s first line is α's two-step identity, so its left side should be λ(k+2)² with λ(k)² on the right (as printed with λ it fails exactly at (a, b) = (2, 3/5), η = 2/λ); its conclusion λ(k+2) = λ(k) − O(η³ε³ + η²ε²) holds.")
            .Note("The qualitative conclusion — near η = 2/λ the residual decays like ẋ = −cx² (footnote 4), i.e. slowly — is unaffected; only the constant in (67), stated explicitly \"to the second order in ε\", is off by a factor 2.")
            .Erratum("(67)'s second-order coefficient is −16Φ/λ², not −8Φ/λ² (the change of λ during the first step is missed).",
                "|ε(k+2)| = (1 − 16Φε(k)/λ² + O(ε(k)²))|ε(k)| at η = 2/λ(k); λ(k+2) = λ(k) + O(ε(k)²).");
        Evidence.NegativeControl("coefficient −8 as printed (within 0.2)", coeffs.All(c => Math.Abs(c + 8) < 0.2));
    }

    [Claim("flat.F2-positive")]
    public void PositiveResiduals()
    {
        // Random region-A states (ε > 0). (69) for η ≤ √2/ε. (70) and (71): the prose says "η ~ (2/λ)(1 − δ)" and "η ~ 2/λ",
        // but both derivations substitute η = 2(1 − δ)/√(λ² + 4Φ²) and η = 2/√(λ² + 4Φ²) (Theorem 2's step limit with λ(0) = λ):
        // we check the formulas as derived.
        var rng = new Random(131);
        Evidence.Seed(131);
        var states = new List<(double E, double P, double L, double Phi)>();
        int f69 = 0;
        for (int k = 0; k < 20000; k++)
        {
            int d = 1 + k % 3;
            var a = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            double phi = 0.5 + rng.NextDouble();
            double p = a.Zip(b, (x, y) => x * y).Sum(), e = p - phi, l = a.Sum(x => x * x) + b.Sum(x => x * x);
            if (!(e > 0)) continue;
            states.Add((e, p, l, phi));
            double eta = rng.NextDouble() * Math.Sqrt(2) / e;
            double m = 1 - eta * l + eta * eta * e * p;
            if (m > 1 - (2 - Math.Sqrt(2)) / 2 * eta * l + 1e-12) f69++;
        }
        f69.ShouldBe(0);
        static double Limit(double l, double phi) => 2 / Math.Sqrt(l * l + 4 * phi * phi);
        bool Holds70(double delta) => states.All(s =>
        {
            double eta = (1 - delta) * Limit(s.L, s.Phi);
            return Math.Abs(1 - eta * s.L + eta * eta * s.E * s.P) <= 1 - 2 * delta + 1e-12;
        });
        int Fails71(double rateFactor) => states.Count(s =>
        {
            double eta = Limit(s.L, s.Phi);
            return !(Math.Abs(1 - eta * s.L + eta * eta * s.E * s.P) <= 1 - rateFactor * eta * eta * s.Phi * s.Phi + 1e-12);
        });
        bool Holds71(double rateFactor) => Fails71(rateFactor) == 0;
        double[] deltas = [0.001, 0.01, 0.05, 0.1, 0.2, 0.3, 0.4];
        deltas.All(Holds70).ShouldBeTrue();
        var deltaStar = Bisection.Locate(Holds70, 0.4, 0.5, 1e-6);
        Holds71(1).ShouldBeTrue();
        // The literal prose "η ~ 2/λ" would not give (71): at η = 2/λ the factor is 1 − 4ε(ε + Φ)/λ², the slow case (66).
        int literal = states.Count(s => Math.Abs(-1 + 4 / (s.L * s.L) * s.E * s.P) > 1 - 4 / (s.L * s.L) * s.Phi * s.Phi + 1e-12);
        Evidence.Number("random region-A states (ε > 0)", states.Count)
            .Number("violations of (69) ε(k+1) ≤ (1 − ((2 − √2)/2)ηλ)ε(k), η ≤ √2/ε", f69, 0, 0)
            .Number("largest δ for which (70) holds on every state (bisection)", deltaStar.Lower, note: "checked on δ ∈ {0.001, …, 0.4}; for δ ≥ ½ the bound 1 − 2δ ≤ 0 cannot hold")
            .Number("violations of (71) at η = 2/√(λ² + 4Φ²)", Fails71(1), 0, 0)
            .Number("states where (71) would fail at η = 2/λ exactly (the prose's shorthand)", literal)
            .Note("Readings used: in F.2 \"2/λ\" is shorthand for the step limit 2/√(λ² + 4Φ²) that (70) and (71) substitute in their first lines; with it (71) |ε(k+1)| ≤ (1 − η²Φ²)ε(k) holds on every state (it reduces to λ√(λ² + 4Φ²) ≤ λ² + 2Φ² plus a favourable ε-term). (70) is the \"step size is big\" case, δ small: it holds for every δ up to the bisected limit ≈ √2 − 1 (where the balanced minimizer, λ/√(λ² + 4Φ²) → 1/√2, binds).")
            .Note("Not checked numerically: \"for 2/λ ≤ η ≤ (2/λ(0))(1 − δ) convergence is exponential but in time O(η⁻²)\" (no instance or constant is given).")
            .Reproduced("(69) on every region-A state with η ≤ √2/ε; (70) for δ ≤ 0.4 and (71) on every state with the step limit the derivations use");
        Evidence.NegativeControl("(71) with rate (1 − 2η²Φ²)", Holds71(2))
            .NegativeControl("(70) with rate (1 − 3δ)", deltas.All(dl => states.All(s =>
            {
                double eta = (1 - dl) * Limit(s.L, s.Phi);
                return Math.Abs(1 - eta * s.L + eta * eta * s.E * s.P) <= 1 - 3 * dl + 1e-12;
            })));
    }

    [Claim("flat.F3-small-negative")]
    public void SmallNegativeResiduals()
    {
        // (72): for −Φ/2 < ε < 0 and small η (η ≤ 1/(2λ)): |ε(k+1)| ≤ (1 − ηΦ)|ε(k)|.
        var rng = new Random(137);
        Evidence.Seed(137);
        int n = 0, f72 = 0;
        for (int k = 0; k < 20000; k++)
        {
            int d = 1 + k % 3;
            var a = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => Gaussian(rng)).ToArray();
            double phi = 0.5 + rng.NextDouble(), p = a.Zip(b, (x, y) => x * y).Sum(), e = p - phi, l = a.Sum(x => x * x) + b.Sum(x => x * x);
            if (!(e < 0 && e > -phi / 2)) continue;
            n++;
            double eta = rng.NextDouble() / (2 * l);
            if (Math.Abs(1 - eta * l + eta * eta * e * p) > 1 - eta * phi + 1e-12) f72++;
        }
        f72.ShouldBe(0);
        // (74) takes η = 2/√(λ(0)² + 4Φ²) with λ(0) → 0 (η → 1/Φ) and the flattest λ = 2aᵀb = (2 − c)Φ at ε = −cΦ/2.
        // By (6) the factor is then exactly 1 − ηλ + η²ε(ε + Φ) = −1 + c/2 + c²/4 (Φ = 1 below, exact in c);
        // the printed (74) has +c(2 − c)/4 for the η² term, i.e. c − 1 − c²/4 + c/2, a sign slip (ε(ε + Φ) < 0 here).
        static Rational TrueFactor(Rational c) { var eps = -c / 2; var prod = 1 - c / 2; return 1 - 2 * prod + eps * prod; }
        static Rational PrintedFactor(Rational c) => c - 1 - c * c / 4 + c / 2;
        var grid = Enumerable.Range(1, 300).Select(k => new Rational(k, 300)).ToArray();
        grid.All(c => TrueFactor(c) == -1 + c / 2 + c * c / 4).ShouldBeTrue();
        // |ε(k+1)| = |factor|·cΦ/2: its maximum over c ∈ (0, 1] is Φ/8 at c = 1 with the printed factor, but 5Φ/27 at
        // c = 2/3 with the true one (d/dc[(1 − c/2 − c²/4)c/2] = 0 ⇔ 3c² + 4c − 4 = 0).
        Rational MaxAbsolute(Func<Rational, Rational> factor) => grid.Max(c => Rational.Abs(factor(c)) * c / 2);
        var printedMax = MaxAbsolute(PrintedFactor);
        var trueMax = MaxAbsolute(TrueFactor);
        printedMax.ShouldBe(new Rational(1, 8));
        trueMax.ShouldBe(new Rational(5, 27));
        // "The maximum of |c²/4 − 3c/2 + 1| over c ∈ (0, 1] is c = 1": the factor itself tends to 1 as c → 0.
        Rational G(Rational c) => Rational.Abs(c * c / 4 - 3 * c / 2 + 1);
        (G(new Rational(1, 100)) > G(1)).ShouldBeTrue();
        // Exact counterexample on a real GD step: d = 1, a = b = 1, Φ = 3/2 (ε = −1/2 = −cΦ/2 with c = 2/3, λ = 2aᵀb = 2).
        // (i) η = 1/Φ = 2/3, the paper's δ → 0 limit; (ii) η = 2/√(λ(0)² + 4Φ²) for λ(0) = 59/580, where √(λ(0)² + 9) = 1741/580.
        var phiR = new Rational(3, 2);
        Rational[] x = [1, 1];
        var st = State(x, phiR);
        var lam0 = new Rational(59, 580);
        (Scalar.Square(new Rational(1741, 580)) == lam0 * lam0 + 4 * phiR * phiR).ShouldBeTrue();
        var etaLimit = 1 / phiR;
        var etaFinite = 2 / new Rational(1741, 580);
        var next1 = State(Step(x, 1.5, etaLimit), phiR).Residual;
        var next2 = State(Step(x, 1.5, etaFinite), phiR).Residual;
        (Rational.Abs(next1) > phiR / 8 && Rational.Abs(next2) > phiR / 8).ShouldBeTrue();
        Evidence.Number("random states with −Φ/2 < ε < 0, η ≤ 1/(2λ)", n)
            .Number("violations of (72)", f72, 0, 0)
            .Number("max over c of |ε(k+1)|/Φ with the printed factor of (74)", (double)printedMax, 1.0 / 8, 0, "(74)'s conclusion Φ/8, at c = 1")
            .Number("max over c of |ε(k+1)|/Φ with the true factor", (double)trueMax, note: $"= {trueMax}, at c = 2/3 (grid of c = k/300, exact)")
            .Counterexample($"d = 1, a = b = 1, Φ = 3/2 (ε = −1/2, c = 2/3, λ = 2aᵀb): with η = 1/Φ = 2/3 (the δ → 0 limit of (74)) ε(k+1) = {next1}; with η = 2/√(λ(0)² + 4Φ²) = 1160/1741 (λ(0) = 59/580) ε(k+1) = {next2}; both exceed the bound Φ/8 = 3/16 (exact)")
            .Counterexample($"the factor: |c²/4 − 3c/2 + 1| = {G(new Rational(1, 100))} at c = 1/100 > {G(1)} at c = 1")
            .Note("(74)'s second line writes +c(2 − c)Φ²/(δ + 2Φ)² for the term (4/(δ + 2Φ)²)ε(ε + Φ), which is negative on −Φ/2 < ε < 0: the factor is −1 + c/2 + c²/4 (exact by (6)), not c − 1 − c²/4 + c/2. With the printed factor, the maximum of |ε(k+1)| = |factor|·cΦ/2 over c ∈ (0, 1] is indeed Φ/8 at c = 1 (the favourable reading of \"the maximum … is c = 1\"); with the true factor it is 5Φ/27 at c = 2/3. (75)'s two-step shrink depends on an unspecified δ and is not checked numerically.")
            .Erratum("(74) has a sign error in its η² term; with the correct factor −1 + c/2 + c²/4 its conclusion |ε(k+1)| ≤ ¼|ε(k)| = Φ/8 fails (maximum 5Φ/27 at c = 2/3; exact one-step counterexample). The per-step factor is not ≤ ¼ either (it tends to 1 as c → 0). (72) holds.",
                "At the flattest points with η → 1/Φ, ε(k+1) = (−1 + c/2 + c²/4)ε(k) for ε(k) = −cΦ/2, so |ε(k+1)| ≤ 5Φ/27 (exact on a grid of c, maximum at c = 2/3); (72) |ε(k+1)| ≤ (1 − ηΦ)|ε(k)| for −Φ/2 < ε < 0 and η ≤ 1/(2λ) (checked on random states).");
        Evidence.NegativeControl("the same maximum with the true factor is at most Φ/8", trueMax <= new Rational(1, 8));
    }

    [Claim("flat.F5-total")]
    public void TotalSteps()
    {
        int cases = 0, fails = 0;
        double worst = 0;
        foreach (var r in RegionCRuns.Value)
        {
            if (!(r.Draw.Residual < -r.Draw.Phi)) continue;
            var s = BoundingSequences.Generate(r.Draw.Residual, r.Draw.Imbalance, r.Draw.Phi, r.Eta, true, 200_000);
            if (s.Tau1 < 0 || s.Tau1 >= r.Path.Imbalances.Length) continue;
            int t = FirstBelow(r.Path, 1e-8);
            if (t < 0) continue;
            cases++;
            double phi = r.Draw.Phi, qt = r.Path.Imbalances[s.Tau1], eta = r.Eta;
            double bound = s.Tau1 + (Math.Log(phi) - Math.Log(phi / 2)) / (eta * Math.Min(qt, 2 * phi)) + 2 + (Math.Log(phi / 2) - Math.Log(1e-8)) / (eta * Math.Min(qt, phi));
            worst = Math.Max(worst, t / bound);
            if (t > bound) fails++;
        }
        cases.ShouldBeGreaterThan(100);
        Evidence.Seed(FamilySeed + 1)
            .Number("region-C runs with ε(0) < −Φ and τ₁ reached", cases)
            .Number("runs needing more steps than (79) (δ = 1e-8)", fails)
            .Number("max T / bound(79)", worst)
            .Note("Q_τ is Q at τ₁ of Definition 2 (the true imbalance there). (79) is checked as printed, without a hidden constant.");
        if (fails > 0)
            Evidence.Erratum("(79) undercounts the steps on some region-C runs (count recorded).", "T ≤ K·(79) with the measured K = max T/bound recorded.");
        Evidence.NegativeControl("(79) without its 2 and log terms (T ≤ τ₁ + 2)", RegionCRuns.Value.Where(r => r.Draw.Residual < -r.Draw.Phi).All(r => { var s = BoundingSequences.Generate(r.Draw.Residual, r.Draw.Imbalance, r.Draw.Phi, r.Eta, true, 200_000); int t = FirstBelow(r.Path, 1e-8); return s.Tau1 < 0 || t < 0 || t <= s.Tau1 + 2; }));
    }
}
