using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class MatrixFactorizationTests
{
    private static Matrix<double> M(int r, int c, params double[] v) => Matrix<double>.Build.Dense(r, c, (i, j) => v[i * c + j]);

    [Fact]
    public void ValueIsHalfTheSquaredFrobeniusResidual()
    {
        var y = M(2, 3, 1, 2, 3, 4, 5, 6);
        var loss = new MatrixFactorization(y, 2);
        loss.Dimension.ShouldBe(2 * 2 + 2 * 3);
        (loss.Rows, loss.Inner, loss.Columns).ShouldBe((2, 2, 3));
        var x = M(2, 2, 1, 0, 0, 2); var z = M(2, 3, 1, 1, 1, 0, 1, 0);
        var theta = loss.Pack(x, z);
        double expected = 0.5 * Math.Pow((x * z - y).FrobeniusNorm(), 2);
        loss.ValueAt(theta).ShouldBe(expected, 1e-12);
        loss.FirstFactor(theta).ShouldBe(x);
        loss.SecondFactor(theta).ShouldBe(z);
        loss.Target.ShouldBe(y);
    }

    [Fact]
    public void ClosedFormGradientEqualsAutomaticDifferentiationExactly()
    {
        var rng = new Random(1);
        // n, p, m all different, so that no index mix-up can hide.
        foreach (var loss in new[] { new MatrixFactorization(M(3, 2, 1, -2, 0.5, 3, 4, -1), 2), new MatrixFactorization(M(2, 3, 1, -2, 0.5, 3, 4, -1), 4) })
        for (int t = 0; t < 10; t++)
        {
            var p = Enumerable.Range(0, loss.Dimension).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 6))).ToArray();
            loss.Gradient<Rational>(p).ShouldBe(AutoDiff.Gradient<Rational>(loss, p));
            loss.Hessian<Rational>(p).ShouldBe(AutoDiff.Hessian<Rational>(loss, p));
        }
    }

    [Fact]
    public void ResidualIsXZMinusY()
    {
        var loss = new MatrixFactorization(M(1, 1, 5), 2);
        loss.Residual<Rational>([2, 3, 1, 1]).ShouldBe([(Rational)0]);
        loss.Residual<Rational>([1, 1, 1, 1]).ShouldBe([(Rational)(-3)]);
    }

    [Fact]
    public void SharpnessAtAMinimizerIsTheSumOfTopSingularValuesSquared()
    {
        var x0 = M(2, 2, 2, 0, 0, 1);
        var loss = new MatrixFactorization(x0 * x0.Transpose(), 2);
        foreach (var alpha in new[] { 1.0, 0.5, 2.0 })
        {
            var (x, z) = MatrixFactorization.QuasiSymmetricMinimizer(x0, alpha);
            (x * z).ShouldBe(x0 * x0.Transpose());
            var theta = loss.Pack(x, z);
            loss.ValueAt(theta).ShouldBe(0, 1e-15);
            double top = Verify.Dynamics.Analysis.Sharpness.At(loss, theta);
            MatrixFactorization.SharpnessAtMinimizer(x, z).ShouldBe(4 * (alpha * alpha + 1 / (alpha * alpha)), 1e-12);
            top.ShouldBe(MatrixFactorization.SharpnessAtMinimizer(x, z), 1e-10);
        }
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MatrixFactorization(M(1, 1, 1), 0));
        var loss = new MatrixFactorization(M(2, 2, 1, 0, 0, 1), 1);
        Should.Throw<ArgumentException>(() => loss.Pack(M(2, 2, 1, 0, 0, 1), M(1, 2, 1, 1)));
    }

    [Fact]
    public void SymmetricFactorizationMatchesTheCoupledModelAndItsGradient()
    {
        var y = M(2, 2, 2, 0.5, 0.5, 1);
        var loss = new SymmetricMatrixFactorization(y, 3);
        loss.Dimension.ShouldBe(6);
        (loss.Rows, loss.Columns).ShouldBe((2, 3));
        var rng = new Random(4);
        for (int t = 0; t < 10; t++)
        {
            var p = Enumerable.Range(0, 6).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 6))).ToArray();
            loss.Gradient<Rational>(p).ShouldBe(AutoDiff.Gradient<Rational>(loss, p));
        }
        // ¼‖XXᵀ − Y‖² at X = 0 is ¼‖Y‖².
        loss.ValueAt(new double[6]).ShouldBe(0.25 * (4 + 0.25 + 0.25 + 1), 1e-15);
        Should.Throw<ArgumentException>(() => new SymmetricMatrixFactorization(M(1, 2, 1, 1), 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new SymmetricMatrixFactorization(y, 0));
    }
}
