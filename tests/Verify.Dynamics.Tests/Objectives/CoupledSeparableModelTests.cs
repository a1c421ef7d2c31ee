using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class CoupledSeparableModelTests
{
    [Fact]
    public void SeparableModelIsASumOfQuarticWells()
    {
        var f = CoupledSeparableModel.Separable([1, 4]);
        f.Dimension.ShouldBe(2);
        f.Pairs.ShouldBeEmpty();
        // ¼(x² − 1)² + ¼(y² − 4)² at (2, 1): ¼·9 + ¼·9.
        f.Value<Rational>([2, 1]).ShouldBe(new Rational(9, 2));
        f.Value<Rational>([1, -2]).ShouldBe(Rational.Zero);
    }

    [Fact]
    public void FullyCoupledModelIsSymmetricMatrixFactorization()
    {
        var lambda = new[] { 3.0, 1.5, 0.25 };
        var coupled = CoupledSeparableModel.FullyCoupled(lambda, 2);
        coupled.Pairs.Count.ShouldBe(3);
        coupled.Width.ShouldBe(2);
        coupled.Directions.ShouldBe(3);
        var mf = new SymmetricMatrixFactorization(Matrix<double>.Build.DenseOfDiagonalArray(lambda), 2);
        var rng = new Random(2);
        for (int t = 0; t < 20; t++)
        {
            var x = Enumerable.Range(0, 6).Select(_ => new Rational(rng.Next(-9, 10), rng.Next(1, 5))).ToArray();
            coupled.Value<Rational>(x).ShouldBe(mf.Value<Rational>(x));
        }
    }

    [Fact]
    public void PairTermIsHalfTheSquaredInnerProductInTheBasis()
    {
        // Basis swaps the two axes: x₁ = θ row 2, x₂ = θ row 1.
        var swap = Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 1 }, { 1, 0 } });
        var f = new CoupledSeparableModel([0, 0], 1, [(0, 1)], swap);
        // ¼x₁⁴ + ¼x₂⁴ + ½x₁²x₂² at θ = (1, 2): x = (2, 1): 4 + ¼ + 2.
        f.Value<Rational>([1, 2]).ShouldBe(new Rational(25, 4));
        f.Coordinates<Rational>([1, 2]).ShouldBe([(Rational)2, (Rational)1]);
    }

    [Fact]
    public void InvalidPairsAndShapesAreRejected()
    {
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [(0, 0)]));
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [(0, 2)]));
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 0, []));
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [], Matrix<double>.Build.DenseIdentity(3)));
        CoupledSeparableModel.AllPairs(4).Count().ShouldBe(6);
    }
}
