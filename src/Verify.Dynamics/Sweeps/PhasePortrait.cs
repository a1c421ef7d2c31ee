using Verify.Dynamics.Analysis;

namespace Verify.Dynamics.Sweeps;

/// <summary>How a portrait is computed: both give identical labels (a test checks it).</summary>
public enum PortraitEngine
{
    /// <summary>Four points per Vector256 lane set, lanes refilled as points finish; falls back to scalar without SIMD hardware.</summary>
    Vectorized,

    /// <summary>The plain scalar reference, one point at a time (<see cref="FactorizationOutcome"/>).</summary>
    Scalar,
}

/// <summary>
/// Phase portraits of GD on ½(1 − xy)²: for every start point of a grid and every learning rate, the
/// outcome under the rule of <see cref="FactorizationOutcome"/>. Rows run in parallel. Other scalings reduce
/// to this one: GD with step η on c(xy − 1)² is GD with step 2cη on ½(xy − 1)² (so (1 − xy)² with η is
/// this portrait at 2η).
/// </summary>
public static class PhasePortrait
{
    /// <param name="progress">Called with (rows done, rows in total) after each row, from worker threads.</param>
    public static PortraitPanel Compute(PortraitGrid grid, double eta, PortraitSettings settings,
        PortraitEngine engine = PortraitEngine.Vectorized, Action<int, int>? progress = null)
    {
        if (!(eta > 0) || !double.IsFinite(eta)) throw new ArgumentOutOfRangeException(nameof(eta), eta, "The learning rate must be positive and finite.");
        settings.Validate();
        var panel = new PortraitPanel(eta, grid, settings);
        var xs = grid.XValues();
        bool vectorized = engine == PortraitEngine.Vectorized && PortraitKernel.IsSupported;
        int done = 0;
        Parallel.For(0, grid.Rows, row =>
        {
            int offset = row * grid.Columns;
            double y = grid.Y(row);
            if (vectorized)
            {
                PortraitKernel.Row(xs, y, eta, settings, panel, offset);
                if (settings.Refines)
                    for (int j = 0; j < xs.Length; j++)
                        if (panel.Outcomes[offset + j] == TrajectoryOutcome.Unresolved)
                            panel.Set(offset + j, FactorizationOutcome.Refine(panel[offset + j], eta, settings));
            }
            else
            {
                for (int j = 0; j < xs.Length; j++) panel.Set(offset + j, FactorizationOutcome.Classify(xs[j], y, eta, settings));
            }
            int d = Interlocked.Increment(ref done);
            progress?.Invoke(d, grid.Rows);
        });
        return panel;
    }

    /// <summary>One panel per learning rate.</summary>
    public static PortraitPanel[] Compute(PortraitGrid grid, IReadOnlyList<double> etas, PortraitSettings settings,
        PortraitEngine engine = PortraitEngine.Vectorized, Action<int, int>? progress = null)
    {
        var panels = new PortraitPanel[etas.Count];
        int rowsBefore = 0, total = grid.Rows * etas.Count;
        for (int i = 0; i < etas.Count; i++)
        {
            int before = rowsBefore;
            panels[i] = Compute(grid, etas[i], settings, engine, progress is null ? null : (d, _) => progress(before + d, total));
            rowsBefore += grid.Rows;
        }
        return panels;
    }

    /// <summary>
    /// Where a property of the panel switches as η varies, by bisection on η (each evaluation is a full
    /// portrait): e.g. the largest η with a green point. The property must differ at the two ends.
    /// </summary>
    public static Bisection.Bracket LocateThreshold(PortraitGrid grid, PortraitSettings settings, Func<PortraitPanel, bool> holds,
        double lo, double hi, double tolerance, PortraitEngine engine = PortraitEngine.Vectorized) =>
        Bisection.Locate(eta => holds(Compute(grid, eta, settings, engine)), lo, hi, tolerance);
}
