using System.Globalization;
using System.Text.Json;
using Verify.Claims.Figures;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Sweeps;

namespace Verify.Cli.Commands;

/// <summary>
/// verify portrait --eta E [--eta E ...] [--grid N] [--range R] [--steps K] [--refine K] [--png FILE] [--json]:
/// the phase portrait of GD on ½(1 − xy)² over the N × N grid on [−R, R]², printing the count of each label per η
/// (with --refine, also what the unresolved points do within K steps in total). Progress goes to stderr on long runs.
/// </summary>
public static class PortraitCommand
{
    /// <summary>Largest grid side accepted (a 4001² panel holds 16 million points, about 0.4 GB of labels).</summary>
    public const int MaxGrid = 4001;

    /// <summary>Runs with at least this many points in total report progress.</summary>
    public const long ProgressThreshold = 1_000_000;

    private static readonly (TrajectoryOutcome Outcome, string Name)[] Labels =
    [
        (TrajectoryOutcome.ConvergedWithoutCrossing, "green"),
        (TrajectoryOutcome.ConvergedWithCrossing, "orange"),
        (TrajectoryOutcome.Saddle, "blue"),
        (TrajectoryOutcome.Diverged, "purple"),
        (TrajectoryOutcome.Unresolved, "gray"),
    ];

    public static int Run(Arguments args, TextWriter output, TextWriter error)
    {
        var etas = args.All("eta").Select(raw => args.PositiveNumber(raw, "eta")).ToList();
        int grid = args.Integer("grid", 101, 1, MaxGrid);
        double range = args.Number("range", 3);
        int steps = args.Integer("steps", 320, 0, 100_000_000);
        int refine = args.Integer("refine", 0, 0, 100_000_000);
        var png = args.Text("png");
        bool json = args.Flag("json");
        args.RejectUnknown();
        if (etas.Count == 0) throw new UsageException("portrait needs at least one --eta");
        if (refine > 0 && refine <= steps) throw new UsageException($"--refine must exceed --steps ({steps}), not {refine}");
        if (png is not null)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(png));
            if (dir is not null && !Directory.Exists(dir)) throw new UsageException($"--png: directory '{dir}' does not exist");
        }

        var settings = new PortraitSettings { Steps = steps, RefinedSteps = refine };
        var g = PortraitGrid.Square(range, grid);
        bool showProgress = (long)grid * grid * etas.Count >= ProgressThreshold;
        int lastDecile = -1;
        object gate = new();
        var panels = PhasePortrait.Compute(g, etas, settings, PortraitEngine.Vectorized, showProgress ? (done, total) =>
        {
            int decile = done * 10 / total;
            lock (gate)
            {
                if (decile <= lastDecile) return;
                lastDecile = decile;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"portrait: {decile * 10}% ({done}/{total} rows)"));
            }
        } : null);

        if (json) WriteJson(output, panels, range, refine > 0);
        else WriteText(output, panels, range, refine > 0);
        if (png is not null)
        {
            int columns = Math.Min(4, panels.Length), rows = (panels.Length + columns - 1) / columns;
            var plot = PortraitPlot.Portrait(panels, refined: refine > 0, columns,
                string.Create(CultureInfo.InvariantCulture, $"GD on ½(1 − xy)²: {grid} × {grid} starts on [−{range}, {range}]², {(refine > 0 ? $"refined to {refine}" : $"at most {steps}")} steps"));
            plot.SavePng(png, 80 + 300 * columns, 200 + 320 * rows);
            output.WriteLine($"wrote {png}");
        }
        return 0;
    }

    private static void WriteText(TextWriter output, PortraitPanel[] panels, double range, bool refined)
    {
        var p0 = panels[0];
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grid {p0.Grid.Columns} × {p0.Grid.Rows} on [−{range}, {range}]², at most {p0.Settings.Steps} steps"));
        foreach (var p in panels)
        {
            var c = p.BudgetCounts();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"η = {p.Eta}: ") + string.Join(", ", Labels.Select(l => $"{l.Name} {c[l.Outcome]}")));
            if (!refined) continue;
            var r = p.Counts();
            var cycles = p.CyclesByPeriod().Select(kv => kv.Key == 1 ? $"stuck at a fixed point {kv.Value}" : $"period-{kv.Key} cycle {kv.Value}");
            output.WriteLine("  refined: " + string.Join(", ",
                Labels.Take(4).Select(l => $"{l.Name} {r[l.Outcome]}").Concat(cycles)
                    .Append($"bounded aperiodic {r[TrajectoryOutcome.BoundedAperiodic]}").Append($"still unresolved {r[TrajectoryOutcome.Unresolved]}")));
        }
    }

    private static void WriteJson(TextWriter output, PortraitPanel[] panels, double range, bool refined)
    {
        var doc = panels.Select(p => new Dictionary<string, object>
        {
            ["eta"] = p.Eta,
            ["grid"] = p.Grid.Columns,
            ["range"] = range,
            ["steps"] = p.Settings.Steps,
            ["counts"] = Labels.ToDictionary(l => l.Name, l => p.BudgetCounts()[l.Outcome]),
            ["refined"] = refined
                ? new Dictionary<string, object>
                {
                    ["steps"] = p.Settings.RefinedSteps,
                    ["counts"] = Labels.Take(4).ToDictionary(l => l.Name, l => p.Counts()[l.Outcome]),
                    ["cycles"] = p.CyclesByPeriod().ToDictionary(kv => kv.Key.ToString(CultureInfo.InvariantCulture), kv => kv.Value),
                    ["boundedAperiodic"] = p.Counts()[TrajectoryOutcome.BoundedAperiodic],
                    ["unresolved"] = p.Counts()[TrajectoryOutcome.Unresolved],
                }
                : null!,
        }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value)).ToList();
        output.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
    }
}
