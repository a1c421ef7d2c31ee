namespace Verify.Dynamics.Geometry;

/// <summary>
/// The unit sphere in ℝᵈ without its north pole, by inverse stereographic projection:
/// u ∈ ℝ^{d−1} ↦ (2u, ‖u‖² − 1)/(1 + ‖u‖²). Rational (unlike angles), so projectors are exact in rationals.
/// </summary>
public sealed class StereographicSphereChart : ManifoldChart
{
    public StereographicSphereChart(int ambientDimension)
    {
        if (ambientDimension < 2) throw new ArgumentOutOfRangeException(nameof(ambientDimension), ambientDimension, "A sphere needs an ambient dimension of at least 2.");
        AmbientDimension = ambientDimension;
    }

    public override int AmbientDimension { get; }
    public override int Dimension => AmbientDimension - 1;

    public override T[] Point<T>(ReadOnlySpan<T> u)
    {
        T one = T.FromInt(1), two = T.FromInt(2), norm2 = T.FromInt(0);
        for (int i = 0; i < Dimension; i++) norm2 += u[i] * u[i];
        var p = new T[AmbientDimension];
        T scale = one / (one + norm2);
        for (int i = 0; i < Dimension; i++) p[i] = two * u[i] * scale;
        p[^1] = (norm2 - one) * scale;
        return p;
    }
}
