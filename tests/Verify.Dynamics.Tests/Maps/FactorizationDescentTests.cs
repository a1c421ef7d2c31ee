namespace Verify.Dynamics.Tests.Maps;

public sealed class FactorizationDescentTests
{
    [Fact]
    public void StepIsTheGradientDescentMapOfTheObjective()
    {
        var f = new VectorFactorization(3, target: 1.5);
        double[] a = [0.3, -1.2, 0.7], b = [1.1, 0.4, -0.9];
        var expected = GradientDescent.Step(f, VectorFactorization.Join<double>(a, b), 0.37);
        double e = FactorizationDescent.Step(a, b, 1.5, 0.37);
        e.ShouldBe(0.3 * 1.1 - 1.2 * 0.4 - 0.7 * 0.9 - 1.5, 1e-15);
        VectorFactorization.Join<double>(a, b).ShouldBe(expected);
    }

    [Fact]
    public void RunRecordsEveryIterateAndStopsAtTheTolerance()
    {
        var path = FactorizationDescent.Run([2.0], [0.25], 1, 0.1, 1e-10, 10_000);
        path.Status.ShouldBe(PathStatus.Converged);
        path.Converged.ShouldBeTrue();
        Math.Abs(path.Residuals[^1]).ShouldBeLessThan(1e-10);
        Math.Abs(path.Residuals[^2]).ShouldBeGreaterThanOrEqualTo(1e-10);
        path.Residuals[0].ShouldBe(-0.5);
        path.SquaredNorms[0].ShouldBe(4.0625);
        path.Imbalances[0].ShouldBe(4 - 0.0625);
        path.Steps.ShouldBe(path.Residuals.Length - 1);
        path.Product(0).ShouldBe(0.5);
        path.StepSize.ShouldBe(0.1);
        path.InitialImbalances.ShouldBe([4 - 0.0625]);
        path.FinalImbalances[0].ShouldBe(path.Imbalances[^1], 1e-12);
        path.FirstPositiveProduct.ShouldBe(0);
        path.SumOfSquaredResiduals.ShouldBe(path.Residuals.Sum(x => x * x));
        // Replaying the steps reproduces the recorded final point.
        double[] a = [2.0], b = [0.25];
        for (int k = 0; k < path.Steps; k++) FactorizationDescent.Step(a, b, 1, 0.1);
        a.ShouldBe(path.FinalA);
        b.ShouldBe(path.FinalB);
        path.InitialA.ShouldBe([2.0]);
    }

    [Fact]
    public void RunReportsDivergenceAndTheStepBudget()
    {
        FactorizationDescent.Run([3.0], [3.0], 1, 1.0, 1e-10, 1000).Status.ShouldBe(PathStatus.Diverged);
        var budget = FactorizationDescent.Run([2.0], [0.25], 1, 0.001, 1e-12, 5);
        budget.Status.ShouldBe(PathStatus.StepBudget);
        budget.Steps.ShouldBe(5);
        FactorizationDescent.Run([-1.0], [0.5], 1, 0.05, 1e-8, 10_000).FirstPositiveProduct.ShouldBeGreaterThan(0);
        FactorizationDescent.Run([-1.0], [1.0], 1, 0.05, 1e-8, 50).FirstPositiveProduct.ShouldBe(-1);
        Should.Throw<ArgumentException>(() => FactorizationDescent.Run([1.0], [1.0, 2.0], 1, 0.1, 1e-8, 10)).Message.ShouldBe("a has 1 entries, b has 2.");
    }

    [Fact]
    public void ProductsAreRecordedAsComputedNotAsResidualPlusTarget()
    {
        // Near the saddle aᵀb crosses 0 at magnitudes far below Φ's rounding: from a = (1, 1e-50), b = (−1, 0) it turns
        // positive while |aᵀb| ≈ 1e-53, where ε + Φ still reads 0.
        var path = FactorizationDescent.Run([1.0, 1e-50], [-1.0, 0.0], 1, 0.1, 1e-9, 10_000);
        int tau = path.FirstPositiveProduct;
        tau.ShouldBeGreaterThan(0);
        path.Products.Length.ShouldBe(path.Residuals.Length);
        path.Product(tau).ShouldBeGreaterThan(0);
        path.Product(tau - 1).ShouldBeLessThanOrEqualTo(0);
        path.Product(tau).ShouldBeLessThan(1e-40);
        (path.Residuals[tau] + path.Target).ShouldBe(0);
        double[] a = [1.0, 1e-50], b = [-1.0, 0.0];
        for (int k = 0; k < tau; k++) FactorizationDescent.Step(a, b, 1, 0.1);
        path.Product(tau).ShouldBe(a[0] * b[0] + a[1] * b[1]);
        path.Product(0).ShouldBe(-1 + 0.0);
    }
}
