using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Maps;

/// <summary>The gradient-descent map F_η(θ) = θ − η∇L(θ) and its iterates.</summary>
public static class GradientDescent
{
    /// <summary>One step, in any number type (exact for rationals on polynomial losses).</summary>
    public static T[] Step<T>(Objective f, ReadOnlySpan<T> x, T eta) where T : IScalar<T>
    {
        var g = f.Gradient(x);
        var next = new T[x.Length];
        for (int i = 0; i < next.Length; i++) next[i] = x[i] - eta * g[i];
        return next;
    }

    public static double[] Step(Objective f, ReadOnlySpan<double> x, double eta)
    {
        var g = f.GradientAt(x);
        var next = new double[x.Length];
        for (int i = 0; i < next.Length; i++) next[i] = x[i] - eta * g[i];
        return next;
    }

    /// <summary>F_η applied k times.</summary>
    public static double[] Iterate(Objective f, ReadOnlySpan<double> x0, double eta, int steps)
    {
        var x = x0.ToArray();
        for (int k = 0; k < steps; k++) x = Step(f, x, eta);
        return x;
    }

    /// <summary>x₀, x₁, …, x_steps (stops early, keeping the non-finite iterate, if one overflows).</summary>
    public static Trajectory Run(Objective f, ReadOnlySpan<double> x0, double eta, int steps)
    {
        var points = new List<double[]>(steps + 1) { x0.ToArray() };
        var x = x0.ToArray();
        for (int k = 0; k < steps; k++)
        {
            x = Step(f, x, eta);
            points.Add(x);
            if (!x.All(double.IsFinite)) break;
        }
        return new Trajectory(points);
    }
}
