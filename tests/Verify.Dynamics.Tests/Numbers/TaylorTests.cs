namespace Verify.Dynamics.Tests.Numbers;

public sealed class TaylorTests
{
    private const int Order = 6;
    private static Taylor<Real> X(double x) => Taylor<Real>.Variable(x, Order);

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.1)]
    public void HigherDerivativesOfElementaryFunctions(double x)
    {
        var e = Taylor<Real>.Exp(X(x));
        var s = Taylor<Real>.Sin(X(x));
        var c = Taylor<Real>.Cos(X(x));
        var l = Taylor<Real>.Log(X(x));
        var r = Taylor<Real>.Sqrt(X(x));
        for (int k = 0; k <= Order; k++)
        {
            e.Derivative(k).Value.ShouldBe(Math.Exp(x), 1e-12);
            s.Derivative(k).Value.ShouldBe((k % 4) switch { 0 => Math.Sin(x), 1 => Math.Cos(x), 2 => -Math.Sin(x), _ => -Math.Cos(x) }, 1e-12);
            c.Derivative(k).Value.ShouldBe((k % 4) switch { 0 => Math.Cos(x), 1 => -Math.Sin(x), 2 => -Math.Cos(x), _ => Math.Sin(x) }, 1e-12);
        }
        // (log x)^(k) = (−1)^(k−1)(k−1)!/x^k; (√x)^(k) = Π_{j<k}(½ − j) x^(½−k).
        double fact = 1;
        for (int k = 1; k <= Order; k++)
        {
            if (k > 1) fact *= k - 1;
            l.Derivative(k).Value.ShouldBe((k % 2 == 1 ? 1 : -1) * fact / Math.Pow(x, k), 1e-9 * fact / Math.Pow(x, k));
            double coef = 1;
            for (int j = 0; j < k; j++) coef *= 0.5 - j;
            r.Derivative(k).Value.ShouldBe(coef * Math.Pow(x, 0.5 - k), 1e-9 * Math.Abs(coef * Math.Pow(x, 0.5 - k)));
        }
    }

    [Fact]
    public void TanhDerivativesMatchTheClosedForms()
    {
        double x = 0.4, t = Math.Tanh(x);
        var d = Taylor<Real>.Tanh(X(x));
        d.Derivative(1).Value.ShouldBe(1 - t * t, 1e-14);
        d.Derivative(2).Value.ShouldBe(-2 * t * (1 - t * t), 1e-14);
        d.Derivative(3).Value.ShouldBe(-2 * (1 - t * t) * (1 - 3 * t * t), 1e-13);
    }

    [Fact]
    public void PolynomialArithmeticIsExactInRationals()
    {
        // f = (x² + 1)/(x − 2) at x = 1/2: checked against exact derivatives of the quotient.
        var x = Taylor<Rational>.Variable(new Rational(1, 2), 3);
        var f = (x * x + Taylor<Rational>.FromInt(1)) / (x - Taylor<Rational>.FromInt(2));
        f[0].ShouldBe(new Rational(-5, 6));
        // f' = (x² − 4x − 1)/(x − 2)² at ½: (¼ − 2 − 1)/(9/4) = −11/9.
        f.Derivative(1).ShouldBe(new Rational(-11, 9));
        // f'' = 10/(x − 2)³ at ½: 10/(−27/8) = −80/27.
        f.Derivative(2).ShouldBe(new Rational(-80, 27));
        (-x)[1].ShouldBe((Rational)(-1));
        f.Order.ShouldBe(3);
        Taylor<Rational>.ToDouble(x).ShouldBe(0.5);
        Taylor<Rational>.FromDouble(0.25)[0].ShouldBe(new Rational(1, 4));
        x[7].ShouldBe(Rational.Zero);
    }

    [Fact]
    public void RejectsAnEmptySeries() => Should.Throw<ArgumentException>(() => new Taylor<Real>([])).Message.ShouldStartWith("A Taylor series needs at least one coefficient.");
}

public sealed class TaylorInverseTrigAndAbsTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(-0.7)]
    public void AtanAndAcosDerivativesMatchTheClosedForms(double x)
    {
        var v = Taylor<Real>.Variable(x, 3);
        var at = Taylor<Real>.Atan(v);
        var ac = Taylor<Real>.Acos(v);
        at[0].Value.ShouldBe(Math.Atan(x), 1e-15);
        ac[0].Value.ShouldBe(Math.Acos(x), 1e-15);
        // atan′ = 1/(1+x²), atan″ = −2x/(1+x²)², atan‴ = (6x² − 2)/(1+x²)³.
        double q = 1 + x * x;
        at.Derivative(1).Value.ShouldBe(1 / q, 1e-14);
        at.Derivative(2).Value.ShouldBe(-2 * x / (q * q), 1e-14);
        at.Derivative(3).Value.ShouldBe((6 * x * x - 2) / (q * q * q), 1e-13);
        // acos′ = −(1−x²)^(−½), acos″ = −x(1−x²)^(−3/2), acos‴ = −(1+2x²)(1−x²)^(−5/2).
        double w = 1 - x * x;
        ac.Derivative(1).Value.ShouldBe(-1 / Math.Sqrt(w), 1e-14);
        ac.Derivative(2).Value.ShouldBe(-x * Math.Pow(w, -1.5), 1e-13);
        ac.Derivative(3).Value.ShouldBe(-(1 + 2 * x * x) * Math.Pow(w, -2.5), 1e-12);
    }

    [Fact]
    public void AbsFlipsTheWholeSeriesOnTheNegativeSide()
    {
        Taylor<Real>.Abs(Taylor<Real>.Variable(-2, 2)).Derivative(1).Value.ShouldBe(-1);
        Taylor<Real>.Abs(Taylor<Real>.Variable(2, 2)).Derivative(1).Value.ShouldBe(1);
        Dual<Real>.Abs(Dual<Real>.Variable(-3)).ShouldBe(new Dual<Real>(3, -1));
        Rational.Abs(new Rational(-2, 3)).ShouldBe(new Rational(2, 3));
        Real.Abs(-1.5).Value.ShouldBe(1.5);
    }

    [Fact]
    public void DualInverseTrigMatchesTaylorFirstDerivatives()
    {
        Dual<Real>.Atan(Dual<Real>.Variable(0.4)).Derivative.Value.ShouldBe(1 / 1.16, 1e-15);
        Dual<Real>.Acos(Dual<Real>.Variable(0.6)).Derivative.Value.ShouldBe(-1 / 0.8, 1e-15);
        Should.Throw<NotSupportedException>(() => Rational.Atan(1)).Message.ShouldBe("atan is transcendental: not representable in exact rational arithmetic.");
        Should.Throw<NotSupportedException>(() => Rational.Acos(1)).Message.ShouldBe("acos is transcendental: not representable in exact rational arithmetic.");
    }
}
