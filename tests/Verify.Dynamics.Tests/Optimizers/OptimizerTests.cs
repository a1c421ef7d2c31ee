using Verify.Dynamics.Optimizers;

namespace Verify.Dynamics.Tests.Optimizers;

public sealed class OptimizerTests
{
    [Fact]
    public void GradientStepIsGradientDescent()
    {
        var q = Quadratic.Diagonal(1, 4);
        var run = OptimizerRun.Run(new GradientStep(0.1), q, [1, 1], 10);
        run.Last.ShouldBe([Math.Pow(0.9, 10), Math.Pow(0.6, 10)], tolerance: 1e-15);
        new GradientStep(0.1).Name.ShouldBe("GD(η=0.1)");
    }

    [Fact]
    public void HeavyBallFollowsTheClosedFormOfItsLinearRecurrence()
    {
        // On f = ½λx²: x_{k+1} = (1 + β − ηλ)x_k − βx_{k−1}, x₁ = (1 − ηλ)x₀. With λ = 2, η = 0.08, β = 0.16 the characteristic
        // polynomial r² − r + 0.16 has the roots 0.8 and 0.2, so x_k = (16/15)·0.8ᵏ − (1/15)·0.2ᵏ from x₀ = 1 (x₁ = 0.84).
        var q = Quadratic.Diagonal(2);
        var run = OptimizerRun.Run(new HeavyBall(0.08, 0.16), q, [1], 30);
        for (int k = 0; k <= 30; k++) run[k][0].ShouldBe(16.0 / 15 * Math.Pow(0.8, k) - 1.0 / 15 * Math.Pow(0.2, k), 1e-14);
        run[1][0].ShouldBe(0.84, 1e-15);
        var recurrence = OptimizerRun.Run(new HeavyBall(0.1, 0.5), q, [1], 20);
        for (int k = 1; k < 20; k++)
            recurrence[k + 1][0].ShouldBe((1 + 0.5 - 0.2) * recurrence[k][0] - 0.5 * recurrence[k - 1][0], 1e-14);
        new HeavyBall(0.1, 0.5).Name.ShouldContain("β=0.5");
    }

    [Fact]
    public void AdamStepsHaveTheBiasCorrectedSize()
    {
        // On a linear function (constant gradient) with ε = 0, every Adam step is exactly −η·sign(g).
        var adam = new Adam(0.01, epsilon: 0);
        for (int t = 0; t < 5; t++) adam.Update([3, -0.5]).ShouldBe([-0.01, 0.01], tolerance: 1e-15);
        // On f = ½x² from x₀ = 1: first step −η; second step from x₁ = 1 − η with m = 0.9·0.1·1 + 0.1·x₁ etc.
        var a = new Adam(0.1);
        var d1 = a.Update([1.0]);
        d1[0].ShouldBe(-0.1 / (1 + 1e-8), 1e-15);
        double g2 = 0.9, m = 0.9 * 0.1 + 0.1 * g2, v = 0.999 * 0.001 + 0.001 * g2 * g2;
        double expected = -0.1 * (m / (1 - 0.81)) / (Math.Sqrt(v / (1 - 0.998001)) + 1e-8);
        a.Update([g2])[0].ShouldBe(expected, 1e-15);
        a.Reset();
        a.Update([1.0])[0].ShouldBe(d1[0]);
        a.Name.ShouldStartWith("Adam(η=0.1");
    }

    [Fact]
    public void RunStopsOnOverflowAndUsesTheStepIndex()
    {
        var q = Quadratic.Diagonal(1);
        var run = OptimizerRun.Run(new GradientStep(1e308), q, [1e300], 10);
        run.Diverged.ShouldBeTrue();
        var seen = new List<int>();
        OptimizerRun.Run(new GradientStep(0.1), (k, x) => { seen.Add(k); return [x[0]]; }, [1.0], 4);
        seen.ShouldBe([0, 1, 2, 3]);
    }
}
