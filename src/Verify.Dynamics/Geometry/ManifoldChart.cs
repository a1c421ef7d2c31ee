using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// A local parametrization t ↦ p(t) ∈ ℝᵈ, t ∈ ℝᵏ, of a smooth k-dimensional manifold (a chart of a set
/// of minimizers), written once over any <see cref="IScalar{T}"/>: a rational chart gives exact tangent
/// projectors in <see cref="Rational"/>, and the Jacobian comes from dual numbers.
/// </summary>
public abstract class ManifoldChart
{
    /// <summary>d: the dimension of the ambient space.</summary>
    public abstract int AmbientDimension { get; }

    /// <summary>k: the number of parameters (the dimension of the manifold).</summary>
    public abstract int Dimension { get; }

    /// <summary>r = d − k.</summary>
    public int Codimension => AmbientDimension - Dimension;

    /// <summary>p(t).</summary>
    public abstract T[] Point<T>(ReadOnlySpan<T> t) where T : IScalar<T>;

    public double[] PointAt(ReadOnlySpan<double> t) => Scalar.ToDoubles<Real>(Point(System.Runtime.InteropServices.MemoryMarshal.Cast<double, Real>(t)));

    /// <summary>Dp(t), d × k: column j is ∂p/∂t_j (forward-mode, one dual pass per parameter).</summary>
    public T[,] Jacobian<T>(ReadOnlySpan<T> t) where T : IScalar<T>
    {
        int d = AmbientDimension, k = Dimension;
        var jac = new T[d, k];
        var seeded = new Dual<T>[k];
        for (int j = 0; j < k; j++)
        {
            for (int i = 0; i < k; i++) seeded[i] = i == j ? Dual<T>.Variable(t[i]) : Dual<T>.Constant(t[i]);
            var p = Point<Dual<T>>(seeded);
            for (int i = 0; i < d; i++) jac[i, j] = p[i].Derivative;
        }
        return jac;
    }

    /// <summary>P_T(t) = Dp (DpᵀDp)⁻¹ Dpᵀ: the orthogonal projector onto the tangent space at p(t).</summary>
    public T[,] TangentProjector<T>(ReadOnlySpan<T> t) where T : IScalar<T>
    {
        var dp = ScalarMatrix<T>.FromArray(Jacobian(t));
        var dpT = dp.Transpose();
        var gramInverse = (dpT * dp).Inverse() ?? throw new ArgumentException("The chart is singular here: DpᵀDp has no inverse.", nameof(t));
        return (dp * gramInverse * dpT).ToArray();
    }

    /// <summary>P_N(t) = I − P_T(t): the orthogonal projector onto the normal space, of rank r.</summary>
    public T[,] NormalProjector<T>(ReadOnlySpan<T> t) where T : IScalar<T> =>
        (ScalarMatrix<T>.Identity(AmbientDimension) - ScalarMatrix<T>.FromArray(TangentProjector(t))).ToArray();

    public Matrix<double> JacobianAt(ReadOnlySpan<double> t) => ScalarMatrix<Real>.FromArray(Jacobian(AsReal(t))).ToMatrix();

    public Matrix<double> NormalProjectorAt(ReadOnlySpan<double> t) => ScalarMatrix<Real>.FromArray(NormalProjector(AsReal(t))).ToMatrix();

    private static ReadOnlySpan<Real> AsReal(ReadOnlySpan<double> t) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, Real>(t);
}
