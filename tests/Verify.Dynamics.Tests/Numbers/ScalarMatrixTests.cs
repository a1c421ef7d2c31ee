using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Tests.Numbers;

public sealed class ScalarMatrixTests
{
    private static Rational R(int p, int q = 1) => new(p, q);

    [Fact]
    public void ProductsTransposesAndDifferencesAreExact()
    {
        Rational[,] a = { { R(1), R(2), R(3) }, { R(-1, 2), R(0), R(4) } };
        Rational[,] b = { { R(1), R(0) }, { R(0), R(1) }, { R(1, 3), R(-1) } };
        var c = ScalarMatrix.Multiply(a, b);
        c.ShouldBe(new[,] { { R(2), R(-1) }, { R(5, 6), R(-4) } });
        ScalarMatrix.Transpose(a).ShouldBe(new[,] { { R(1), R(-1, 2) }, { R(2), R(0) }, { R(3), R(4) } });
        ScalarMatrix.Subtract(c, c).Cast<Rational>().ShouldAllBe(z => z.IsZero);
        ScalarMatrix.Identity<Rational>(2).ShouldBe(new[,] { { R(1), R(0) }, { R(0), R(1) } });
        Should.Throw<ArgumentException>(() => ScalarMatrix.Multiply(a, a));
        ScalarMatrix.ToDoubles(c).ShouldBe(new[,] { { 2.0, -1.0 }, { 5.0 / 6, -4.0 } }); // correctly rounded 5/6
    }

    [Fact]
    public void TheInverseIsExactAndPivots()
    {
        // The (0, 0) entry is 0: needs a row swap.
        Rational[,] a = { { R(0), R(2), R(1) }, { R(1), R(1), R(0) }, { R(3, 2), R(0), R(-1) } };
        var inv = ScalarMatrix.Inverse(a);
        ScalarMatrix.Multiply(a, inv).ShouldBe(ScalarMatrix.Identity<Rational>(3));
        ScalarMatrix.Multiply(inv, a).ShouldBe(ScalarMatrix.Identity<Rational>(3));
        Should.Throw<ArgumentException>(() => ScalarMatrix.Inverse(new[,] { { R(1), R(2) }, { R(2), R(4) } })).Message.ShouldContain("singular");
        Should.Throw<ArgumentException>(() => ScalarMatrix.Inverse(new[,] { { R(1), R(2) } }));
        // In doubles, partial pivoting picks the largest entry.
        var d = ScalarMatrix.Inverse(new Real[,] { { 1e-20, 1 }, { 1, 1 } });
        d[0, 0].Value.ShouldBe(-1, 1e-12); d[0, 1].Value.ShouldBe(1, 1e-12); d[1, 0].Value.ShouldBe(1, 1e-12); d[1, 1].Value.ShouldBe(0, 1e-12);
    }
}
