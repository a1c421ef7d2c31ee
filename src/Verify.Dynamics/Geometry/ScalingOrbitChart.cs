namespace Verify.Dynamics.Geometry;

/// <summary>
/// The curve c ↦ (c·u₀, v₀/c): all factorizations u vᵀ of one rank-one matrix u₀v₀ᵀ (the minimizers of
/// ½‖u vᵀ − u₀v₀ᵀ‖²_F), a 1-dimensional manifold in ℝ^{m+n}, of codimension m + n − 1.
/// </summary>
public sealed class ScalingOrbitChart : ManifoldChart
{
    private readonly double[] _u, _v;

    public ScalingOrbitChart(double[] u0, double[] v0)
    {
        if (u0.Length == 0 || v0.Length == 0) throw new ArgumentException("Both factors need at least one entry.");
        if (u0.All(a => a == 0) || v0.All(a => a == 0)) throw new ArgumentException("A rank-one matrix needs non-zero factors.");
        (_u, _v) = (u0.ToArray(), v0.ToArray());
    }

    public override int AmbientDimension => _u.Length + _v.Length;
    public override int Dimension => 1;

    public override T[] Point<T>(ReadOnlySpan<T> t)
    {
        var p = new T[AmbientDimension];
        for (int i = 0; i < _u.Length; i++) p[i] = T.FromDouble(_u[i]) * t[0];
        for (int j = 0; j < _v.Length; j++) p[_u.Length + j] = T.FromDouble(_v[j]) / t[0];
        return p;
    }
}
