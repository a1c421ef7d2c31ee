using System.Runtime.InteropServices;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A loss L: ℝᵈ → ℝ written once over any <see cref="IScalar{T}"/>. Gradient and Hessian come
/// from forward-mode automatic differentiation unless a subclass gives a closed form (which the
/// tests then check against the automatic one). The *At methods are the double-valued API.
/// </summary>
public abstract class Objective
{
    /// <summary>The number d of parameters.</summary>
    public abstract int Dimension { get; }

    /// <summary>L(x), generic so it runs in double, exact rationals, duals, jets, intervals.</summary>
    public abstract T Value<T>(ReadOnlySpan<T> x) where T : IScalar<T>;

    /// <summary>∇L(x); by automatic differentiation unless overridden with a closed form.</summary>
    public virtual T[] Gradient<T>(ReadOnlySpan<T> x) where T : IScalar<T> => AutoDiff.Gradient(this, x);

    /// <summary>∇²L(x) as a dense d×d array; by automatic differentiation unless overridden.</summary>
    public virtual T[,] Hessian<T>(ReadOnlySpan<T> x) where T : IScalar<T> => AutoDiff.Hessian(this, x);

    public double ValueAt(ReadOnlySpan<double> x) => Value(AsReal(x)).Value;

    public double[] GradientAt(ReadOnlySpan<double> x) => Scalar.ToDoubles<Real>(Gradient(AsReal(x)));

    public Matrix<double> HessianAt(ReadOnlySpan<double> x)
    {
        var h = Hessian(AsReal(x));
        return Matrix<double>.Build.Dense(Dimension, Dimension, (i, j) => h[i, j].Value);
    }

    /// <summary>A double span seen as a Real span: the same bits, no copy.</summary>
    protected static ReadOnlySpan<Real> AsReal(ReadOnlySpan<double> x) => MemoryMarshal.Cast<double, Real>(x);
}
