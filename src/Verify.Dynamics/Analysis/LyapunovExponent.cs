using Verify.Dynamics.Maps;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The largest Lyapunov exponent λ = lim (1/N) Σ log ‖DF(x_t)v_t‖ of a map along an orbit (v renormalized
/// every step): λ &lt; 0 on a stable periodic orbit, λ &gt; 0 on a chaotic attractor. Tangents come from one
/// dual-number pass per step (a Jacobian-vector product), so any <see cref="IMap"/> works in any dimension.
/// </summary>
public static class LyapunovExponent
{
    /// <summary>The estimate, over how many steps it averaged, and whether the orbit left the finite numbers (then no estimate).</summary>
    public readonly record struct Estimate(double Exponent, int Steps, bool Diverged);

    /// <summary>Iterates <paramref name="burnIn"/> steps from x₀, then averages log-stretching over <paramref name="steps"/> steps.</summary>
    public static Estimate Of(IMap map, ReadOnlySpan<double> x0, int burnIn, int steps)
    {
        var x = map.Iterate(x0, burnIn);
        if (!x.All(double.IsFinite)) return new Estimate(double.NaN, 0, true);
        var v = new double[x.Length];
        v[0] = 1;
        double sum = 0;
        for (int t = 0; t < steps; t++)
        {
            var (next, tangent) = map.StepWithTangent(x, v);
            if (!next.All(double.IsFinite)) return new Estimate(double.NaN, t, true);
            double norm = Math.Sqrt(tangent.Sum(a => a * a));
            // An exactly zero stretch (orbit through a critical point) is a superstable step: −∞ is the honest value.
            sum += Math.Log(norm);
            if (norm > 0) for (int i = 0; i < v.Length; i++) v[i] = tangent[i] / norm;
            x = next;
        }
        return new Estimate(sum / steps, steps, false);
    }

    /// <summary>1-D maps with a known derivative, in plain doubles (for long sweeps): mean log|F′(x_t)|.</summary>
    public static Estimate Of(Func<double, double> map, Func<double, double> derivative, double x0, int burnIn, int steps)
    {
        double x = x0;
        for (int t = 0; t < burnIn && double.IsFinite(x); t++) x = map(x);
        if (!double.IsFinite(x)) return new Estimate(double.NaN, 0, true);
        double sum = 0;
        for (int t = 0; t < steps; t++)
        {
            sum += Math.Log(Math.Abs(derivative(x)));
            x = map(x);
            if (!double.IsFinite(x)) return new Estimate(double.NaN, t, true);
        }
        return new Estimate(sum / steps, steps, false);
    }
}
