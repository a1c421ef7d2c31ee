using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Geometry;

/// <summary>
/// Shape checks that fail on one dimension alone, the smallest allowed sizes, ranks capped by the bottleneck,
/// and the scan of a level function at its ends and at a grid point where it is exactly 0.
/// </summary>
public sealed class GeometryEdgeCaseTests
{
    private static ScalarMatrix<Rational> Z(int rows, int columns) => ScalarMatrix<Rational>.Zero(rows, columns);

    [Fact]
    public void OneWrongDimensionIsEnoughToBeRejected()
    {
        var w = new LayerWidths(2, 3, 1);
        Should.Throw<ArgumentException>(() => w.Pack([Z(3, 3), Z(1, 3)])).Message.ShouldBe("W1 must be 3×2, got 3×3.");
        Should.Throw<ArgumentException>(() => w.Pack([Z(2, 2), Z(1, 3)])).Message.ShouldBe("W1 must be 3×2, got 2×2.");
        var chain = new LayerWidths(2, 2, 2);
        Should.Throw<ArgumentException>(() => ProductFibre.Chain(chain, Z(2, 1), Z(2, 2)))
            .Message.ShouldBe("Need C 2×ρ and R ρ×2; got C 2×1, R 2×2.");
        Should.Throw<ArgumentException>(() => ProductFibre.Chain(chain, Z(3, 1), Z(1, 2)))
            .Message.ShouldBe("Need C 2×ρ and R ρ×2; got C 3×1, R 1×2.");
        Rational[] theta = [1, 2, 3, 4, 5, 6, 7, 8];
        var id = ScalarMatrix<Rational>.Identity(2);
        Should.Throw<ArgumentException>(() => ProductFibre.ApplyGauge(chain, theta, [id], [id, id]))
            .Message.ShouldBe("Need 1 gauges (one per hidden layer).");
        Should.Throw<ArgumentException>(() => ProductFibre.ApplyGauge(chain, theta, [id, id], [id]));
        Should.Throw<ArgumentException>(() => ProductMap.Curvature(chain, theta, id, Z(2, 3)))
            .Message.ShouldBe("G must be 2×2, got 2×3.");
        Should.Throw<ArgumentException>(() => ProductMap.Curvature(chain, theta, id, Z(3, 2)));
    }

    [Fact]
    public void TheRankMayExceedTheOutputWidthOnlyThroughHiddenLayers()
    {
        // C is 2×3 (ρ = 3 > d_out = 2): only hidden widths must reach ρ.
        var w = new LayerWidths(3, 3, 2);
        var c = new ScalarMatrix<Rational>(2, 3, (i, j) => i + j);
        var r = ScalarMatrix<Rational>.Identity(3);
        ProductMap.Product<Rational>(w, ProductFibre.Chain(w, c, r)).ShouldBe(c * r);
    }

    [Fact]
    public void TheFibreRankIsCappedByTheBottleneckAndByTheProduct()
    {
        // A rank-one product through a width-2 bottleneck: ρ = 1; a full-rank product through width 1: ρ = 1.
        var rankOne = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2 }, { 2, 4 } });
        new ProductFibre(new LayerWidths(2, 2, 2), rankOne).Rank.ShouldBe(1);
        new ProductFibre(new LayerWidths(2, 1, 2), Matrix<double>.Build.DenseIdentity(2)).Rank.ShouldBe(1);
        new ProductFibre(new LayerWidths(2, 2, 2), Matrix<double>.Build.DenseIdentity(2)).Rank.ShouldBe(2);
    }

    [Fact]
    public void SmallestChartsAreAllowed()
    {
        new StereographicSphereChart(2).Dimension.ShouldBe(1);
        new ScalingOrbitChart([0, 1], [1]).AmbientDimension.ShouldBe(3);
        new ScalingOrbitChart([1], [0, 2]).AmbientDimension.ShouldBe(3);
    }

    [Fact]
    public void NegativePiecesAtTheEndsAndAtExactZeros()
    {
        // t ≥ 0 on [0, 1], zero only at the start: nothing is negative.
        CurveLength.NegativePieces(t => t, 0, 1).ShouldBeEmpty();
        // Negative up to 0.9999, in the last of four scan cells.
        var last = CurveLength.NegativePieces(t => t - 0.9999, 0, 1, scan: 4);
        last.Count.ShouldBe(1);
        last[0].From.ShouldBe(0);
        last[0].To.ShouldBe(0.9999, 1e-14);
        // An exact zero on a scan point is the end of the piece, exactly; one at the start of a cell starts one.
        CurveLength.NegativePieces(t => t - 0.5, 0, 1, scan: 4).ShouldBe([(0.0, 0.5)]);
        CurveLength.NegativePieces(t => 0.5 - t, 0, 1, scan: 4).ShouldBe([(0.5, 1.0)]);
        CurveLength.Of(t => 1, 1, 1).ShouldBe(0);
        CurveLength.Of(t => 1, 2, 1).ShouldBe(0);
    }

    [Fact]
    public void TheNormalFrameMayUseTheFirstAxis()
    {
        // Near (1, 0) on the circle the normal is along x: axis 0 carries the largest normal projection.
        var chart = new StereographicSphereChart(2);
        var p = chart.Point<Real>([new Real(0.9)]);
        Math.Abs(p[0].Value).ShouldBeGreaterThan(Math.Abs(p[1].Value));
        new NormalFrame(chart, [0.9]).Axes.ShouldBe([0]);
    }
}
