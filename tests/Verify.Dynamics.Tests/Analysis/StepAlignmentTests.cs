namespace Verify.Dynamics.Tests.Analysis;

public sealed class StepAlignmentTests
{
    [Fact]
    public void CosinesOfSuccessiveSteps()
    {
        var straight = (List<double[]>)[[0.0, 0], [1, 1], [3, 3], [3.5, 3.5]];
        StepAlignment.Cosines(straight).ShouldBe([1, 1], tolerance: 1e-15);
        var zigzag = (List<double[]>)[[1.0, 0], [-0.5, 0], [0.25, 0]];
        StepAlignment.Cosines(zigzag).ShouldBe([-1]);
        var corner = (List<double[]>)[[0.0, 0], [1, 0], [1, 2]];
        StepAlignment.Cosines(corner).ShouldBe([0]);
        StepAlignment.Steps(corner)[1].ShouldBe([0, 2]);
        StepAlignment.Cosines([new[] { 1.0 }]).ShouldBeEmpty();
        StepAlignment.Steps([]).ShouldBeEmpty();
    }

    [Fact]
    public void CosineEdgeCases()
    {
        double.IsNaN(StepAlignment.Cosine([0, 0], [1, 0])).ShouldBeTrue();
        double.IsNaN(StepAlignment.Cosine([double.PositiveInfinity, 0], [1, 0])).ShouldBeTrue();
        StepAlignment.Cosine([1e-300, 1e-300], [2e-300, 2e-300]).ShouldBe(1, 1e-15);
        StepAlignment.Cosine([1, 2], [2, 4]).ShouldBeLessThanOrEqualTo(1);
        StepAlignment.CosinesOfSteps([new[] { 1.0, 0 }, [0, 1], [0, -1]]).ShouldBe([0, -1]);
    }

    [Fact]
    public void AVectorWhoseNormOverflowsHasNoDirection()
    {
        // ‖(1.7e308, 1.7e308)‖ = 2.4e308 overflows: no cosine with it, on either side.
        double[] huge = [1.7e308, 1.7e308], one = [1, 1];
        StepAlignment.Cosine(huge, one).ShouldBe(double.NaN);
        StepAlignment.Cosine(one, huge).ShouldBe(double.NaN);
        StepAlignment.Cosine([1e308, 1e308], one).ShouldBe(1, 1e-15);
        StepAlignment.Cosine([0.0, 0], one).ShouldBe(double.NaN);
        StepAlignment.Cosine(one, [0.0, 0]).ShouldBe(double.NaN);
    }
}
