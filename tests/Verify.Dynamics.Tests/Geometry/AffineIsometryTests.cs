using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class AffineIsometryTests
{
    [Fact]
    public void CayleyRotationsAreExactlyOrthogonalAndInvertible()
    {
        var s = new ScalarMatrix<Rational>(3, 3, (i, j) => new[,] { { 0, 1, -2 }, { -1, 0, 3 }, { 2, -3, 0 } }[i, j]);
        var a = AffineIsometry.Cayley(s, [1, new Rational(-1, 2), 3]);
        a.IsOrthogonal.ShouldBeTrue();
        a.Dimension.ShouldBe(3);
        Rational[] x = [2, new Rational(1, 3), -1];
        a.ApplyInverse<Rational>(a.Apply<Rational>(x)).ShouldBe(x);
        a.Apply<Rational>(new Rational[3]).ShouldBe(a.Shift);
        a.Rotate<Rational>(x).ShouldBe(a.O.Apply(x));
        // 2-D: S = [[0, 1], [−1, 0]] gives a quarter turn.
        var q = AffineIsometry.Cayley(new ScalarMatrix<Rational>(2, 2, (i, j) => i == j ? 0 : (i < j ? 1 : -1)), [0, 0]);
        q.O.ShouldBe(new ScalarMatrix<Rational>(2, 2, (i, j) => i == j ? 0 : (i < j ? -1 : 1)));
        Should.Throw<ArgumentException>(() => AffineIsometry.Cayley(ScalarMatrix<Rational>.Identity(2), [0, 0])).Message.ShouldBe("The Cayley transform needs a skew-symmetric matrix.");
        Should.Throw<ArgumentException>(() => new AffineIsometry(ScalarMatrix<Rational>.Identity(2), [0])).Message.ShouldBe("Need a square O and a shift of the same dimension; got 2×2 and 1.");
        new AffineIsometry((Rational)2 * ScalarMatrix<Rational>.Identity(2), [0, 0]).IsOrthogonal.ShouldBeFalse();
    }
}
