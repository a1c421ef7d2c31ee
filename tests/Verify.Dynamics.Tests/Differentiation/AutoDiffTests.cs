using Verify.Dynamics.Tests.Support;
using FsCheck;
using FsCheck.Fluent;
using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Differentiation;

public sealed class AutoDiffTests
{
    /// <summary>A loss with no closed-form overrides: f(x, y, z) = x²y + sin(z)·y + exp(x z).</summary>
    private sealed class Mixed : Objective
    {
        public override int Dimension => 3;
        public override T Value<T>(ReadOnlySpan<T> p) => p[0] * p[0] * p[1] + T.Sin(p[2]) * p[1] + T.Exp(p[0] * p[2]);
    }

    [Fact]
    public void GradientAndHessianOfAGenericLoss()
    {
        double x = 0.3, y = -1.2, z = 0.7;
        var f = new Mixed();
        var g = f.GradientAt([x, y, z]);
        g[0].ShouldBe(2 * x * y + z * Math.Exp(x * z), 1e-14);
        g[1].ShouldBe(x * x + Math.Sin(z), 1e-14);
        g[2].ShouldBe(Math.Cos(z) * y + x * Math.Exp(x * z), 1e-14);
        var h = f.HessianAt([x, y, z]);
        h[0, 0].ShouldBe(2 * y + z * z * Math.Exp(x * z), 1e-13);
        h[0, 1].ShouldBe(2 * x, 1e-14);
        h[1, 0].ShouldBe(2 * x, 1e-14);
        h[0, 2].ShouldBe(Math.Exp(x * z) + x * z * Math.Exp(x * z), 1e-13);
        h[1, 2].ShouldBe(Math.Cos(z), 1e-14);
        h[2, 2].ShouldBe(-Math.Sin(z) * y + x * x * Math.Exp(x * z), 1e-13);
        f.ValueAt([x, y, z]).ShouldBe(x * x * y + Math.Sin(z) * y + Math.Exp(x * z), 1e-14);
    }

    [Fact]
    public void ClosedFormsOfTheScalarFactorizationAgreeWithAutomaticDifferentiationExactly() =>
        Prop.ForAll(ArbMap.Default.ArbFor<(int, int, int, int)>(), t =>
        {
            var (a, b, c, d) = t;
            var p = new[] { new Rational(a, 1 + Math.Abs(b % 97)), new Rational(c, 1 + Math.Abs(d % 89)) };
            var f = ScalarFactorization.Instance;
            var closed = f.Gradient<Rational>(p);
            var auto = AutoDiff.Gradient<Rational>(f, p);
            var hClosed = f.Hessian<Rational>(p);
            var hAuto = AutoDiff.Hessian<Rational>(f, p);
            return closed.SequenceEqual(auto) && Enumerable.Range(0, 4).All(k => hClosed[k / 2, k % 2] == hAuto[k / 2, k % 2]);
        }).QuickCheckThrowOnFailure(seed: 20261124);

    [Fact]
    public void DerivativesOfAOneDimensionalFunctionToAnyOrder()
    {
        // f(x) = x⁵ at 2: 32, 80, 160, 240, 240, 120, 0.
        var d = AutoDiff.Derivatives<Rational>(x => x * x * x * x * x, 2, 6);
        d.ShouldBe(new Rational[] { 32, 80, 160, 240, 240, 120, 0 });
    }

    [Fact]
    public void DerivativesOfAOneDimensionalObjectiveAndTheirGuard()
    {
        var cubic = new Cubic();
        AutoDiff.Derivatives<Rational>(cubic, 3, 4).ShouldBe(new Rational[] { 27, 27, 18, 6, 0 });
        Should.Throw<ArgumentException>(() => AutoDiff.Derivatives<Rational>(ScalarFactorization.Instance, 1, 2)).Message.ShouldStartWith("Derivatives of order k need a 1-D objective; this one has dimension 2.");
    }

    [Fact]
    public void DirectionalDerivativesAlongALine()
    {
        // L(x, y) = ½(1 − xy)² along (1,1) + s(1,−1): xy = 1 − s², L = ½ s⁴ → L'''' = 12.
        var d = AutoDiff.DirectionalDerivatives<Rational>(ScalarFactorization.Instance, [1, 1], [1, -1], 4);
        d.ShouldBe(new Rational[] { 0, 0, 0, 0, 12 });
    }

    private sealed class Cubic : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> p) => p[0] * p[0] * p[0];
    }
}
