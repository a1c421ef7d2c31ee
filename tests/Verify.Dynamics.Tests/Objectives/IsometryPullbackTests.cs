using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class IsometryPullbackTests
{
    [Fact]
    public void ValueIsTheLossAtTheMovedPointAndTheGradientRotatesBack()
    {
        var motion = AffineIsometry.Cayley(new ScalarMatrix<Rational>(2, 2, (i, j) => i == j ? 0 : (i < j ? new Rational(1, 2) : new Rational(-1, 2))), [1, -2]);
        var f = new IsometryPullback(ScalarFactorization.Instance, motion);
        f.Dimension.ShouldBe(2);
        Rational[] x = [new(3, 4), 2];
        var moved = motion.Apply<Rational>(x);
        f.Value<Rational>(x).ShouldBe(ScalarFactorization.Instance.Value<Rational>(moved));
        // ∇(L∘A)(x) = Oᵀ∇L(A(x)).
        f.Gradient<Rational>(x).ShouldBe(motion.O.Transpose().Apply(ScalarFactorization.Instance.Gradient<Rational>(moved)));
        Should.Throw<ArgumentException>(() => new IsometryPullback(ScalarFactorization.Instance, new AffineIsometry(ScalarMatrix<Rational>.Identity(3), [0, 0, 0])));
    }
}
