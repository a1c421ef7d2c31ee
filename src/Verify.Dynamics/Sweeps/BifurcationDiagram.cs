using Verify.Dynamics.Analysis;
using Verify.Dynamics.Maps;

namespace Verify.Dynamics.Sweeps;

/// <summary>
/// A bifurcation diagram: for each parameter value, iterate a map from a fixed start through a burn-in,
/// keep the next points (the attractor as seen by an observable) and classify them with
/// <see cref="Periodicity"/> (period p ≤ maxPeriod, or none: quasi-periodic, chaotic or not yet settled).
/// Parameters run in parallel; each column is computed alone, so the result does not depend on scheduling.
/// </summary>
public static class BifurcationDiagram
{
    /// <summary>One parameter value: the kept attractor points, the detected period, and whether the orbit escaped.</summary>
    public sealed record Column(double Parameter, double[] Attractor, int? Period, bool Diverged);

    /// <summary>A 1-D map x ↦ map(parameter, x) in plain doubles (fast path for long burn-ins).</summary>
    public static Column[] Sweep(IReadOnlyList<double> parameters, Func<double, double, double> map, double x0,
        int burnIn, int keep, int maxPeriod, double tolerance, double escape = 1e6)
    {
        var columns = new Column[parameters.Count];
        // (int i): typed, so a mutated body cannot bind to the Parallel.For(long, …) overload.
        Parallel.For(0, parameters.Count, (int i) =>
        {
            double p = parameters[i], x = x0;
            for (int t = 0; t < burnIn && Math.Abs(x) <= escape; t++) x = map(p, x);
            var kept = new double[keep];
            for (int t = 0; t < keep && Math.Abs(x) <= escape; t++) { kept[t] = x; x = map(p, x); }
            columns[i] = Classify(p, kept, Math.Abs(x) <= escape && kept.All(v => Math.Abs(v) <= escape), maxPeriod, tolerance);
        });
        return columns;
    }

    /// <summary>Any map family p ↦ F_p, seen through an observable of the state.</summary>
    public static Column[] Sweep(IReadOnlyList<double> parameters, Func<double, IMap> mapAt, double[] x0, Func<double[], double> observable,
        int burnIn, int keep, int maxPeriod, double tolerance, double escape = 1e6)
    {
        var columns = new Column[parameters.Count];
        Parallel.For(0, parameters.Count, (int i) =>
        {
            var map = mapAt(parameters[i]);
            bool Bounded(double[] s) => s.All(v => Math.Abs(v) <= escape);
            var x = x0.ToArray();
            for (int t = 0; t < burnIn && Bounded(x); t++) x = map.Iterate(x, 1);
            var kept = new double[keep];
            for (int t = 0; t < keep && Bounded(x); t++) { kept[t] = observable(x); x = map.Iterate(x, 1); }
            columns[i] = Classify(parameters[i], kept, Bounded(x), maxPeriod, tolerance);
        });
        return columns;
    }

    private static Column Classify(double parameter, double[] kept, bool bounded, int maxPeriod, double tolerance)
    {
        if (!bounded) return new Column(parameter, [], null, true);
        var points = kept.Select(v => new[] { v }).ToList();
        int? period = Periodicity.Detect(points, maxPeriod, tolerance, window: kept.Length - maxPeriod);
        return new Column(parameter, kept, period, false);
    }

    /// <summary>n evenly spaced values from lo to hi inclusive.</summary>
    public static double[] Grid(double lo, double hi, int n) =>
        n == 1 ? [lo] : Enumerable.Range(0, n).Select(i => lo + (hi - lo) * i / (n - 1)).ToArray();
}
