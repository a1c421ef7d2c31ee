using System.Numerics;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>
/// A small dense matrix over any <see cref="IScalar{T}"/>, so that matrix formulas (products of layers,
/// Kronecker identities, least-squares solutions, exact inverses and determinants) run once in double,
/// exactly in rationals and in dual numbers. Immutable; row-major storage.
/// </summary>
public sealed class ScalarMatrix<T> : IEquatable<ScalarMatrix<T>> where T : IScalar<T>
{
    private readonly T[] _a;

    public ScalarMatrix(int rows, int columns, Func<int, int, T> entry)
    {
        if (rows < 0 || columns < 0) throw new ArgumentOutOfRangeException(nameof(rows), $"A {rows}×{columns} matrix has a negative size.");
        Rows = rows; Columns = columns;
        _a = new T[rows * columns];
        for (int i = 0; i < rows; i++)
            for (int j = 0; j < columns; j++) _a[i * columns + j] = entry(i, j);
    }

    public int Rows { get; }
    public int Columns { get; }
    public T this[int i, int j] => _a[i * Columns + j];

    public static ScalarMatrix<T> Zero(int rows, int columns) => new(rows, columns, (_, _) => T.FromInt(0));
    public static ScalarMatrix<T> Identity(int n) => new(n, n, (i, j) => T.FromInt(i == j ? 1 : 0));

    /// <summary>Entries read with <c>T.FromDouble</c> (exact for rationals: every double is dyadic).</summary>
    public static ScalarMatrix<T> FromDoubles(double[,] a) => new(a.GetLength(0), a.GetLength(1), (i, j) => T.FromDouble(a[i, j]));

    /// <summary>A copy of a two-dimensional array (the form objectives give Hessians in).</summary>
    public static ScalarMatrix<T> FromArray(T[,] a) => new(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j]);

    /// <summary>The entries as a two-dimensional array.</summary>
    public T[,] ToArray()
    {
        var r = new T[Rows, Columns];
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Columns; j++) r[i, j] = this[i, j];
        return r;
    }

    public static ScalarMatrix<T> FromMatrix(Matrix<double> a) => new(a.RowCount, a.ColumnCount, (i, j) => T.FromDouble(a[i, j]));

    /// <summary>A rows×columns matrix filled row by row from a span (a layer of a parameter vector).</summary>
    public static ScalarMatrix<T> FromRowMajor(int rows, int columns, ReadOnlySpan<T> entries)
    {
        if (entries.Length != rows * columns) throw new ArgumentException($"Need {rows * columns} entries for a {rows}×{columns} matrix, got {entries.Length}.");
        var copy = entries.ToArray();
        return new ScalarMatrix<T>(rows, columns, (i, j) => copy[i * columns + j]);
    }

    /// <summary>The entries row by row.</summary>
    public T[] RowMajor() => (T[])_a.Clone();

    public Matrix<double> ToMatrix() => Matrix<double>.Build.Dense(Rows, Columns, (i, j) => T.ToDouble(this[i, j]));

    public double[,] ToDoubles()
    {
        var r = new double[Rows, Columns];
        for (int i = 0; i < Rows; i++) for (int j = 0; j < Columns; j++) r[i, j] = T.ToDouble(this[i, j]);
        return r;
    }

    public ScalarMatrix<T> Transpose() => new(Columns, Rows, (i, j) => this[j, i]);

    public static ScalarMatrix<T> operator +(ScalarMatrix<T> a, ScalarMatrix<T> b) { SameSize(a, b); return new(a.Rows, a.Columns, (i, j) => a[i, j] + b[i, j]); }
    public static ScalarMatrix<T> operator -(ScalarMatrix<T> a, ScalarMatrix<T> b) { SameSize(a, b); return new(a.Rows, a.Columns, (i, j) => a[i, j] - b[i, j]); }
    public static ScalarMatrix<T> operator -(ScalarMatrix<T> a) => new(a.Rows, a.Columns, (i, j) => -a[i, j]);
    public static ScalarMatrix<T> operator *(T s, ScalarMatrix<T> a) => new(a.Rows, a.Columns, (i, j) => s * a[i, j]);

    public static ScalarMatrix<T> operator *(ScalarMatrix<T> a, ScalarMatrix<T> b)
    {
        if (a.Columns != b.Rows) throw new ArgumentException($"Cannot multiply {a.Rows}×{a.Columns} by {b.Rows}×{b.Columns}.");
        var r = new T[a.Rows * b.Columns];
        T zero = T.FromInt(0);
        for (int i = 0; i < a.Rows; i++)
            for (int j = 0; j < b.Columns; j++)
            {
                T s = zero;
                for (int k = 0; k < a.Columns; k++) s += a._a[i * a.Columns + k] * b._a[k * b.Columns + j];
                r[i * b.Columns + j] = s;
            }
        return new ScalarMatrix<T>(a.Rows, b.Columns, r);
    }

    /// <summary>Matrix times vector.</summary>
    public T[] Apply(ReadOnlySpan<T> x)
    {
        if (x.Length != Columns) throw new ArgumentException($"A {Rows}×{Columns} matrix cannot act on a vector of length {x.Length}.");
        var r = new T[Rows];
        for (int i = 0; i < Rows; i++)
        {
            T s = T.FromInt(0);
            for (int k = 0; k < Columns; k++) s += _a[i * Columns + k] * x[k];
            r[i] = s;
        }
        return r;
    }

    /// <summary>The Kronecker product A ⊗ B: block (i, j) is A[i, j]·B.</summary>
    public ScalarMatrix<T> Kronecker(ScalarMatrix<T> b) =>
        new(Rows * b.Rows, Columns * b.Columns, (i, j) => this[i / b.Rows, j / b.Columns] * b[i % b.Rows, j % b.Columns]);

    /// <summary>vec(A): the columns stacked one after the other (column-major), as in vec(ABC) = (Cᵀ ⊗ A)vec(B).</summary>
    public T[] Vec()
    {
        var r = new T[Rows * Columns];
        for (int j = 0; j < Columns; j++) for (int i = 0; i < Rows; i++) r[j * Rows + i] = this[i, j];
        return r;
    }

    /// <summary>A column vector (n×1).</summary>
    public static ScalarMatrix<T> Column(ReadOnlySpan<T> v)
    {
        var copy = v.ToArray();
        return new ScalarMatrix<T>(copy.Length, 1, (i, _) => copy[i]);
    }

    public T Trace()
    {
        T s = T.FromInt(0);
        for (int i = 0; i < Math.Min(Rows, Columns); i++) s += this[i, i];
        return s;
    }

    /// <summary>‖A‖²_F = Σ aᵢⱼ² (exact in rationals, unlike the norm itself).</summary>
    public T FrobeniusSquared()
    {
        T s = T.FromInt(0);
        foreach (var x in _a) s += x * x;
        return s;
    }

    public bool IsZero() => _a.All(IsExactZero);

    /// <summary>
    /// The inverse by Gauss–Jordan elimination, pivoting on the entry of largest magnitude (exact for
    /// rationals, stable enough for small double matrices); null when the matrix is singular (a zero pivot).
    /// </summary>
    public ScalarMatrix<T>? Inverse()
    {
        if (Rows != Columns) throw new InvalidOperationException($"Only square matrices have inverses; this one is {Rows}×{Columns}.");
        int n = Rows;
        var a = (T[])_a.Clone();
        var inv = Identity(n)._a;
        for (int col = 0; col < n; col++)
        {
            int p = Pivot(a, n, col, col);
            if (p < 0) return null;
            SwapRows(a, n, p, col); SwapRows(inv, n, p, col);
            T d = a[col * n + col];
            for (int j = 0; j < n; j++) { a[col * n + j] /= d; inv[col * n + j] /= d; }
            for (int i = 0; i < n; i++)
            {
                if (i == col) continue;
                T f = a[i * n + col];
                if (IsExactZero(f)) continue;
                for (int j = 0; j < n; j++) { a[i * n + j] -= f * a[col * n + j]; inv[i * n + j] -= f * inv[col * n + j]; }
            }
        }
        return new ScalarMatrix<T>(n, n, inv);
    }

    /// <summary>det(A) by elimination (exact for rationals).</summary>
    public T Determinant()
    {
        if (Rows != Columns) throw new InvalidOperationException($"Only square matrices have determinants; this one is {Rows}×{Columns}.");
        int n = Rows;
        var a = (T[])_a.Clone();
        T det = T.FromInt(1);
        for (int col = 0; col < n; col++)
        {
            int p = Pivot(a, n, col, col);
            if (p < 0) return T.FromInt(0);
            if (p != col) { SwapRows(a, n, p, col); det = -det; }
            T d = a[col * n + col];
            det *= d;
            for (int i = col + 1; i < n; i++)
            {
                T f = a[i * n + col] / d;
                if (IsExactZero(f)) continue;
                for (int j = col; j < n; j++) a[i * n + j] -= f * a[col * n + j];
            }
        }
        return det;
    }

    /// <summary>
    /// A rank factorization A = C·R with C (rows×k) and R (k×columns), by k steps of elimination with complete
    /// pivoting. Exact for rationals when k = rank A; in double, the caller supplies the rank it knows.
    /// Null when fewer than k non-zero pivots exist (A has rank below k).
    /// </summary>
    public (ScalarMatrix<T> C, ScalarMatrix<T> R)? RankFactorization(int k)
    {
        if (k < 0 || k > Math.Min(Rows, Columns)) throw new ArgumentOutOfRangeException(nameof(k), k, $"A {Rows}×{Columns} matrix has rank at most {Math.Min(Rows, Columns)}.");
        // Residual E starts at A; each step removes the rank-one term (column p)(row p)/pivot.
        var e = (T[])_a.Clone();
        var cols = new List<T[]>(); var rows = new List<T[]>();
        for (int step = 0; step < k; step++)
        {
            int bi = -1, bj = -1; double best = 0;
            for (int i = 0; i < Rows; i++)
                for (int j = 0; j < Columns; j++)
                {
                    double m = Math.Abs(T.ToDouble(e[i * Columns + j]));
                    if (m > best || (bi < 0 && !IsExactZero(e[i * Columns + j]))) { best = m; bi = i; bj = j; }
                }
            if (bi < 0 || IsExactZero(e[bi * Columns + bj])) return null;
            T pivot = e[bi * Columns + bj];
            var c = new T[Rows]; var r = new T[Columns];
            for (int i = 0; i < Rows; i++) c[i] = e[i * Columns + bj] / pivot;
            for (int j = 0; j < Columns; j++) r[j] = e[bi * Columns + j];
            for (int i = 0; i < Rows; i++)
                for (int j = 0; j < Columns; j++) e[i * Columns + j] -= c[i] * r[j];
            cols.Add(c); rows.Add(r);
        }
        var cm = new ScalarMatrix<T>(Rows, k, (i, s) => cols[s][i]);
        var rm = new ScalarMatrix<T>(k, Columns, (s, j) => rows[s][j]);
        return (cm, rm);
    }

    /// <summary>
    /// The rank by elimination with exact zero tests: the true rank for rationals. (For doubles, rounding makes
    /// exact zero tests meaningless: take the rank from the singular-value gap instead.)
    /// </summary>
    public int ExactRank()
    {
        var a = (T[])_a.Clone();
        int rank = 0;
        for (int col = 0; col < Columns && rank < Rows; col++)
        {
            int p = -1;
            for (int i = rank; i < Rows; i++) if (!IsExactZero(a[i * Columns + col])) { p = i; break; }
            if (p < 0) continue;
            for (int c = 0; c < Columns; c++) (a[p * Columns + c], a[rank * Columns + c]) = (a[rank * Columns + c], a[p * Columns + c]);
            T d = a[rank * Columns + col];
            for (int i = rank + 1; i < Rows; i++)
            {
                T f = a[i * Columns + col] / d;
                if (IsExactZero(f)) continue;
                for (int c = col; c < Columns; c++) a[i * Columns + c] -= f * a[rank * Columns + c];
            }
            rank++;
        }
        return rank;
    }

    /// <summary>The same matrix in another number type (exact from rationals to rationals, duals or jets).</summary>
    public ScalarMatrix<TOut> Convert<TOut>(Func<T, TOut> convert) where TOut : IScalar<TOut> =>
        new(Rows, Columns, (i, j) => convert(this[i, j]));

    public bool Equals(ScalarMatrix<T>? other) =>
        other is not null && other.Rows == Rows && other.Columns == Columns && _a.AsSpan().SequenceEqual(other._a);

    public override bool Equals(object? obj) => obj is ScalarMatrix<T> m && Equals(m);
    public override int GetHashCode() => HashCode.Combine(Rows, Columns, _a.Length == 0 ? 0 : _a[0].GetHashCode());

    public override string ToString() =>
        "[" + string.Join("; ", Enumerable.Range(0, Rows).Select(i => string.Join(", ", Enumerable.Range(0, Columns).Select(j => this[i, j]!.ToString())))) + "]";

    private ScalarMatrix(int rows, int columns, T[] entries) { Rows = rows; Columns = columns; _a = entries; }

    private static bool IsExactZero(T x) => x.Equals(T.FromInt(0));

    private static int Pivot(T[] a, int n, int col, int from)
    {
        int best = -1; double mag = -1;
        for (int i = from; i < n; i++)
        {
            var v = a[i * n + col];
            if (IsExactZero(v)) continue;
            double m = Math.Abs(T.ToDouble(v));
            if (m > mag) { mag = m; best = i; }
        }
        return best;
    }

    private static void SwapRows(T[] a, int n, int i, int j)
    {
        if (i == j) return;
        for (int c = 0; c < n; c++) (a[i * n + c], a[j * n + c]) = (a[j * n + c], a[i * n + c]);
    }

    private static void SameSize(ScalarMatrix<T> a, ScalarMatrix<T> b)
    {
        if (a.Rows != b.Rows || a.Columns != b.Columns) throw new ArgumentException($"Sizes differ: {a.Rows}×{a.Columns} and {b.Rows}×{b.Columns}.");
    }
}

/// <summary>Exact conversions between number types.</summary>
public static class ExactScalars
{
    /// <summary>
    /// A rational as any scalar type, exactly when the target type is exact (rationals, duals of rationals):
    /// numerator and denominator are rebuilt from 30-bit digits with FromInt, never through a double.
    /// </summary>
    public static T FromRational<T>(Rational r) where T : IScalar<T> => FromBigInteger<T>(r.Numerator) / FromBigInteger<T>(r.Denominator);

    public static T FromBigInteger<T>(BigInteger n) where T : IScalar<T>
    {
        bool negative = n.Sign < 0;
        n = BigInteger.Abs(n);
        T result = T.FromInt(0), radix = T.FromInt(1 << 30), place = T.FromInt(1);
        var mask = new BigInteger((1 << 30) - 1);
        while (!n.IsZero)
        {
            int digit = (int)(n & mask);
            if (digit != 0) result += T.FromInt(digit) * place;
            place *= radix;
            n >>= 30;
        }
        return negative ? -result : result;
    }
}
