using System.Numerics;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Maps;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>
/// Encloses a bifurcation value: the parameter η* at which a period-p orbit of a family F_η has a
/// multiplier equal to m (m = −1: period doubling, e.g. the birth of a period-2 orbit from a fixed point
/// or the loss of stability of a period-2 orbit to period 4; m = +1: a fold). It is a Krawczyk proof
/// for the augmented system in (x, v, η) ∈ ℝ²ⁿ⁺¹
///     F_η^p(x) − x = 0,   D F_η^p(x)·v − m v = 0,   ℓ·v − 1 = 0
/// (ℓ a fixed normalization), evaluated generically with the directional derivative in Dual numbers.
/// A proof gives a unique solution in the box: η* lies in the parameter enclosure, and the
/// system's Jacobian is nonsingular there (a regular, nondegenerate crossing).
/// </summary>
public static class CriticalParameter
{
    public static CriticalParameterCertificate Certify(
        IParametricMap family, int period, Rational multiplier, ReadOnlySpan<double> point, double parameter, KrawczykOptions? options = null)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be ≥ 1.");
        int n = family.Dimension;
        // Normalization ℓ = v₀, the unit approximate eigenvector: ℓ·v = 1 picks the eigenvector near v₀.
        var eigenvector = ApproximateEigenvector(family, period, multiplier, point, parameter);
        var system = new MultiplierCondition(family, period, multiplier, eigenvector);
        var guess = point.ToArray().Concat(eigenvector).Append(parameter).ToArray();
        var cert = new CriticalParameterCertificate(period, multiplier, n, Krawczyk.Certify(system, guess, options), false);
        if (!cert.Outcome.IsProven) return cert;
        var eta = cert.Parameter;
        var (_, leastPeriod) = PeriodicOrbitCertificate.OrbitOf(x => family.Apply<Interval>(x, eta), cert.Point.ToArray(), period);
        return cert with { LeastPeriodProven = leastPeriod };
    }

    /// <inheritdoc cref="Certify(IParametricMap, int, Rational, ReadOnlySpan{double}, double, KrawczykOptions?)"/>
    public static CriticalParameterCertificate Certify(
        IParametricMap family, int period, Rational multiplier, double point, double parameter, KrawczykOptions? options = null) =>
        Certify(family, period, multiplier, [point], parameter, options);

    // The real unit eigenvector of D F^p (in double, at the guess) whose eigenvalue is nearest m.
    private static double[] ApproximateEigenvector(IParametricMap family, int period, Rational multiplier, ReadOnlySpan<double> point, double parameter)
    {
        int n = family.Dimension;
        var map = family.At(Rational.FromDouble(parameter)).Iterated(period);
        var j = Jacobian.Of<Real>(map, Scalar.FromDoubles<Real>(point));
        var matrix = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n, (r, c) => j[r, c].Value);
        var evd = matrix.Evd();
        double target = (double)multiplier;
        int best = Enumerable.Range(0, n).MinBy(i => Complex.Abs(evd.EigenValues[i] - target));
        var v = evd.EigenVectors.Column(best);
        // Unit length, largest component positive (a deterministic choice of sign).
        return v.Divide(v.L2Norm() * Math.Sign(v[v.AbsoluteMaximumIndex()])).ToArray();
    }

    /// <summary>(x, v, η) ↦ (F_η^p(x) − x, D F_η^p(x)·v − m v, ℓ·v − 1).</summary>
    private sealed class MultiplierCondition(IParametricMap family, int period, Rational multiplier, double[] normalization) : IMap
    {
        private readonly int _n = family.Dimension;

        public int Dimension => 2 * _n + 1;

        public T[] Apply<T>(ReadOnlySpan<T> z) where T : IScalar<T>
        {
            int n = _n;
            var orbit = new Dual<T>[n];
            for (int i = 0; i < n; i++) orbit[i] = new Dual<T>(z[i], z[n + i]);
            var eta = Dual<T>.Constant(z[2 * n]);
            for (int k = 0; k < period; k++) orbit = family.Apply<Dual<T>>(orbit, eta);

            var m = ExactScalars.FromRational<T>(multiplier);
            var r = new T[Dimension];
            T normalized = T.FromInt(-1);
            for (int i = 0; i < n; i++)
            {
                r[i] = orbit[i].Value - z[i];
                r[n + i] = orbit[i].Derivative - m * z[n + i];
                normalized += T.FromDouble(normalization[i]) * z[n + i];
            }
            r[2 * n] = normalized;
            return r;
        }
    }
}

/// <summary>The result of <see cref="CriticalParameter.Certify(IParametricMap, int, Rational, ReadOnlySpan{double}, double, KrawczykOptions?)"/>.</summary>
public sealed record CriticalParameterCertificate(
    int Period,
    Rational Multiplier,
    int Dimension,
    KrawczykOutcome Outcome,
    bool LeastPeriodProven)
{
    public bool IsProven => Outcome.IsProven && LeastPeriodProven;

    private IReadOnlyList<Interval> Solution => Outcome.Enclosure ?? Outcome.Box;

    /// <summary>The enclosure of η* (of the last coordinate of the box when not proven).</summary>
    public Interval Parameter => Solution[2 * Dimension];

    /// <summary>The enclosure of the orbit point x* at η*.</summary>
    public IReadOnlyList<Interval> Point => Solution.Take(Dimension).ToArray();

    /// <summary>The enclosure of the eigenvector v (normalized by ℓ·v = 1, ℓ the unit approximate eigenvector).</summary>
    public IReadOnlyList<Interval> Eigenvector => Solution.Skip(Dimension).Take(Dimension).ToArray();

    public string Describe() =>
        !Outcome.IsProven ? $"critical parameter not proven: {Outcome.Describe()}"
        : !LeastPeriodProven ? $"critical parameter not proven: the solution found is not of least period {Period} (F^k(E) meets E)"
        : $"η* ∈ {Parameter} (width {Parameter.Width:G3}): the period-{Period} orbit through {IntervalVector.Format(Point.ToArray())} has a multiplier {Multiplier} there; the augmented system in (x, v, η) has exactly one solution in {IntervalVector.Format(Outcome.Box.ToArray())}; {Outcome.Tests} Krawczyk tests, {Outcome.Evaluations} interval evaluations";
}
