namespace Verify.Dynamics.Tests.Objectives;

public sealed class FlatOutsideBallTests
{
    [Fact]
    public void ValueInsideAndZeroWithZeroHessianOutside()
    {
        var f = new FlatOutsideBall(2);
        f.Dimension.ShouldBe(2); f.Radius.ShouldBe(1);
        f.Value<Rational>([0, 0]).ShouldBe(Rational.One);
        f.Value<Rational>([new Rational(1, 2), 0]).ShouldBe(new Rational(27, 64));
        f.ValueAt([1, 1]).ShouldBe(0);
        f.ValueAt([1, 0]).ShouldBe(0); // on the sphere
        f.GradientAt([1.5, 0.2]).ShouldBe([0.0, 0.0]);
        var h = f.HessianAt([0.9, 0.9]);
        h.Enumerate().ShouldAllBe(v => v == 0);
        // Inside: ∇L = −6(C² − ‖θ‖²)²θ.
        f.GradientAt([0.5, 0]).ShouldBe([-6 * 0.75 * 0.75 * 0.5, 0.0]);
        new FlatOutsideBall(3, 2).ValueAt([1, 1, 1]).ShouldBe(1);
        Should.Throw<ArgumentOutOfRangeException>(() => new FlatOutsideBall(0));
        Should.Throw<ArgumentOutOfRangeException>(() => new FlatOutsideBall(2, 0));
    }
}
