using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class IntervalMatrixTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);
    private static Interval P(double v) => Interval.FromDouble(v);

    private static readonly ScalarMatrix<Interval> A = IntervalMatrix.Of(new[,] { { I(1, 2), I(-1, 0) }, { P(0.1), I(-3, 3) } });

    [Fact]
    public void ProductsEncloseEveryProductOfMembers()
    {
        var b = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 2.0 }, { -1.0, 1.0 / 3 } });
        var pointB = ScalarMatrix<Interval>.FromMatrix(b);
        var ab = A * pointB;
        var ba = pointB * A;
        var aa = A * A;
        var rng = new Random(3);
        for (int trial = 0; trial < 200; trial++)
        {
            var a = Matrix<double>.Build.Dense(2, 2, (i, j) => A[i, j].Lo + rng.NextDouble() * (A[i, j].Hi - A[i, j].Lo));
            Rational Exact(Matrix<double> x, Matrix<double> y, int i, int j) =>
                Rational.FromDouble(x[i, 0]) * Rational.FromDouble(y[0, j]) + Rational.FromDouble(x[i, 1]) * Rational.FromDouble(y[1, j]);
            for (int i = 0; i < 2; i++)
                for (int j = 0; j < 2; j++)
                {
                    ab[i, j].ContainsExact(Exact(a, b, i, j)).ShouldBeTrue();
                    ba[i, j].ContainsExact(Exact(b, a, i, j)).ShouldBeTrue();
                    aa[i, j].ContainsExact(Exact(a, a, i, j)).ShouldBeTrue();
                }
        }
    }

    [Fact]
    public void VectorProductDifferenceAndMidpoint()
    {
        var v = A.Apply([P(1), P(2)]);
        v[0].ShouldBe(I(-1, 2));
        // 0.1 (the double, a little above one tenth) + 6: the upper end is rounded up past the double nearest 6.1.
        v[1].ShouldBe(I(-5.9, Math.BitIncrement(6.1)));
        v[1].ContainsExact(Rational.FromDouble(0.1) + 6).ShouldBeTrue();
        var d = ScalarMatrix<Interval>.Identity(2) - A;
        d[0, 0].ShouldBe(I(-1, 0));
        d[1, 1].ShouldBe(I(-2, 4));
        A.Midpoint().ToArray().ShouldBe(new[,] { { 1.5, -0.5 }, { 0.1, 0 } });
        // Reading the midpoint matrix is not a branch of generic code.
        var audit = MidpointReadAudit.Start();
        _ = A.Midpoint();
        audit.Reads.ShouldBe(0);
        IntervalMatrix.Of(new[,] { { P(1) } })[0, 0].ShouldBe(Interval.One);
    }

    [Fact]
    public void NormsAndGershgorinRowsAreUpperBounds()
    {
        A.NormInfinityBound().ShouldBe(3.1);
        var (center, radius) = A.GershgorinRow(1);
        center.ShouldBe(I(-3, 3));
        radius.ShouldBe(0.1);
        A.GershgorinRow(0).Radius.ShouldBe(1);
        // The exact sum of the doubles 0.1 and 0.2 lies below 0.1 + 0.2 = 0.30000000000000004 (the bound);
        // 0.1 + 0.7 rounds down, so its bound is one ulp up.
        double bound = IntervalMatrix.Of(new[,] { { P(0.1), P(0.2) } }).NormInfinityBound();
        bound.ShouldBe(0.1 + 0.2);
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.2) <= Rational.FromDouble(bound)).ShouldBeTrue();
        double up = IntervalMatrix.Of(new[,] { { P(0.1), P(-0.7) } }).NormInfinityBound();
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.7) <= Rational.FromDouble(up)).ShouldBeTrue();
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.7) > Rational.FromDouble(0.1 + 0.7)).ShouldBeTrue();
        up.ShouldBe(Math.BitIncrement(0.1 + 0.7));
        double.IsNaN(IntervalMatrix.Of(new[,] { { Interval.Invalid } }).NormInfinityBound()).ShouldBeTrue();
    }

    [Fact]
    public void Boundedness()
    {
        A.IsBounded().ShouldBeTrue();
        IntervalMatrix.Of(new[,] { { Interval.Entire } }).IsBounded().ShouldBeFalse();
    }
}
