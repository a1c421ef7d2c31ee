using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// A smooth orthonormal frame Q(t) ∈ ℝ^{d×r} of the normal spaces of a chart: fixed coordinate vectors
/// e_{i₁}, …, e_{i_r} are chosen once, at a reference parameter, as the ones whose normal projections are
/// the most independent (greedy, pivoted Gram–Schmidt), and at every t, Q(t) is Gram–Schmidt applied to
/// P_N(t)e_{i₁}, …, P_N(t)e_{i_r}. Near the reference these stay independent, so Q is as smooth as P_N.
/// </summary>
public sealed class NormalFrame
{
    private readonly ManifoldChart _chart;
    private readonly int[] _axes;

    public NormalFrame(ManifoldChart chart, ReadOnlySpan<double> reference)
    {
        if (reference.Length != chart.Dimension) throw new ArgumentException($"The chart has {chart.Dimension} parameters, got {reference.Length}.");
        _chart = chart;
        var pn = chart.NormalProjectorAt(reference);
        var chosen = new List<int>();
        var basis = new List<Vector<double>>();
        for (int k = 0; k < chart.Codimension; k++)
        {
            int best = -1; double bestNorm = 0; Vector<double>? bestResidual = null;
            for (int i = 0; i < chart.AmbientDimension; i++)
            {
                if (chosen.Contains(i)) continue;
                var v = Orthogonalize(pn.Column(i), basis);
                double norm = v.L2Norm();
                if (norm > bestNorm) { best = i; bestNorm = norm; bestResidual = v; }
            }
            if (best < 0 || bestNorm < 1e-8) throw new ArgumentException("The normal projector has rank below the codimension at the reference point.");
            chosen.Add(best);
            basis.Add(bestResidual! / bestNorm);
        }
        _axes = chosen.ToArray();
    }

    /// <summary>The coordinate axes whose normal projections span the frame.</summary>
    public IReadOnlyList<int> Axes => _axes;

    /// <summary>Q(t): orthonormal columns spanning the normal space at p(t).</summary>
    public Matrix<double> At(ReadOnlySpan<double> t)
    {
        var pn = _chart.NormalProjectorAt(t);
        var basis = new List<Vector<double>>();
        foreach (int i in _axes)
        {
            var v = Orthogonalize(pn.Column(i), basis);
            basis.Add(v / v.L2Norm());
        }
        return Matrix<double>.Build.DenseOfColumnVectors(basis);
    }

    /// <summary>v minus its components along orthonormal vectors (modified Gram–Schmidt, twice for accuracy).</summary>
    private static Vector<double> Orthogonalize(Vector<double> v, List<Vector<double>> basis)
    {
        var r = v.Clone();
        for (int pass = 0; pass < 2; pass++)
            foreach (var b in basis) r -= b * (b * r);
        return r;
    }
}
