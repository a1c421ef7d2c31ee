using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Maps;

/// <summary>
/// GD toward a critical point at 0, followed without underflow. Writing x = 2ᵐ·y, the GD map of f in y is
/// the GD map of f_m(y) = f(2ᵐy)/2²ᵐ (same step η), and for a polynomial f_m is f with rescaled
/// coefficients — exact in floating point. Whenever ‖y‖ falls below 2⁻⁶⁴ the state is renormalized
/// (m decreases), so the direction x_k/‖x_k‖ and log₂‖x_k‖ can be followed for as many steps as the
/// direction needs to settle, long after ‖x_k‖ would have underflowed to 0 in plain doubles.
/// </summary>
public static class RenormalizedGradientDescent
{
    /// <summary>
    /// One iterate x_k = 2^Log2Scale·Scaled: its unit direction x_k/‖x_k‖ and log₂‖x_k‖ (−∞ and NaN direction at
    /// x_k = 0 exactly; +∞ once it overflows).
    /// </summary>
    public readonly record struct State(int Step, double[] Direction, double Log2Norm, double[] Scaled, int Log2Scale);

    private const int RenormalizeBelow = -64;

    /// <param name="rescaled">m ↦ f_m(y) = f(2ᵐy)/2²ᵐ (e.g. <see cref="PerturbedQuadratic.Rescaled"/>).</param>
    /// <param name="x0">The start (in x coordinates).</param>
    /// <param name="eta">The step η.</param>
    /// <param name="steps">How many GD steps to take; yields x₀ … x_steps, stopping early at 0 or on overflow.</param>
    public static IEnumerable<State> Run(Func<int, Objective> rescaled, double[] x0, double eta, int steps)
    {
        int m = 0;
        var f = rescaled(0);
        var y = x0.ToArray();
        for (int k = 0; ; k++)
        {
            double norm = Norms.Euclidean(y);
            if (!double.IsFinite(norm))
            {
                yield return new State(k, Nan(y.Length), double.PositiveInfinity, y, m);
                yield break;
            }
            if (norm == 0)
            {
                yield return new State(k, Nan(y.Length), double.NegativeInfinity, y, m);
                yield break;
            }
            int e = Math.ILogB(norm);
            if (e < RenormalizeBelow)
            {
                // Multiply by 2^(−e): exact; x = 2ᵐy is unchanged.
                for (int i = 0; i < y.Length; i++) y[i] = Math.ScaleB(y[i], -e);
                m += e;
                f = rescaled(m);
                norm = Norms.Euclidean(y);
            }
            yield return new State(k, y.Select(v => v / norm).ToArray(), m + Math.Log2(norm), y, m);
            if (k == steps) yield break;
            y = GradientDescent.Step(f, y, eta);
        }
    }

    private static double[] Nan(int n) => Enumerable.Repeat(double.NaN, n).ToArray();
}
