using Verify.Dynamics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class QuadraticTests
{
    [Fact]
    public void DiagonalQuadraticValuesGradientsAndSortedEigenpairs()
    {
        var q = Quadratic.Diagonal(4, 1);
        q.Eigenvalues.ShouldBe([1, 4]);
        q.Eigenvector(0).ShouldBe([0, 1]);
        q.Eigenvector(1).ShouldBe([1, 0]);
        q.Value<Rational>([1, 2]).ShouldBe(new Rational(4));   // ½(4·1 + 1·4)
        q.Gradient<Rational>([1, 2]).ShouldBe([new Rational(4), new Rational(2)]);
        q.Hessian<Rational>([0, 0])[0, 0].ShouldBe(new Rational(4));
        q.Minimizer.ShouldBe([0, 0]);
        q.ContractionFactors(0.1).ShouldBe([0.9, 0.6], tolerance: 1e-15);
    }

    [Fact]
    public void RandomBasisIsOrthonormalAndReproducesTheSpectrum()
    {
        var rng = new Random(4);
        var q = Quadratic.WithRandomBasis([0.5, 2, 3.5, 5], rng);
        var a = q.Matrix;
        var evd = a.Evd(Symmetricity.Symmetric);
        evd.EigenValues.Select(z => z.Real).OrderBy(v => v).ToArray().ShouldBe([0.5, 2, 3.5, 5], tolerance: 1e-12);
        for (int i = 0; i < 4; i++)
        {
            var v = Vector<double>.Build.DenseOfArray(q.Eigenvector(i));
            (a * v - q.Eigenvalues[i] * v).L2Norm().ShouldBeLessThan(1e-12);
            v.L2Norm().ShouldBe(1, 1e-12);
        }
        var o = HaarOrthogonal.Sample(5, new Random(5));
        (o.TransposeThisAndMultiply(o) - Matrix<double>.Build.DenseIdentity(5)).InfinityNorm().ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void ClosedFormIteratesEqualGradientDescentExactlyOnADiagonalQuadratic()
    {
        var q = Quadratic.Diagonal(1, 4);
        Rational eta = new(3, 10);
        Rational[] x = [new(1, 3), new(-2, 7)];
        var x0 = x.ToArray();
        for (int k = 0; k <= 12; k++)
        {
            q.GradientDescentIterate<Rational>(x0, eta, k).ShouldBe(x);
            x = GradientDescent.Step<Rational>(q, x, eta);
        }
    }

    [Fact]
    public void ClosedFormIteratesAndFlowWithACentreAndARotatedBasis()
    {
        var rng = new Random(6);
        var basis = HaarOrthogonal.Sample(3, rng);
        var q = new Quadratic([1, 2, 3], basis, [0.5, -1, 2]);
        double[] x0 = [1, 1, 1];
        var iterated = GradientDescent.Iterate(q, x0, 0.2, 15);
        Scalar.ToDoubles<Real>(q.GradientDescentIterate<Real>([1, 1, 1], 0.2, 15)).ShouldBe(iterated, tolerance: 1e-12);
        q.GradientAt(q.Minimizer.ToArray()).ShouldAllBe(g => Math.Abs(g) < 1e-12);
        // Gradient flow: x(0) = x₀, x(t) → c, and d/dt x = −∇f (central difference).
        q.GradientFlow(x0, 0).ShouldBe(x0, tolerance: 1e-12);
        q.GradientFlow(x0, 50).ShouldBe(q.Minimizer.ToArray(), tolerance: 1e-12);
        double h = 1e-5, t = 0.7;
        var plus = q.GradientFlow(x0, t + h); var minus = q.GradientFlow(x0, t - h);
        var grad = q.GradientAt(q.GradientFlow(x0, t));
        for (int i = 0; i < 3; i++) ((plus[i] - minus[i]) / (2 * h)).ShouldBe(-grad[i], 1e-8);
    }

    [Fact]
    public void RejectsInconsistentInput()
    {
        Should.Throw<ArgumentException>(() => new Quadratic([], Matrix<double>.Build.Dense(0, 0)));
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], Matrix<double>.Build.DenseIdentity(3)));
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], Matrix<double>.Build.Dense(2, 2, 1)));
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], Matrix<double>.Build.DenseIdentity(2), [0]));
    }
}
