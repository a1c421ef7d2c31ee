using Complex = System.Numerics.Complex;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Maps;

namespace Verify.Dynamics.Analysis;

/// <summary>How a periodic-orbit search ended.</summary>
public enum OrbitSearchStatus
{
    /// <summary>A point with F^p(x) = x (to the tolerance) whose prime period is the period asked for.</summary>
    Found,
    /// <summary>Newton converged, but to a point of smaller prime period (a divisor of p), e.g. a fixed point.</summary>
    LowerPeriod,
    /// <summary>No convergence within the iteration budget.</summary>
    NotConverged,
    /// <summary>An iterate or the map became non-finite.</summary>
    NonFinite,
    /// <summary>D(F^p) − I was singular at an iterate (multiplier 1: Newton's step is undefined).</summary>
    Singular,
}

/// <summary>
/// A periodic orbit x₀, F(x₀), …, F^{p−1}(x₀) of a map, with its prime period p, the Jacobian of F^p at
/// x₀ (the monodromy) and its eigenvalues, the multipliers: the orbit is linearly stable when all lie
/// strictly inside the unit circle. In 1-D the multiplier is F′(x₀)⋯F′(x_{p−1}).
/// </summary>
public sealed record PeriodicOrbit(int Period, IReadOnlyList<double[]> Points, double[,] Monodromy, Complex[] Multipliers, double Residual)
{
    /// <summary>The largest |multiplier|.</summary>
    public double SpectralRadius => Multipliers.Max(m => m.Magnitude);

    public bool IsStable => SpectralRadius < 1;

    /// <summary>The multiplier of a 1-D orbit (throws for d &gt; 1, where there are several).</summary>
    public double Multiplier => Multipliers.Length == 1 ? Monodromy[0, 0] : throw new InvalidOperationException($"A {Multipliers.Length}-D orbit has {Multipliers.Length} multipliers.");

    /// <summary>The coordinate <paramref name="i"/> of every orbit point, ascending (handy in 1-D).</summary>
    public double[] Sorted(int i = 0) => Points.Select(p => p[i]).OrderBy(v => v).ToArray();

    /// <summary>The result of a search: the status, the orbit when one was found (also for <see cref="OrbitSearchStatus.LowerPeriod"/>), the Newton iterations and the final point.</summary>
    public sealed record Search(OrbitSearchStatus Status, PeriodicOrbit? Orbit, int Iterations, double[] Point, double Residual)
    {
        public bool Found => Status == OrbitSearchStatus.Found;
    }

    /// <summary>Newton's method on G(x) = F^p(x) − x from <paramref name="guess"/> (1-D convenience).</summary>
    public static Search Find(IMap map, double guess, int period, double tolerance = 1e-12, int maxIterations = 100) =>
        Find(map, [guess], period, tolerance, maxIterations);

    /// <summary>
    /// Newton's method on G(x) = F^p(x) − x from <paramref name="guess"/>, with the Jacobian D(F^p) − I by
    /// forward-mode AD and step halving when a full step does not reduce ‖G‖. Converged when
    /// ‖G(x)‖_∞ ≤ tolerance·(1 + ‖x‖_∞). The prime period is the smallest q | p with ‖F^q(x) − x‖_∞ within
    /// 10⁴ times that tolerance (a point of smaller period is reported as <see cref="OrbitSearchStatus.LowerPeriod"/>).
    /// </summary>
    public static Search Find(IMap map, double[] guess, int period, double tolerance = 1e-12, int maxIterations = 100)
    {
        if (period < 1) throw new ArgumentOutOfRangeException(nameof(period), period, "The period must be at least 1.");
        if (guess.Length != map.Dimension) throw new ArgumentException($"The guess has {guess.Length} coordinates, the map {map.Dimension}.", nameof(guess));
        int d = guess.Length;
        var x = guess.ToArray();
        double Tol(double[] p) => tolerance * (1 + p.Max(Math.Abs));
        double[] G(double[] p) { var y = map.Iterate(p, period); for (int i = 0; i < d; i++) y[i] -= p[i]; return y; }
        double Norm(double[] v) => v.Aggregate(0.0, (m, a) => double.IsNaN(a) ? double.PositiveInfinity : Math.Max(m, Math.Abs(a)));

        var g = G(x);
        double r = Norm(g);
        for (int it = 0; it <= maxIterations; it++)
        {
            if (!double.IsFinite(r) || !x.All(double.IsFinite)) return new Search(OrbitSearchStatus.NonFinite, null, it, x, r);
            if (r <= Tol(x)) return Classify(map, x, period, tolerance, it, r);
            if (it == maxIterations) break;
            var j = Matrix<double>.Build.DenseOfArray(map.Jacobian(x, period)) - Matrix<double>.Build.DenseIdentity(d);
            var lu = j.LU();
            if (lu.Determinant == 0) return new Search(OrbitSearchStatus.Singular, null, it, x, r);
            var step = lu.Solve(Vector<double>.Build.DenseOfArray(g)).ToArray();
            if (!step.All(double.IsFinite)) return new Search(OrbitSearchStatus.Singular, null, it, x, r);
            double t = 1;
            double[] next = x; double[] gNext = g; double rNext = r;
            for (int halving = 0; halving < 30; halving++, t /= 2)
            {
                next = x.Select((a, i) => a - t * step[i]).ToArray();
                gNext = G(next);
                rNext = Norm(gNext);
                if (rNext < r) break;
            }
            if (!(rNext < r) && !(rNext <= Tol(next))) return new Search(OrbitSearchStatus.NotConverged, null, it + 1, next, rNext);
            x = next; g = gNext; r = rNext;
        }
        return new Search(OrbitSearchStatus.NotConverged, null, maxIterations, x, r);
    }

    private static Search Classify(IMap map, double[] x, int period, double tolerance, int iterations, double residual)
    {
        int prime = period;
        double separation = 1e4 * tolerance * (1 + x.Max(Math.Abs));
        for (int q = 1; q < period; q++)
        {
            if (period % q != 0) continue;
            if (Periodicity.Distance(map.Iterate(x, q), x) <= separation) { prime = q; break; }
        }
        var orbit = Build(map, x, prime, residual);
        return new Search(prime == period ? OrbitSearchStatus.Found : OrbitSearchStatus.LowerPeriod, orbit, iterations, x, residual);
    }

    /// <summary>The orbit through x of period p (points, monodromy D(F^p)(x) and its eigenvalues), without a search.</summary>
    public static PeriodicOrbit Build(IMap map, double[] x, int period, double residual = double.NaN)
    {
        var points = new List<double[]>(period) { x.ToArray() };
        for (int k = 1; k < period; k++) points.Add(map.Iterate(points[^1], 1));
        var monodromy = map.Jacobian(x, period);
        var multipliers = monodromy.Length == 1
            ? [new Complex(monodromy[0, 0], 0)]
            : Eigen.Values(monodromy);
        return new PeriodicOrbit(period, points, monodromy, multipliers, residual);
    }
}
