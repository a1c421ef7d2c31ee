using Verify.Dynamics.Sweeps;

namespace Verify.Specs.EdgeOfStability;

/// <summary>
/// The period-2 orbit of the scaled quartic map ρ ↦ ρ − Eρ(ρ² − 1) (E = ηλ₁, or K for the single neuron),
/// as printed in 002's eqs. (4)/(6)/(8)/(164): the two solutions δ₁ &lt; 1 &lt; δ₂ of
/// E = 1/(δ²(√(1/δ² − 3/4) + 1/2)). Located by bisection on the printed equation (not a closed form), so
/// that a spec compares GD's limit with the paper's formula itself.
/// </summary>
internal static class TwoStepOrbit
{
    /// <summary>The right-hand side of eq. (6): E as a function of an orbit point δ ∈ (0, 2/√3].</summary>
    public static double StepOfOrbitPoint(double delta) => QuarticWell.Instance.StepOfTwoCycleThrough(delta);   // eq. (4) with μ = 1, in the core

    /// <summary>(δ₁, δ₂) with δ₁ &lt; 1 &lt; δ₂, for 1 &lt; E &lt; 1.5.</summary>
    public static (double Low, double High) Points(double e)
    {
        if (!(e > 1 && e < 1.5)) throw new ArgumentOutOfRangeException(nameof(e), e, "The period-2 orbit of eq. (6) exists for 1 < E < 1.5.");
        // E(δ) = 1 at δ = 1 and E grows away from 1 on both sides within (0, 2/√3]: one root per side.
        var low = Bisection.Locate(d => StepOfOrbitPoint(d) > e, 1e-6, 1, 1e-15);
        var high = Bisection.Locate(d => StepOfOrbitPoint(d) > e, 1, 2 / Math.Sqrt(3), 1e-15);
        return (low.Midpoint, high.Midpoint);
    }
}
