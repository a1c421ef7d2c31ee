namespace Verify.Dynamics.Tests.Numbers;

public sealed class RealTests
{
    [Fact]
    public void BehavesLikeDouble()
    {
        Real a = 1.5, b = -0.25;
        ((double)(a + b)).ShouldBe(1.25);
        ((double)(a - b)).ShouldBe(1.75);
        ((double)(a * b)).ShouldBe(-0.375);
        ((double)(a / b)).ShouldBe(-6.0);
        ((double)(-a)).ShouldBe(-1.5);
        Real.FromInt(3).Value.ShouldBe(3.0);
        Real.FromDouble(0.1).Value.ShouldBe(0.1);
        Real.ToDouble(a).ShouldBe(1.5);
        Real.Sqrt(4).Value.ShouldBe(2.0);
        Real.Exp(0).Value.ShouldBe(1.0);
        Real.Log(1).Value.ShouldBe(0.0);
        Real.Sin(0).Value.ShouldBe(0.0);
        Real.Cos(0).Value.ShouldBe(1.0);
        Real.Tanh(0).Value.ShouldBe(0.0);
        new Real(0.5).ToString().ShouldBe("0.5");
    }

    [Fact]
    public void OverflowAndNaNPropagateWithoutExceptions()
    {
        Real big = 1e300;
        double.IsPositiveInfinity(big * big).ShouldBeTrue();
        double.IsNaN((big * big) - (big * big)).ShouldBeTrue();
    }

    [Fact]
    public void ScalarHelpers()
    {
        Scalar.Pow<Rational>(new Rational(2, 3), 3).ShouldBe(new Rational(8, 27));
        Scalar.Pow<Rational>(new Rational(2, 3), -2).ShouldBe(new Rational(9, 4));
        Scalar.Pow<Rational>(new Rational(5, 7), 0).ShouldBe(Rational.One);
        Scalar.Pow<Rational>(new Rational(1, 2), 10).ShouldBe(new Rational(1, 1024));
        Scalar.Square<Rational>(new Rational(-3, 2)).ShouldBe(new Rational(9, 4));
        Scalar.Dot<Rational>([1, 2], [3, 4]).ShouldBe((Rational)11);
        Scalar.Zero<Rational>().ShouldBe(Rational.Zero);
        Scalar.One<Rational>().ShouldBe(Rational.One);
        Scalar.ToDoubles<Rational>(Scalar.FromDoubles<Rational>([0.5, -2])).ShouldBe([0.5, -2]);
    }
}
