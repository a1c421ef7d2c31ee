using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The direction from which a sequence approaches a point x*: the normalized secants
/// u_k = (x_k − x*)/‖x_k − x*‖, or the alternating secants (−1)ᵏu_k for a sequence that flips sides
/// every step. A limit direction is declared when the tail of the secants has settled (all within a
/// tolerance of the last one); it is compared with an eigenvector up to sign.
/// </summary>
public static class DirectionOfApproach
{
    /// <summary>A settled (or unsettled) direction: the last secant and how far the tail strays from it.</summary>
    public readonly record struct Limit(bool Converged, double[] Direction, double Spread)
    {
        /// <summary>|cos| of the angle with v: 1 when the limit is ±v.</summary>
        public double AlignmentWith(ReadOnlySpan<double> v) => Alignment(Direction, v);
    }

    /// <summary>(x − x*)/‖x − x*‖; NaN coordinates when x = x* exactly or x is not finite.</summary>
    public static double[] Secant(ReadOnlySpan<double> x, ReadOnlySpan<double> xStar)
    {
        var d = new double[x.Length];
        for (int i = 0; i < d.Length; i++) d[i] = x[i] - xStar[i];
        double norm = Norms.Euclidean(d);
        for (int i = 0; i < d.Length; i++) d[i] = norm > 0 && double.IsFinite(norm) ? d[i] / norm : double.NaN;
        return d;
    }

    /// <summary>u_k for every point, or (−1)ᵏu_k when <paramref name="alternating"/>.</summary>
    public static double[][] Secants(IReadOnlyList<double[]> points, ReadOnlySpan<double> xStar, bool alternating)
    {
        var r = new double[points.Count][];
        for (int k = 0; k < r.Length; k++)
        {
            r[k] = Secant(points[k], xStar);
            if (alternating && k % 2 == 1) Negate(r[k]);
        }
        return r;
    }

    /// <summary>(−1)ᵏ·u for the k-th unit direction of a sequence (for directions produced elsewhere).</summary>
    public static double[] Alternate(double[] direction, int k)
    {
        var r = direction.ToArray();
        if (k % 2 != 0) Negate(r);
        return r;
    }

    /// <summary>
    /// Whether the last <paramref name="window"/> directions all lie within <paramref name="tolerance"/>
    /// (Euclidean) of the last one; a NaN direction in the window means no limit.
    /// </summary>
    public static Limit Settle(IReadOnlyList<double[]> directions, int window, double tolerance)
    {
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must hold at least one direction.");
        if (directions.Count == 0) throw new ArgumentException("No directions to inspect.", nameof(directions));
        var last = directions[^1];
        double spread = 0;
        int first = Math.Max(0, directions.Count - window);
        for (int k = first; k < directions.Count; k++)
        {
            double d = Norms.Distance(directions[k], last);
            if (!(d <= spread)) spread = double.IsNaN(d) ? double.PositiveInfinity : d;
        }
        bool enough = directions.Count >= window;
        return new Limit(enough && spread <= tolerance, last.ToArray(), spread);
    }

    /// <summary>|⟨u, v⟩|/(‖u‖‖v‖): 1 when u = ±v (NaN if either is zero or NaN).</summary>
    public static double Alignment(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double nu = Norms.Euclidean(u), nv = Norms.Euclidean(v), dot = 0;
        for (int i = 0; i < u.Length; i++) dot += u[i] / nu * (v[i] / nv);
        return Math.Abs(dot);
    }

    /// <summary>
    /// The angle in radians between the lines of u and v, in [0, π/2] (sign of either ignored), as
    /// atan2(‖u⊥‖, |u·v|) with unit vectors: accurate down to 10⁻³⁰⁰, where acos of a cosine near 1 is not.
    /// </summary>
    public static double AngleToLine(ReadOnlySpan<double> u, ReadOnlySpan<double> v)
    {
        double nu = Norms.Euclidean(u), nv = Norms.Euclidean(v), dot = 0;
        for (int i = 0; i < u.Length; i++) dot += u[i] / nu * (v[i] / nv);
        var perpendicular = new double[u.Length];
        for (int i = 0; i < u.Length; i++) perpendicular[i] = u[i] / nu - dot * (v[i] / nv);
        return Math.Atan2(Norms.Euclidean(perpendicular), Math.Abs(dot));
    }

    private static void Negate(double[] v)
    {
        for (int i = 0; i < v.Length; i++) v[i] = -v[i];
    }
}
