namespace Verify.Dynamics.Analysis;

/// <summary>
/// Detects that a sequence of points has settled on a cycle: the smallest p ≤ maxPeriod with
/// ‖x_{k+p} − x_k‖_∞ ≤ tolerance for every k of the inspected tail. A fixed point is period 1.
/// </summary>
public static class Periodicity
{
    /// <summary>The smallest period of the last <paramref name="window"/> points, or null if none up to <paramref name="maxPeriod"/>.</summary>
    public static int? Detect(IReadOnlyList<double[]> points, int maxPeriod, double tolerance, int window = 64)
    {
        if (maxPeriod < 1) throw new ArgumentOutOfRangeException(nameof(maxPeriod), "maxPeriod must be at least 1.");
        for (int p = 1; p <= maxPeriod; p++)
        {
            int first = points.Count - window - p;
            if (first < 0) return null;
            bool periodic = true;
            for (int k = first; k + p < points.Count && periodic; k++)
                periodic = Distance(points[k], points[k + p]) <= tolerance;
            if (periodic) return p;
        }
        return null;
    }

    /// <summary>Iterates a map <paramref name="burnIn"/> times from x₀, then inspects the next window + maxPeriod points.</summary>
    public static (int? Period, IReadOnlyList<double[]> Tail) OfMap(Func<double[], double[]> map, double[] x0, int burnIn, int maxPeriod, double tolerance, int window = 64)
    {
        var x = x0;
        for (int k = 0; k < burnIn && x.All(double.IsFinite); k++) x = map(x);
        var tail = new List<double[]>(window + maxPeriod + 1) { x };
        for (int k = 0; k < window + maxPeriod && x.All(double.IsFinite); k++) tail.Add(x = map(x));
        if (!x.All(double.IsFinite)) return (null, tail);
        return (Detect(tail, maxPeriod, tolerance, window), tail);
    }

    /// <summary>‖a − b‖_∞ (NaN-safe: a NaN coordinate gives +∞).</summary>
    public static double Distance(double[] a, double[] b)
    {
        double d = 0;
        for (int i = 0; i < a.Length; i++)
        {
            double e = Math.Abs(a[i] - b[i]);
            if (!(e <= d)) d = double.IsNaN(e) ? double.PositiveInfinity : e;
        }
        return d;
    }
}
