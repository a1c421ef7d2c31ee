using ScottPlot;
using Verify.Dynamics.Sweeps;
using Verify.Specs.Phase;

namespace Verify.Specs.CrossDocument;

/// <summary>Cross-document checks between the two-step paper (seeds/002) and the phase portrait (seeds/000) / stability paper (seeds/003).</summary>
public sealed class EdgeOfStabilityCrossDocumentSpecs : ClaimSpec
{
    /// <summary>The claim's steps (1.05 is a panel of the blog's own figure); 1.2 and 1.25 are shown beyond the claimed range for context.</summary>
    private static readonly double[] ClaimedEtas = [1.02, 1.05, 1.1, 1.121];

    private static PortraitPanel Panel(double eta) =>
        PhaseSweeps.BlogEtas.Contains(eta) ? PhaseSweeps.Blog(eta) : PhasePortrait.Compute(PhaseSweeps.BlogGrid, eta, PhaseSweeps.RefinedSettings);

    [Claim("xdoc.beyond-eos-2d")]
    public void BeyondTheEdgeTheBlogsOscillatingStartsSettleOnTheBalancedOrbit()
    {
        // The blog's portrait (000): 101 × 101 starts on [−3, 3]², 320 steps, gray points refined to 4000 steps with cycle
        // detection (period ≤ 8, 10⁻⁹). 002 predicts where the starts that neither converge nor diverge go: the balanced
        // period-2 orbit {(δ₁, δ₁), (δ₂, δ₂)} of eq. (4) (or its mirror image: ½(1 − xy)² is even under (x, y) ↦ (−x, −y)).
        Evidence.Seed("Newton samples: new Random((int)(η·1000)) per η");
        var rows = new List<object[]>();
        var map = (double eta) => new GradientDescentMap(ScalarFactorization.Instance, eta);
        var newtonRows = new List<object[]>();
        PortraitPanel? shown = null;
        foreach (double eta in ClaimedEtas.Concat([1.2, 1.25]))
        {
            var panel = Panel(eta);
            bool claimed = ClaimedEtas.Contains(eta);
            var (d1, d2) = QuarticWell.Instance.TwoCycle(eta)!.Value;   // 002's orbit, μ = 1
            var orbitPoints = new[] { d1, d2, -d1, -d2 };
            var cycles = Enumerable.Range(0, panel.Count).Where(i => panel.Outcomes[i] == TrajectoryOutcome.Cycle).ToList();
            bool Balanced(int i) => Math.Abs(panel.FinalX[i] - panel.FinalY[i]) <= 1e-6;
            bool OnOrbit(int i) => Balanced(i) && orbitPoints.Any(d => Math.Abs(panel.FinalX[i] - d) <= 1e-6);
            var converged = Enumerable.Range(0, panel.Count).Where(i => panel.Outcomes[i].ReachesMinimizers()).ToList();
            var saddle = Enumerable.Range(0, panel.Count).Where(i => panel.Outcomes[i] == TrajectoryOutcome.Saddle).ToList();
            var undecided = Enumerable.Range(0, panel.Count).Where(i => panel.Outcomes[i] is TrajectoryOutcome.Unresolved or TrajectoryOutcome.BoundedAperiodic).ToList();
            var periods = panel.CyclesByPeriod();
            if (claimed)
            {
                // 002: every cycle is the balanced period-2 orbit of eq. (4); nothing else is left undecided.
                cycles.All(i => panel.Periods[i] == 2 && OnOrbit(i)).ShouldBeTrue($"η = {eta}");
                undecided.ShouldBeEmpty();
                // 000 / 003: no start converges to xy = 1 unless it starts on it (a measure-zero set); the saddle takes only the
                // invariant anti-diagonal x = −y (measure zero).
                converged.All(i => panel.Grid.Point(i) is var (x, y) && x * y == 1).ShouldBeTrue();
                saddle.All(i => panel.Grid.Point(i) is var (x, y) && x == -y).ShouldBeTrue();
                // Newton on F² − x (2-D, AD Jacobian) from a seeded sample of the cycle points: the exact orbit, stable.
                var rng = new Random((int)(eta * 1000));
                var sample = cycles.OrderBy(_ => rng.Next()).Take(20).ToList();
                var orbits = sample.Select(i => PeriodicOrbit.Find(map(eta), [panel.FinalX[i], panel.FinalY[i]], 2)).ToList();
                orbits.All(s => s.Found && s.Orbit!.IsStable && s.Orbit.Points.All(p => orbitPoints.Any(d => Math.Abs(p[0] - d) <= 1e-10 && Math.Abs(p[1] - d) <= 1e-10))).ShouldBeTrue();
                newtonRows.Add([eta, sample.Count, orbits.Count(s => s.Found), orbits.Max(s => s.Orbit!.SpectralRadius), 7 - 4 * eta - 2 * eta * eta, 3 - 2 * eta]);
            }
            else
            {
                // Beyond 002's range, for context: at 1.2 still the period-2 orbit; at 1.25 (> √5 − 1) a balanced period-4 orbit.
                cycles.All(Balanced).ShouldBeTrue($"η = {eta}");
            }
            rows.Add([eta, claimed ? "claimed" : "context", panel.Count, cycles.Count, string.Join(", ", periods.Select(kv => $"{kv.Key}: {kv.Value}")), cycles.Count(OnOrbit),
                panel.Outcomes.Count(o => o == TrajectoryOutcome.Diverged), converged.Count, saddle.Count, undecided.Count, d1, d2]);
            if (eta == 1.1) shown = panel;
        }

        var plot = Figures.New("½(1 − xy)², η = 1.1: the blog's portrait, refined (every other start)", "x₀", "y₀");
        foreach (var (outcome, label, color) in new[] { (TrajectoryOutcome.Cycle, "settles on 002's balanced period-2 orbit", Colors.C0), (TrajectoryOutcome.Diverged, "diverges", Colors.Purple), (TrajectoryOutcome.Saddle, "saddle (x = −y)", Colors.Orange) })
        {
            var idx = Enumerable.Range(0, shown!.Count).Where(i => shown.Outcomes[i] == outcome && (i % shown.Grid.Columns) % 2 == 0 && (i / shown.Grid.Columns) % 2 == 0).ToList();
            if (idx.Count > 0) Figures.Points(plot, idx.Select(i => shown.Grid.Point(i).X).ToArray(), idx.Select(i => shown.Grid.Point(i).Y).ToArray(), label, color, 3);
        }
        var (o1, o2) = QuarticWell.Instance.TwoCycle(1.1)!.Value;
        Figures.Points(plot, [o1, o2, -o1, -o2], [o1, o2, -o1, -o2], "orbit points of eq. (4)", Colors.Red, 9);
        Evidence.Figure("Beyond η = 1, the portrait's starts that neither converge nor diverge are the two-step paper's orbit", plot)
            .Table("The blog's portrait (101 × 101 on [−3, 3]², 320 steps, refined to 4000 with cycle detection) against 002's orbit", ["η", "", "starts", "cycles", "periods (period: count)", "on (±δ₁, ±δ₁) ↔ (±δ₂, ±δ₂) (10⁻⁶)", "diverge", "reach xy = 1", "saddle", "undecided", "δ₁ (eq. (4))", "δ₂"], rows)
            .Table("Newton on F² − x from 20 seeded cycle points per η: the orbit and its multipliers", ["η", "points", "converged to the orbit (10⁻¹⁰)", "max |multiplier|", "7 − 4η − 2η² (along)", "3 − 2η (across)"], newtonRows)
            .Note("Engine: the phase-portrait sweep of the blog's family (PhasePortrait, certified convergence test); η = 1.05, 1.2 and 1.25 are panels of the blog's own figure. "
                + "Consistent with 000 (no convergence to xy = 1 for η > 1) and 003 (the set of starts converging to a minimiser has measure zero for η > 1).");

        // Negative control: the same match against the orbit of 1.05·η (a wrong orbit).
        var panel11 = Panel(1.1);
        var (w1, w2) = QuarticWell.Instance.TwoCycle(1.05 * 1.1)!.Value;
        Evidence.NegativeControl("the cycles at η = 1.1 lie on the balanced orbit of 1.05·η",
            Enumerable.Range(0, panel11.Count).Where(i => panel11.Outcomes[i] == TrajectoryOutcome.Cycle)
                .All(i => new[] { w1, w2, -w1, -w2 }.Any(d => Math.Abs(panel11.FinalX[i] - d) <= 1e-6 && Math.Abs(panel11.FinalY[i] - d) <= 1e-6)));
    }
}
