using Verify.Dynamics.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// f(x) = ½(x − c)ᵀA(x − c) with A = Q diag(λ) Qᵀ given by its spectrum λ and an orthonormal eigenbasis Q
/// (columns). The eigenpairs are kept in ascending order of λ, so <see cref="Eigenvector"/>(0) is the
/// flattest direction and the last one the steepest. GD on it has the closed form
/// x_k − c = Q diag((1 − ηλᵢ)ᵏ) Qᵀ(x₀ − c).
/// </summary>
public sealed class Quadratic : Objective
{
    private readonly double[] _lambda;
    private readonly double[][] _vectors;
    private readonly double[,] _a;
    private readonly double[] _center;

    /// <param name="eigenvalues">λᵢ, any order (they are sorted together with their eigenvectors).</param>
    /// <param name="eigenbasis">Q, whose column i is the unit eigenvector of eigenvalues[i]; must be orthogonal.</param>
    /// <param name="minimizer">c (default 0).</param>
    public Quadratic(IReadOnlyList<double> eigenvalues, Matrix<double> eigenbasis, IReadOnlyList<double>? minimizer = null)
    {
        int n = eigenvalues.Count;
        if (n < 1) throw new ArgumentException("A quadratic needs at least one variable.", nameof(eigenvalues));
        if (eigenbasis.RowCount != n || eigenbasis.ColumnCount != n) throw new ArgumentException($"The eigenbasis must be {n}×{n}.", nameof(eigenbasis));
        var deviation = (eigenbasis.TransposeThisAndMultiply(eigenbasis) - Matrix<double>.Build.DenseIdentity(n)).InfinityNorm();
        if (!(deviation <= 1e-10)) throw new ArgumentException($"The eigenbasis is not orthonormal (‖QᵀQ − I‖∞ = {deviation:G3}).", nameof(eigenbasis));
        if (minimizer is not null && minimizer.Count != n) throw new ArgumentException($"The minimizer must have {n} coordinates.", nameof(minimizer));
        var order = Enumerable.Range(0, n).OrderBy(i => eigenvalues[i]).ToArray();
        _lambda = order.Select(i => eigenvalues[i]).ToArray();
        _vectors = order.Select(i => eigenbasis.Column(i).ToArray()).ToArray();
        _center = minimizer?.ToArray() ?? new double[n];
        _a = new double[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += _vectors[k][i] * _lambda[k] * _vectors[k][j];
                _a[i, j] = s;
            }
    }

    /// <summary>f(x) = ½ Σ dᵢ xᵢ²: the eigenbasis is the standard basis (exact in rationals).</summary>
    public static Quadratic Diagonal(params double[] diagonal) =>
        new(diagonal, Matrix<double>.Build.DenseIdentity(diagonal.Length));

    /// <summary>The given spectrum in a Haar-random orthonormal basis drawn from <paramref name="rng"/>.</summary>
    public static Quadratic WithRandomBasis(IReadOnlyList<double> eigenvalues, Random rng) =>
        new(eigenvalues, HaarOrthogonal.Sample(eigenvalues.Count, rng));

    public override int Dimension => _lambda.Length;

    /// <summary>λ₁ ≤ … ≤ λₙ.</summary>
    public IReadOnlyList<double> Eigenvalues => _lambda;

    /// <summary>The unit eigenvector of the i-th smallest eigenvalue (a copy).</summary>
    public double[] Eigenvector(int i) => _vectors[i].ToArray();

    /// <summary>A as a dense matrix.</summary>
    public Matrix<double> Matrix => Matrix<double>.Build.DenseOfArray((double[,])_a.Clone());

    public IReadOnlyList<double> Minimizer => _center;

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        var g = Gradient(x);
        T s = T.FromInt(0);
        for (int i = 0; i < g.Length; i++) s += (x[i] - T.FromDouble(_center[i])) * g[i];
        return s / T.FromInt(2);
    }

    /// <summary>∇f = A(x − c).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> x)
    {
        int n = Dimension;
        var d = new T[n];
        for (int j = 0; j < n; j++) d[j] = x[j] - T.FromDouble(_center[j]);
        var g = new T[n];
        for (int i = 0; i < n; i++)
        {
            T s = T.FromInt(0);
            for (int j = 0; j < n; j++)
                if (_a[i, j] != 0) s += T.FromDouble(_a[i, j]) * d[j];
            g[i] = s;
        }
        return g;
    }

    /// <summary>∇²f = A.</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> x)
    {
        int n = Dimension;
        var h = new T[n, n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++) h[i, j] = T.FromDouble(_a[i, j]);
        return h;
    }

    /// <summary>
    /// The k-th GD iterate in closed form, x_k = c + Σᵢ (1 − ηλᵢ)ᵏ qᵢqᵢᵀ(x₀ − c), in any number type (exact in
    /// rationals when the eigenbasis and spectrum are dyadic, e.g. for <see cref="Diagonal"/>).
    /// </summary>
    public T[] GradientDescentIterate<T>(ReadOnlySpan<T> x0, T eta, int k) where T : IScalar<T>
    {
        int n = Dimension;
        var x = new T[n];
        for (int j = 0; j < n; j++) x[j] = T.FromDouble(_center[j]);
        for (int i = 0; i < n; i++)
        {
            T coordinate = T.FromInt(0);
            for (int j = 0; j < n; j++) coordinate += T.FromDouble(_vectors[i][j]) * (x0[j] - T.FromDouble(_center[j]));
            var factor = Scalar.Pow(T.FromInt(1) - eta * T.FromDouble(_lambda[i]), k) * coordinate;
            for (int j = 0; j < n; j++) x[j] += factor * T.FromDouble(_vectors[i][j]);
        }
        return x;
    }

    /// <summary>The gradient flow ẋ = −∇f in closed form: x(t) = c + Σᵢ e^(−λᵢt) qᵢqᵢᵀ(x₀ − c).</summary>
    public double[] GradientFlow(ReadOnlySpan<double> x0, double t)
    {
        int n = Dimension;
        var x = _center.ToArray();
        for (int i = 0; i < n; i++)
        {
            double coordinate = 0;
            for (int j = 0; j < n; j++) coordinate += _vectors[i][j] * (x0[j] - _center[j]);
            double factor = Math.Exp(-_lambda[i] * t) * coordinate;
            for (int j = 0; j < n; j++) x[j] += factor * _vectors[i][j];
        }
        return x;
    }

    /// <summary>The contraction factors 1 − ηλᵢ of GD along the eigenvectors, in the order of <see cref="Eigenvalues"/>.</summary>
    public double[] ContractionFactors(double eta) => _lambda.Select(l => 1 - eta * l).ToArray();
}
