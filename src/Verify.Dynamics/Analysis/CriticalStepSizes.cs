using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The infimum over the minimizer manifold M of one Hessian eigenvalue function, found by Nelder–Mead in
/// the gauge chart of M with the chart coordinates bounded by B, for a growing sequence of bounds B.
/// Attained when the two largest bounds give the same value (to the optimizer's relative tolerance);
/// otherwise the value keeps falling as M is explored further out, and the infimum is approached at
/// infinity (where it may be 0).
/// </summary>
public sealed record EigenvalueInfimum(double Value, double[] Argument, bool Attained, IReadOnlyList<(double Bound, double Value)> ByBound);

/// <summary>
/// The critical step sizes of GD on a deep linear network: η_C = 2 / min_M λ_max (M_SS = {λ_max &lt; 2/η} is
/// non-empty exactly for η &lt; η_C) and η_E = 2 / inf_M λ_min, with λ_min the smallest non-zero Hessian
/// eigenvalue (M_WS = {λ_min &lt; 2/η} is empty exactly for η ≥ η_E; η_E = ∞ when inf λ_min = 0).
/// </summary>
public sealed record CriticalStepSizes(EigenvalueInfimum LargestEigenvalue, EigenvalueInfimum SmallestNonzeroEigenvalue)
{
    /// <summary>Relative tolerance of the minimizer, also the tolerance of "attained".</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Simplex iterations per start and bound.</summary>
    public const int MaxIterations = 3000;

    public double EtaC => 2 / LargestEigenvalue.Value;

    /// <summary>2 / inf λ_min when the infimum is attained; +∞ when it is not (λ_min → 0 along M).</summary>
    public double EtaE => SmallestNonzeroEigenvalue.Attained ? 2 / SmallestNonzeroEigenvalue.Value : double.PositiveInfinity;

    /// <summary>
    /// The non-zero Hessian eigenvalues at θ ∈ M, descending: the dim M_r largest (the Hessian on M has
    /// exactly dim M_r positive eigenvalues).
    /// </summary>
    public static double[] NonzeroEigenvalues(DeepLinearNetwork net, ReadOnlySpan<double> theta) =>
        Sharpness.Spectrum(net.HessianAt(theta)).Reverse().Take(net.Widths.ImageDimension).ToArray();

    /// <summary>Minimizes λ_max and λ_min (non-zero) over M from several random chart starts, for each bound.</summary>
    public static CriticalStepSizes Compute(DeepLinearNetwork net, int starts, int seed, IReadOnlyList<double> bounds)
    {
        var m = ProductFibre.Of(net);
        var theta0 = m.BasePoint();
        return new CriticalStepSizes(
            Infimum(m, theta0, th => NonzeroEigenvalues(net, th)[0], starts, seed, bounds),
            Infimum(m, theta0, th => NonzeroEigenvalues(net, th)[^1], starts, seed + 1, bounds));
    }

    /// <summary>inf over M of f, by Nelder–Mead in the bounded gauge chart around θ₀.</summary>
    public static EigenvalueInfimum Infimum(ProductFibre m, double[] theta0, Func<double[], double> f, int starts, int seed, IReadOnlyList<double> bounds)
    {
        if (bounds.Count < 2) throw new ArgumentException("Need at least two bounds to tell an attained minimum from one at infinity.");
        int dim = m.ChartDimension;
        if (dim == 0)
        {
            // No hidden layer: M is a single point.
            double v = f(theta0);
            return new EigenvalueInfimum(v, theta0, true, bounds.Select(b => (b, v)).ToList());
        }
        var rng = new Random(seed);
        var byBound = new List<(double, double)>();
        double best = double.PositiveInfinity; double[] arg = theta0;
        foreach (var bound in bounds)
        {
            double bestHere = double.PositiveInfinity; double[] argHere = theta0;
            for (int s = 0; s < starts; s++)
            {
                var u0 = Vector<double>.Build.Dense(dim, _ => s == 0 ? 0 : rng.NextDouble() * 2 - 1);
                // Every evaluation is watched, so the best point is kept even when the simplex runs out of iterations
                // (it does when the infimum lies at infinity and the chart saturates).
                double Objective(Vector<double> u)
                {
                    var th = m.Chart(theta0, u.ToArray(), bound);
                    var v = f(th);
                    if (!double.IsFinite(v)) return double.MaxValue;
                    if (v < bestHere) { bestHere = v; argHere = th; }
                    return v;
                }
                try { NelderMeadSimplex.Minimum(ObjectiveFunction.Value(Objective), u0, Vector<double>.Build.Dense(dim, 0.5), Tolerance, MaxIterations); }
                catch (MaximumIterationsException) { }
            }
            byBound.Add((bound, bestHere));
            if (bestHere < best) { best = bestHere; arg = argHere; }
        }
        double last = byBound[^1].Item2, previous = byBound[^2].Item2;
        // Nelder–Mead stops when the simplex values agree to Tolerance; separate starts agree to a few
        // orders more, so a drop of less than 10⁻⁶ relative between the two largest bounds is "the same value".
        bool attained = previous - last <= 1e3 * Tolerance * Math.Abs(last);
        return new EigenvalueInfimum(best, arg, attained, byBound);
    }
}
