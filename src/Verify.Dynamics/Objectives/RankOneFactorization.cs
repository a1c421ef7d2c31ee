namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(u, v) = ½‖u vᵀ − A‖²_F with u ∈ ℝᵐ, v ∈ ℝⁿ (parameters w = (u, v)): rank-one matrix factorization,
/// one hidden linear neuron between n inputs and m outputs. For a rank-one target A = u₀v₀ᵀ the minimizers
/// are the curve {(c u₀, v₀/c)}, of codimension m + n − 1. A = [1] is <see cref="ScalarFactorization"/>.
/// </summary>
public sealed class RankOneFactorization : Objective
{
    private readonly double[,] _a;

    public RankOneFactorization(double[,] target)
    {
        if (target.GetLength(0) == 0 || target.GetLength(1) == 0) throw new ArgumentException("The target matrix is empty.");
        _a = (double[,])target.Clone();
    }

    public int Rows => _a.GetLength(0);
    public int Columns => _a.GetLength(1);
    public override int Dimension => Rows + Columns;

    public override T Value<T>(ReadOnlySpan<T> w)
    {
        T sum = T.FromInt(0);
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
            {
                var r = w[i] * w[Rows + j] - T.FromDouble(_a[i, j]);
                sum += r * r;
            }
        return sum / T.FromInt(2);
    }

    /// <summary>With R = u vᵀ − A: ∂L/∂u = R v, ∂L/∂v = Rᵀu.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> w)
    {
        var g = new T[Dimension];
        for (int k = 0; k < g.Length; k++) g[k] = T.FromInt(0);
        for (int i = 0; i < Rows; i++)
            for (int j = 0; j < Columns; j++)
            {
                var r = w[i] * w[Rows + j] - T.FromDouble(_a[i, j]);
                g[i] += r * w[Rows + j];
                g[Rows + j] += r * w[i];
            }
        return g;
    }
}
