using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// A rigid motion A(x) = Ox + v (O orthogonal) with rational entries, so that maps conjugated by it can be
/// compared exactly. <see cref="Cayley"/> makes exact rational rotations: O = (I − S)(I + S)⁻¹ is orthogonal
/// for every skew-symmetric S (I + S is always invertible then).
/// </summary>
public sealed class AffineIsometry
{
    public AffineIsometry(ScalarMatrix<Rational> orthogonal, Rational[] shift)
    {
        if (orthogonal.Rows != orthogonal.Columns || orthogonal.Rows != shift.Length)
            throw new ArgumentException($"Need a square O and a shift of the same dimension; got {orthogonal.Rows}×{orthogonal.Columns} and {shift.Length}.");
        O = orthogonal; Shift = (Rational[])shift.Clone();
    }

    public ScalarMatrix<Rational> O { get; }
    public Rational[] Shift { get; }
    public int Dimension => Shift.Length;

    /// <summary>Whether OᵀO = I exactly.</summary>
    public bool IsOrthogonal => (O.Transpose() * O).Equals(ScalarMatrix<Rational>.Identity(Dimension));

    /// <summary>The Cayley transform (I − S)(I + S)⁻¹ of a skew-symmetric S, with shift v.</summary>
    public static AffineIsometry Cayley(ScalarMatrix<Rational> skew, Rational[] shift)
    {
        if (!skew.Transpose().Equals(-skew)) throw new ArgumentException("The Cayley transform needs a skew-symmetric matrix.");
        var i = ScalarMatrix<Rational>.Identity(skew.Rows);
        return new AffineIsometry((i - skew) * (i + skew).Inverse()!, shift);
    }

    /// <summary>A(x) = Ox + v.</summary>
    public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T>
    {
        var o = O.Convert(ExactScalars.FromRational<T>);
        var y = o.Apply(x);
        for (int k = 0; k < y.Length; k++) y[k] += ExactScalars.FromRational<T>(Shift[k]);
        return y;
    }

    /// <summary>A⁻¹(y) = Oᵀ(y − v).</summary>
    public T[] ApplyInverse<T>(ReadOnlySpan<T> y) where T : IScalar<T>
    {
        var d = new T[y.Length];
        for (int k = 0; k < d.Length; k++) d[k] = y[k] - ExactScalars.FromRational<T>(Shift[k]);
        return O.Transpose().Convert(ExactScalars.FromRational<T>).Apply(d);
    }

    /// <summary>The linear part O applied to a vector (no shift): how gradients transform.</summary>
    public T[] Rotate<T>(ReadOnlySpan<T> x) where T : IScalar<T> => O.Convert(ExactScalars.FromRational<T>).Apply(x);
}
