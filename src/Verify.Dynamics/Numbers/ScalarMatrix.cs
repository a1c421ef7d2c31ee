namespace Verify.Dynamics.Numbers;

/// <summary>
/// Dense matrix products and inverses over any <see cref="IScalar{T}"/>, so that projectors built from
/// a rational parametrization are exact in <see cref="Rational"/> (MathNet works in doubles only).
/// Small sizes only: the manifolds here have dimension ≤ a few.
/// </summary>
public static class ScalarMatrix
{
    public static T[,] Multiply<T>(T[,] a, T[,] b) where T : IScalar<T>
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        if (b.GetLength(0) != m) throw new ArgumentException($"Cannot multiply {n}×{m} by {b.GetLength(0)}×{p}.");
        var c = new T[n, p];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < p; j++)
            {
                T s = T.FromInt(0);
                for (int k = 0; k < m; k++) s += a[i, k] * b[k, j];
                c[i, j] = s;
            }
        return c;
    }

    public static T[,] Transpose<T>(T[,] a)
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var t = new T[m, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) t[j, i] = a[i, j];
        return t;
    }

    public static T[,] Identity<T>(int n) where T : IScalar<T>
    {
        var e = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) e[i, j] = T.FromInt(i == j ? 1 : 0);
        return e;
    }

    public static T[,] Subtract<T>(T[,] a, T[,] b) where T : IScalar<T>
    {
        int n = a.GetLength(0), m = a.GetLength(1);
        var c = new T[n, m];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < m; j++) c[i, j] = a[i, j] - b[i, j];
        return c;
    }

    /// <summary>A⁻¹ by Gauss–Jordan with partial pivoting on |value|; throws if A is singular (a zero pivot).</summary>
    public static T[,] Inverse<T>(T[,] a) where T : IScalar<T>
    {
        int n = a.GetLength(0);
        if (a.GetLength(1) != n) throw new ArgumentException("Only square matrices have inverses.");
        var m = (T[,])a.Clone();
        var inv = Identity<T>(n);
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++)
                if (Math.Abs(T.ToDouble(m[r, c])) > Math.Abs(T.ToDouble(m[pivot, c]))) pivot = r;
            if (m[pivot, c].Equals(T.FromInt(0))) throw new ArgumentException("The matrix is singular.");
            Swap(m, c, pivot); Swap(inv, c, pivot);
            T d = m[c, c];
            for (int j = 0; j < n; j++) { m[c, j] /= d; inv[c, j] /= d; }
            for (int r = 0; r < n; r++)
            {
                if (r == c) continue;
                T f = m[r, c];
                for (int j = 0; j < n; j++) { m[r, j] -= f * m[c, j]; inv[r, j] -= f * inv[c, j]; }
            }
        }
        return inv;
    }

    public static double[,] ToDoubles<T>(T[,] a) where T : IScalar<T>
    {
        var d = new double[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) d[i, j] = T.ToDouble(a[i, j]);
        return d;
    }

    private static void Swap<T>(T[,] m, int i, int j)
    {
        if (i == j) return;
        for (int k = 0; k < m.GetLength(1); k++) (m[i, k], m[j, k]) = (m[j, k], m[i, k]);
    }
}
