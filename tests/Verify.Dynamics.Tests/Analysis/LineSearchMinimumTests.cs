namespace Verify.Dynamics.Tests.Analysis;

public sealed class LineSearchMinimumTests
{
    [Fact]
    public void TheStepReachesTheLowestPointOnTheSegment()
    {
        // Along the gradient of ½(xy − 1)² at (2, 1) the loss is a quartic in the step: compare with a fine scan.
        var f = new ScalarFactorization(target: 1);
        double[] x = [2, 1];
        var r = LineSearchMinimum.Find(f, x, 0.8);
        var g = f.GradientAt(x);
        double best = Enumerable.Range(0, 80001).Select(k => 0.8 * k / 80000).Min(s => f.ValueAt([x[0] - s * g[0], x[1] - s * g[1]]));
        r.Value.ShouldBeLessThanOrEqualTo(best + 1e-12);
        r.Step.ShouldBeInRange(0, 0.8);
        r.Direction.ShouldBe(g);
        r.Point[0].ShouldBe(x[0] - r.Step * g[0], 1e-15);
        r.Value.ShouldBe(f.ValueAt(r.Point));
    }

    [Fact]
    public void AtAMinimumTheStepChangesNothing()
    {
        var f = new ScalarFactorization(target: 1);
        var r = LineSearchMinimum.Find(f, [1, 1], 0.5);
        r.Value.ShouldBe(0);
        r.Point.ShouldBe([1.0, 1.0]);
    }

    [Fact]
    public void TheStepMustBePositive() =>
        Should.Throw<ArgumentOutOfRangeException>(() => LineSearchMinimum.Find(new ScalarFactorization(), [1, 2], 0));

    [Fact]
    public void AMinimumAtTheEndOfTheSegmentIsTheEndItself()
    {
        // ½x² from 1 along −g = −1: decreasing all the way to s = η = ½, so the answer is the last grid point,
        // exactly, not the golden-section estimate just inside it.
        var f = Quadratic.Diagonal(1);
        var r = LineSearchMinimum.Find(f, [1.0], 0.5);
        r.Step.ShouldBe(0.5);
        r.Point.ShouldBe([0.5]);
        r.Value.ShouldBe(0.125);
        LineSearchMinimum.Find(f, [1.0], 0.5, grid: 8).Step.ShouldBe(0.5);
    }

    [Fact]
    public void AFlatSegmentIsLeftAtItsStart()
    {
        // At a minimizer every step gives the same value: the first grid cell is kept.
        var r = LineSearchMinimum.Find(Quadratic.Diagonal(1, 2), [0.0, 0.0], 0.5);
        r.Step.ShouldBeLessThanOrEqualTo(0.5 / 64);
        r.Value.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => LineSearchMinimum.Find(Quadratic.Diagonal(1), [1.0], double.NaN))
            .Message.ShouldStartWith("The step must be positive.");
    }
}
