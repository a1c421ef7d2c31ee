using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>What a Krawczyk test proved about the zeros of a map in a box.</summary>
public enum KrawczykVerdict
{
    /// <summary>The map has exactly one zero in the box (K(X) ⊂ int X), and it lies in the enclosure.</summary>
    ZeroExistsUnique,

    /// <summary>The map has no zero in the box (K(X) ∩ X = ∅, or G(X) excludes 0).</summary>
    NoZero,

    /// <summary>Nothing was proven; the reason says why.</summary>
    Inconclusive,
}

/// <summary>
/// The result of a Krawczyk test, in the spirit of CAPD's proof(x₀, X): a verdict that could have
/// gone the other way, the box it is about, where the zero lies, why, and how much work it took
/// (a deterministic count of interval evaluations of the map; a Dual&lt;Interval&gt; pass counts one).
/// </summary>
public sealed record KrawczykOutcome(
    KrawczykVerdict Verdict,
    IReadOnlyList<Interval> Box,
    IReadOnlyList<Interval>? Enclosure,
    string Reason,
    int Evaluations,
    int Tests)
{
    public bool IsProven => Verdict == KrawczykVerdict.ZeroExistsUnique;

    /// <summary>The largest coordinate width of the enclosure of the zero (NaN without one).</summary>
    public double EnclosureWidth => Enclosure is null ? double.NaN : IntervalVector.MaxWidth(Enclosure.ToArray());

    /// <summary>One sentence for a report.</summary>
    public string Describe() => Verdict switch
    {
        KrawczykVerdict.ZeroExistsUnique =>
            $"unique zero in X = {IntervalVector.Format(Box.ToArray())}, enclosed in {IntervalVector.Format(Enclosure!.ToArray())} ({Reason}; {Tests} Krawczyk tests, {Evaluations} interval evaluations)",
        KrawczykVerdict.NoZero => $"no zero in X = {IntervalVector.Format(Box.ToArray())} ({Reason})",
        _ => $"inconclusive on X = {IntervalVector.Format(Box.ToArray())}: {Reason}",
    };

    internal KrawczykOutcome WithWork(int evaluations, int tests) => this with { Evaluations = evaluations, Tests = tests };
}
