using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>
/// A computer-assisted proof about a periodic orbit of a map F: a Krawczyk proof that F^p has exactly
/// one fixed point x* in a box (a zero of F^p(x) − x), a proof that its least period is p
/// (F^k(E) ∩ E = ∅ for 0 &lt; k &lt; p, E the enclosure of x*; for p ≥ 2 this also says x* is not a fixed
/// point of F, e.g. not a minimum for a gradient-descent map), enclosures of the orbit points
/// F^k(x*), and an enclosure of the multipliers (eigenvalues of D(F^p)(x*)) that decides stability.
/// </summary>
public sealed record PeriodicOrbitCertificate(
    int Period,
    KrawczykOutcome FixedPoint,
    IReadOnlyList<IReadOnlyList<Interval>> Orbit,
    bool LeastPeriodProven,
    SpectrumEnclosure? Multipliers,
    string? Failure,
    int Evaluations)
{
    /// <summary>Existence, uniqueness in the box and least period p are all proven.</summary>
    public bool IsProven => FixedPoint.IsProven && LeastPeriodProven && Failure is null;

    /// <summary>Stable/Unstable only when the orbit itself is proven and the multipliers decide it.</summary>
    public Stability Stability => IsProven && Multipliers is not null ? Multipliers.Stability : Stability.Undecided;

    public string Describe()
    {
        if (!FixedPoint.IsProven) return $"period-{Period} orbit not proven: {FixedPoint.Describe()}";
        if (!IsProven) return $"period-{Period} orbit not proven: {Failure}";
        var points = string.Join(" → ", Orbit.Select(p => IntervalVector.Format(p.ToArray())));
        return $"proven period-{Period} orbit {points}; {FixedPoint.Describe()}; multipliers: {Multipliers!.Describe()}; {Evaluations} interval evaluations";
    }

    /// <summary>Certifies the period-p orbit through the point near <paramref name="guess"/> (any point of the orbit).</summary>
    public static PeriodicOrbitCertificate Certify(IMap map, int period, ReadOnlySpan<double> guess, KrawczykOptions? options = null)
    {
        var power = map.Iterated(period);
        var fixedPoint = Krawczyk.Certify(power.FixedPointResidual(), guess, options);
        if (!fixedPoint.IsProven)
            return new PeriodicOrbitCertificate(period, fixedPoint, [], false, null, fixedPoint.Reason, fixedPoint.Evaluations);

        var audit = MidpointReadAudit.Start();
        var enclosure = fixedPoint.Enclosure!.ToArray();
        var orbit = new List<IReadOnlyList<Interval>> { enclosure };
        bool leastPeriod = true;
        for (int k = 1; k < period; k++)
        {
            var image = map.Apply<Interval>(enclosure, k);
            orbit.Add(image);
            if (IntervalVector.Intersection(image, enclosure) is not null) leastPeriod = false;
        }
        var jacobian = new IntervalMatrix(Jacobian.Of<Interval>(power, enclosure));
        int evaluations = fixedPoint.Evaluations + (period - 1) + map.Dimension; // F^k(E) for each k, one Dual pass per Jacobian column
        string? failure = audit.Reads > 0 ? $"the map read interval midpoints {audit.Reads} times (a branch on ToDouble)"
            : !leastPeriod ? $"F^k(E) meets E for some 0 < k < {period}: the least period is not proven to be {period}"
            : null;
        return new PeriodicOrbitCertificate(period, fixedPoint, orbit, leastPeriod, EigenvalueBounds.Enclose(jacobian), failure, evaluations);
    }

    /// <inheritdoc cref="Certify(IMap, int, ReadOnlySpan{double}, KrawczykOptions?)"/>
    public static PeriodicOrbitCertificate Certify(IMap map, int period, double guess, KrawczykOptions? options = null) =>
        Certify(map, period, [guess], options);
}
