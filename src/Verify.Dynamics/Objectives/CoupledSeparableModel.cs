using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// f(θ) = Σᵢ ¼(‖xᵢ‖² − λᵢ)² + Σ_{(i,j)∈S} ½⟨xᵢ, xⱼ⟩², where θ ∈ ℝ^{n×p} and xᵢ = eᵢᵀθ ∈ ℝᵖ are its
/// coordinates in an orthonormal basis {eᵢ}. With S = ∅ the loss separates into one quartic well per
/// direction (each can oscillate on its own); with S = every pair it is exactly the symmetric matrix
/// factorization ¼‖θθᵀ − Σᵢ λᵢ eᵢeᵢᵀ‖², whose cross terms ⟨xᵢ, xⱼ⟩² couple the directions.
/// Parameters θ row-major. A polynomial: runs exactly in rationals when the basis entries are dyadic.
/// </summary>
public sealed class CoupledSeparableModel : Objective
{
    private readonly double[] _lambda;
    private readonly double[] _basis; // row-major n×n, column i = eᵢ
    private readonly (int I, int J)[] _pairs;

    /// <param name="lambdas">λᵢ, one well per direction.</param>
    /// <param name="width">p: each coordinate xᵢ is a vector in ℝᵖ (p = 1: scalars).</param>
    /// <param name="pairs">S: the coupled pairs (i, j), i ≠ j, 0-based.</param>
    /// <param name="basis">Columns eᵢ, orthonormal; the identity when null.</param>
    public CoupledSeparableModel(IReadOnlyList<double> lambdas, int width, IEnumerable<(int I, int J)> pairs, Matrix<double>? basis = null)
    {
        int n = lambdas.Count;
        if (n < 1 || width < 1) throw new ArgumentException("Need at least one direction and width at least 1.");
        _lambda = lambdas.ToArray();
        Width = width;
        _pairs = pairs.ToArray();
        foreach (var (i, j) in _pairs)
            if (i == j || i < 0 || j < 0 || i >= n || j >= n) throw new ArgumentException($"Pair ({i}, {j}) is not a pair of distinct directions among {n}.", nameof(pairs));
        var e = basis ?? Matrix<double>.Build.DenseIdentity(n);
        if (e.RowCount != n || e.ColumnCount != n) throw new ArgumentException($"The basis must be {n}×{n}.", nameof(basis));
        _basis = new double[n * n];
        for (int r = 0; r < n; r++) for (int c = 0; c < n; c++) _basis[r * n + c] = e[r, c];
    }

    public static CoupledSeparableModel Separable(IReadOnlyList<double> lambdas, int width = 1, Matrix<double>? basis = null) =>
        new(lambdas, width, [], basis);

    /// <summary>Every pair coupled: the symmetric matrix factorization in the basis's coordinates.</summary>
    public static CoupledSeparableModel FullyCoupled(IReadOnlyList<double> lambdas, int width, Matrix<double>? basis = null) =>
        new(lambdas, width, AllPairs(lambdas.Count), basis);

    public static IEnumerable<(int I, int J)> AllPairs(int n)
    {
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) yield return (i, j);
    }

    public int Directions => _lambda.Length;
    public int Width { get; }
    public IReadOnlyList<(int I, int J)> Pairs => _pairs;
    public override int Dimension => Directions * Width;

    /// <summary>xᵢ = eᵢᵀθ, as an n×p row-major array.</summary>
    public T[] Coordinates<T>(ReadOnlySpan<T> theta) where T : IScalar<T>
    {
        int n = Directions, p = Width;
        var x = new T[n * p];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < p; k++)
            {
                T s = T.FromInt(0);
                for (int r = 0; r < n; r++) s += T.FromDouble(_basis[r * n + i]) * theta[r * p + k];
                x[i * p + k] = s;
            }
        return x;
    }

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        int p = Width;
        var x = Coordinates(theta);
        T quarter = T.FromInt(1) / T.FromInt(4), half = T.FromInt(1) / T.FromInt(2);
        T s = T.FromInt(0);
        for (int i = 0; i < Directions; i++)
        {
            var w = Inner<T>(x, i, i, p) - T.FromDouble(_lambda[i]);
            s += quarter * w * w;
        }
        foreach (var (i, j) in _pairs)
        {
            var c = Inner<T>(x, i, j, p);
            s += half * c * c;
        }
        return s;
    }

    private static T Inner<T>(T[] x, int i, int j, int p) where T : IScalar<T>
    {
        T s = T.FromInt(0);
        for (int k = 0; k < p; k++) s += x[i * p + k] * x[j * p + k];
        return s;
    }
}
