namespace Verify.Dynamics.Tests.Maps;

public sealed class MapOperationsTests
{
    private static readonly Rational Eta = new(11, 10);
    private static readonly Rational[] X = [new(1, 2), new(3, 2)];

    [Fact]
    public void TheGradientDescentFamilyIsTheStepWithAGenericStepSize()
    {
        var family = new GradientDescentFamily(ScalarFactorization.Instance);
        family.Dimension.ShouldBe(2);
        family.Objective.ShouldBe(ScalarFactorization.Instance);
        family.Apply<Rational>(X, Eta).ShouldBe(GradientDescent.Step<Rational>(ScalarFactorization.Instance, X, Eta));
    }

    [Fact]
    public void AtFixesTheExactParameter()
    {
        var map = new GradientDescentFamily(ScalarFactorization.Instance).At(Eta);
        map.Dimension.ShouldBe(2);
        map.Apply<Rational>(X).ShouldBe(GradientDescent.Step<Rational>(ScalarFactorization.Instance, X, Eta));
        // In intervals the parameter is 11/10 itself, not the double 1.1.
        var y = map.Apply<Interval>([Interval.FromRational(X[0]), Interval.FromRational(X[1])]);
        var exact = GradientDescent.Step<Rational>(ScalarFactorization.Instance, X, Eta);
        y[0].ContainsExact(exact[0]).ShouldBeTrue();
        y[1].ContainsExact(exact[1]).ShouldBeTrue();
    }

    [Fact]
    public void IteratesAndResiduals()
    {
        var map = new GradientDescentFamily(ScalarFactorization.Instance).At(Eta);
        var once = map.Apply<Rational>(X);
        var twice = map.Apply<Rational>(once);
        map.Iterated(2).Apply<Rational>(X).ShouldBe(twice);
        map.Iterated(2).Dimension.ShouldBe(2);
        map.Iterated(1).Apply<Rational>(X).ShouldBe(once);
        var residual = map.Iterated(2).FixedPointResidual();
        residual.Dimension.ShouldBe(2);
        residual.Apply<Rational>(X).ShouldBe([twice[0] - X[0], twice[1] - X[1]]);
        Should.Throw<ArgumentOutOfRangeException>(() => map.Iterated(0)).Message.ShouldStartWith("Iterate at least once.");
    }
}
