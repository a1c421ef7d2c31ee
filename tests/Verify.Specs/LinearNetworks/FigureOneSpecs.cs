using ScottPlot;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.Sweeps;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Figure 1 of 003 (§1): GD on (1 − xy)² — iterations to converge, trapping region and stable length against η.</summary>
public sealed class FigureOneSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Squared = new(scale: 1); // (1 − xy)²

    /// <summary>The step sizes of panel (b).</summary>
    private static readonly double[] Etas = Enumerable.Range(1, 11).Select(k => 0.05 * k).ToArray();

    [Claim("lin.fig1")]
    public void Figure1()
    {
        // The stable part for (1 − xy)² (no ½): on M the Hessian 2[[y², 2xy − 1], [2xy − 1, x²]] has eigenvalues 0 and 2(x² + y²) — exact at rational (a, 1/a).
        var rng = new Random(800);
        Evidence.Seed(800);
        for (int s = 0; s < 100; s++)
        {
            var a = RandomRational(rng, 30, 7); if (a.IsZero) a = 1;
            var h = Squared.Hessian<Rational>([a, 1 / a]);
            (h[0, 0] + h[1, 1]).ShouldBe(2 * (a * a + 1 / (a * a)));
            (h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]).ShouldBe(Rational.Zero);
        }
        // (b), length: the branch x > 0 of xy = 1 inside R = [−4, 4]² is x ∈ [¼, 4] (the other branch is its mirror image); stable where 2(x² + x⁻²) < 2/η.
        static double Speed(double x) => Math.Sqrt(1 + 1 / (x * x * x * x)); // |d/dx (x, 1/x)|
        double total = CurveLength.Of(Speed, 0.25, 4);
        double Ratio(double eta, double factor) => CurveLength.Where(Speed, x => factor * (x * x + 1 / (x * x)) - 2 / eta, 0.25, 4) / total;
        var ratios = Etas.Select(eta => Ratio(eta, 2)).ToArray();
        // Cross-check the located end points against the closed form x² = (1/η ± (1/η² − 4)^½)/2.
        double worst = 0;
        foreach (var eta in Etas.Where(e => e < 0.5))
        {
            double q = 1 / eta, lo = Math.Sqrt((q - Math.Sqrt(q * q - 4)) / 2), hi = Math.Sqrt((q + Math.Sqrt(q * q - 4)) / 2);
            double exact = CurveLength.Of(Speed, Math.Max(lo, 0.25), Math.Min(hi, 4)) / total;
            worst = Math.Max(worst, Math.Abs(exact - Ratio(eta, 2)));
        }
        Evidence.NumberWithin("stable-length ratio: quadrature between located roots against closed-form end points (largest difference)", worst, 0, 1e-10)
                .Number("length of the hyperbola inside R (both branches)", 2 * total);
        bool Shape(double[] r) =>
            r.Zip(r.Skip(1)).All(p => p.Second <= p.First + 1e-12)                                  // non-increasing in η
            && Etas.Select((e, i) => (e, i)).All(t => t.e < 0.5 || r[t.i] == 0)                     // no stable part from η = ½ on
            && Etas.Select((e, i) => (e, i)).All(t => t.e >= 0.5 || r[t.i] > 0)                     // some stable part below ½ (around (1, 1))
            && r[0] == 1;                                                                            // η = 0.05: x² + x⁻² < 20 on all of [¼, 4]
        Shape(ratios).ShouldBeTrue();
        Evidence.Note("Stable length: 2(x² + y²) < 2/η on xy = 1, by Gauss–Kronrod quadrature of |γ′| between end points found by Brent's method; it fills R's hyperbola for η ≤ 1/(16 + 1/16) ≈ 0.062 and vanishes at η = ½.");

        // (a) GD with step η on (1 − xy)² is GD with step 2η on ½(1 − xy)², the phase-portrait engine's loss. "Until convergence": |xy − 1| ≤ 10⁻⁸.
        const double etaA = 0.3;
        var panelA = PhasePortrait.Compute(GridA, 2 * etaA, Settings);
        var onM = StartsOnMinima(panelA);
        var converged = Enumerable.Range(0, panelA.Count).Where(i => panelA.Outcomes[i].ReachesMinimizers() && !onM[i]).ToList();
        int diverged = panelA.Outcomes.Count(o => o == TrajectoryOutcome.Diverged);
        int other = panelA.Count - converged.Count - diverged - onM.Count(b => b);
        double largestLimit = converged.Max(i => panelA.FinalX[i] * panelA.FinalX[i] + panelA.FinalY[i] * panelA.FinalY[i]);
        Evidence.Number("(a) η = 0.3: starts converging (|xy − 1| ≤ 10⁻⁸)", converged.Count, note: $"of {panelA.Count} on the 401 × 401 grid of [−4, 4]²")
                .Number("(a) starts diverging (white)", diverged)
                .Number("(a) other starts (to the saddle along x = −y, or unresolved)", other, note: "the stable line x = −y of the saddle: a null set")
                .Number("(a) grid points lying exactly on xy = 1 (fixed from the start, left out)", onM.Count(b => b))
                .Number("(a) largest x² + y² at a limit", largestLimit, note: $"every limit lies in the stable part x² + y² < 1/η = {1 / etaA:G4} (Theorem 15)");
        largestLimit.ShouldBeLessThan(1 / etaA);
        ((double)other / panelA.Count).ShouldBeLessThan(0.01);
        Evidence.Figure("Figure 1(a): iterations until convergence, GD on (1 − xy)², η = 0.3", HeatmapFigure(panelA, onM, etaA), 640, 560,
            "Colour: log₁₀ of the iterations until |xy − 1| ≤ 10⁻⁸; white: starts that diverge (or, on the line x = −y, go to the saddle). Black: the minima xy = 1; dashed red: " +
            "the stable part x² + y² < 1/η. Step budget 10⁴ (no start needs more than " + converged.Max(i => panelA.Steps[i]) + ").");

        // (b) area ratio: starts of a 161 × 161 grid of R converging within the budget, for each η; and a Monte Carlo cross-check at η = 0.3 with uniform starts.
        var panels = PhasePortrait.Compute(GridB, Etas.Select(e => 2 * e).ToArray(), Settings with { Steps = 5000 });
        var areas = panels.Select(p => { var m = StartsOnMinima(p); return (double)Enumerable.Range(0, p.Count).Count(i => p.Outcomes[i].ReachesMinimizers() && !m[i]) / p.Count; }).ToArray();
        var unresolved = panels.Select(p => p.Outcomes.Count(o => o == TrajectoryOutcome.Unresolved)).ToArray();
        bool AreaShape(double[] a, double critical) =>
            a.Zip(a.Skip(1)).All(p => p.Second <= p.First + 0.01)                                     // non-increasing up to grid noise
            && Etas.Select((e, i) => (e, i)).All(t => t.e >= critical || a[t.i] > 0.05)              // a trapping region below the critical step
            && Etas.Select((e, i) => (e, i)).All(t => t.e <= critical || a[t.i] == 0);               // none above
        AreaShape(areas, 0.5).ShouldBeTrue();
        var mc = ConvergingStarts.Sample(Squared, etaA, 0, ConvergenceSweeps.Criterion with { Budget = 10_000 }, -4, 4, 2000, 801);
        double gridArea = areas[Array.IndexOf(Etas, Etas.First(e => Math.Abs(e - etaA) < 1e-12))];
        Evidence.NumberWithin("(b) η = 0.3: Monte Carlo fraction of 2000 uniform starts converging (independent engine)", mc.Fraction.Estimate, gridArea, Math.Max(gridArea - mc.Fraction.Lower, mc.Fraction.Upper - gridArea),
            note: $"{mc.Fraction}; claimed side = the grid's area ratio");
        Evidence.Table("Figure 1(b): ratio of the trapping-region area to the area of R = [−4, 4]², and of the stable length to the length of the hyperbola in R",
            ["η", "area ratio (161² grid, ≤ 5000 steps)", "unresolved at the budget", "stable-length ratio"],
            Etas.Select((e, i) => new object[] { e, areas[i], unresolved[i], ratios[i] }));
        Evidence.Figure("Figure 1(b): trapping region and stable length against η, (1 − xy)² on R = [−4, 4]²", RatiosFigure(areas, ratios), caption:
            "Both vanish at η = ½ (= η_C = η_E for (1 − xy)²). At η = ½ exactly convergence is only algebraic (lin.thm16-measure): the starts still converging then are the " +
            "unresolved ones of the table, not counted within the budget.");
        Evidence.NegativeControl("trapping region vanishing only at η = 1 (the ½-scaled loss's threshold)", AreaShape(areas, 1.0));
        Evidence.NegativeControl("stable part taken as x² + y² < 2/η (the ½-scaled loss's M_S, vanishing at η = 1 instead of ½)", Shape(Etas.Select(eta => Ratio(eta, 1)).ToArray()));
    }

    /// <summary>Figure 1(a)'s grid: 401 × 401 points of [−4, 4]².</summary>
    private static readonly PortraitGrid GridA = PortraitGrid.Square(4, 401);

    /// <summary>Figure 1(b)'s grid, one per η: 161 × 161 points of [−4, 4]².</summary>
    private static readonly PortraitGrid GridB = PortraitGrid.Square(4, 161);

    /// <summary>Converged when |xy − 1| ≤ 10⁻⁸ (the first time); diverged beyond 10⁶; budget 10⁴ steps.</summary>
    private static readonly PortraitSettings Settings = new() { Steps = 10_000, Convergence = ConvergenceTest.Residual, Tolerance = 1e-8 };

    /// <summary>Grid points exactly on xy = 1 in floating point: fixed points from the start (a null set), left out of the counts.</summary>
    private static bool[] StartsOnMinima(PortraitPanel p) => Enumerable.Range(0, p.Count).Select(i => { var (x, y) = p.Grid.Point(i); return x * y == 1; }).ToArray();

    private static Plot HeatmapFigure(PortraitPanel p, bool[] onM, double eta)
    {
        var plot = Figures.New($"(1 − xy)², η = {eta}: iterations until convergence", "x", "y");
        int n = p.Grid.Rows, m = p.Grid.Columns;
        var values = new double[n, m];
        for (int row = 0; row < n; row++)
            for (int col = 0; col < m; col++)
            {
                int i = row * m + col;
                // ScottPlot draws row 0 at the top: flip so y grows upward.
                values[n - 1 - row, col] = p.Outcomes[i].ReachesMinimizers() && !onM[i] ? Math.Log10(Math.Max(1, p.Steps[i])) : double.NaN;
            }
        var hm = plot.Add.Heatmap(values);
        hm.Extent = new CoordinateRect(p.Grid.XMin, p.Grid.XMax, p.Grid.YMin, p.Grid.YMax);
        hm.Colormap = new ScottPlot.Colormaps.Viridis();
        hm.NaNCellColor = Colors.White;
        plot.Add.ColorBar(hm).Label = "log₁₀ iterations";
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var xs = Enumerable.Range(0, 400).Select(k => sign * (0.25 + 3.75 * k / 399)).ToArray();
            Figures.Line(plot, xs, xs.Select(x => 1 / x).ToArray(), sign > 0 ? "minima xy = 1" : null, Colors.Black, 2);
            var stable = xs.Where(x => x * x + 1 / (x * x) < 1 / eta).ToArray();
            var arc = Figures.Line(plot, stable, stable.Select(x => 1 / x).ToArray(), sign > 0 ? "stable minima" : null, Colors.Red, 3);
            arc.LinePattern = LinePattern.Dashed;
        }
        plot.Axes.SetLimits(-4, 4, -4, 4);
        return plot;
    }

    private static Plot RatiosFigure(double[] areas, double[] lengths)
    {
        var plot = Figures.New("(1 − xy)² on R = [−4, 4]²", "η", "ratio");
        Figures.Line(plot, Etas, areas, "area of trapping region / area of R", Colors.Blue);
        Figures.Points(plot, Etas, areas, null, Colors.Blue, 5);
        Figures.Line(plot, Etas, lengths, "length of stable part / length of hyperbola in R", Colors.Red);
        Figures.Points(plot, Etas, lengths, null, Colors.Red, 5);
        Figures.VerticalReference(plot, 0.5, "η = ½");
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }

}
