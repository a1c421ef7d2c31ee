using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Differentiation;

public sealed class JacobianTests
{
    private static readonly Rational Eta = new(11, 10);
    private static readonly Rational[] X = [new(1, 2), new(3, 2)];

    [Fact]
    public void TheJacobianOfAGradientStepIsIMinusEtaTimesTheHessian()
    {
        var f = new ScalarFactorization(target: 1, scale: 0.5);
        var j = Jacobian.Of<Rational>(new GradientDescentFamily(f).At(Eta), X);
        var h = f.Hessian<Rational>(X);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                j[r, c].ShouldBe((r == c ? Rational.One : Rational.Zero) - Eta * h[r, c]);
    }

    [Fact]
    public void TheDirectionalDerivativeIsTheJacobianTimesTheDirection()
    {
        var map = new GradientDescentFamily(ScalarFactorization.Instance).At(Eta).Iterated(2);
        var j = Jacobian.Of<Rational>(map, X);
        Rational[] v = [new(2, 3), new(-1, 5)];
        var jv = Jacobian.Times<Rational>(map, X, v);
        for (int r = 0; r < 2; r++) jv[r].ShouldBe(j[r, 0] * v[0] + j[r, 1] * v[1]);
    }

    [Fact]
    public void TheIntervalJacobianEnclosesEveryPointJacobianInTheBox()
    {
        var map = new GradientDescentFamily(ScalarFactorization.Instance).At(Eta).Iterated(2);
        var box = new[] { new Interval(0.4, 0.6), new Interval(1.4, 1.6) };
        var enclosure = Jacobian.Of<Interval>(map, box);
        foreach (var p in new[] { new Rational[] { new(2, 5), new(7, 5) }, X, [new(3, 5), new(8, 5)] })
        {
            var exact = Jacobian.Of<Rational>(map, p);
            for (int r = 0; r < 2; r++)
                for (int c = 0; c < 2; c++) enclosure[r, c].ContainsExact(exact[r, c]).ShouldBeTrue();
        }
    }
}
