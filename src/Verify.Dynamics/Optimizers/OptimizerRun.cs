using Verify.Dynamics.Maps;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Optimizers;

/// <summary>Runs an optimizer from x₀ on a gradient oracle (full-batch or stochastic), recording the iterates.</summary>
public static class OptimizerRun
{
    /// <param name="gradient">(k, x_k) ↦ the gradient used at step k (a mini-batch gradient for stochastic methods).</param>
    /// <returns>x₀ … x_steps; stops early, keeping the non-finite iterate, if one overflows.</returns>
    public static Trajectory Run(IOptimizer optimizer, Func<int, double[], double[]> gradient, ReadOnlySpan<double> x0, int steps)
    {
        optimizer.Reset();
        var x = x0.ToArray();
        var points = new List<double[]>(steps + 1) { x };
        for (int k = 0; k < steps; k++)
        {
            var d = optimizer.Update(gradient(k, x));
            var next = new double[x.Length];
            for (int i = 0; i < next.Length; i++) next[i] = x[i] + d[i];
            points.Add(x = next);
            if (!next.All(double.IsFinite)) break;
        }
        return new Trajectory(points);
    }

    /// <summary>Full-batch: the objective's exact gradient at every step.</summary>
    public static Trajectory Run(IOptimizer optimizer, Objective f, ReadOnlySpan<double> x0, int steps) =>
        Run(optimizer, (_, x) => f.GradientAt(x), x0, steps);
}
