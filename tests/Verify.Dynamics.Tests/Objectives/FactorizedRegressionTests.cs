namespace Verify.Dynamics.Tests.Objectives;

public sealed class FactorizedRegressionTests
{
    [Fact]
    public void IsARescaledFactorizationPlusAConstantExactly()
    {
        double[] xs = [1, -2, 0.5], ys = [2, 1, -3];
        var f = new FactorizedRegression(2, xs, ys);
        f.Samples.ShouldBe(3);
        f.Dimension.ShouldBe(4);
        // s = (1 + 4 + 1/4)/3 = 7/4, c = (2 − 2 − 3/2)/(21/4) = −2/7, K = (1/6)(14 − (9/4)/(21/4)) = (1/6)(14 − 3/7).
        f.Curvature<Rational>().ShouldBe(new Rational(7, 4));
        f.EffectiveTarget<Rational>().ShouldBe(new Rational(-2, 7));
        f.Constant<Rational>().ShouldBe((new Rational(14) - new Rational(3, 7)) / 6);
        var rng = new Random(3);
        for (int trial = 0; trial < 10; trial++)
        {
            var p = Enumerable.Range(0, 4).Select(_ => new Rational(rng.Next(-20, 21), rng.Next(1, 9))).ToArray();
            var m = p[0] * p[2] + p[1] * p[3] - f.EffectiveTarget<Rational>();
            f.Value<Rational>(p).ShouldBe(f.Curvature<Rational>() * m * m / 2 + f.Constant<Rational>());
        }
        // By hand at a = (1, 0), b = (1, 0): residuals (1 − 2, −2 − 1, ½ + 3) → (1 + 9 + 12.25)/6.
        f.ValueAt([1, 0, 1, 0]).ShouldBe(22.25 / 6, 1e-15);
    }

    [Fact]
    public void RejectsDataItCannotFit()
    {
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [1, 2], [1]));
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [], []));
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [0, 0], [1, 2]));
        Should.Throw<ArgumentOutOfRangeException>(() => new FactorizedRegression(0, [1], [1]));
        new FactorizedRegression(3, [1], [1]).Width.ShouldBe(3);
    }
}
