using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The gradient ω = ∇λ_max(x) of the top Hessian eigenvalue, where it is simple: first-order perturbation
/// theory gives ∂λ/∂xⱼ = vᵀ(∂ⱼ∇²f)v for the unit top eigenvector v, so λ_max(x + h) = λ_max(x) + ωᵀh + o(‖h‖).
/// The third derivatives ∂ⱼ∇²f come from differentiating the Hessian with dual numbers (exact to rounding).
/// </summary>
public static class SharpnessGradient
{
    /// <summary>The top eigenvalue and its unit eigenvector of the Hessian at x.</summary>
    public static (double Value, double[] Vector) TopEigenpair(Objective f, ReadOnlySpan<double> x) => Eigen.SymmetricTop(f.HessianAt(x));

    /// <summary>∂ⱼ∇²f(x): the derivative of the Hessian along coordinate j.</summary>
    public static Matrix<double> HessianDerivative(Objective f, ReadOnlySpan<double> x, int j)
    {
        int d = f.Dimension;
        var xs = new Dual<Real>[d];
        for (int k = 0; k < d; k++) xs[k] = new Dual<Real>(x[k], k == j ? 1 : 0);
        var h = f.Hessian<Dual<Real>>(xs);
        return Matrix<double>.Build.Dense(d, d, (a, b) => h[a, b].Derivative.Value);
    }

    /// <summary>ω = ∇λ_max(x), ωⱼ = vᵀ(∂ⱼ∇²f)v.</summary>
    public static double[] At(Objective f, ReadOnlySpan<double> x)
    {
        var (_, v) = TopEigenpair(f, x);
        var vec = Vector<double>.Build.DenseOfArray(v);
        var omega = new double[f.Dimension];
        for (int j = 0; j < omega.Length; j++) omega[j] = HessianDerivative(f, x, j).Multiply(vec).DotProduct(vec);
        return omega;
    }
}
