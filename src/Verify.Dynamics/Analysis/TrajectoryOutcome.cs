namespace Verify.Dynamics.Analysis;

/// <summary>
/// What a GD trajectory on ½(1 − xy)² does, as a phase portrait labels it. The first five are the
/// colours of a budget-limited portrait (green, orange, blue, purple, gray); <see cref="Cycle"/> and
/// <see cref="BoundedAperiodic"/> refine "unresolved" when a longer budget with cycle detection is run.
/// </summary>
public enum TrajectoryOutcome : byte
{
    /// <summary>Gray: nothing decided within the step budget.</summary>
    Unresolved = 0,

    /// <summary>Green: certified to converge to xy = 1 and never crosses it (n = xy − 1 keeps its sign).</summary>
    ConvergedWithoutCrossing = 1,

    /// <summary>Orange: certified to converge to xy = 1 after at least one sign change of n.</summary>
    ConvergedWithCrossing = 2,

    /// <summary>Blue: certified to settle at the saddle (0, 0).</summary>
    Saddle = 3,

    /// <summary>Purple: an iterate is non-finite or leaves the divergence radius.</summary>
    Diverged = 4,

    /// <summary>
    /// Settled on a period-p cycle (p in the period array), p ≤ the maximal period searched. p = 1 is a point GD
    /// cannot leave in floating point: a start exactly on an unstable part of xy = 1, where the gradient is exactly 0.
    /// </summary>
    Cycle = 5,

    /// <summary>Bounded for the whole budget, no cycle found and not settling any further.</summary>
    BoundedAperiodic = 6,
}

public static class TrajectoryOutcomes
{
    /// <summary>Whether the outcome says the trajectory converges to the minimizer set.</summary>
    public static bool ReachesMinimizers(this TrajectoryOutcome o) =>
        o is TrajectoryOutcome.ConvergedWithoutCrossing or TrajectoryOutcome.ConvergedWithCrossing;

    /// <summary>
    /// The label a portrait with a budget of <paramref name="budget"/> steps shows: the outcome if it was
    /// decided by then and is one of the budget-limited colours, otherwise <see cref="TrajectoryOutcome.Unresolved"/>.
    /// </summary>
    public static TrajectoryOutcome WithinBudget(this TrajectoryOutcome o, int step, int budget) =>
        o is TrajectoryOutcome.Cycle or TrajectoryOutcome.BoundedAperiodic || step > budget ? TrajectoryOutcome.Unresolved : o;
}
