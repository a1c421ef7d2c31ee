using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(x, y) = c(xy − μ)², by default c = ½, μ = 1: one hidden linear neuron with input weight x, output
/// weight y, one sample with input 1 and target μ. Minimizers: the hyperbola xy = μ; the only other
/// critical point is the saddle (0, 0). Coordinates near the minimizers (μ = 1): n = xy − 1 (across)
/// and t = x² − y² (along). Other documents use μ ≠ 1 (½(xy − μ)²) and c = 1 ((1 − xy)²).
/// </summary>
public sealed class ScalarFactorization(double target = 1, double scale = 0.5) : Objective
{
    /// <summary>½(1 − xy)², the blog's loss.</summary>
    public static ScalarFactorization Instance { get; } = new();

    /// <summary>μ: the product the minimizers share.</summary>
    public double Target { get; } = target;

    /// <summary>c: the loss is c(xy − μ)².</summary>
    public double Scale { get; } = scale;

    public override int Dimension => 2;

    public override T Value<T>(ReadOnlySpan<T> p)
    {
        var r = p[0] * p[1] - T.FromDouble(Target);
        return T.FromDouble(Scale) * r * r;
    }

    /// <summary>∇L = 2c(xy − μ)(y, x).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> p)
    {
        var n = T.FromDouble(2 * Scale) * (p[0] * p[1] - T.FromDouble(Target));
        return [n * p[1], n * p[0]];
    }

    /// <summary>∇²L = 2c[[y², 2xy − μ], [2xy − μ, x²]].</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> p)
    {
        T x = p[0], y = p[1], c2 = T.FromDouble(2 * Scale);
        var off = c2 * (T.FromInt(2) * x * y - T.FromDouble(Target));
        return new[,] { { c2 * y * y, off }, { off, c2 * x * x } };
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
