using ScottPlot;
using Verify.Claims.Figures;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.Phase;

/// <summary>seeds/000_e93ee7fa783263bf.txt, the first figure: the phase portrait, its labels and what the gray points do.</summary>
public sealed class PortraitSpecs : ClaimSpec
{
    private static readonly TrajectoryOutcome[] Colours =
        [TrajectoryOutcome.ConvergedWithoutCrossing, TrajectoryOutcome.ConvergedWithCrossing, TrajectoryOutcome.Saddle, TrajectoryOutcome.Diverged, TrajectoryOutcome.Unresolved];

    [Claim("phase.figure")]
    public void PhasePortrait()
    {
        var panels = PhaseSweeps.BlogPortraits.Value;
        var rows = new List<object[]>();
        foreach (var p in panels)
        {
            var b = p.BudgetCounts();
            var r = p.Counts();
            var periods = string.Join(", ", p.CyclesByPeriod().Select(kv => $"p={kv.Key}: {kv.Value}"));
            int late = Enumerable.Range(0, p.Count).Count(i => p.Outcomes[i].ReachesMinimizers() && p.Steps[i] > p.Settings.Steps);
            rows.Add([p.Eta, .. Colours.Select(c => (object)b[c]), late, periods.Length == 0 ? "–" : periods, r[TrajectoryOutcome.BoundedAperiodic], r[TrajectoryOutcome.Unresolved]]);
        }
        Evidence.Table("Label counts per panel, 101 × 101 on [−3, 3]²: the post's colours within 320 steps, then what the gray points do within 4000 steps",
            ["η", "green", "orange", "blue", "purple", "gray", "gray → reach xy = 1 later", "gray → cycles", "gray → bounded aperiodic", "gray → still settling"], rows);

        bool GreenAt(double eta) => PhaseSweeps.Blog(eta).CountBudgetLabel(TrajectoryOutcome.ConvergedWithoutCrossing) > 0;
        bool ReachAt(double eta) => PhaseSweeps.Blog(eta).AnyReachesMinimizersWithinBudget();
        Evidence.Number("green points at η = 0.49", PhaseSweeps.Blog(0.49).CountBudgetLabel(TrajectoryOutcome.ConvergedWithoutCrossing), note: "claimed: present")
            .Number("green points at η = 0.55", PhaseSweeps.Blog(0.55).CountBudgetLabel(TrajectoryOutcome.ConvergedWithoutCrossing), claimed: 0)
            .Number("points reaching xy = 1 at η = 0.95", Reaching(PhaseSweeps.Blog(0.95)), note: "claimed: present")
            .Number("points reaching xy = 1 at η = 1.05", Reaching(PhaseSweeps.Blog(1.05)), claimed: 0);
        GreenAt(0.49).ShouldBeTrue();
        GreenAt(0.55).ShouldBeFalse();
        ReachAt(0.95).ShouldBeTrue();
        ReachAt(1.05).ShouldBeFalse();

        Evidence.Figure("The phase portrait in the post's colours (101 × 101 starts on [−3, 3]², at most 320 steps)",
            PortraitPlot.Portrait([.. new[] { 0.1, 0.3, 0.49, 0.55, 0.9, 0.95, 1.05, 1.2 }.Select(PhaseSweeps.Blog)], refined: false, columns: 4, "Phase portrait of GD on ½(1 − xy)², one panel per η"),
            960, 640, "Green disappears between η = 0.49 and 0.55, the points reaching xy = 1 between 0.95 and 1.05. Blue: the anti-diagonal x = −y, the stable line of the saddle.");
        Evidence.Figure("What the gray points do (refined labels: 4000 steps, cycles of period ≤ 8)",
            PortraitPlot.Portrait([.. new[] { 0.99, 1.0, 1.05, 1.2, 1.25, 1.3 }.Select(PhaseSweeps.Blog)], refined: true, columns: 3, "Refined portrait: gray split into cycles and aperiodic motion"),
            960, 720, "η = 0.99: the gray points reach xy = 1 after 320 steps. η = 1: they settle only algebraically (still settling at 4000 steps). η ∈ (1, 1.2]: a period-2 cycle; η = 1.25: period 4; η = 1.3: bounded aperiodic motion.");
        Evidence.Figure("A few trajectories", Trajectories(), 720, 560, "Large dots mark the starts, coloured by their label. At η = 0.3, (0.3, 0.2) climbs the diagonal to (1, 1) from below without crossing; (1.8, 0.3) crosses once; at η = 0.7, (1.2, −0.4) jumps across and then crosses at every step; at η = 1.05, (0.5, 0.45) ends on the period-2 cycle of the diagonal around (1, 1).");
        Evidence.Note("Labelling rule (the post's Colab is unavailable): see the core's FactorizationOutcome — at every iterate, purple if |x| or |y| > 1e6 or non-finite; green/orange once a local contraction certificate proves convergence to xy = 1 (orange if n = xy − 1 changed sign or will alternate); blue once on the saddle's stable line x = −y with η(1 + x²) < 2; gray if nothing is decided within 320 steps. Refined: gray points run to 4000 steps with cycle detection (|Δ| ≤ 1e-9 over 64 iterates).");

        Evidence.NegativeControl("green is still present at η = 0.55", GreenAt(0.55));
        Evidence.NegativeControl("the region reaching xy = 1 is already gone at η = 0.95", !ReachAt(0.95));
        Evidence.NegativeControl("green disappears only after η = 0.55 (still present at 0.51)", GreenAt(0.51));
    }

    [Claim("phase.green-subset")]
    public void GreenIsAStrictSubsetOfTheFirstRegime()
    {
        // On residual-labelled portraits (|xy − 1| ≤ 1e-12, crossings counted along the way, no local theory in the rule):
        // among the points converging where ηs(t∞) < 1, how many are orange because they crossed early?
        var rows = new List<object[]>();
        int orangeInFirstRegime = 0, panelsWithOrange = 0, greenOutside = 0;
        foreach (var p in PhaseSweeps.ResidualPortraits.Value.Where(p => p.Eta < 0.5))
        {
            int green = 0, orange = 0;
            for (int i = 0; i < p.Count; i++)
            {
                if (!p.Outcomes[i].ReachesMinimizers()) continue;
                double t = p.FinalX[i] * p.FinalX[i] - p.FinalY[i] * p.FinalY[i];
                bool first = p.Eta * ScalarFactorization.SharpnessOnMinimizers(t) < 1;
                bool isGreen = p.Outcomes[i] == TrajectoryOutcome.ConvergedWithoutCrossing;
                if (!first) { if (isGreen) greenOutside++; continue; }
                if (isGreen) green++; else orange++;
            }
            orangeInFirstRegime += orange;
            if (orange > 0) panelsWithOrange++;
            rows.Add([p.Eta, green + orange, green, orange, (double)green / (green + orange)]);
        }
        Evidence.Table("Starts converging to a minimizer with ηs(t∞) < 1 (101 × 101 on [−3, 3]²)", ["η", "converging in the first regime", "green", "orange (crossed early)", "green fraction"], rows);
        Evidence.Number("green points converging outside the first regime", greenOutside, 0);
        greenOutside.ShouldBe(0);
        panelsWithOrange.ShouldBe(rows.Count);
        Evidence.Note("Every green point converges where ηs(t∞) < 1 (green ⊆ first regime), and at every η below ½ some points converging there are orange: they crossed xy = 1 in the early steps, before the local picture applies. The post's 'usually only a subset' holds on every panel.");
        Evidence.NegativeControl("green = all starts converging in the first regime (no early crossings)", orangeInFirstRegime == 0);
    }

    private static int Reaching(PortraitPanel p) => Enumerable.Range(0, p.Count).Count(i => p.BudgetLabel(i).ReachesMinimizers());

    private static Plot Trajectories()
    {
        var plot = Figures.New("GD trajectories on ½(1 − xy)²", "x", "y");
        var xs = Enumerable.Range(0, 401).Select(i => 1.0 / 3 + i * (3 - 1.0 / 3) / 400).ToArray();
        Figures.Line(plot, xs, xs.Select(x => 1 / x).ToArray(), "xy = 1", Colors.Black, 1);
        Figures.Line(plot, xs.Select(x => -x).ToArray(), xs.Select(x => -1 / x).ToArray(), null, Colors.Black, 1);
        (double X, double Y, double Eta)[] starts = [(0.3, 0.2, 0.3), (1.8, 0.3, 0.3), (1.2, -0.4, 0.7), (0.5, 0.45, 1.05)];
        foreach (var (x, y, eta) in starts)
        {
            var tr = GradientDescent.Run(ScalarFactorization.Instance, [x, y], eta, 60);
            var (color, label) = PortraitPlot.Style(FactorizationOutcome.Classify(x, y, eta, PhaseSweeps.RefinedSettings));
            var line = Figures.Line(plot, tr.Select(p => p[0]), tr.Select(p => p[1]), $"start ({x}, {y}), η = {eta}: {label}", color, 1.2f);
            line.MarkerSize = 4;
            Figures.Points(plot, [x], [y], color: color, size: 9);
        }
        plot.Axes.SetLimits(-0.2, 2.2, -0.6, 1.6);
        return plot;
    }
}
