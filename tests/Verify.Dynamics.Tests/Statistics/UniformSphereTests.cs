using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Tests.Statistics;

public sealed class UniformSphereTests
{
    [Fact]
    public void PointsHaveUnitNormAndAreSeeded()
    {
        var a = UniformSphere.Samples(new Random(1), 100, 5);
        a.Length.ShouldBe(500);
        for (int n = 0; n < 100; n++) Math.Sqrt(a.Skip(5 * n).Take(5).Sum(x => x * x)).ShouldBe(1, 1e-14);
        UniformSphere.Samples(new Random(1), 100, 5).ShouldBe(a);
    }

    [Fact]
    public void CoordinatesHaveMeanZeroAndVarianceOneOverD()
    {
        var a = UniformSphere.Samples(new Random(2), 20000, 4);
        for (int i = 0; i < 4; i++)
        {
            var c = Enumerable.Range(0, 20000).Select(n => a[4 * n + i]).ToArray();
            c.Average().ShouldBe(0, 0.01);
            c.Select(x => x * x).Average().ShouldBe(0.25, 0.01);
        }
    }

    [Fact]
    public void DimensionMustBePositive()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => UniformSphere.Sample(new Random(1), 0));
        Should.Throw<ArgumentException>(() => UniformSphere.Sample(new Random(1), Span<double>.Empty));
    }
}
