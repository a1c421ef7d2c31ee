using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The cosine of successive steps, cos⟨Δx_{k+1}, Δx_k⟩ with Δx_k = x_{k+1} − x_k: near 1 when the updates
/// keep one direction, near −1 when they flip back and forth along one line.
/// </summary>
public static class StepAlignment
{
    /// <summary>cos⟨a, b⟩ = ⟨a, b⟩/(‖a‖‖b‖); NaN when either vector is zero or not finite.</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double na = Norms.Euclidean(a), nb = Norms.Euclidean(b);
        if (!(na > 0 && nb > 0) || double.IsInfinity(na) || double.IsInfinity(nb)) return double.NaN;
        double dot = 0;
        for (int i = 0; i < a.Length; i++) dot += a[i] / na * (b[i] / nb);
        return Math.Clamp(dot, -1, 1);
    }

    /// <summary>The steps Δx_k = x_{k+1} − x_k, k = 0 … Count − 2.</summary>
    public static double[][] Steps(IReadOnlyList<double[]> points)
    {
        var steps = new double[Math.Max(0, points.Count - 1)][];
        for (int k = 0; k < steps.Length; k++)
        {
            var d = new double[points[k].Length];
            for (int i = 0; i < d.Length; i++) d[i] = points[k + 1][i] - points[k][i];
            steps[k] = d;
        }
        return steps;
    }

    /// <summary>cos⟨Δx_{k+1}, Δx_k⟩ for k = 0 … Count − 3.</summary>
    public static double[] Cosines(IReadOnlyList<double[]> points) => CosinesOfSteps(Steps(points));

    /// <summary>cos⟨Δ_{k+1}, Δ_k⟩ of a sequence of steps (for updates recorded directly, e.g. by an optimizer).</summary>
    public static double[] CosinesOfSteps(IReadOnlyList<double[]> steps)
    {
        var c = new double[Math.Max(0, steps.Count - 1)];
        for (int k = 0; k < c.Length; k++) c[k] = Cosine(steps[k + 1], steps[k]);
        return c;
    }
}
