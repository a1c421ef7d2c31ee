using ScottPlot;

namespace Verify.Specs.Support;

/// <summary>
/// The few plotting idioms every document's figures share (ScottPlot 5), so figures look alike and
/// stay small: every plot has a title and axis labels, long series are thinned before they are drawn.
/// </summary>
public static class Figures
{
    /// <summary>Most points a line keeps (SVG size grows with points; 2000 is finer than the page).</summary>
    public const int MaxLinePoints = 2000;

    public static Plot New(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    /// <summary>A line through (x, y), thinned to at most <see cref="MaxLinePoints"/> points; non-finite points are dropped.</summary>
    public static ScottPlot.Plottables.Scatter Line(Plot plot, IReadOnlyList<double> x, IReadOnlyList<double> y, string? label = null, Color? color = null, float width = 1.5f)
    {
        var (xs, ys) = Thin(x, y);
        var s = plot.Add.ScatterLine(xs, ys);
        s.LineWidth = width;
        if (color is { } c) s.Color = c;
        if (label is not null) { s.LegendText = label; plot.ShowLegend(); }
        return s;
    }

    /// <summary>Markers without lines at (x, y); non-finite points are dropped.</summary>
    public static ScottPlot.Plottables.Scatter Points(Plot plot, IReadOnlyList<double> x, IReadOnlyList<double> y, string? label = null, Color? color = null, float size = 4)
    {
        var (xs, ys) = Finite(x, y);
        var s = plot.Add.ScatterPoints(xs, ys);
        s.MarkerSize = size;
        if (color is { } c) s.Color = c;
        if (label is not null) { s.LegendText = label; plot.ShowLegend(); }
        return s;
    }

    /// <summary>A dashed horizontal reference line (a claimed value, a threshold such as 2/η).</summary>
    public static void Reference(Plot plot, double y, string label, Color? color = null)
    {
        var line = plot.Add.HorizontalLine(y);
        line.LinePattern = LinePattern.Dashed;
        line.Color = color ?? Colors.Black;
        line.LegendText = label;
        plot.ShowLegend();
    }

    /// <summary>A dashed vertical reference line.</summary>
    public static void VerticalReference(Plot plot, double x, string label, Color? color = null)
    {
        var line = plot.Add.VerticalLine(x);
        line.LinePattern = LinePattern.Dashed;
        line.Color = color ?? Colors.Black;
        line.LegendText = label;
        plot.ShowLegend();
    }

    private static (double[] X, double[] Y) Finite(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        if (x.Count != y.Count) throw new ArgumentException($"x has {x.Count} points, y has {y.Count}.");
        var keep = Enumerable.Range(0, x.Count).Where(i => double.IsFinite(x[i]) && double.IsFinite(y[i])).ToArray();
        return (keep.Select(i => x[i]).ToArray(), keep.Select(i => y[i]).ToArray());
    }

    private static (double[] X, double[] Y) Thin(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var (xs, ys) = Finite(x, y);
        if (xs.Length <= MaxLinePoints) return (xs, ys);
        // Even stride, always keeping the last point.
        var idx = Enumerable.Range(0, MaxLinePoints).Select(i => (int)Math.Round(i * (xs.Length - 1.0) / (MaxLinePoints - 1))).Distinct().ToArray();
        return (idx.Select(i => xs[i]).ToArray(), idx.Select(i => ys[i]).ToArray());
    }
}
