using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Tests.Numbers;

public sealed class IntervalMatrixTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);
    private static Interval P(double v) => Interval.FromDouble(v);

    private static readonly IntervalMatrix A = new(new[,] { { I(1, 2), I(-1, 0) }, { P(0.1), I(-3, 3) } });

    [Fact]
    public void ProductsEncloseEveryProductOfMembers()
    {
        var b = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 2.0 }, { -1.0, 1.0 / 3 } });
        var ab = A * b;
        var ba = b * A;
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
        Should.Throw<ArgumentException>(() => A * new IntervalMatrix(new Interval[3, 1])).Message.ShouldBe("Cannot multiply 2×2 by 3×1.");
    }

    [Fact]
    public void VectorProductDifferenceIdentityAndMidpoint()
    {
        var v = A.Multiply([P(1), P(2)]);
        v[0].ShouldBe(I(-1, 2));
        // 0.1 (the double, a little above one tenth) + 6: the upper end is rounded up past the double nearest 6.1.
        v[1].ShouldBe(I(-5.9, Math.BitIncrement(6.1)));
        v[1].ContainsExact(Rational.FromDouble(0.1) + 6).ShouldBeTrue();
        var d = IntervalMatrix.Identity(2) - A;
        d[0, 0].ShouldBe(I(-1, 0));
        d[1, 1].ShouldBe(I(-2, 4));
        d.Rows.ShouldBe(2);
        d.Columns.ShouldBe(2);
        A.Midpoint().ToArray().ShouldBe(new[,] { { 1.5, -0.5 }, { 0.1, 0 } });
        IntervalMatrix.FromPoint(Matrix<double>.Build.DenseIdentity(2))[1, 1].ShouldBe(Interval.One);
    }

    [Fact]
    public void NormsAndGershgorinRowsAreUpperBounds()
    {
        A.NormInfinityBound().ShouldBe(3.1);
        var (center, radius) = A.GershgorinRow(1);
        center.ShouldBe(I(-3, 3));
        radius.ShouldBe(0.1);
        A.GershgorinRow(0).Radius.ShouldBe(1);
        // The exact sum of the doubles 0.1 and 0.2 lies below 0.1 + 0.2 = 0.30000000000000004 (the bound)
        // and above its predecessor; 0.1 + 0.7 rounds down, so its bound is one ulp up.
        double bound = new IntervalMatrix(new[,] { { P(0.1), P(0.2) } }).NormInfinityBound();
        bound.ShouldBe(0.1 + 0.2);
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.2) <= Rational.FromDouble(bound)).ShouldBeTrue();
        double up = new IntervalMatrix(new[,] { { P(0.1), P(-0.7) } }).NormInfinityBound();
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.7) <= Rational.FromDouble(up)).ShouldBeTrue();
        (Rational.FromDouble(0.1) + Rational.FromDouble(0.7) > Rational.FromDouble(0.1 + 0.7)).ShouldBeTrue();
        up.ShouldBe(Math.BitIncrement(0.1 + 0.7));
        double.IsNaN(new IntervalMatrix(new[,] { { Interval.Invalid } }).NormInfinityBound()).ShouldBeTrue();
    }

    [Fact]
    public void BoundednessAndText()
    {
        A.IsBounded.ShouldBeTrue();
        new IntervalMatrix(new[,] { { Interval.Entire } }).IsBounded.ShouldBeFalse();
        A.ToString().ShouldBe("[1, 2], [-1, 0]; [0.1, 0.1], [-3, 3]");
        // The constructor copies its array.
        var entries = new[,] { { P(1) } };
        var m = new IntervalMatrix(entries);
        entries[0, 0] = P(2);
        m[0, 0].ShouldBe(P(1));
    }
}
