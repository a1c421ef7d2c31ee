namespace Verify.Dynamics.Tests.Numbers;

public sealed class DualTests
{
    private static Dual<Real> X(double x) => Dual<Real>.Variable(x);

    [Theory]
    [InlineData(0.7)]
    [InlineData(-1.3)]
    [InlineData(2.0)]
    public void ElementaryDerivativesMatchCalculus(double x)
    {
        Dual<Real>.Sin(X(x)).Derivative.Value.ShouldBe(Math.Cos(x), 1e-15);
        Dual<Real>.Cos(X(x)).Derivative.Value.ShouldBe(-Math.Sin(x), 1e-15);
        Dual<Real>.Exp(X(x)).Derivative.Value.ShouldBe(Math.Exp(x), 1e-14);
        Dual<Real>.Tanh(X(x)).Derivative.Value.ShouldBe(1 - Math.Tanh(x) * Math.Tanh(x), 1e-15);
        Dual<Real>.Log(X(Math.Abs(x))).Derivative.Value.ShouldBe(1 / Math.Abs(x), 1e-15);
        Dual<Real>.Sqrt(X(Math.Abs(x))).Derivative.Value.ShouldBe(0.5 / Math.Sqrt(Math.Abs(x)), 1e-15);
    }

    [Fact]
    public void ArithmeticFollowsTheProductAndQuotientRules()
    {
        var x = Dual<Rational>.Variable(new Rational(3, 2));
        var three = Dual<Rational>.FromInt(3);
        // d/dx (x³ − 3x)/x at 3/2 = d/dx (x² − 3) = 2x = 3.
        var f = (x * x * x - three * x) / x;
        f.Derivative.ShouldBe((Rational)3);
        (-x).Derivative.ShouldBe((Rational)(-1));
        (x + Dual<Rational>.FromDouble(0.5)).Value.ShouldBe((Rational)2);
        Dual<Rational>.ToDouble(x).ShouldBe(1.5);
        Dual<Rational>.Constant(Rational.One).Derivative.ShouldBe(Rational.Zero);
    }

    [Fact]
    public void NestedDualsGiveSecondDerivatives()
    {
        // f(x) = x³ at 2: f'' = 12.
        var x = new Dual<Dual<Rational>>(new Dual<Rational>(2, 1), new Dual<Rational>(1, 0));
        var f = x * x * x;
        f.Derivative.Derivative.ShouldBe((Rational)12);
    }
}
