namespace Verify.Dynamics.Tests.Maps;

public sealed class GradientDescentMapTests
{
    private static readonly GradientDescentMap Map = new(ScalarFactorization.Instance, 0.5);

    [Fact]
    public void AppliesOneGradientStepInAnyNumberType()
    {
        Map.Dimension.ShouldBe(2);
        Map.Eta.ShouldBe(0.5);
        Map.Objective.ShouldBe(ScalarFactorization.Instance);
        // (2, 3): ∇ = (xy − 1)(y, x) = 5(3, 2).
        Map.Apply<Real>([2, 3]).Select(r => r.Value).ShouldBe([-5.5, -2.0]);
        Map.Apply<Rational>([2, 3]).ShouldBe([new Rational(-11, 2), (Rational)(-2)]);
    }

    [Fact]
    public void IteratesInDoublesAndExactly()
    {
        var x = Map.Iterate([2.0, 3.0], 2);
        var exact = Map.Iterate<Rational>([2, 3], 2);
        x.ShouldBe(exact.Select(r => (double)r).ToArray());
        Map.Iterate([2.0, 3.0], 0).ShouldBe([2.0, 3.0]);
    }

    [Fact]
    public void IterationStopsAtTheFirstNonFiniteIterate()
    {
        var blowUp = new GradientDescentMap(QuarticWell.Instance, 10);
        var x = blowUp.Iterate([100.0], 50);
        double.IsFinite(x[0]).ShouldBeFalse();
    }

    [Fact]
    public void JacobianOfSeveralStepsIsTheChainRule()
    {
        var f = QuarticWell.Instance;
        var m = new GradientDescentMap(f, 1.1);
        double x0 = 0.7, x1 = f.Step(x0, 1.1);
        double Fp(double x) => 1 - 1.1 * (3 * x * x - 1);
        m.Jacobian([x0], 2)[0, 0].ShouldBe(Fp(x0) * Fp(x1), 1e-13);
        // 2-D: the Jacobian of one step is I − η∇²L.
        var j = Map.Jacobian([2.0, 3.0], 1);
        var h = ScalarFactorization.Instance.HessianAt([2.0, 3.0]);
        for (int r = 0; r < 2; r++)
            for (int c = 0; c < 2; c++)
                j[r, c].ShouldBe((r == c ? 1 : 0) - 0.5 * h[r, c], 1e-13);
    }

    [Fact]
    public void StepWithTangentIsOneStepAndAJacobianVectorProduct()
    {
        var (next, tangent) = Map.StepWithTangent([2.0, 3.0], [1.0, -2.0]);
        next.ShouldBe([-5.5, -2.0]);
        var j = Map.Jacobian([2.0, 3.0], 1);
        tangent[0].ShouldBe(j[0, 0] - 2 * j[0, 1], 1e-13);
        tangent[1].ShouldBe(j[1, 0] - 2 * j[1, 1], 1e-13);
    }
}
