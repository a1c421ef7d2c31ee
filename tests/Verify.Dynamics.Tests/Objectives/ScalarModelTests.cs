using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class ScalarModelTests
{
    public static TheoryData<string, double> ModelsAndTargets() => new()
    {
        { "sin", 0.3 }, { "sin", -0.9 }, { "tanh", 0.5 }, { "exp", 2.5 }, { "log", -1.2 }, { "sigmoid", 0.8 },
        { "softplus", 0.05 }, { "softplus", 3 }, { "gauss", 0.4 }, { "sinh", -2 }, { "x^3", 8 }, { "x^2", 0.25 },
    };

    private static ScalarModel Model(string name) => name switch
    {
        "sin" => ScalarModel.Sine, "tanh" => ScalarModel.Tanh, "exp" => ScalarModel.Exponential, "log" => ScalarModel.Logarithm,
        "sigmoid" => ScalarModel.Sigmoid, "softplus" => ScalarModel.Softplus, "gauss" => ScalarModel.Gaussian,
        "sinh" => ScalarModel.HyperbolicSine, "x^3" => ScalarModel.Monomial(3), "x^2" => ScalarModel.Monomial(2),
        _ => throw new ArgumentException(name),
    };

    [Theory]
    [MemberData(nameof(ModelsAndTargets))]
    public void TheInverseBranchHitsTheTarget(string name, double y)
    {
        var g = Model(name);
        double x = g.Inverse(y);
        g.At(x).ShouldBe(y, 1e-12 * (1 + Math.Abs(y)));
        y.ShouldBeGreaterThan(g.Targets.Lower); y.ShouldBeLessThan(g.Targets.Upper);
        g.ToString().ShouldBe(g.Name);
    }

    [Fact]
    public void TargetsOutsideTheRangeHaveNoInverse()
    {
        double.IsNaN(ScalarModel.Sine.Inverse(1)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Tanh.Inverse(-1)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Exponential.Inverse(0)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Logarithm.Inverse(double.PositiveInfinity)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Sigmoid.Inverse(1)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Sigmoid.Inverse(0)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Softplus.Inverse(0)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Gaussian.Inverse(1)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Gaussian.Inverse(0)).ShouldBeTrue();
        double.IsNaN(ScalarModel.HyperbolicSine.Inverse(double.NaN)).ShouldBeTrue();
        double.IsNaN(ScalarModel.Monomial(4).Inverse(-1)).ShouldBeTrue();
        Should.Throw<ArgumentOutOfRangeException>(() => ScalarModel.Monomial(0));
        Should.Throw<ArgumentException>(() => ScalarModel.Polynomial());
    }

    [Fact]
    public void ModelsEvaluateTheirFormulas()
    {
        ScalarModel.Sigmoid.At(0).ShouldBe(0.5);
        ScalarModel.Softplus.At(0).ShouldBe(Math.Log(2), 1e-15);
        ScalarModel.Gaussian.At(2).ShouldBe(Math.Exp(-2), 1e-15);
        ScalarModel.HyperbolicSine.At(1).ShouldBe(Math.Sinh(1), 1e-15);
        ScalarModel.Monomial(5).At(2).ShouldBe(32);
        ScalarModel.Logarithm.At(Math.E).ShouldBe(1, 1e-15);
        ScalarModel.Polynomial(1, -2, 3).At(2).ShouldBe(9);
        ScalarModel.Polynomial(1, -2, 3).Apply<Rational>(new Rational(1, 3)).ShouldBe(new Rational(2, 3));
        ScalarModel.Polynomial(1, -2, 3).Name.ShouldBe("1 + -2x^1 + 3x^2");
        ScalarModel.Polynomial(0.5, 1e10).At(1).ShouldBe(1e10 + 0.5);
    }

    [Fact]
    public void PolynomialInverseIsNewtonsMethodFromZero()
    {
        var g = ScalarModel.Polynomial(0, 2, 0, 1); // 2x + x³, increasing
        g.At(g.Inverse(3)).ShouldBe(3, 1e-12);
        g.Inverse(0).ShouldBe(0);
        double.IsNaN(ScalarModel.Polynomial(1, 0, 1).Inverse(0)).ShouldBeTrue(); // 1 + x² never 0: Newton fails
    }

    [Fact]
    public void CompositionAppliesInnerThenOuterAndInvertsInReverse()
    {
        var h = ScalarModel.Compose(ScalarModel.Tanh, ScalarModel.Sine);
        h.At(0.7).ShouldBe(Math.Tanh(Math.Sin(0.7)), 1e-15);
        h.At(h.Inverse(0.3)).ShouldBe(0.3, 1e-14);
        h.Targets.ShouldBe(ScalarModel.Tanh.Targets);
        h.Name.ShouldBe("(tanh x) ∘ (sin x)");
        // Chain rule through jets: h′ = tanh′(sin x)·cos x.
        var d = AutoDiff.Derivatives<Real>(t => h.Apply(t), 0.7, 1);
        d[1].Value.ShouldBe((1 - Math.Pow(Math.Tanh(Math.Sin(0.7)), 2)) * Math.Cos(0.7), 1e-14);
    }

    [Fact]
    public void SquaredModelLossHasItsMinimumOnTheInverseBranch()
    {
        var f = new SquaredModelLoss(ScalarModel.Exponential, 2);
        f.Dimension.ShouldBe(1);
        f.Minimum.ShouldBe(Math.Log(2), 1e-15);
        f.ValueAt([f.Minimum]).ShouldBe(0, 1e-30);
        f.ValueAt([0]).ShouldBe(1);
        f.Model.ShouldBe(ScalarModel.Exponential);
        f.Target.ShouldBe(2);
        f.ToString().ShouldBe("(exp x − 2)²");
        // f″(x̄) = 2g′(x̄)² at the minimum (g = eˣ: g′ = y).
        f.HessianAt([f.Minimum])[0, 0].ShouldBe(8, 1e-12);
    }
}

public sealed class UnivariateFunctionTests
{
    [Fact]
    public void IsTheFunctionItselfWithExactRationalCoefficients()
    {
        var f = new UnivariateFunction(ScalarModel.RationalPolynomial(Rational.Zero, Rational.Zero, new Rational(1, 2), Rational.Zero, Rational.Zero, new Rational(1, 20), new Rational(-1, 60)));
        f.Dimension.ShouldBe(1);
        var d = Verify.Dynamics.Differentiation.AutoDiff.Derivatives<Rational>(f, Rational.Zero, 6);
        d[2].ShouldBe(Rational.One); d[3].ShouldBe(Rational.Zero); d[4].ShouldBe(Rational.Zero);
        d[5].ShouldBe((Rational)6); d[6].ShouldBe((Rational)(-12));
        new UnivariateFunction(ScalarModel.Sine).ValueAt([1]).ShouldBe(Math.Sin(1));
        new UnivariateFunction(ScalarModel.Sine).ToString().ShouldBe("sin x");
        new UnivariateFunction(ScalarModel.Sine).Function.ShouldBe(ScalarModel.Sine);
        ScalarModel.RationalPolynomial(new Rational(1, 3)).Name.ShouldBe("1/3");
    }
}
