using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>
/// Rigorous eigenvalue enclosures for every real matrix in an interval matrix: the entry itself in 1-D,
/// the closed form (tr ± √(tr² − 4 det))/2 (or |λ|² = det for a complex pair) in 2-D, and Gershgorin
/// discs after an approximate diagonalization in n-D.
/// </summary>
public static class EigenvalueBounds
{
    public static SpectrumEnclosure Enclose(ScalarMatrix<Interval> j)
    {
        if (j.Rows != j.Columns) throw new ArgumentException($"Eigenvalues of a {j.Rows}×{j.Columns} matrix.", nameof(j));
        return j.Rows switch
        {
            1 => new SpectrumEnclosure([new EigenvalueCluster(1, Interval.Abs(j[0, 0]), j[0, 0])], "1×1"),
            2 => TwoByTwo(j),
            _ => Gershgorin(j),
        };
    }

    /// <summary>
    /// [[a, b], [c, d]]: the discriminant (a − d)² + 4bc decides real (≥ 0) or complex (&lt; 0) eigenvalues;
    /// real ones are (a + d ± √disc)/2, a complex pair has |λ|² = ad − bc.
    /// </summary>
    public static SpectrumEnclosure TwoByTwo(ScalarMatrix<Interval> j)
    {
        Interval a = j[0, 0], b = j[0, 1], c = j[1, 0], d = j[1, 1];
        var trace = a + d;
        var det = a * d - b * c;
        var disc = Interval.Square(a - d) + Interval.FromInt(4) * b * c;
        var two = Interval.FromInt(2);
        if (!disc.IsValid) // it involves all four entries
            return new SpectrumEnclosure([new(2, Interval.Invalid, null)], "2×2 closed form, not finite");
        if (disc.IsNonNegative)
        {
            var root = Interval.Sqrt(disc);
            var plus = (trace + root) / two;
            var minus = (trace - root) / two;
            return new SpectrumEnclosure([new(1, Interval.Abs(plus), plus), new(1, Interval.Abs(minus), minus)], "2×2 closed form, real eigenvalues");
        }
        var positiveDet = Interval.Intersection(det, new Interval(0, double.PositiveInfinity));
        if (disc.IsNegative)
        {
            // A complex pair λ, λ̄ with λλ̄ = det (> 0 for such matrices, so the intersection is not empty).
            var modulus = positiveDet is { } p ? Interval.Sqrt(p) : Interval.Invalid;
            return new SpectrumEnclosure([new(2, modulus, null)], "2×2 closed form, complex pair");
        }
        // Undecided type: bound both cases from above.
        var realBound = (Interval.Abs(trace) + Interval.Sqrt(new Interval(0, disc.Hi))) / two;
        var complexBound = positiveDet is { } q ? Interval.Sqrt(q) : Interval.Zero;
        return new SpectrumEnclosure([new(2, new Interval(0, Math.Max(realBound.Hi, complexBound.Hi)), null)], "2×2 closed form, real or complex");
    }

    /// <summary>
    /// Gershgorin's theorem on B = V⁻¹ J V, V the eigenvectors of the midpoint matrix (when they are
    /// real; V = I otherwise). V⁻¹ is enclosed rigorously: with R ≈ V⁻¹ in double and
    /// α = ‖I − RV‖∞ &lt; 1, ‖V⁻¹ − R‖∞ ≤ ‖R‖∞ α/(1 − α). A connected union of k discs holds exactly k
    /// eigenvalues (for every matrix in J: the discs contain those of each point matrix along the
    /// homotopy from its diagonal); one disc alone on the real axis holds one real eigenvalue.
    /// </summary>
    public static SpectrumEnclosure Gershgorin(ScalarMatrix<Interval> j)
    {
        int n = j.Rows;
        var mid = j.Midpoint();
        var (b, method) = Diagonalized(j, mid);
        var discs = Enumerable.Range(0, n).Select(b.GershgorinRow).ToArray();

        // Components of overlapping discs (overlap decided conservatively).
        var component = Enumerable.Range(0, n).ToArray();
        int Find(int i) => component[i] == i ? i : component[i] = Find(component[i]);
        for (int p = 0; p < n; p++)
            for (int q = p + 1; q < n; q++)
            {
                var (cp, rp) = discs[p];
                var (cq, rq) = discs[q];
                double gap = Math.Max(0, Math.Max(Interval.Sum(cq.Lo, -cp.Hi).Down, Interval.Sum(cp.Lo, -cq.Hi).Down));
                if (!(gap > Interval.Sum(rp, rq).Up)) component[Find(p)] = Find(q);
            }

        var clusters = Enumerable.Range(0, n).GroupBy(Find).Select(g =>
        {
            var members = g.ToArray();
            double lo = members.Min(i => Math.Max(0, Interval.Sum(discs[i].Center.Mig, -discs[i].Radius).Down));
            double hi = members.Max(i => Interval.Sum(discs[i].Center.Mag, discs[i].Radius).Up);
            var modulus = double.IsNaN(lo) || double.IsNaN(hi) ? Interval.Invalid : new Interval(lo, hi);
            Interval? value = members.Length == 1 && modulus.IsValid
                ? new Interval(Interval.Sum(discs[members[0]].Center.Lo, -discs[members[0]].Radius).Down, Interval.Sum(discs[members[0]].Center.Hi, discs[members[0]].Radius).Up)
                : null;
            return new EigenvalueCluster(members.Length, modulus, value);
        }).ToArray();
        return new SpectrumEnclosure(clusters, method);
    }

    // An interval matrix containing V⁻¹ J V for the exact inverse, and how it was obtained.
    private static (ScalarMatrix<Interval> B, string Method) Diagonalized(ScalarMatrix<Interval> j, Matrix<double> mid)
    {
        int n = j.Rows;
        if (mid.Enumerate().All(double.IsFinite))
        {
            var evd = mid.Evd();
            // Real eigenvalues come out of the real Schur form with imaginary part exactly 0.
            if (evd.EigenValues.All(l => l.Imaginary == 0))
            {
                var v = evd.EigenVectors;
                if (Similar(j, v, v.Inverse()) is { } b) return (b, "Gershgorin discs after diagonalizing the midpoint");
            }
        }
        return (j, "Gershgorin discs");
    }

    /// <summary>
    /// An interval matrix containing V⁻¹ J V for the exact inverse of V, given any R ≈ V⁻¹: with
    /// α = ‖I − RV‖∞ &lt; 1, E = V⁻¹ − R has ‖E‖∞ ≤ ‖R‖∞ α/(1 − α), and every entry of E·(JV) is at most
    /// ‖E‖∞ · max |(JV)ₖⱼ| in magnitude. Null when α ≥ 1 or the bound is not finite.
    /// </summary>
    internal static ScalarMatrix<Interval>? Similar(ScalarMatrix<Interval> j, Matrix<double> v, Matrix<double> r)
    {
        int n = j.Rows;
        var pointV = ScalarMatrix<Interval>.FromMatrix(v);
        var pointR = ScalarMatrix<Interval>.FromMatrix(r);
        var alpha = Interval.FromDouble((ScalarMatrix<Interval>.Identity(n) - pointR * pointV).NormInfinityBound());
        if (!(alpha.Hi < 1)) return null;
        var errorNorm = Interval.FromDouble(pointR.NormInfinityBound()) * alpha / (Interval.One - alpha);
        var jv = j * pointV;
        double maxEntry = 0;
        for (int p = 0; p < n; p++)
            for (int q = 0; q < n; q++) maxEntry = Math.Max(maxEntry, jv[p, q].Mag);
        double delta = (errorNorm * Interval.FromDouble(maxEntry)).Hi;
        if (!double.IsFinite(delta)) return null;
        var rjv = pointR * jv;
        return new ScalarMatrix<Interval>(n, n, (p, q) => rjv[p, q] + new Interval(-delta, delta));
    }
}
