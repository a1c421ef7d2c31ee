namespace Verify.Dynamics.Tests.Maps;

public sealed class GradientDescentTests
{
    private static readonly ScalarFactorization L = ScalarFactorization.Instance;

    [Fact]
    public void OneStepIsExactInRationals()
    {
        // (x, y) = (2, 1/2) is a minimizer: GD stays put exactly.
        GradientDescent.Step<Rational>(L, [2, new Rational(1, 2)], new Rational(9, 10)).ShouldBe(new Rational[] { 2, new(1, 2) });
        // From (1, 2), η = 1/4: n = 1, x' = 1 − ¼·1·2 = ½, y' = 2 − ¼·1·1 = 7/4.
        GradientDescent.Step<Rational>(L, [1, 2], new Rational(1, 4)).ShouldBe(new Rational[] { new(1, 2), new(7, 4) });
    }

    [Fact]
    public void DoubleStepMatchesTheRationalStep()
    {
        var exact = GradientDescent.Step<Rational>(L, [Rational.FromDouble(0.3), Rational.FromDouble(-1.7)], Rational.FromDouble(0.45));
        var approx = GradientDescent.Step(L, [0.3, -1.7], 0.45);
        approx[0].ShouldBe((double)exact[0], 1e-15);
        approx[1].ShouldBe((double)exact[1], 1e-15);
    }

    [Fact]
    public void IterateAndRunAgree()
    {
        var run = GradientDescent.Run(L, [0.5, 1.5], 0.1, 300);
        run.Count.ShouldBe(301);
        run.Last.ShouldBe(GradientDescent.Iterate(L, [0.5, 1.5], 0.1, 300));
        run[0].ShouldBe([0.5, 1.5]);
        run.Diverged.ShouldBeFalse();
        Math.Abs(run.Last[0] * run.Last[1] - 1).ShouldBeLessThan(1e-8);
        run.Select(p => p[0] * p[1]).Length.ShouldBe(301);
    }

    [Fact]
    public void DivergenceIsAnOutcomeNotAnException()
    {
        var run = GradientDescent.Run(L, [1e300, 1e300], 1.0, 10);
        run.Diverged.ShouldBeTrue();
        run.Count.ShouldBeLessThan(11);
    }
}
