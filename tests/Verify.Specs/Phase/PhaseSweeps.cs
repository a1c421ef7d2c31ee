using Verify.Dynamics.Sweeps;

namespace Verify.Specs.Phase;

/// <summary>The portraits several phase specs read, computed once per test run (xunit runs the spec classes in parallel).</summary>
internal static class PhaseSweeps
{
    /// <summary>The post's settings: a 101 × 101 grid on [−3, 3]², at most 320 steps.</summary>
    public static readonly PortraitGrid BlogGrid = PortraitGrid.Square(3, 101);

    public static readonly PortraitSettings BlogSettings = new() { Steps = 320 };

    /// <summary>The same, with gray points followed to 4000 steps with cycle detection.</summary>
    public static readonly PortraitSettings RefinedSettings = BlogSettings with { RefinedSteps = 4000 };

    /// <summary>The panels of the post's figure (its η's and the ones around the thresholds), with refined labels.</summary>
    public static readonly double[] BlogEtas = [0.1, 0.3, 0.45, 0.49, 0.5, 0.51, 0.55, 0.7, 0.9, 0.95, 0.99, 1.0, 1.05, 1.2, 1.25, 1.3];

    public static readonly Lazy<PortraitPanel[]> BlogPortraits = new(() => PhasePortrait.Compute(BlogGrid, BlogEtas, RefinedSettings));

    public static PortraitPanel Blog(double eta) => BlogPortraits.Value.Single(p => p.Eta == eta);

    /// <summary>
    /// Portraits labelled by the residual alone (|xy − 1| ≤ 1e-12 within 20000 steps): the rule contains no local
    /// theory, so checking the local table against them is not circular.
    /// </summary>
    public static readonly PortraitSettings ResidualSettings = new() { Steps = 20_000, Convergence = ConvergenceTest.Residual, Tolerance = 1e-12 };

    public static readonly double[] ResidualEtas = [0.1, 0.3, 0.45, 0.49, 0.7, 0.9];

    public static readonly Lazy<PortraitPanel[]> ResidualPortraits = new(() => PhasePortrait.Compute(BlogGrid, ResidualEtas, ResidualSettings));
}
