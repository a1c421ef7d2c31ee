using Verify.Dynamics.Analysis;

namespace Verify.Dynamics.Sweeps;

/// <summary>
/// One panel of a phase portrait (one learning rate), struct-of-arrays: per grid point (index
/// row · Columns + column) the outcome, the step at which it was decided, the crossings counted up to
/// then, the cycle period (0 if none) and the iterate at that step (for a cycle: a point on it).
/// </summary>
public sealed class PortraitPanel
{
    public PortraitPanel(double eta, PortraitGrid grid, PortraitSettings settings)
    {
        Eta = eta; Grid = grid; Settings = settings;
        int n = grid.Count;
        Outcomes = new TrajectoryOutcome[n];
        Steps = new int[n];
        Crossings = new int[n];
        Periods = new byte[n];
        FinalX = new double[n];
        FinalY = new double[n];
    }

    public double Eta { get; }
    public PortraitGrid Grid { get; }
    public PortraitSettings Settings { get; }
    public TrajectoryOutcome[] Outcomes { get; }
    public int[] Steps { get; }
    public int[] Crossings { get; }
    public byte[] Periods { get; }
    public double[] FinalX { get; }
    public double[] FinalY { get; }

    public int Count => Outcomes.Length;

    public PointOutcome this[int i] => new(Outcomes[i], Steps[i], Crossings[i], Periods[i], FinalX[i], FinalY[i]);

    internal void Set(int i, PointOutcome p)
    {
        Outcomes[i] = p.Outcome; Steps[i] = p.Step; Crossings[i] = p.Crossings;
        Periods[i] = (byte)p.Period; FinalX[i] = p.X; FinalY[i] = p.Y;
    }

    /// <summary>The budget-limited label of point i (what a portrait with <see cref="PortraitSettings.Steps"/> steps shows).</summary>
    public TrajectoryOutcome BudgetLabel(int i) => Outcomes[i].WithinBudget(Steps[i], Settings.Steps);

    /// <summary>All budget-limited labels.</summary>
    public TrajectoryOutcome[] BudgetLabels() => Enumerable.Range(0, Count).Select(BudgetLabel).ToArray();

    /// <summary>How many points have each budget-limited label (every label present as a key).</summary>
    public IReadOnlyDictionary<TrajectoryOutcome, int> BudgetCounts() => Tally(BudgetLabels());

    /// <summary>How many points have each refined outcome (every outcome present as a key).</summary>
    public IReadOnlyDictionary<TrajectoryOutcome, int> Counts() => Tally(Outcomes);

    /// <summary>Refined cycle counts by period.</summary>
    public IReadOnlyDictionary<int, int> CyclesByPeriod() =>
        Enumerable.Range(0, Count).Where(i => Outcomes[i] == TrajectoryOutcome.Cycle).GroupBy(i => (int)Periods[i])
            .OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count());

    public int CountBudgetLabel(TrajectoryOutcome label) => Enumerable.Range(0, Count).Count(i => BudgetLabel(i) == label);

    /// <summary>Whether some point reaches xy = 1 within the budget.</summary>
    public bool AnyReachesMinimizersWithinBudget() => Enumerable.Range(0, Count).Any(i => BudgetLabel(i).ReachesMinimizers());

    private static Dictionary<TrajectoryOutcome, int> Tally(IEnumerable<TrajectoryOutcome> labels)
    {
        var d = Enum.GetValues<TrajectoryOutcome>().ToDictionary(o => o, _ => 0);
        foreach (var o in labels) d[o]++;
        return d;
    }
}
