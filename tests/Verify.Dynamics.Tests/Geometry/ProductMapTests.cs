using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class ProductMapTests
{
    /// <summary>θ ↦ Σ G_ij (W_h⋯W₁X)_ij: differentiating it by AD gives the closed forms to compare with.</summary>
    private sealed class Weighted(LayerWidths w, ScalarMatrix<Rational> x, ScalarMatrix<Rational> g) : Objective
    {
        public override int Dimension => w.ParameterCount;
        public override T Value<T>(ReadOnlySpan<T> theta)
        {
            var f = ProductMap.Apply(w, theta, x.Convert(ExactScalars.FromRational<T>));
            T s = T.FromInt(0);
            for (int i = 0; i < f.Rows; i++) for (int j = 0; j < f.Columns; j++) s += ExactScalars.FromRational<T>(g[i, j]) * f[i, j];
            return s;
        }
    }

    private static Rational[] RandomTheta(LayerWidths w, Random rng) =>
        Enumerable.Range(0, w.ParameterCount).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 5))).ToArray();

    private static ScalarMatrix<Rational> RandomMatrix(int r, int c, Random rng) => new(r, c, (_, _) => new Rational(rng.Next(-5, 6), rng.Next(1, 4)));

    [Theory]
    [InlineData(new[] { 2, 3, 2 })]
    [InlineData(new[] { 3, 1, 2 })]
    [InlineData(new[] { 1, 2, 2, 1 })]
    [InlineData(new[] { 2, 2 })]
    [InlineData(new[] { 2, 1, 3, 2, 1 })]
    public void JacobianAndCurvatureMatchAutomaticDifferentiationExactly(int[] d)
    {
        var w = new LayerWidths(d);
        var rng = new Random(d.Sum());
        var theta = RandomTheta(w, rng);
        var x = RandomMatrix(w.Input, 3, rng);
        var j = ProductMap.Jacobian(w, theta, x);
        j.Rows.ShouldBe(w.Output * 3); j.Columns.ShouldBe(w.ParameterCount);
        for (int i = 0; i < w.Output; i++)
            for (int t = 0; t < 3; t++)
            {
                var e = new ScalarMatrix<Rational>(w.Output, 3, (a, b) => a == i && b == t ? 1 : 0);
                var grad = AutoDiff.Gradient<Rational>(new Weighted(w, x, e), theta);
                for (int p = 0; p < w.ParameterCount; p++) j[i * 3 + t, p].ShouldBe(grad[p]);
            }
        var g = RandomMatrix(w.Output, 3, rng);
        var curvature = ProductMap.Curvature(w, theta, x, g);
        var hess = AutoDiff.Hessian<Rational>(new Weighted(w, x, g), theta);
        for (int p = 0; p < w.ParameterCount; p++)
            for (int q = 0; q < w.ParameterCount; q++) curvature[p, q].ShouldBe(hess[p, q]);
    }

    [Fact]
    public void ProductPrefixesAndSuffixes()
    {
        var w = new LayerWidths(2, 1, 2);
        Rational[] theta = [1, 2, 3, 4]; // W₁ = [1 2], W₂ = [3; 4]
        ProductMap.Product<Rational>(w, theta).ShouldBe(new ScalarMatrix<Rational>(2, 2, (i, j) => new[,] { { 3, 6 }, { 4, 8 } }[i, j]));
        var s = ProductMap.Suffixes<Rational>(w, theta);
        s[2].ShouldBe(ScalarMatrix<Rational>.Identity(2));
        s[0].ShouldBe(ProductMap.Product<Rational>(w, theta));
        var a = ProductMap.Prefixes(w, theta, ScalarMatrix<Rational>.Identity(2));
        a[1].ShouldBe(new ScalarMatrix<Rational>(1, 2, (_, j) => j + 1));
        ProductMap.Jacobian<Rational>(w, theta).Rows.ShouldBe(4);
        Should.Throw<ArgumentException>(() => ProductMap.Prefixes(w, theta, ScalarMatrix<Rational>.Identity(3))).Message.ShouldBe("X must have 2 rows, got 3.");
        Should.Throw<ArgumentException>(() => ProductMap.Curvature(w, theta, ScalarMatrix<Rational>.Identity(2), ScalarMatrix<Rational>.Identity(3))).Message.ShouldBe("G must be 2×2, got 3×3.");
    }

    [Fact]
    public void TheJacobianIsHomogeneousOfDegreeDepthMinusOne()
    {
        // dμ(cθ) = c^{h−1} dμ(θ): μ is a product of h layers.
        var w = new LayerWidths(2, 2, 3, 1);
        var rng = new Random(4);
        var theta = RandomTheta(w, rng);
        Rational c = new(3, 2);
        var scaled = ProductMap.Jacobian<Rational>(w, theta.Select(v => c * v).ToArray());
        scaled.ShouldBe(c * c * ProductMap.Jacobian<Rational>(w, theta));
    }
}
