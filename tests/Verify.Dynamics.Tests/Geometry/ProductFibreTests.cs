using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class ProductFibreTests
{
    private static DeepLinearNetwork Net(int[] d, int seed)
    {
        var rng = new Random(seed);
        var w = new LayerWidths(d);
        int n = w.Input + 2;
        var x = new double[w.Input, n]; var y = new double[w.Output, n];
        for (int i = 0; i < w.Input; i++) for (int t = 0; t < n; t++) x[i, t] = rng.NextDouble() * 2 - 1;
        for (int i = 0; i < w.Output; i++) for (int t = 0; t < n; t++) y[i, t] = rng.NextDouble() * 2 - 1;
        return new DeepLinearNetwork(w, x, y);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 2 })]
    [InlineData(new[] { 3, 1, 3 })]
    [InlineData(new[] { 1, 1, 1 })]
    [InlineData(new[] { 2, 2 })]
    [InlineData(new[] { 3, 2, 4, 2 })]
    public void SampledPointsAreGlobalMinimizers(int[] d)
    {
        var net = Net(d, 11);
        var m = ProductFibre.Of(net);
        m.Rank.ShouldBe(net.Widths.Bottleneck);
        double min = net.MinimumValue();
        var rng = new Random(5);
        foreach (var theta in new[] { m.BasePoint(), m.Sample(rng, 0.5), m.Sample(rng, 1.0) })
        {
            (ProductMap.Product<Real>(net.Widths, theta.Select(v => (Real)v).ToArray()).ToMatrix() - m.Product).FrobeniusNorm().ShouldBeLessThan(1e-9);
            net.ValueAt(theta).ShouldBe(min, 1e-9);
            net.GradientAt(theta).Max(Math.Abs).ShouldBeLessThan(1e-8);
        }
    }

    [Fact]
    public void ExactChainsAndGaugesKeepTheProductExactly()
    {
        var w = new LayerWidths(2, 3, 3, 2);
        var product = new ScalarMatrix<Rational>(2, 2, (i, j) => new Rational(i + 2 * j + 1, 3));
        var (c, r) = product.RankFactorization(2)!.Value;
        var theta = ProductFibre.Chain(w, c, r);
        ProductMap.Product<Rational>(w, theta).ShouldBe(product);
        var g1 = new ScalarMatrix<Rational>(3, 3, (i, j) => i == j ? 2 : (i < j ? 1 : 0));
        var g2 = new ScalarMatrix<Rational>(3, 3, (i, j) => i == j ? 1 : (i > j ? -3 : 0));
        var moved = ProductFibre.ApplyGauge(w, theta, [g1, g2], [g1.Inverse()!, g2.Inverse()!]);
        moved.ShouldNotBe(theta);
        ProductMap.Product<Rational>(w, moved).ShouldBe(product);
        Should.Throw<ArgumentException>(() => ProductFibre.ApplyGauge(w, theta, [g1], [g1])).Message.ShouldBe("Need 2 gauges (one per hidden layer).");
        Should.Throw<ArgumentException>(() => ProductFibre.Chain(new LayerWidths(2, 1, 2), c, r)).Message.ShouldBe("Hidden width d1 = 1 is below the rank 2: no factorization through it."); // rank 2 through width 1
        Should.Throw<ArgumentException>(() => ProductFibre.Chain(new LayerWidths(3, 3, 2), c, r)).Message.ShouldBe("Need C 2×ρ and R ρ×3; got C 2×2, R 2×2."); // R has 2 columns, the input 3
        // Depth one: the single layer is the product.
        ProductFibre.Chain(new LayerWidths(2, 2), c, r).ShouldBe(product.RowMajor());
    }

    [Fact]
    public void UnitScalingsGoToInfinityAlongTheManifold()
    {
        var net = Net([1, 1, 2], 2);
        var m = ProductFibre.Of(net);
        var theta0 = m.BasePoint();
        double min = net.MinimumValue();
        double previous = 0;
        foreach (var t in new[] { 1.0, 4, 16, 64 })
        {
            var th = ProductFibre.ScaledByUnits(net.Widths, theta0, [[-1]], t);
            net.ValueAt(th).ShouldBe(min, 1e-9);
            double norm = Math.Sqrt(th.Sum(v => v * v));
            norm.ShouldBeGreaterThan(previous);
            previous = norm;
        }
        ProductFibre.ScaledByUnits(net.Widths, theta0, [[0]], 7).ShouldBe(theta0);
        Should.Throw<ArgumentException>(() => ProductFibre.ScaledByUnits(net.Widths, theta0, [[1, 1]], 2)).Message.ShouldBe("Hidden layer 1 has 1 units, got 2 exponents.");
        Should.Throw<ArgumentException>(() => ProductFibre.ScaledByUnits(net.Widths, theta0, [], 2)).Message.ShouldBe("Need exponents for 1 hidden layers.");
    }

    [Fact]
    public void TheChartCoversTheOrbitAndStaysOnTheManifold()
    {
        var net = Net([2, 3, 2], 8);
        var m = ProductFibre.Of(net);
        m.ChartDimension.ShouldBe(6);
        var theta0 = m.BasePoint();
        var u = Enumerable.Range(0, 6).Select(i => 0.3 * (i - 2.5)).ToArray();
        var th = m.Chart(theta0, u, 2);
        net.ValueAt(th).ShouldBe(net.MinimumValue(), 1e-9);
        m.Chart(theta0, new double[6], 2).ShouldBe(theta0, 1e-14);
        Should.Throw<ArgumentException>(() => m.Chart(theta0, new double[5], 2)).Message.ShouldBe("The chart has 6 coordinates, got 5.");
        new ProductFibre(new LayerWidths(2, 2), Matrix<double>.Build.DenseIdentity(2)).ChartDimension.ShouldBe(0);
        Should.Throw<ArgumentException>(() => new ProductFibre(new LayerWidths(2, 3), Matrix<double>.Build.DenseIdentity(2))).Message.ShouldBe("The product must be 3×2, got 2×2.");
    }

    [Fact]
    public void ZeroSpreadAndUnitScalingOnlyRotateOrKeepThePoint()
    {
        var net = Net([1, 2, 1], 4);
        var m = ProductFibre.Of(net);
        var theta0 = m.BasePoint();
        MinimizerScaled(net.Widths, theta0, 1).ShouldBe(theta0, 1e-15);
        // Spread 0: only orthogonal gauges, which keep ‖θ‖.
        var sample = m.Sample(new Random(1), 0);
        Math.Sqrt(sample.Sum(v => v * v)).ShouldBe(Math.Sqrt(theta0.Sum(v => v * v)), 1e-12);
        m.BasePoint().ShouldNotBeSameAs(m.BasePoint());
        m.Product.RowCount.ShouldBe(1);
    }

    private static double[] MinimizerScaled(LayerWidths w, double[] theta, double t) => ProductFibre.ScaledByUnits(w, theta, [[1, -1]], t);

    [Fact]
    public void TheJacobianOfTheProductHasTheImageDimensionOnTheManifold()
    {
        foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 3, 1, 3 }, new[] { 2, 2, 1, 3 } })
        {
            var net = Net(d, 3);
            var theta = ProductFibre.Of(net).Sample(new Random(2), 0.5);
            var j = ProductMap.Jacobian<Real>(net.Widths, theta.Select(v => (Real)v).ToArray()).ToMatrix();
            SpectralGap.Of(j.Svd(false).S).Rank.ShouldBe(net.Widths.ImageDimension);
        }
    }
}
