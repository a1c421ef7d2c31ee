namespace Verify.Dynamics.Tests.Analysis;

public sealed class DirectionOfApproachTests
{
    [Fact]
    public void SecantsAreUnitVectorsFromTheTarget()
    {
        DirectionOfApproach.Secant([4, 5], [1, 1]).ShouldBe([0.6, 0.8], tolerance: 1e-15);
        DirectionOfApproach.Secant([3e-200, 4e-200], [0, 0]).ShouldBe([0.6, 0.8], tolerance: 1e-15);
        DirectionOfApproach.Secant([1, 1], [1, 1]).All(double.IsNaN).ShouldBeTrue();
        DirectionOfApproach.Secant([double.PositiveInfinity, 1], [0, 0]).All(double.IsNaN).ShouldBeTrue();
    }

    [Fact]
    public void AlternatingSecantsFlipOddSteps()
    {
        var points = (List<double[]>)[[0.0, 1], [0, -0.5], [0, 0.25]];
        var plain = DirectionOfApproach.Secants(points, [0, 0], alternating: false);
        var alternating = DirectionOfApproach.Secants(points, [0, 0], alternating: true);
        plain.Select(u => u[1]).ShouldBe([1, -1, 1]);
        alternating.Select(u => u[1]).ShouldBe([1, 1, 1]);
        DirectionOfApproach.Alternate([1, -2], 3).ShouldBe([-1, 2]);
        DirectionOfApproach.Alternate([1, -2], 4).ShouldBe([1, -2]);
    }

    [Fact]
    public void SettleReportsConvergenceAndSpread()
    {
        var settling = Enumerable.Range(0, 50).Select(k => new[] { Math.Cos(Math.Pow(0.5, k)), Math.Sin(Math.Pow(0.5, k)) }).ToList();
        var limit = DirectionOfApproach.Settle(settling, 10, 1e-6);
        limit.Converged.ShouldBeTrue();
        limit.Direction.ShouldBe(settling[^1]);
        limit.Spread.ShouldBeLessThan(2e-12);
        limit.AlignmentWith([-1, 0]).ShouldBe(1, 1e-12);
        var flipping = Enumerable.Range(0, 50).Select(k => new[] { k % 2 == 0 ? 1.0 : -1.0, 0 }).ToList();
        var f = DirectionOfApproach.Settle(flipping, 10, 1e-6);
        f.Converged.ShouldBeFalse();
        f.Spread.ShouldBe(2, 1e-15);
        DirectionOfApproach.Settle(settling.Take(5).ToList(), 10, 1).Converged.ShouldBeFalse("fewer directions than the window");
        DirectionOfApproach.Settle([new[] { double.NaN, 0 }, [1, 0]], 2, 1).Spread.ShouldBe(double.PositiveInfinity);
        Should.Throw<ArgumentOutOfRangeException>(() => DirectionOfApproach.Settle(settling, 0, 1));
        Should.Throw<ArgumentException>(() => DirectionOfApproach.Settle([], 1, 1));
    }

    [Fact]
    public void AlignmentAndAngleIgnoreSignAndLength()
    {
        DirectionOfApproach.Alignment([2, 0], [-3, 0]).ShouldBe(1);
        DirectionOfApproach.Alignment([1, 1], [1, 0]).ShouldBe(Math.Sqrt(0.5), 1e-15);
        DirectionOfApproach.AngleToLine([0, 1], [1, 0]).ShouldBe(Math.PI / 2, 1e-15);
        DirectionOfApproach.AngleToLine([1, 1], [-1, 0]).ShouldBe(Math.PI / 4, 1e-15);
        DirectionOfApproach.AngleToLine([1e-300, 0], [1, 0]).ShouldBe(0);
        DirectionOfApproach.AngleToLine([1, 1e-12], [1, 0]).ShouldBe(1e-12, 1e-24);
        DirectionOfApproach.AngleToLine([-1, 1e-200], [1, 0]).ShouldBe(1e-200, 1e-212);
    }

    [Fact]
    public void NormsAvoidUnderflowAndOverflow()
    {
        Norms.Euclidean([3e-300, 4e-300]).ShouldBe(5e-300, 1e-314);
        Norms.Euclidean([3e300, 4e300]).ShouldBe(5e300, 1e286);
        Norms.Euclidean([0, 0]).ShouldBe(0);
        double.IsNaN(Norms.Euclidean([1, double.NaN])).ShouldBeTrue();
        Norms.Euclidean([double.NegativeInfinity, 1]).ShouldBe(double.PositiveInfinity);
        Norms.Distance([1, 2], [4, 6]).ShouldBe(5);
        Should.Throw<ArgumentException>(() => Norms.Distance([1], [1, 2])).Message.ShouldBe("Vectors of lengths 1 and 2.");
    }

    [Fact]
    public void AnglesAndAlignmentsIgnoreTheLengths()
    {
        DirectionOfApproach.AngleToLine([1.0, 1], [0.0, 3]).ShouldBe(Math.PI / 4, 1e-15);
        DirectionOfApproach.AngleToLine([2.0, 0], [-5.0, 0]).ShouldBe(0);
        DirectionOfApproach.AngleToLine([0.0, 2], [4.0, 0]).ShouldBe(Math.PI / 2);
        DirectionOfApproach.Alignment([3.0, 4], [0.0, -2]).ShouldBe(0.8, 1e-15);
    }

    [Fact]
    public void SettlingNeedsAFullWindowWithinTheTolerance()
    {
        var same = new List<double[]> { new[] { 1.0, 0 }, new[] { 1.0, 0 }, new[] { 1.0, 0 } };
        DirectionOfApproach.Settle(same, 3, 1e-12).Converged.ShouldBeTrue();
        DirectionOfApproach.Settle(same, 4, 1e-12).Converged.ShouldBeFalse();
        DirectionOfApproach.Settle(same, 1, 0).Converged.ShouldBeTrue();
        // A distance equal to the tolerance is within it.
        var apart = new List<double[]> { new[] { 1.0, 0.5 }, new[] { 1.0, 0 } };
        var l = DirectionOfApproach.Settle(apart, 2, 0.5);
        l.Converged.ShouldBeTrue();
        l.Spread.ShouldBe(0.5);
        DirectionOfApproach.Settle(apart, 2, 0.25).Converged.ShouldBeFalse();
        Should.Throw<ArgumentOutOfRangeException>(() => DirectionOfApproach.Settle(same, 0, 1))
            .Message.ShouldStartWith("The window must hold at least one direction.");
        Should.Throw<ArgumentException>(() => DirectionOfApproach.Settle([], 1, 1))
            .Message.ShouldStartWith("No directions to inspect.");
    }
}
