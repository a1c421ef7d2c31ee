using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class PolynomialTests
{
    // p = 3x²y − ½xz³ + 2y⁴ + 5z − 7
    private static readonly Polynomial P = Polynomial.Of(3, (3, [2, 1, 0]), (-0.5, [1, 0, 3]), (2, [0, 4, 0]), (5, [0, 0, 1]), (-7, [0, 0, 0]));

    private static Rational[] RandomPoint(Random rng, int n) =>
        Enumerable.Range(0, n).Select(_ => new Rational(rng.Next(-40, 41), rng.Next(1, 30))).ToArray();

    [Fact]
    public void ValueIsTheSumOfTheTermsExactly()
    {
        Rational x = new(2, 3), y = new(-1, 5), z = new(7, 2);
        P.Value<Rational>([x, y, z]).ShouldBe(3 * x * x * y - new Rational(1, 2) * x * z * z * z + 2 * y * y * y * y + 5 * z - 7);
    }

    [Fact]
    public void ClosedFormGradientAndHessianEqualAutomaticDifferentiationInRationals()
    {
        var rng = new Random(1);
        for (int t = 0; t < 20; t++)
        {
            var x = RandomPoint(rng, 3);
            P.Gradient<Rational>(x).ShouldBe(AutoDiff.Gradient<Rational>(P, x));
            var h = P.Hessian<Rational>(x);
            var ad = AutoDiff.Hessian<Rational>(P, x);
            for (int i = 0; i < 3; i++) for (int j = 0; j < 3; j++) h[i, j].ShouldBe(ad[i, j]);
        }
    }

    [Fact]
    public void DegreesAndValidation()
    {
        P.LowestDegree.ShouldBe(0);
        P.Terms.Count.ShouldBe(5);
        P.Terms[0].Degree.ShouldBe(3);
        Polynomial.Of(2).LowestDegree.ShouldBe(int.MaxValue);
        Polynomial.Of(2, (0, [1, 0]), (1, [2, 1])).LowestDegree.ShouldBe(3);
        Should.Throw<ArgumentException>(() => Polynomial.Of(2, (1, [1, 0, 0])));
        Should.Throw<ArgumentException>(() => Polynomial.Of(2, (1, [-1, 2])));
        Should.Throw<ArgumentOutOfRangeException>(() => new Polynomial(0, []));
        P.ToString().ShouldContain("x1^2·x2");
        Polynomial.Of(1).ToString().ShouldBe("0");
    }

    [Fact]
    public void ScaledIsTheRescaledPolynomialExactly()
    {
        // p_s(y) = p(2ˢy)/2^(s·h) for s = −3 and h = 2, 3, at random rational points.
        var rng = new Random(2);
        foreach (int h in new[] { 2, 3 })
        {
            var scaled = P.Scaled(-3, h);
            for (int t = 0; t < 10; t++)
            {
                var y = RandomPoint(rng, 3);
                Rational s = new(1, 8);
                var x = y.Select(v => v * s).ToArray();
                scaled.Value<Rational>(y).ShouldBe(P.Value<Rational>(x) / Scalar.Pow(s, h));
            }
        }
        P.Scaled(-3).Value<Rational>([1, 1, 1]).ShouldBe(P.Scaled(-3, 2).Value<Rational>([1, 1, 1]));
    }

    [Fact]
    public void HessianNormBoundBoundsTheSpectralNormOnTheBall()
    {
        var rng = new Random(3);
        var cubic = Polynomial.Of(3, (1, [1, 1, 1]), (-2, [3, 0, 0]), (0.5, [0, 2, 2]));
        foreach (double r in new[] { 0.01, 0.1, 1 })
        {
            double bound = cubic.HessianNormBound(r);
            for (int t = 0; t < 200; t++)
            {
                var u = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
                double n = Math.Sqrt(u.Sum(v => v * v));
                var x = u.Select(v => v / n * r * rng.NextDouble()).ToArray();
                cubic.HessianAt(x).L2Norm().ShouldBeLessThanOrEqualTo(bound);
            }
        }
        // The monomial x³: ∇² = [[6x]], bound 6r exactly.
        Polynomial.Of(1, (1, [3])).HessianNormBound(0.5).ShouldBe(3);
        Polynomial.Of(1, (1, [1])).HessianNormBound(0.5).ShouldBe(0);
    }
}
