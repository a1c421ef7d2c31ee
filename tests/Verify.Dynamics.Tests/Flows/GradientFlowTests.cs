using Verify.Dynamics.Flows;

namespace Verify.Dynamics.Tests.Flows;

public sealed class GradientFlowTests
{
    [Fact]
    public void FlowOfTheScalarFactorizationAlongTheBalancedLine()
    {
        // On x = y the flow of ½(1 − xy)² is ẋ = (1 − x²)x: x(t)² = 1/(1 + (1/x₀² − 1)e^{−2t}).
        var sol = GradientFlow.Solve(ScalarFactorization.Instance, [0.5, 0.5], 3, new OdeTolerances(1e-12, 1e-14));
        sol.Status.ShouldBe(OdeStatus.Reached);
        double exact = 1 / Math.Sqrt(1 + 3 * Math.Exp(-6));
        sol.Final[0].ShouldBe(exact, 1e-10);
        sol.Final[1].ShouldBe(exact, 1e-10);
        var field = new double[2];
        GradientFlow.Field(ScalarFactorization.Instance)(0, [0.5, 0.5], field);
        field.ShouldBe([0.375, 0.375]);
        Should.Throw<ArgumentException>(() => GradientFlow.Solve(ScalarFactorization.Instance, [1.0], 1)).Message.ShouldBe("The start has 1 coordinates, the objective 2.");
    }

    [Fact]
    public void StopsWhenAskedTo()
    {
        var f = new VectorFactorization(1);
        var sol = GradientFlow.Solve(f, [0.5, 0.5], 100, null, (_, x) => Math.Abs(x[0] * x[1] - 1) < 1e-6);
        sol.Status.ShouldBe(OdeStatus.Stopped);
        Math.Abs(sol.Final[0] * sol.Final[1] - 1).ShouldBeLessThan(1e-6);
    }
}
