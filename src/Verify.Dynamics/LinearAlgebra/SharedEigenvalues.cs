using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>
/// The eigenvalues two diagonalizable (e.g. symmetric) square matrices have in common, counted exactly without
/// computing any eigenvalue: the solutions X of AX = XB form a space of dimension Σ_μ m_A(μ)·m_B(μ) (Sylvester),
/// the nullity of I ⊗ A − Bᵀ ⊗ I. In rationals this certifies, for instance, that no step size η makes both
/// det(I − ηA) and det(I − ηB) vanish: that happens only at a common non-zero eigenvalue 1/η.
/// </summary>
public static class SharedEigenvalues
{
    /// <summary>Σ_μ m_A(μ)·m_B(μ) over the common eigenvalues μ (multiplicities multiplied): the nullity of I ⊗ A − Bᵀ ⊗ I.</summary>
    public static int Count<T>(ScalarMatrix<T> a, ScalarMatrix<T> b) where T : IScalar<T>
    {
        if (a.Rows != a.Columns || b.Rows != b.Columns) throw new ArgumentException("Eigenvalues need square matrices.");
        var sylvester = ScalarMatrix<T>.Identity(b.Rows).Kronecker(a) - b.Transpose().Kronecker(ScalarMatrix<T>.Identity(a.Rows));
        return sylvester.Rows - sylvester.ExactRank();
    }

    /// <summary>True when 0 is the only eigenvalue A and B share (the zero eigenvalues, if both have them, are allowed).</summary>
    public static bool OnlyZeroShared<T>(ScalarMatrix<T> a, ScalarMatrix<T> b) where T : IScalar<T> =>
        Count(a, b) == Nullity(a) * Nullity(b);

    private static int Nullity<T>(ScalarMatrix<T> m) where T : IScalar<T> => m.Columns - m.ExactRank();
}
