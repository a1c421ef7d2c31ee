using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class SharedEigenvaluesTests
{
    private static ScalarMatrix<Rational> Q(int[,] a) => new(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j]);
    private static ScalarMatrix<Rational> Diag(params int[] d) => new(d.Length, d.Length, (i, j) => i == j ? d[i] : 0);

    [Fact]
    public void CountsCommonEigenvaluesWithMultiplicityProducts()
    {
        SharedEigenvalues.Count(Diag(1, 2), Diag(3, 4)).ShouldBe(0);
        SharedEigenvalues.Count(Diag(1, 2), Diag(2, 3)).ShouldBe(1);
        SharedEigenvalues.Count(Diag(1, 2), Diag(2, 1)).ShouldBe(2);
        SharedEigenvalues.Count(Diag(5, 5), Diag(5, 5, 5)).ShouldBe(6);          // 2·3
        SharedEigenvalues.Count(Diag(0, 0, 1), Diag(0, 1)).ShouldBe(3);          // 2·1 (zero) + 1·1 (one)
        SharedEigenvalues.Count(Diag(7), Diag(1, 7, 2)).ShouldBe(1);             // different sizes
    }

    [Fact]
    public void SeesEigenvaluesOfNonDiagonalSymmetricMatrices()
    {
        var a = Q(new[,] { { 2, 1 }, { 1, 2 } }); // eigenvalues 1 and 3
        SharedEigenvalues.Count(a, Diag(3, 5)).ShouldBe(1);
        SharedEigenvalues.Count(a, Diag(2, 4)).ShouldBe(0);                      // same trace-like entries, no common eigenvalue
        var b = Q(new[,] { { 1, 1 }, { 1, 1 } }); // eigenvalues 0 and 2: irrational-free but not diagonal
        SharedEigenvalues.Count(b, Q(new[,] { { 1, 1 }, { 1, 1 } })).ShouldBe(2);
    }

    [Fact]
    public void OnlyZeroSharedAllowsExactlyTheZeroEigenvalues()
    {
        SharedEigenvalues.OnlyZeroShared(Diag(0, 1), Diag(0, 2)).ShouldBeTrue();
        SharedEigenvalues.OnlyZeroShared(Diag(0, 0, 1), Diag(0, 3)).ShouldBeTrue();
        SharedEigenvalues.OnlyZeroShared(Diag(0, 1), Diag(0, 1)).ShouldBeFalse();
        SharedEigenvalues.OnlyZeroShared(Diag(1, 2), Diag(3, 4)).ShouldBeTrue();   // no zero eigenvalue at all
        SharedEigenvalues.OnlyZeroShared(Diag(1, 2), Diag(2, 4)).ShouldBeFalse();
        SharedEigenvalues.OnlyZeroShared(Diag(0, 2), Diag(1, 2)).ShouldBeFalse();  // zero in one only; 2 shared
    }

    [Fact]
    public void RejectsNonSquareMatrices()
    {
        Should.Throw<ArgumentException>(() => SharedEigenvalues.Count(Q(new[,] { { 1, 2 } }), Diag(1))).Message.ShouldBe("Eigenvalues need square matrices.");
        Should.Throw<ArgumentException>(() => SharedEigenvalues.Count(Diag(1), Q(new[,] { { 1, 2 } }))).Message.ShouldBe("Eigenvalues need square matrices.");
    }
}
