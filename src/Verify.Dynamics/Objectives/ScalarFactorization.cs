using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(x, y) = ½(1 − xy)²: one hidden linear neuron with input weight x, output weight y, one sample
/// with input 1 and target 1. Minimizers: the hyperbola xy = 1; the only other critical point is
/// the saddle (0, 0). Coordinates near the minimizers: n = xy − 1 (across) and t = x² − y² (along).
/// </summary>
public sealed class ScalarFactorization : Objective
{
    public static ScalarFactorization Instance { get; } = new();

    public override int Dimension => 2;

    public override T Value<T>(ReadOnlySpan<T> p)
    {
        var r = T.FromInt(1) - p[0] * p[1];
        return r * r / T.FromInt(2);
    }

    /// <summary>∇L = ((xy − 1)y, (xy − 1)x).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> p)
    {
        var n = Residual(p[0], p[1]);
        return [n * p[1], n * p[0]];
    }

    /// <summary>∇²L = [[y², 2xy − 1], [2xy − 1, x²]].</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> p)
    {
        T x = p[0], y = p[1];
        var off = T.FromInt(2) * x * y - T.FromInt(1);
        return new[,] { { y * y, off }, { off, x * x } };
    }

    /// <summary>n = xy − 1: signed distance-like coordinate across the minimizer curve.</summary>
    public static T Residual<T>(T x, T y) where T : IScalar<T> => x * y - T.FromInt(1);

    /// <summary>t = x² − y²: coordinate along the minimizer curve (0 at the balanced minimizers).</summary>
    public static T Imbalance<T>(T x, T y) where T : IScalar<T> => x * x - y * y;

    /// <summary>s(t) = (t² + 4)^½: the Hessian's non-zero eigenvalue x² + y² at the minimizer with coordinate t.</summary>
    public static double SharpnessOnMinimizers(double t) => Math.Sqrt(t * t + 4);

    /// <summary>The minimizer (a, 1/a).</summary>
    public static double[] Minimizer(double a) => [a, 1 / a];

    /// <summary>The minimizer with x &gt; 0 and along-curve coordinate t (x² − 1/x² = t).</summary>
    public static double[] MinimizerWithImbalance(double t)
    {
        double x2 = (t + Math.Sqrt(t * t + 4)) / 2;
        double x = Math.Sqrt(x2);
        return [x, 1 / x];
    }
}
