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
        Should.Throw<ArgumentOutOfRangeException>(() => UniformSphere.Sample(new Random(1), 0))
            .Message.ShouldStartWith("The dimension must be at least 1.");
        Should.Throw<ArgumentException>(() => UniformSphere.Sample(new Random(1), Span<double>.Empty))
            .Message.ShouldStartWith("The dimension must be at least 1.");
    }

    [Fact]
    public void TheZeroSphereIsTheTwoPointsPlusMinusOne()
    {
        // S⁰ = {−1, +1}: dimension 1 is allowed and both signs occur.
        var signs = Enumerable.Range(0, 40).Select(_ => 0.0).ToArray();
        var rng = new Random(3);
        for (int n = 0; n < signs.Length; n++) signs[n] = UniformSphere.Sample(rng, 1)[0];
        signs.ShouldAllBe(x => Math.Abs(Math.Abs(x) - 1) < 1e-15);
        signs.ShouldContain(x => x > 0);
        signs.ShouldContain(x => x < 0);
        Span<double> one = stackalloc double[1];
        UniformSphere.Sample(new Random(4), one);
        Math.Abs(one[0]).ShouldBe(1, 1e-15);
    }
}
