using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class ChartTests
{
    private static Rational R(int p, int q = 1) => new(p, q);

    [Fact]
    public void TheHyperbolaChartAndItsJacobian()
    {
        var c = new ProductLevelSetChart(2);
        (c.AmbientDimension, c.Dimension, c.Codimension).ShouldBe((2, 1, 1));
        c.Point<Rational>([R(2)]).ShouldBe([R(2), R(1, 2)]);
        c.Jacobian<Rational>([R(2)]).ShouldBe(new[,] { { R(1) }, { R(-1, 4) } });
        c.PointAt([4]).ShouldBe([4, 0.25]);
        c.JacobianAt([2]).ToArray().ShouldBe(new[,] { { 1.0 }, { -0.25 } });
        // Tangent (1, −1/4): P_T = v vᵀ/‖v‖² exactly.
        c.TangentProjector<Rational>([R(2)]).ShouldBe(new[,] { { R(16, 17), R(-4, 17) }, { R(-4, 17), R(1, 17) } });
        c.NormalProjector<Rational>([R(2)]).ShouldBe(new[,] { { R(1, 17), R(4, 17) }, { R(4, 17), R(16, 17) } });
        c.NormalProjectorAt([2])[1, 1].ShouldBe(16.0 / 17, 1e-15);
        Should.Throw<ArgumentOutOfRangeException>(() => new ProductLevelSetChart(1)).Message.ShouldStartWith("A product level set needs at least two factors.");
    }

    [Fact]
    public void TheProductChartStaysOnItsLevelSet()
    {
        var c = new ProductLevelSetChart(3);
        var p = c.Point<Rational>([R(2, 3), R(-5, 7)]);
        (p[0] * p[1] * p[2]).ShouldBe(R(1));
        c.Jacobian<Rational>([R(2, 3), R(-5, 7)]).GetLength(1).ShouldBe(2);
    }

    [Fact]
    public void TheStereographicChartLiesOnTheSphereExactly()
    {
        var c = new StereographicSphereChart(3);
        (c.AmbientDimension, c.Dimension).ShouldBe((3, 2));
        var p = c.Point<Rational>([R(1, 3), R(-2, 5)]);
        (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).ShouldBe(R(1));
        c.Point<Rational>([R(0), R(0)]).ShouldBe([R(0), R(0), R(-1)]); // the south pole
        c.Point<Rational>([R(1), R(0)]).ShouldBe([R(1), R(0), R(0)]);
        // The normal space of the sphere at p is spanned by p: P_N = p pᵀ.
        var pn = c.NormalProjector<Rational>([R(1, 3), R(-2, 5)]);
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++) pn[i, j].ShouldBe(p[i] * p[j]);
        Should.Throw<ArgumentOutOfRangeException>(() => new StereographicSphereChart(1)).Message.ShouldStartWith("A sphere needs an ambient dimension of at least 2.");
    }

    [Fact]
    public void TheScalingOrbitKeepsTheRankOneProduct()
    {
        var c = new ScalingOrbitChart([1, 2], [3]);
        (c.AmbientDimension, c.Dimension, c.Codimension).ShouldBe((3, 1, 2));
        var p = c.Point<Rational>([R(3, 2)]);
        p.ShouldBe([R(3, 2), R(3), R(2)]);
        (p[0] * p[2], p[1] * p[2]).ShouldBe((R(3), R(6)));
        Should.Throw<ArgumentException>(() => new ScalingOrbitChart([], [1])).Message.ShouldBe("Both factors need at least one entry.");
        Should.Throw<ArgumentException>(() => new ScalingOrbitChart([0, 0], [1])).Message.ShouldBe("A rank-one matrix needs non-zero factors.");
    }
}
