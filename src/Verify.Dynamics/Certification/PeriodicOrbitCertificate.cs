using Verify.Dynamics.Differentiation;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>
/// A computer-assisted proof about a periodic orbit of a map F: a Krawczyk proof that F^p has exactly
/// one fixed point x* in a box (a zero of F^p(x) − x), a proof that its least period is p
/// (F^k(E) ∩ E = ∅ for 0 &lt; k &lt; p, E the enclosure of x*; for p ≥ 2 this also says x* is not a fixed
/// point of F, e.g. not a minimum for a gradient-descent map), enclosures of the orbit points
/// F^k(x*), and an enclosure of the multipliers (eigenvalues of D(F^p)(x*)) that decides stability.
/// (The map made no midpoint reads in the Krawczyk evaluations, so it makes none here: only such
/// reads could change its control flow.)
/// </summary>
public sealed record PeriodicOrbitCertificate(
    int Period,
    KrawczykOutcome FixedPoint,
    IReadOnlyList<IReadOnlyList<Interval>> Orbit,
    bool LeastPeriodProven,
    SpectrumEnclosure? Multipliers,
    int Evaluations)
{
    /// <summary>Existence, uniqueness in the box and least period p are all proven.</summary>
    public bool IsProven => FixedPoint.IsProven && LeastPeriodProven;

    /// <summary>Stable/Unstable only when the orbit itself is proven and the multipliers decide it.</summary>
    public Stability Stability => IsProven ? Multipliers!.Stability : Stability.Undecided;

    public string Describe()
    {
        if (!FixedPoint.IsProven) return $"period-{Period} orbit not proven: {FixedPoint.Describe()}";
        if (!LeastPeriodProven) return $"period-{Period} orbit not proven: F^k(E) meets E for some 0 < k < {Period}, so the least period is not proven to be {Period} ({FixedPoint.Describe()})";
        var points = string.Join(" → ", Orbit.Select(p => IntervalVector.Format(p.ToArray())));
        return $"proven period-{Period} orbit {points}; {FixedPoint.Describe()}; multipliers: {Multipliers!.Describe()}; {Evaluations} interval evaluations";
    }

    /// <summary>Certifies the period-p orbit through the point near <paramref name="guess"/> (any point of the orbit).</summary>
    public static PeriodicOrbitCertificate Certify(IMap map, int period, ReadOnlySpan<double> guess, KrawczykOptions? options = null)
    {
        var power = map.Iterated(period);
        var fixedPoint = Krawczyk.Certify(power.FixedPointResidual(), guess, options);
        if (!fixedPoint.IsProven) return new PeriodicOrbitCertificate(period, fixedPoint, [], false, null, fixedPoint.Evaluations);

        var enclosure = fixedPoint.Enclosure!.ToArray();
        var (orbit, leastPeriod) = OrbitOf(x => map.Apply<Interval>(x), enclosure, period);
        var jacobian = IntervalMatrix.Of(Jacobian.Of<Interval>(power, enclosure));
        int evaluations = fixedPoint.Evaluations + (period - 1) + map.Dimension; // F(E), …, F^{p−1}(E); one Dual pass per column
        return new PeriodicOrbitCertificate(period, fixedPoint, orbit, leastPeriod, EigenvalueBounds.Enclose(jacobian), evaluations);
    }

    /// <inheritdoc cref="Certify(IMap, int, ReadOnlySpan{double}, KrawczykOptions?)"/>
    public static PeriodicOrbitCertificate Certify(IMap map, int period, double guess, KrawczykOptions? options = null) =>
        Certify(map, period, [guess], options);

    /// <summary>
    /// The enclosures E, F(E), …, F^{p−1}(E), and whether F^k(E) ∩ E = ∅ for every 0 &lt; k &lt; p (then a
    /// point of E with F^p(x) = x has least period p).
    /// </summary>
    internal static (IReadOnlyList<IReadOnlyList<Interval>> Orbit, bool LeastPeriod) OrbitOf(Func<Interval[], Interval[]> step, Interval[] start, int period)
    {
        var orbit = new List<IReadOnlyList<Interval>> { start };
        bool leastPeriod = true;
        var image = start;
        for (int k = 1; k < period; k++)
        {
            image = step(image);
            orbit.Add(image);
            leastPeriod &= IntervalVector.Intersection(image, start) is null;
        }
        return (orbit, leastPeriod);
    }
}
