using ScottPlot;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Sweeps;

namespace Verify.Claims.Figures;

/// <summary>
/// Phase-portrait figures of GD on ½(1 − xy)² (for the specs' evidence and the command line's --png): several
/// panels side by side in one plot (each panel drawn at an offset, with its own tick labels), coloured like the
/// blog post (green, orange, blue, purple, gray) plus colours for what the refined labels find in the gray.
/// </summary>
public static class PortraitPlot
{
    public static readonly Color Green = Color.FromHex("#2ca02c");
    public static readonly Color Orange = Color.FromHex("#ff7f0e");
    public static readonly Color Blue = Color.FromHex("#1f77b4");
    public static readonly Color Purple = Color.FromHex("#9467bd");
    public static readonly Color Gray = Color.FromHex("#b4b4b4");
    public static readonly Color Period2 = Color.FromHex("#17becf");
    public static readonly Color Period4 = Color.FromHex("#e377c2");
    public static readonly Color OtherPeriod = Color.FromHex("#8c564b");
    public static readonly Color Aperiodic = Color.FromHex("#222222");

    /// <summary>Colour categories, in order; the index is the heatmap intensity.</summary>
    private static readonly (string Label, Color Color)[] Categories =
    [
        ("green: reaches xy = 1, no crossing", Green),
        ("orange: reaches xy = 1 after crossing", Orange),
        ("blue: settles at the saddle", Blue),
        ("purple: diverges", Purple),
        ("gray: unresolved", Gray),
        ("period-2 cycle", Period2),
        ("period-4 cycle", Period4),
        ("other period ≤ 8 (1: stuck exactly on xy = 1)", OtherPeriod),
        ("bounded, aperiodic", Aperiodic),
    ];

    /// <summary>The colour and legend label of an outcome (refined: cycles by period).</summary>
    public static (Color Color, string Label) Style(PointOutcome p) { var c = Categories[Category(p.Outcome, p.Period)]; return (c.Color, c.Label); }

    private static int Category(TrajectoryOutcome o, int period) => o switch
    {
        TrajectoryOutcome.ConvergedWithoutCrossing => 0,
        TrajectoryOutcome.ConvergedWithCrossing => 1,
        TrajectoryOutcome.Saddle => 2,
        TrajectoryOutcome.Diverged => 3,
        TrajectoryOutcome.Cycle => period == 2 ? 5 : period == 4 ? 6 : 7,
        TrajectoryOutcome.BoundedAperiodic => 8,
        _ => 4,
    };

    /// <summary>The panels with the post's five colours (budget-limited labels) or with the refined labels.</summary>
    public static Plot Portrait(IReadOnlyList<PortraitPanel> panels, bool refined, int columns, string title)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(FormattableString.Invariant($"x (each panel: [{panels[0].Grid.XMin:0.##}, {panels[0].Grid.XMax:0.##}])"));
        plot.YLabel("y");
        var layout = new PanelLayout(panels[0].Grid.XMin, panels[0].Grid.XMax, panels.Count, columns);
        var used = new HashSet<int>();
        for (int k = 0; k < panels.Count; k++)
        {
            var p = panels[k];
            var g = p.Grid;
            var cells = new double[g.Rows, g.Columns];
            for (int row = 0; row < g.Rows; row++)
                for (int col = 0; col < g.Columns; col++)
                {
                    int i = row * g.Columns + col;
                    int c = refined ? Category(p.Outcomes[i], p.Periods[i]) : Category(p.BudgetLabel(i), 0);
                    used.Add(c);
                    cells[g.Rows - 1 - row, col] = c; // heatmap row 0 is drawn at the top
                }
            var hm = plot.Add.Heatmap(cells);
            hm.Colormap = new CategoryColormap(Categories.Select(c => c.Color).ToArray());
            hm.ManualRange = new ScottPlot.Range(0, Categories.Length - 1);
            var (ox, oy) = layout.Offset(k);
            hm.Extent = new CoordinateRect(g.XMin + ox, g.XMax + ox, g.YMin + oy, g.YMax + oy);
            var label = plot.Add.Text(FormattableString.Invariant($"η = {p.Eta:0.####}"), (g.XMin + g.XMax) / 2 + ox, g.YMax + oy + 0.05 * (g.YMax - g.YMin));
            label.Alignment = Alignment.LowerCenter;
            label.LabelFontSize = 12;
        }
        layout.Ticks(plot);
        layout.Limits(plot);
        foreach (var c in used.Order())
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = Categories[c].Label, FillColor = Categories[c].Color, LineWidth = 0 });
        plot.ShowLegend(Edge.Bottom);
        plot.Axes.SquareUnits();
        return plot;
    }

    /// <summary>Places panels of the square [lo, hi]² in a grid of columns, with tick labels repeated on each panel.</summary>
    public sealed class PanelLayout(double lo, double hi, int panels, int columns)
    {
        private readonly double _step = (hi - lo) * 1.25;
        public int Rows => (panels + columns - 1) / columns;

        public (double X, double Y) Offset(int k) => (k % columns * _step, -(k / columns) * _step);

        /// <summary>Axis limits holding every panel and the label above it.</summary>
        public void Limits(Plot plot)
        {
            double pad = 0.05 * (hi - lo);
            plot.Axes.SetLimits(lo - pad, hi + (Math.Min(columns, panels) - 1) * _step + pad, lo - (Rows - 1) * _step - pad, hi + 0.2 * (hi - lo));
        }

        public void Ticks(Plot plot)
        {
            var xt = new ScottPlot.TickGenerators.NumericManual();
            var yt = new ScottPlot.TickGenerators.NumericManual();
            double[] marks = [lo, (lo + hi) / 2, hi];
            for (int c = 0; c < Math.Min(columns, panels); c++)
                foreach (var m in marks) xt.AddMajor(m + c * _step, m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            for (int r = 0; r < Rows; r++)
                foreach (var m in marks) yt.AddMajor(m - r * _step, m.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture));
            plot.Axes.Bottom.TickGenerator = xt;
            plot.Axes.Left.TickGenerator = yt;
        }
    }

    private sealed class CategoryColormap(Color[] colors) : IColormap
    {
        public string Name => "phase-portrait categories";

        public Color GetColor(double normalized)
        {
            if (double.IsNaN(normalized)) return Colors.White;
            int i = (int)Math.Round(Math.Clamp(normalized, 0, 1) * (colors.Length - 1));
            return colors[i];
        }
    }
}
