namespace Verify.Dynamics.Analysis;

/// <summary>
/// Numerical rank from the largest gap in a spectrum, instead of a fixed tolerance: the magnitudes are
/// sorted v₁ ≥ … ≥ v_n, a floor n·ε·v₁ (the rounding level of a backward-stable decomposition, ε the
/// double epsilon) is appended as the last rung, and the rank is the position of the largest ratio
/// vᵢ/vᵢ₊₁. The ratio itself (and the runner-up) say how clearly the spectrum splits.
/// </summary>
public readonly record struct SpectralGap(int Rank, double GapRatio, double NextGapRatio, double Threshold)
{
    /// <summary>The rank and gap of non-negative magnitudes (singular values, |eigenvalues|).</summary>
    public static SpectralGap Of(IEnumerable<double> magnitudes)
    {
        var v = magnitudes.Select(Math.Abs).OrderByDescending(x => x).ToArray();
        if (v.Length == 0 || v[0] == 0 || !double.IsFinite(v[0])) return new SpectralGap(0, double.PositiveInfinity, 1, 0);
        double floor = v.Length * Epsilon * v[0];
        var rungs = v.Select(x => Math.Max(x, floor)).Append(floor).ToArray();
        int best = 0; double bestRatio = 0, next = 1;
        for (int i = 0; i < v.Length; i++)
        {
            double ratio = rungs[i] / rungs[i + 1];
            if (ratio > bestRatio) { next = Math.Max(next, bestRatio); bestRatio = ratio; best = i + 1; }
            else next = Math.Max(next, ratio);
        }
        return new SpectralGap(best, bestRatio, next, Math.Sqrt(rungs[best - 1] * rungs[best]));
    }

    /// <summary>Machine epsilon of double (2⁻⁵²).</summary>
    public const double Epsilon = 2.220446049250313e-16;

    /// <summary>
    /// Counts of positive, zero and negative eigenvalues of a symmetric matrix: "zero" are those below
    /// the largest gap of |λ|.
    /// </summary>
    public static Inertia InertiaOf(IReadOnlyList<double> eigenvalues)
    {
        var gap = Of(eigenvalues);
        int pos = 0, neg = 0;
        foreach (var x in eigenvalues)
        {
            if (Math.Abs(x) <= gap.Threshold) continue;
            if (x > 0) pos++; else neg++;
        }
        return new Inertia(pos, eigenvalues.Count - pos - neg, neg, gap);
    }
}

/// <summary>How many eigenvalues are positive, zero (below the gap) and negative, with the gap that decided it.</summary>
public readonly record struct Inertia(int Positive, int Zero, int Negative, SpectralGap Gap);
