namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(w) = ¼(‖w‖² − 1)² on ℝᵈ: minimizers form the unit sphere (codimension 1), and on it the Hessian is
/// 2wwᵀ, so the curvature across the valley is 2 everywhere.
/// </summary>
public sealed class SphereWell(int dimension) : Objective
{
    public override int Dimension { get; } = dimension > 0 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "The dimension must be positive.");

    public override T Value<T>(ReadOnlySpan<T> w)
    {
        var r = Numbers.Scalar.Dot(w, w) - T.FromInt(1);
        return r * r / T.FromInt(4);
    }

    /// <summary>∇L = (‖w‖² − 1) w.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> w)
    {
        var r = Numbers.Scalar.Dot(w, w) - T.FromInt(1);
        var g = new T[w.Length];
        for (int i = 0; i < g.Length; i++) g[i] = r * w[i];
        return g;
    }
}
