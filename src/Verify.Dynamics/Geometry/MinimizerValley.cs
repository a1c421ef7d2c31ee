using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Analysis;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// A loss whose minimizers form a smooth manifold S (a valley), with a chart p(t) of S and a smooth
/// orthonormal normal frame Q(t): the coordinates w = p(t) + Q(t)n (t along the valley, n ∈ ℝʳ across it),
/// and the Hessian restricted to the normal space, H(t) = Q(t)ᵀ∇²L(p(t))Q(t).
/// </summary>
public sealed class MinimizerValley
{
    public MinimizerValley(Objective loss, ManifoldChart chart, ReadOnlySpan<double> reference)
    {
        if (loss.Dimension != chart.AmbientDimension) throw new ArgumentException($"The loss has {loss.Dimension} parameters, the chart lives in ℝ^{chart.AmbientDimension}.");
        Loss = loss; Chart = chart;
        Reference = reference.ToArray();
        Frame = new NormalFrame(chart, reference);
    }

    public Objective Loss { get; }
    public ManifoldChart Chart { get; }
    public NormalFrame Frame { get; }
    public double[] Reference { get; }
    public int Codimension => Chart.Codimension;

    public double[] Point(ReadOnlySpan<double> t) => Chart.PointAt(t);

    public Matrix<double> Normals(ReadOnlySpan<double> t) => Frame.At(t);

    /// <summary>w = p(t) + Q(t)n.</summary>
    public double[] Embed(ReadOnlySpan<double> t, ReadOnlySpan<double> n)
    {
        var w = Vector<double>.Build.DenseOfArray(Point(t)) + Normals(t) * Vector<double>.Build.DenseOfArray(n.ToArray());
        return w.ToArray();
    }

    /// <summary>H(t) = Q(t)ᵀ ∇²L(p(t)) Q(t), r × r.</summary>
    public Matrix<double> NormalHessian(ReadOnlySpan<double> t)
    {
        var q = Normals(t);
        return q.TransposeThisAndMultiply(Loss.HessianAt(Point(t))) * q;
    }

    /// <summary>Eigenvalues of H(t), ascending.</summary>
    public double[] NormalSpectrum(ReadOnlySpan<double> t) => Sharpness.Spectrum(NormalHessian(t));

    /// <summary>
    /// The coordinates (t, n) of a point w near S: p(t) is the foot of the perpendicular from w (Gauss–Newton
    /// on ½‖w − p(t)‖² from <paramref name="guess"/>), then n = Q(t)ᵀ(w − p(t)). Valid where the inverse
    /// function theorem applies (w close to S, t near the reference).
    /// </summary>
    public (double[] T, double[] N) Coordinates(ReadOnlySpan<double> w, ReadOnlySpan<double> guess, int maxIterations = 200)
    {
        var target = Vector<double>.Build.DenseOfArray(w.ToArray());
        var t = guess.ToArray();
        double previous = double.PositiveInfinity;
        for (int it = 0; it < maxIterations; it++)
        {
            var r = target - Vector<double>.Build.DenseOfArray(Point(t));
            var dp = Chart.JacobianAt(t);
            var step = dp.TransposeThisAndMultiply(dp).Solve(dp.TransposeThisAndMultiply(r));
            for (int i = 0; i < t.Length; i++) t[i] += step[i];
            // Linear convergence (rate ~ curvature × ‖n‖) down to round-off: stop once the steps stop shrinking there.
            double size = step.InfinityNorm();
            if (size <= 1e-15 * (1 + t.Max(Math.Abs)) || (size >= previous && size <= 1e-12 * (1 + t.Max(Math.Abs)))) break;
            previous = size;
        }
        var offset = target - Vector<double>.Build.DenseOfArray(Point(t));
        return (t, Normals(t).TransposeThisAndMultiply(offset).ToArray());
    }
}
