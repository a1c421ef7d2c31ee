using Verify.Dynamics.Geometry;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A fully connected network with tanh on every layer, Φ(θ, x) = σ(W_h⋯σ(W₁x + b₁)⋯ + b_h), and squared
/// loss L(θ) = Σᵢ ‖Φ(θ, xᵢ) − yᵢ‖²: real-analytic in θ, so its GD map has real-analytic Jacobian
/// determinant. θ = (W₁, b₁, …, W_h, b_h), each W_k row by row. Gradient and Hessian by automatic
/// differentiation.
/// </summary>
public sealed class TanhNetwork : Objective
{
    private readonly double[,] _x, _y;

    public TanhNetwork(LayerWidths widths, double[,] inputs, double[,] targets)
    {
        if (inputs.GetLength(0) != widths.Input || targets.GetLength(0) != widths.Output || inputs.GetLength(1) != targets.GetLength(1))
            throw new ArgumentException($"Need X {widths.Input}×n and Y {widths.Output}×n.");
        Widths = widths; _x = (double[,])inputs.Clone(); _y = (double[,])targets.Clone();
    }

    public LayerWidths Widths { get; }

    /// <summary>Σ d_k(d_{k−1} + 1): weights and biases.</summary>
    public override int Dimension => Enumerable.Range(1, Widths.Depth).Sum(k => Widths[k] * (Widths[k - 1] + 1));

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        if (theta.Length != Dimension) throw new ArgumentException($"θ must have {Dimension} entries, got {theta.Length}.");
        T loss = T.FromInt(0);
        for (int s = 0; s < _x.GetLength(1); s++)
        {
            var a = new T[Widths.Input];
            for (int i = 0; i < a.Length; i++) a[i] = T.FromDouble(_x[i, s]);
            int off = 0;
            for (int k = 1; k <= Widths.Depth; k++)
            {
                int rows = Widths[k], cols = Widths[k - 1];
                var next = new T[rows];
                for (int i = 0; i < rows; i++)
                {
                    T z = theta[off + rows * cols + i];
                    for (int j = 0; j < cols; j++) z += theta[off + i * cols + j] * a[j];
                    next[i] = T.Tanh(z);
                }
                off += rows * (cols + 1);
                a = next;
            }
            for (int i = 0; i < a.Length; i++) { var e = a[i] - T.FromDouble(_y[i, s]); loss += e * e; }
        }
        return loss;
    }
}
