using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// The widths d₀, d₁, …, d_h of a linear network x ↦ W_h⋯W₁x with W_k ∈ ℝ^{d_k×d_{k−1}} (d₀ inputs, d_h
/// outputs, depth h ≥ 1), and the layout of its parameter vector θ = (W₁, …, W_h), each layer row by row.
/// Also the dimension counts of the product map: r = min d_k, the image M_r (matrices of rank ≤ r,
/// dimension r(d₀ + d_h − r)), and its generic fibre (dimension d_θ − dim M_r).
/// </summary>
public sealed class LayerWidths : IEquatable<LayerWidths>
{
    private readonly int[] _d;
    private readonly int[] _offset;

    public LayerWidths(params int[] widths)
    {
        if (widths.Length < 2) throw new ArgumentException($"A network needs at least an input and an output width; got {widths.Length} widths.");
        if (widths.Any(w => w < 1)) throw new ArgumentException($"Every width must be at least 1: [{string.Join(", ", widths)}].");
        _d = (int[])widths.Clone();
        _offset = new int[Depth + 1];
        for (int k = 1; k <= Depth; k++) _offset[k] = _offset[k - 1] + _d[k] * _d[k - 1];
    }

    /// <summary>d₀, …, d_h.</summary>
    public IReadOnlyList<int> Widths => _d;

    /// <summary>h: the number of weight matrices (h − 1 hidden layers).</summary>
    public int Depth => _d.Length - 1;

    public int Input => _d[0];
    public int Output => _d[^1];

    /// <summary>d_k.</summary>
    public int this[int k] => _d[k];

    /// <summary>d_θ = Σ d_k d_{k−1}.</summary>
    public int ParameterCount => _offset[Depth];

    /// <summary>r = min{d₀, …, d_h}: the largest rank a product W_h⋯W₁ can have.</summary>
    public int Bottleneck => _d.Min();

    /// <summary>Filling when r = min{d₀, d_h}: every d_h×d₀ matrix is a product.</summary>
    public bool IsFilling => Bottleneck == Math.Min(Input, Output);

    /// <summary>dim M_r = r(d₀ + d_h − r): the dimension of the d_h×d₀ matrices of rank r.</summary>
    public int ImageDimension => Bottleneck * (Input + Output - Bottleneck);

    /// <summary>d_θ − dim M_r: the dimension of the fibre of the product map over a matrix of rank r.</summary>
    public int FibreDimension => ParameterCount - ImageDimension;

    /// <summary>Index in θ of the first entry of W_k (k = 1..h).</summary>
    public int Offset(int k) => _offset[k - 1];

    /// <summary>W_k as a d_k×d_{k−1} matrix (k = 1..h).</summary>
    public ScalarMatrix<T> Layer<T>(ReadOnlySpan<T> theta, int k) where T : IScalar<T>
    {
        CheckLength(theta.Length);
        return ScalarMatrix<T>.FromRowMajor(_d[k], _d[k - 1], theta.Slice(Offset(k), _d[k] * _d[k - 1]));
    }

    /// <summary>W₁, …, W_h (index 0 holds W₁).</summary>
    public ScalarMatrix<T>[] Layers<T>(ReadOnlySpan<T> theta) where T : IScalar<T>
    {
        var r = new ScalarMatrix<T>[Depth];
        for (int k = 1; k <= Depth; k++) r[k - 1] = Layer(theta, k);
        return r;
    }

    /// <summary>θ from the layers W₁, …, W_h.</summary>
    public T[] Pack<T>(IReadOnlyList<ScalarMatrix<T>> layers) where T : IScalar<T>
    {
        if (layers.Count != Depth) throw new ArgumentException($"Need {Depth} layers, got {layers.Count}.");
        var theta = new T[ParameterCount];
        for (int k = 1; k <= Depth; k++)
        {
            var w = layers[k - 1];
            if (w.Rows != _d[k] || w.Columns != _d[k - 1])
                throw new ArgumentException($"W{k} must be {_d[k]}×{_d[k - 1]}, got {w.Rows}×{w.Columns}.");
            w.RowMajor().CopyTo(theta, Offset(k));
        }
        return theta;
    }

    /// <summary>Which layer k (1..h) and which entry (row, column) of it the parameter with index p is.</summary>
    public (int Layer, int Row, int Column) Locate(int p)
    {
        if (p < 0 || p >= ParameterCount) throw new ArgumentOutOfRangeException(nameof(p), p, $"θ has {ParameterCount} entries.");
        int k = 1;
        while (Offset(k) + _d[k] * _d[k - 1] <= p) k++;
        int local = p - Offset(k);
        return (k, local / _d[k - 1], local % _d[k - 1]);
    }

    public bool Equals(LayerWidths? other) => other is not null && _d.AsSpan().SequenceEqual(other._d);
    public override bool Equals(object? obj) => obj is LayerWidths w && Equals(w);
    public override int GetHashCode() => _d.Aggregate(17, (h, w) => h * 31 + w);
    public override string ToString() => "[" + string.Join(",", _d) + "]";

    private void CheckLength(int n)
    {
        if (n != ParameterCount) throw new ArgumentException($"Architecture {this} has {ParameterCount} parameters; got a vector of length {n}.");
    }
}
