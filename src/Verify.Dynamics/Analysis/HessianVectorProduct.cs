using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// ∇²L(x)·u without forming the Hessian: the objective's gradient evaluated in dual numbers at x + εu
/// (forward over the gradient) has ε-part ∇²L(x)u. Costs a few gradients, so large models can have
/// their curvature probed by <see cref="TopEigenpair"/>. Exact for the closed-form gradients.
/// </summary>
public static class HessianVectorProduct
{
    public static double[] Of(Objective f, ReadOnlySpan<double> x, ReadOnlySpan<double> u)
    {
        if (x.Length != u.Length) throw new ArgumentException($"x has {x.Length} coordinates, u has {u.Length}.");
        var xs = new Dual<Real>[x.Length];
        for (int i = 0; i < xs.Length; i++) xs[i] = new Dual<Real>(x[i], u[i]);
        var g = f.Gradient<Dual<Real>>(xs);
        var hv = new double[g.Length];
        for (int i = 0; i < hv.Length; i++) hv[i] = g[i].Derivative.Value;
        return hv;
    }

    /// <summary>The operator u ↦ ∇²L(x)u at a fixed x.</summary>
    public static Func<double[], double[]> At(Objective f, double[] x) => u => Of(f, x, u);
}
