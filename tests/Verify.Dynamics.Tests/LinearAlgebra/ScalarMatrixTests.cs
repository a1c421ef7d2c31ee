using System.Numerics;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class ScalarMatrixTests
{
    private static ScalarMatrix<Rational> Q(int[,] a) => new(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j]);

    [Fact]
    public void ArithmeticTransposeAndProducts()
    {
        var a = Q(new[,] { { 1, 2 }, { 3, 4 } });
        var b = Q(new[,] { { 0, 1 }, { 1, 0 } });
        (a * b).ShouldBe(Q(new[,] { { 2, 1 }, { 4, 3 } }));
        (a + b).ShouldBe(Q(new[,] { { 1, 3 }, { 4, 4 } }));
        (a - b).ShouldBe(Q(new[,] { { 1, 1 }, { 2, 4 } }));
        (-a).ShouldBe(Q(new[,] { { -1, -2 }, { -3, -4 } }));
        ((Rational)3 * a).ShouldBe(Q(new[,] { { 3, 6 }, { 9, 12 } }));
        a.Transpose().ShouldBe(Q(new[,] { { 1, 3 }, { 2, 4 } }));
        a.Trace().ShouldBe((Rational)5);
        a.FrobeniusSquared().ShouldBe((Rational)30);
        a.Apply([1, -1]).ShouldBe(new Rational[] { -1, -1 });
        a.Vec().ShouldBe(new Rational[] { 1, 3, 2, 4 }); // columns stacked
        a.RowMajor().ShouldBe(new Rational[] { 1, 2, 3, 4 });
        Should.Throw<ArgumentException>(() => a * Q(new[,] { { 1, 2, 3 } })).Message.ShouldBe("Cannot multiply 2×2 by 1×3.");
        Should.Throw<ArgumentException>(() => a + Q(new[,] { { 1, 2, 3 } })).Message.ShouldBe("Sizes differ: 2×2 and 1×3.");
    }

    [Fact]
    public void KroneckerSatisfiesTheVecIdentity()
    {
        // vec(ABC) = (Cᵀ ⊗ A) vec(B) on a non-square example.
        var a = Q(new[,] { { 1, 2 }, { 0, -1 }, { 3, 1 } });
        var b = Q(new[,] { { 2, 0, 1 }, { -1, 1, 4 } });
        var c = Q(new[,] { { 1, 1 }, { 0, 2 }, { 5, -3 } });
        var lhs = (a * b * c).Vec();
        var rhs = c.Transpose().Kronecker(a).Apply(b.Vec());
        rhs.ShouldBe(lhs);
        var k = Q(new[,] { { 1, 2 } }).Kronecker(Q(new[,] { { 1 }, { 3 } }));
        k.ShouldBe(Q(new[,] { { 1, 2 }, { 3, 6 } }));
    }

    [Fact]
    public void InverseAndDeterminantAreExact()
    {
        var a = Q(new[,] { { 0, 2, 1 }, { 1, 1, 0 }, { 3, 0, 5 } });
        var inv = a.Inverse()!;
        (a * inv).ShouldBe(ScalarMatrix<Rational>.Identity(3));
        (inv * a).ShouldBe(ScalarMatrix<Rational>.Identity(3));
        a.Determinant().ShouldBe((Rational)(0 * (5 - 0) - 2 * (5 - 0) + 1 * (0 - 3)));
        Q(new[,] { { 1, 2 }, { 2, 4 } }).Inverse().ShouldBeNull();
        Q(new[,] { { 1, 2 }, { 2, 4 } }).Determinant().ShouldBe(Rational.Zero);
        Q(new[,] { { 0, 1 }, { 1, 0 } }).Determinant().ShouldBe((Rational)(-1)); // a row swap flips the sign
        Should.Throw<InvalidOperationException>(() => Q(new[,] { { 1, 2 } }).Inverse()).Message.ShouldBe("Only square matrices have inverses; this one is 1×2.");
        Should.Throw<InvalidOperationException>(() => Q(new[,] { { 1, 2 } }).Determinant()).Message.ShouldBe("Only square matrices have determinants; this one is 1×2.");
    }

    [Fact]
    public void RankFactorizationReproducesTheMatrixAndDetectsLowerRank()
    {
        var a = Q(new[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } }); // rank 2
        var (c, r) = a.RankFactorization(2)!.Value;
        c.Columns.ShouldBe(2); r.Rows.ShouldBe(2);
        (c * r).ShouldBe(a);
        a.RankFactorization(3).ShouldBeNull();
        ScalarMatrix<Rational>.Zero(2, 2).RankFactorization(1).ShouldBeNull();
        var (c0, r0) = a.RankFactorization(0)!.Value;
        c0.Columns.ShouldBe(0); r0.Rows.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => a.RankFactorization(4)).Message.ShouldStartWith("A 3×3 matrix has rank at most 3.");
    }

    [Fact]
    public void ExactRankOfRationalMatrices()
    {
        Q(new[,] { { 1, 2, 3 }, { 2, 4, 6 }, { 1, 0, 1 } }).ExactRank().ShouldBe(2);
        Q(new[,] { { 0, 0 }, { 0, 0 } }).ExactRank().ShouldBe(0);
        Q(new[,] { { 0, 1 }, { 1, 0 } }).ExactRank().ShouldBe(2);
        Q(new[,] { { 0, 0, 1 }, { 0, 0, 2 } }).ExactRank().ShouldBe(1);
        Q(new[,] { { 1 }, { 2 }, { 3 } }).ExactRank().ShouldBe(1);
        ScalarMatrix<Rational>.Identity(4).ExactRank().ShouldBe(4);
    }

    [Fact]
    public void ConversionsBetweenNumberTypes()
    {
        var a = ScalarMatrix<Real>.FromDoubles(new[,] { { 1.5, -2 }, { 0.25, 4 } });
        a.ToDoubles().ShouldBe(new[,] { { 1.5, -2 }, { 0.25, 4 } });
        a.ToMatrix()[1, 0].ShouldBe(0.25);
        ScalarMatrix<Rational>.FromMatrix(a.ToMatrix())[0, 0].ShouldBe(new Rational(3, 2));
        ScalarMatrix<Rational>.FromRowMajor(1, 2, [1, 2]).ShouldBe(Q(new[,] { { 1, 2 } }));
        Should.Throw<ArgumentException>(() => ScalarMatrix<Rational>.FromRowMajor(2, 2, [1, 2])).Message.ShouldBe("Need 4 entries for a 2×2 matrix, got 2.");
        ScalarMatrix<Rational>.Column([1, 2]).Rows.ShouldBe(2);
        ScalarMatrix<Rational>.Zero(2, 3).IsZero().ShouldBeTrue();
        Q(new[,] { { 0, 1 } }).IsZero().ShouldBeFalse();
        Q(new[,] { { 1, 2 } }).ToString().ShouldBe("[1, 2]");
        Q(new[,] { { 1, 2 } }).Equals((object)Q(new[,] { { 1, 2 } })).ShouldBeTrue();
        Q(new[,] { { 1, 2 } }).Equals(Q(new[,] { { 1 }, { 2 } })).ShouldBeFalse();
        Q(new[,] { { 1, 2 } }).GetHashCode().ShouldBe(Q(new[,] { { 1, 2 } }).GetHashCode());
    }

    [Fact]
    public void RationalsConvertExactlyIntoOtherScalarTypes()
    {
        var big = new Rational(BigInteger.Pow(3, 40) + 1, BigInteger.Pow(2, 70) - 7);
        ExactScalars.FromRational<Rational>(big).ShouldBe(big);
        ExactScalars.FromRational<Rational>(-big).ShouldBe(-big);
        ExactScalars.FromRational<Dual<Rational>>(new Rational(-3, 5)).Value.ShouldBe(new Rational(-3, 5));
        ExactScalars.FromRational<Real>(new Rational(1, 4)).Value.ShouldBe(0.25);
        ExactScalars.FromBigInteger<Rational>(BigInteger.Zero).ShouldBe(Rational.Zero);
    }

    [Fact]
    public void ArraysRoundTripAndTheDoubleInversePivotsOnTheLargestEntry()
    {
        Rational[,] a = { { new Rational(1, 3), 2 }, { -1, 0 } };
        var m = ScalarMatrix<Rational>.FromArray(a);
        m[0, 0].ShouldBe(new Rational(1, 3));
        m[1, 0].ShouldBe((Rational)(-1));
        m.ToArray().ShouldBe(a);
        ScalarMatrix<Rational>.FromArray(new Rational[0, 3]).Columns.ShouldBe(3);
        // Without pivoting, 1e-20 as the first pivot would lose every digit of the answer [[-1, 1], [1, 0]].
        var inv = ScalarMatrix<Real>.FromArray(new Real[,] { { 1e-20, 1 }, { 1, 1 } }).Inverse()!;
        inv[0, 0].Value.ShouldBe(-1, 1e-12); inv[0, 1].Value.ShouldBe(1, 1e-12);
        inv[1, 0].Value.ShouldBe(1, 1e-12); inv[1, 1].Value.ShouldBe(0, 1e-12);
    }
}
