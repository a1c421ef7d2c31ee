using Verify.Dynamics.Certification;

namespace Verify.Specs.Support;

/// <summary>
/// Spec-side helpers for interval certificates: the rows of the "quantity | box | enclosure | verdict"
/// tables a card shows, and the same check moved off its orbit (a negative control).
/// </summary>
internal static class Certificates
{
    /// <summary>Columns of a certificate table.</summary>
    public static readonly string[] Columns = ["quantity", "box (Krawczyk)", "enclosure", "verdict"];

    public static string Box(IReadOnlyList<Interval> box) => IntervalVector.Format(box.ToArray());

    /// <summary>A row for a period-p orbit: its Krawczyk box, the orbit points and multipliers, least period and stability.</summary>
    public static object[] OrbitRow(string quantity, PeriodicOrbitCertificate c) =>
        [quantity, Box(c.FixedPoint.Box),
         c.IsProven ? $"{string.Join(" → ", c.Orbit.Select(p => IntervalVector.Format(p.ToArray())))}; multipliers {c.Multipliers!.Describe()}" : "—",
         c.IsProven ? $"unique in the box, least period {c.Period}, {c.Stability.ToString().ToLowerInvariant()}" : $"not proven: {c.FixedPoint.Reason}"];

    /// <summary>A row for a critical parameter: the augmented system's box and the enclosure of η*.</summary>
    public static object[] CriticalRow(string quantity, CriticalParameterCertificate c, string comparison) =>
        [quantity, Box(c.Outcome.Box), c.IsProven ? $"η* ∈ {c.Parameter} (width {c.Parameter.Width:G3})" : "—",
         c.IsProven ? $"unique solution in the box; {comparison}" : $"not proven: {c.Outcome.Reason}"];

    /// <summary>
    /// The Krawczyk test of F^p(x) − x on the proven box moved by <paramref name="widths"/> of its own widths in
    /// every coordinate (off the orbit): a negative control, proven only if the test proves a zero there.
    /// </summary>
    public static bool ProvenOnMovedBox(IMap map, PeriodicOrbitCertificate proven, double widths = 3)
    {
        var box = proven.FixedPoint.Box.Select(x => new Interval(x.Lo + widths * x.Width, x.Hi + widths * x.Width)).ToArray();
        return Krawczyk.Test(map.Iterated(proven.Period).FixedPointResidual(), box).IsProven;
    }
}
