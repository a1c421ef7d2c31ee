using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The lowest point of the loss along the GD step: η̃ = argmin_{η′ ∈ [0, η]} L(x − η′∇L(x)) and
/// x̃ = x − η̃∇L(x). Beyond the edge of stability GD jumps across a valley; x̃ is the valley's floor on
/// the segment it jumps along. Found by a grid scan of the segment refined by golden-section search in
/// the best grid cell (the restriction of the loss to a segment need not be unimodal).
/// </summary>
public static class LineSearchMinimum
{
    public readonly record struct Result(double Step, double[] Point, double Value, double[] Direction);

    public static Result Find(Objective f, ReadOnlySpan<double> x, double eta, int grid = 64, double tolerance = 1e-12)
    {
        if (!(eta > 0)) throw new ArgumentOutOfRangeException(nameof(eta), "The step must be positive.");
        var x0 = x.ToArray();
        var g = f.GradientAt(x0);
        double Along(double s) => f.ValueAt(Point(x0, g, s));
        int best = 0; double bestValue = double.PositiveInfinity;
        for (int k = 0; k <= grid; k++)
        {
            double val = Along(eta * k / grid);
            if (val < bestValue) { bestValue = val; best = k; }
        }
        double lo = eta * Math.Max(0, best - 1) / grid, hi = eta * Math.Min(grid, best + 1) / grid;
        const double phi = 0.6180339887498949;
        double a = hi - phi * (hi - lo), b = lo + phi * (hi - lo), fa = Along(a), fb = Along(b);
        while (hi - lo > tolerance * Math.Max(1, eta))
        {
            if (fa <= fb) { hi = b; b = a; fb = fa; a = hi - phi * (hi - lo); fa = Along(a); }
            else { lo = a; a = b; fa = fb; b = lo + phi * (hi - lo); fb = Along(b); }
        }
        double s = (lo + hi) / 2, fs = Along(s);
        double grid0 = eta * best / grid;
        if (bestValue < fs) { s = grid0; fs = bestValue; }
        return new Result(s, Point(x0, g, s), fs, g);
    }

    private static double[] Point(double[] x, double[] g, double s)
    {
        var p = new double[x.Length];
        for (int i = 0; i < p.Length; i++) p[i] = x[i] - s * g[i];
        return p;
    }
}
