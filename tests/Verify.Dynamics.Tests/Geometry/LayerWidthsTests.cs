using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class LayerWidthsTests
{
    [Theory]
    [InlineData(new[] { 2, 3, 2 }, 12, 2, true, 4)]       // filling: dim M_r = 2·(2+2−2) = 4
    [InlineData(new[] { 3, 1, 3 }, 6, 1, false, 5)]       // non-filling: 1·(3+3−1) = 5
    [InlineData(new[] { 1, 1 }, 1, 1, true, 1)]
    [InlineData(new[] { 4, 2, 5, 3 }, 8 + 10 + 15, 2, false, 2 * (4 + 3 - 2))]
    public void CountsOfTheProductMap(int[] d, int dTheta, int r, bool filling, int dimMr)
    {
        var w = new LayerWidths(d);
        w.ParameterCount.ShouldBe(dTheta);
        w.Bottleneck.ShouldBe(r);
        w.IsFilling.ShouldBe(filling);
        w.ImageDimension.ShouldBe(dimMr);
        w.FibreDimension.ShouldBe(dTheta - dimMr);
        w.Depth.ShouldBe(d.Length - 1);
        w.Input.ShouldBe(d[0]); w.Output.ShouldBe(d[^1]);
    }

    [Fact]
    public void LayersArePackedRowByRowFromTheInputSide()
    {
        var w = new LayerWidths(2, 3, 1);
        var theta = Enumerable.Range(1, w.ParameterCount).Select(i => (Rational)i).ToArray();
        var w1 = w.Layer<Rational>(theta, 1);
        w1.Rows.ShouldBe(3); w1.Columns.ShouldBe(2);
        w1[0, 1].ShouldBe((Rational)2); w1[2, 0].ShouldBe((Rational)5);
        w.Layer<Rational>(theta, 2)[0, 2].ShouldBe((Rational)9);
        w.Offset(1).ShouldBe(0); w.Offset(2).ShouldBe(6);
        w.Pack(w.Layers<Rational>(theta)).ShouldBe(theta);
        w.Locate(0).ShouldBe((1, 0, 0));
        w.Locate(5).ShouldBe((1, 2, 1));
        w.Locate(8).ShouldBe((2, 0, 2));
        w.Locate(6).ShouldBe((2, 0, 0));
        Should.Throw<ArgumentOutOfRangeException>(() => w.Locate(-1)).Message.ShouldStartWith("θ has 9 entries.");
        Should.Throw<ArgumentOutOfRangeException>(() => w.Locate(9)).Message.ShouldStartWith("θ has 9 entries.");
        Should.Throw<ArgumentException>(() => w.Layer<Rational>(theta.AsSpan(1), 1)).Message.ShouldBe("Architecture [2,3,1] has 9 parameters; got a vector of length 8.");
        Should.Throw<ArgumentException>(() => w.Pack(new[] { ScalarMatrix<Rational>.Zero(3, 2) })).Message.ShouldBe("Need 2 layers, got 1.");
        Should.Throw<ArgumentException>(() => w.Pack(new[] { ScalarMatrix<Rational>.Zero(2, 3), ScalarMatrix<Rational>.Zero(1, 3) })).Message.ShouldBe("W1 must be 3×2, got 2×3.");
    }

    [Fact]
    public void InvalidWidthsAreRejectedAndEqualityIsByValue()
    {
        Should.Throw<ArgumentException>(() => new LayerWidths(3)).Message.ShouldBe("A network needs at least an input and an output width; got 1 widths.");
        Should.Throw<ArgumentException>(() => new LayerWidths(2, 0, 1)).Message.ShouldBe("Every width must be at least 1: [2, 0, 1].");
        new LayerWidths(1, 2, 1).ShouldBe(new LayerWidths(1, 2, 1));
        new LayerWidths(1, 2, 1).Equals((object)new LayerWidths(1, 2, 1)).ShouldBeTrue();
        new LayerWidths(1, 2, 1).ShouldNotBe(new LayerWidths(1, 2, 2));
        new LayerWidths(1, 2, 1).GetHashCode().ShouldBe(new LayerWidths(1, 2, 1).GetHashCode());
        new LayerWidths(1, 2, 1).ToString().ShouldBe("[1,2,1]");
        new LayerWidths(1, 2, 1).Widths.ShouldBe(new[] { 1, 2, 1 });
    }
}
