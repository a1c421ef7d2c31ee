using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class MinimizerValleyTests
{
    private static readonly MinimizerValley Sphere = new(new SphereWell(3), new StereographicSphereChart(3), [0.3, -0.2]);
    private static readonly MinimizerValley TwoOutputs = new(new RankOneFactorization(new double[,] { { 1, 1 } }), new ScalingOrbitChart([1], [1, 1]), [1.3]);
    private static readonly MinimizerValley Toy = new(ScalarFactorization.Instance, new ProductLevelSetChart(2), [1.5]);

    [Fact]
    public void TheNormalFrameIsOrthonormalAndSpansTheNormalSpace()
    {
        foreach (var v in new[] { Sphere, TwoOutputs, Toy })
        {
            var t = v.Reference.Select(a => a + 0.1).ToArray();
            var q = v.Normals(t);
            q.ColumnCount.ShouldBe(v.Codimension);
            (q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(v.Codimension)).InfinityNorm().ShouldBeLessThan(1e-14);
            (q.TransposeAndMultiply(q) - v.Chart.NormalProjectorAt(t)).InfinityNorm().ShouldBeLessThan(1e-14);
            (v.Chart.JacobianAt(t).TransposeThisAndMultiply(q)).InfinityNorm().ShouldBeLessThan(1e-14);
        }
        // The frame of the toy at (1.5, 2/3) is ±(y, x)/‖(y, x)‖, and its fixed axis keeps the sign.
        var n = Toy.Normals([1.5]).Column(0);
        var p = Toy.Point([1.5]);
        (n[0] * p[0] - n[1] * p[1]).ShouldBe(0, 1e-14); // ∥ (y, x): n₀/n₁ = y/x
        Toy.Frame.Axes.ShouldBe([1]);
        Toy.Normals([0.8]).Column(0)[1].ShouldBeGreaterThan(0);
        Toy.Normals([2.5]).Column(0)[1].ShouldBeGreaterThan(0);
    }

    [Fact]
    public void CoordinatesInvertTheEmbedding()
    {
        foreach (var v in new[] { Sphere, TwoOutputs, Toy })
        {
            var t = v.Reference.Select(a => a - 0.05).ToArray();
            var n = Enumerable.Range(0, v.Codimension).Select(i => 0.01 * (i + 1)).ToArray();
            var w = v.Embed(t, n);
            var (t2, n2) = v.Coordinates(w, v.Reference);
            t2.Zip(t).ShouldAllBe(z => Math.Abs(z.First - z.Second) < 1e-13);
            n2.Zip(n).ShouldAllBe(z => Math.Abs(z.First - z.Second) < 1e-13);
            v.Loss.ValueAt(v.Embed(t, new double[v.Codimension])).ShouldBe(0, 1e-28);
        }
    }

    [Fact]
    public void TheNormalHessianHasTheKnownCurvatures()
    {
        Sphere.NormalHessian([0.1, 0.7])[0, 0].ShouldBe(2, 1e-13);
        var p = Toy.Point([1.5]);
        Toy.NormalSpectrum([1.5]).Single().ShouldBe(p[0] * p[0] + p[1] * p[1], 1e-13);
        var s = TwoOutputs.NormalSpectrum([1.3]);
        s[0].ShouldBe(1.69, 1e-12);
        s[1].ShouldBe(1.69 + 2 / 1.69, 1e-12);
    }

    [Fact]
    public void MismatchedPiecesAreRejected()
    {
        Should.Throw<ArgumentException>(() => new MinimizerValley(new SphereWell(2), new StereographicSphereChart(3), [0, 0])).Message.ShouldBe("The loss has 2 parameters, the chart lives in ℝ^3.");
        Should.Throw<ArgumentException>(() => new NormalFrame(new StereographicSphereChart(3), [0.0])).Message.ShouldBe("The chart has 2 parameters, got 1.");
    }
}
