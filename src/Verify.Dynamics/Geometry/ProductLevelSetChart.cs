using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// The level set w₁w₂⋯w_d = 1 in the orthant sign pattern of the chart: (a₁, …, a_{d−1}) ↦
/// (a₁, …, a_{d−1}, 1/(a₁⋯a_{d−1})). d = 2 is the hyperbola xy = 1 (a ↦ (a, 1/a)), d = 3 the surface xyz = 1.
/// Rational, so its projectors are exact in rationals.
/// </summary>
public sealed class ProductLevelSetChart : ManifoldChart
{
    public ProductLevelSetChart(int factors)
    {
        if (factors < 2) throw new ArgumentOutOfRangeException(nameof(factors), factors, "A product level set needs at least two factors.");
        AmbientDimension = factors;
    }

    public override int AmbientDimension { get; }
    public override int Dimension => AmbientDimension - 1;

    public override T[] Point<T>(ReadOnlySpan<T> t)
    {
        var p = new T[AmbientDimension];
        T product = T.FromInt(1);
        for (int i = 0; i < Dimension; i++) { p[i] = t[i]; product *= t[i]; }
        p[^1] = T.FromInt(1) / product;
        return p;
    }
}
