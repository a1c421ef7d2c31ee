namespace Verify.Dynamics.Sweeps;

/// <summary>How a portrait decides that a trajectory reached the minimizer set or the saddle.</summary>
public enum ConvergenceTest
{
    /// <summary>
    /// A proof of convergence from the current iterate (see <see cref="Analysis.MinimizerCertificate"/>),
    /// and for the saddle, lying exactly on its stable line x = −y where the map contracts.
    /// No tolerance: the label is what the exact map would do from that iterate.
    /// </summary>
    Certified,

    /// <summary>|xy − 1| ≤ tolerance (minimizers) or max(|x|, |y|) ≤ tolerance (saddle), the first time it happens.</summary>
    Residual,
}

/// <summary>
/// The parameters of a phase portrait of GD on ½(1 − xy)². <see cref="Steps"/> is the budget of the
/// budget-limited labels; with <see cref="RefinedSteps"/> &gt; <see cref="Steps"/>, points still
/// unresolved keep running, with cycle detection, up to that many steps in total.
/// </summary>
public sealed record PortraitSettings
{
    /// <summary>Step budget of the budget-limited labels.</summary>
    public int Steps { get; init; } = 320;

    /// <summary>Total budget of the refined labels (≤ <see cref="Steps"/>: no refinement).</summary>
    public int RefinedSteps { get; init; }

    public ConvergenceTest Convergence { get; init; } = ConvergenceTest.Certified;

    /// <summary>Tolerance of <see cref="ConvergenceTest.Residual"/>.</summary>
    public double Tolerance { get; init; } = 1e-8;

    /// <summary>An iterate with |x| or |y| above this (or non-finite) is diverged.</summary>
    public double DivergenceRadius { get; init; } = 1e6;

    /// <summary>Longest cycle looked for in the refinement.</summary>
    public int MaxPeriod { get; init; } = 8;

    /// <summary>A cycle is found when |x_{k+p} − x_k| and |y_{k+p} − y_k| stay ≤ this for <see cref="CycleWindow"/> consecutive k.</summary>
    public double CycleTolerance { get; init; } = 1e-9;

    public int CycleWindow { get; init; } = 64;

    public bool Refines => RefinedSteps > Steps;

    internal void Validate()
    {
        if (Steps < 0) throw new ArgumentOutOfRangeException(nameof(Steps), Steps, "The step budget cannot be negative.");
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "The tolerance must be positive.");
        if (!(DivergenceRadius > 0)) throw new ArgumentOutOfRangeException(nameof(DivergenceRadius), DivergenceRadius, "The divergence radius must be positive.");
        if (MaxPeriod < 1) throw new ArgumentOutOfRangeException(nameof(MaxPeriod), MaxPeriod, "The maximal period must be at least 1.");
        if (!(CycleTolerance > 0)) throw new ArgumentOutOfRangeException(nameof(CycleTolerance), CycleTolerance, "The cycle tolerance must be positive.");
        if (CycleWindow < 1) throw new ArgumentOutOfRangeException(nameof(CycleWindow), CycleWindow, "The cycle window must be at least 1.");
    }
}
