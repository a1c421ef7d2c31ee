using Verify.Dynamics.Geometry;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.LinearNetworks;

/// <summary>
/// The Monte Carlo sweeps of converging starts shared by several specs (Theorem 16, Lemma 58, Appendix B, Definition 14,
/// Corollary 17), computed once per test run.
/// </summary>
public static class ConvergenceSweeps
{
    /// <summary>
    /// Converged when a step moves ≤ 10⁻¹² (max-norm) with L − min L ≤ 10⁻¹² (so the saddle, where L − min L = ½ or 1, never counts);
    /// diverged beyond radius 10⁶; undecided after 4000 steps.
    /// </summary>
    public static readonly ConvergenceCriterion Criterion = new(Budget: 4000, StepTolerance: 1e-12, ValueTolerance: 1e-12, DivergenceRadius: 1e6);

    public const int ToyStarts = 4000, WideStarts = 3000, Seed = 400;

    /// <summary>Step sizes for ½(1 − xy)² (η_C = η_E = 1).</summary>
    public static readonly double[] ToyEtas = [0.2, 0.4, 0.5, 0.6, 0.8, 0.9, 1.1, 1.2, 1.5];

    /// <summary>Step sizes for the [1,1,2] network (η_C = 1/(2√2) ≈ 0.354, no finite η_E).</summary>
    public static readonly double[] WideEtas = [0.1, 0.2, 0.3, 0.34, 0.37, 0.45, 0.6];

    /// <summary>½(1 − xy)², uniform starts in [−3, 3]².</summary>
    public static IReadOnlyDictionary<double, ConvergenceTally> Toy => ToySweep.Value;

    /// <summary>(1 − ab)² + (1 − ac)² (the [1,1,2] network), uniform starts in [−2, 2]³.</summary>
    public static IReadOnlyDictionary<double, ConvergenceTally> Wide => WideSweep.Value;

    private static readonly Lazy<IReadOnlyDictionary<double, ConvergenceTally>> ToySweep = new(() =>
        ToyEtas.ToDictionary(eta => eta, eta => ConvergingStarts.Sample(ScalarFactorization.Instance, eta, 0, Criterion, -3, 3, ToyStarts, Seed)));

    private static readonly Lazy<IReadOnlyDictionary<double, ConvergenceTally>> WideSweep = new(() =>
        WideEtas.ToDictionary(eta => eta, eta => ConvergingStarts.Sample(LinearNetworkCases.WideOutput, eta, 0, Criterion, -2, 2, WideStarts, Seed + 1)));

    public static string CriterionText =>
        $"converged: a step moving ≤ {Criterion.StepTolerance:G2} (max-norm) with L − min L ≤ {Criterion.ValueTolerance:G2}; diverged: ‖θ‖ > {Criterion.DivergenceRadius:G2}; " +
        $"undecided after {Criterion.Budget} steps (counted as not converged); Wilson 95% intervals; seed {Seed}.";
}
