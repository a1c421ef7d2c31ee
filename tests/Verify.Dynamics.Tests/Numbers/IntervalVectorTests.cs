namespace Verify.Dynamics.Tests.Numbers;

public sealed class IntervalVectorTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);

    [Fact]
    public void BuildsBoxesAndReadsThem()
    {
        IntervalVector.Point([1, 2]).ShouldBe([I(1, 1), I(2, 2)]);
        IntervalVector.Point([double.NaN])[0].IsValid.ShouldBeFalse();
        var box = IntervalVector.Around([1, 2], [0.5, 0.25]);
        box.ShouldBe([I(0.5, 1.5), I(1.75, 2.25)]);
        IntervalVector.Midpoints(box).ShouldBe([1, 2]);
        IntervalVector.MaxWidth(box).ShouldBe(1);
        IntervalVector.IsBounded(box).ShouldBeTrue();
        IntervalVector.IsBounded([I(0, double.PositiveInfinity)]).ShouldBeFalse();
        IntervalVector.Format(box).ShouldBe("[0.5, 1.5] × [1.75, 2.25]");
    }

    [Fact]
    public void InclusionIntersectionAndHull()
    {
        Interval[] outer = [I(0, 4), I(0, 4)], inner = [I(1, 2), I(0, 1)];
        IntervalVector.IsSubsetOf(inner, outer).ShouldBeTrue();
        IntervalVector.IsInteriorOf(inner, outer).ShouldBeFalse(); // touches 0 in the second coordinate
        IntervalVector.IsInteriorOf([I(1, 2), I(0.5, 1)], outer).ShouldBeTrue();
        IntervalVector.IsSubsetOf([I(1, 5), I(0, 1)], outer).ShouldBeFalse();
        IntervalVector.Intersection([I(0, 2), I(0, 2)], [I(1, 3), I(1, 3)]).ShouldBe([I(1, 2), I(1, 2)]);
        IntervalVector.Intersection([I(0, 2), I(0, 2)], [I(1, 3), I(3, 4)]).ShouldBeNull();
        IntervalVector.Hull([I(0, 1)], [I(2, 3)]).ShouldBe([I(0, 3)]);
        IntervalVector.Add([I(0, 1)], [I(2, 3)]).ShouldBe([I(2, 4)]);
        IntervalVector.Subtract([I(0, 1)], [I(2, 3)]).ShouldBe([I(-3, -1)]);
    }

    [Fact]
    public void InflationWidensAboutTheMidpoint()
    {
        var inflated = IntervalVector.Inflate([I(1, 3)], 0.5, 0.25);
        inflated.ShouldBe([I(0.25, 3.75)]); // radius 1 × 1.5 + 0.25
    }
}
