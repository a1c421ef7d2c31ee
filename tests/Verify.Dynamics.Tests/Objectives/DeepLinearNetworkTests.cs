using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class DeepLinearNetworkTests
{
    private static double[,] RandomData(int rows, int n, Random rng) => Build(rows, n, (_, _) => rng.Next(-8, 9) / 4.0);
    private static double[,] Build(int r, int c, Func<int, int, double> f) { var a = new double[r, c]; for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i, j] = f(i, j); return a; }

    [Fact]
    public void TheOneByOneByOneNetworkWithHalfScaleIsTheScalarFactorization()
    {
        var net = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, scale: 0.5);
        var toy = ScalarFactorization.Instance;
        var rng = new Random(1);
        for (int s = 0; s < 20; s++)
        {
            Rational[] p = [new(rng.Next(-20, 21), rng.Next(1, 7)), new(rng.Next(-20, 21), rng.Next(1, 7))];
            net.Value<Rational>(p).ShouldBe(toy.Value<Rational>(p));
            net.Gradient<Rational>(p).ShouldBe(toy.Gradient<Rational>(p));
            net.Hessian<Rational>(p).ShouldBe(toy.Hessian<Rational>(p));
        }
        // Scale 1 is (1 − xy)².
        new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }).ValueAt([0, 0]).ShouldBe(1);
    }

    [Theory]
    [InlineData(new[] { 2, 3, 2 }, 1.0)]
    [InlineData(new[] { 3, 1, 2 }, 0.5)]
    [InlineData(new[] { 1, 2, 2, 1 }, 1.0)]
    [InlineData(new[] { 2, 2 }, 1.0)]
    [InlineData(new[] { 2, 1, 2, 2, 1 }, 0.5)]
    public void ClosedFormsMatchAutomaticDifferentiationExactly(int[] d, double scale)
    {
        var w = new LayerWidths(d);
        var rng = new Random(7 * d.Length + d[0]);
        var net = new DeepLinearNetwork(w, RandomData(w.Input, 4, rng), RandomData(w.Output, 4, rng), scale);
        var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 4))).ToArray();
        net.Gradient<Rational>(theta).ShouldBe(AutoDiff.Gradient<Rational>(net, theta));
        var h = net.Hessian<Rational>(theta);
        var ad = AutoDiff.Hessian<Rational>(net, theta);
        for (int p = 0; p < w.ParameterCount; p++) for (int q = 0; q < w.ParameterCount; q++) h[p, q].ShouldBe(ad[p, q]);
        // L = l ∘ μ_d.
        net.Value<Rational>(theta).ShouldBe(net.FunctionalValue(ProductMap.Product<Rational>(w, theta)));
    }

    [Fact]
    public void TheFunctionalItsGradientAndHessian()
    {
        var w = new LayerWidths(2, 2, 3);
        var rng = new Random(3);
        var net = new DeepLinearNetwork(w, RandomData(2, 5, rng), RandomData(3, 5, rng), 0.5);
        var wm = new ScalarMatrix<Rational>(3, 2, (i, j) => new Rational(i - j, 3));
        // Directional derivative of l along E_ab equals the gradient entry; l is quadratic so central differences are exact.
        var g = net.FunctionalGradient(wm);
        var h = net.FunctionalHessian<Rational>();
        for (int a = 0; a < 3; a++)
            for (int b = 0; b < 2; b++)
            {
                var e = new ScalarMatrix<Rational>(3, 2, (i, j) => i == a && j == b ? 1 : 0);
                var plus = net.FunctionalValue(wm + e); var minus = net.FunctionalValue(wm - e);
                ((plus - minus) / 2).ShouldBe(g[a, b]);
                (plus + minus - 2 * net.FunctionalValue(wm)).ShouldBe(h[a * 2 + b, a * 2 + b]);
            }
        h.Rows.ShouldBe(6);
        h[0, 2].ShouldBe(Rational.Zero); // different output rows do not interact
    }

    [Fact]
    public void LeastSquaresAndBestRankConstrainedProducts()
    {
        var w = new LayerWidths(2, 1, 2);
        var x = new double[,] { { 1, 0 }, { 0, 10 } };
        var y = new double[,] { { 2, 0 }, { 0, 10 } };
        var net = new DeepLinearNetwork(w, x, y);
        var ls = net.LeastSquaresProduct<Rational>()!;
        ls.ShouldBe(new ScalarMatrix<Rational>(2, 2, (i, j) => i == j ? (i == 0 ? 2 : 1) : 0)); // W̄₀ = YXᵀ(XXᵀ)⁻¹ = diag(2, 1)
        net.FunctionalValue(ls).ShouldBe(Rational.Zero);
        // Best rank 1: diag(0, 1) (l = 4), not the truncation diag(2, 0) of W̄₀ (l = 100).
        var best = net.BestProductOfRank(1);
        (best - Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 0 }, { 0, 1 } })).FrobeniusNorm().ShouldBeLessThan(1e-12);
        net.OptimalProduct().ShouldBe(best);
        net.MinimumValue().ShouldBe(4, 1e-10);
        var filling = new DeepLinearNetwork(new LayerWidths(2, 2), x, y);
        filling.MinimumValue().ShouldBe(0, 1e-12);
        new DeepLinearNetwork(new LayerWidths(2, 1), new double[,] { { 1, 2 }, { 2, 4 } }, new double[,] { { 1, 1 } }).LeastSquaresProduct<Rational>().ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => new DeepLinearNetwork(new LayerWidths(2, 1), new double[,] { { 1, 2 }, { 2, 4 } }, new double[,] { { 1, 1 } }).OptimalProduct());
    }

    [Fact]
    public void InvalidDataIsRejected()
    {
        var w = new LayerWidths(2, 1);
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[1, 3], new double[1, 3]));
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[2, 3]));
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[1, 2]));
        Should.Throw<ArgumentOutOfRangeException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[1, 3], 0));
        var net = new DeepLinearNetwork(w, new double[2, 3], new double[1, 3], 0.5);
        net.Scale.ShouldBe(0.5); net.Samples.ShouldBe(3); net.Dimension.ShouldBe(2);
        Should.Throw<ArgumentException>(() => net.ValueAt([1.0]));
    }

    [Fact]
    public void TruncatedSvdKeepsTheLeadingTriples()
    {
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 3, 0 }, { 0, 1 } });
        DeepLinearNetwork.TruncatedSvd(a, 1)[0, 0].ShouldBe(3, 1e-14);
        DeepLinearNetwork.TruncatedSvd(a, 1)[1, 1].ShouldBe(0, 1e-14);
        (DeepLinearNetwork.TruncatedSvd(a, 5) - a).FrobeniusNorm().ShouldBeLessThan(1e-14);
    }
}
