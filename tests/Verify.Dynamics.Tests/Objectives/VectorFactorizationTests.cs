using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class VectorFactorizationTests
{
    private static Rational R(int p, int q = 1) => new(p, q);

    [Fact]
    public void ValueGradientAndHessianByHand()
    {
        var f = new VectorFactorization(2, target: 3);
        f.Width.ShouldBe(2);
        f.Target.ShouldBe(3);
        f.Dimension.ShouldBe(4);
        // a = (1, 2), b = (3, 4): aᵀb = 11, ε = 8, L = 32.
        Rational[] x = [1, 2, 3, 4];
        f.Product<Rational>(x).ShouldBe(R(11));
        f.Residual<Rational>(x).ShouldBe(R(8));
        f.Value<Rational>(x).ShouldBe(R(32));
        f.Gradient<Rational>(x).ShouldBe(new Rational[] { 24, 32, 8, 16 });
        var h = f.Hessian<Rational>(x);
        // [b; a] = (3, 4, 1, 2); off-diagonal blocks carry +ε on their diagonal.
        h[0, 0].ShouldBe(R(9)); h[0, 1].ShouldBe(R(12)); h[0, 2].ShouldBe(R(3 + 8)); h[0, 3].ShouldBe(R(6));
        h[1, 3].ShouldBe(R(8 + 8)); h[2, 2].ShouldBe(R(1)); h[3, 3].ShouldBe(R(4)); h[2, 0].ShouldBe(R(11));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ClosedFormsAgreeWithAutomaticDifferentiationExactly(int d)
    {
        var rng = new Random(d);
        var f = new VectorFactorization(d, target: 1.5);
        for (int trial = 0; trial < 5; trial++)
        {
            var x = Enumerable.Range(0, 2 * d).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 7))).ToArray();
            f.Gradient<Rational>(x).ShouldBe(AutoDiff.Gradient<Rational>(f, x));
            f.Hessian<Rational>(x).ShouldBe(AutoDiff.Hessian<Rational>(f, x));
        }
    }

    [Fact]
    public void WidthOneTargetOneIsTheScalarFactorization()
    {
        var f = new VectorFactorization(1);
        var g = ScalarFactorization.Instance;
        foreach (var (x, y) in new (Rational, Rational)[] { (2, 3), (R(-1, 3), R(7, 5)), (0, 0), (1, 1) })
        {
            Rational[] p = [x, y];
            f.Value<Rational>(p).ShouldBe(g.Value<Rational>(p));
            f.Gradient<Rational>(p).ShouldBe(g.Gradient<Rational>(p));
            f.Hessian<Rational>(p).ShouldBe(g.Hessian<Rational>(p));
        }
    }

    [Fact]
    public void HessianOnTheMinimizersIsRankOne()
    {
        var f = new VectorFactorization(2, target: 2);
        Rational[] x = [1, 1, R(1, 2), R(3, 2)]; // aᵀb = 2
        f.Residual<Rational>(x).ShouldBe(Rational.Zero);
        var h = f.Hessian<Rational>(x);
        Rational[] u = [R(1, 2), R(3, 2), 1, 1];
        for (int i = 0; i < 4; i++)
            for (int j = 0; j < 4; j++)
                h[i, j].ShouldBe(u[i] * u[j]);
    }

    [Fact]
    public void JoinAndValidation()
    {
        VectorFactorization.Join<double>([1, 2], [3, 4]).ShouldBe([1.0, 2, 3, 4]);
        Should.Throw<ArgumentException>(() => VectorFactorization.Join<double>([1], [3, 4]));
        Should.Throw<ArgumentOutOfRangeException>(() => new VectorFactorization(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new VectorFactorization(1, double.NaN));
        new VectorFactorization(1).Target.ShouldBe(1);
        new VectorFactorization(3).ValueAt([1, 0, 0, 1, 0, 0]).ShouldBe(0);
    }
}
