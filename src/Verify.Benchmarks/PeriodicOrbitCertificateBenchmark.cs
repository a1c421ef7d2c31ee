using BenchmarkDotNet.Attributes;
using Verify.Dynamics.Certification;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Benchmarks;

/// <summary>
/// The cost of a computer-assisted proof about a 1-D period-2 orbit: gradient descent on ¼(x² − 1)²,
/// F_η(x) = x − ηx(x² − 1), at η = 11/10 (the orbit, its stability) and the period-4 boundary η* = √5 − 1.
/// </summary>
[MemoryDiagnoser]
public class PeriodicOrbitCertificateBenchmark
{
    private static readonly IParametricMap Family = new GradientDescentFamily(QuarticWell.Instance);
    private static readonly IMap AtEleventenths = Family.At(new Rational(11, 10));

    /// <summary>Newton, Krawczyk proof of the unique fixed point of F² in a box, least period, multiplier enclosure.</summary>
    [Benchmark]
    public PeriodicOrbitCertificate PeriodTwoOrbit() => PeriodicOrbitCertificate.Certify(AtEleventenths, 2, 0.76);

    /// <summary>The Krawczyk operator alone on a fixed box around the orbit point.</summary>
    [Benchmark]
    public KrawczykOutcome KrawczykTest() =>
        Krawczyk.Test(AtEleventenths.Iterated(2).FixedPointResidual(), [new Interval(0.75, 0.77)]);

    /// <summary>The η at which the orbit's multiplier is −1 (augmented system in (x, v, η)).</summary>
    [Benchmark]
    public CriticalParameterCertificate PeriodFourBoundary() => CriticalParameter.Certify(Family, 2, -1, 0.6, 1.236);
}
