using Verify.Dynamics.Numbers;
using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A two-layer single-neuron ReLU network f(x; v, w) = v·σ(wᵀx) learning a teacher neuron σ(w̃ᵀx) under
/// the population loss L(v, w) = E_x (f(x) − σ(w̃ᵀx))² with x uniform on the sphere S^{d−1}. Rotational
/// symmetry leaves a closed form in v, ‖w‖ and the angle α = ∠(w, w̃):
/// L = (1/d)[½v²‖w‖² − (v‖w‖‖w̃‖/π)(sin α + (π − α) cos α) + ½‖w̃‖²]
/// (from E[σ(aᵀx)σ(bᵀx)] = ‖a‖‖b‖(sin α + (π − α) cos α)/(2πd) on the sphere). Parameters θ = (v, w).
/// </summary>
public sealed class SingleNeuronPopulationLoss : Objective
{
    private readonly double[] _teacher;
    private readonly double[] _unit;
    private readonly double _teacherNorm;

    public SingleNeuronPopulationLoss(IReadOnlyList<double> teacher)
    {
        if (teacher.Count < 2) throw new ArgumentException("The input dimension d must be at least 2.", nameof(teacher));
        _teacher = teacher.ToArray();
        _teacherNorm = Math.Sqrt(_teacher.Sum(t => t * t));
        if (!(_teacherNorm > 0)) throw new ArgumentException("The teacher neuron must be non-zero.", nameof(teacher));
        _unit = _teacher.Select(t => t / _teacherNorm).ToArray();
    }

    /// <summary>d: the input dimension.</summary>
    public int InputDimension => _teacher.Length;
    public IReadOnlyList<double> Teacher => _teacher;
    public override int Dimension => _teacher.Length + 1;

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        var (along, perp, norm2) = Split(theta);
        T v = theta[0], pi = T.FromDouble(Math.PI), half = T.FromInt(1) / T.FromInt(2);
        T alpha = Angle(along, perp);
        T cross = (perp + (pi - alpha) * along) * T.FromDouble(_teacherNorm) / pi; // ‖w‖‖w̃‖(sin α + (π − α)cos α)/π
        return (half * v * v * norm2 - v * cross + half * T.FromDouble(_teacherNorm * _teacherNorm)) / T.FromInt(InputDimension);
    }

    /// <summary>
    /// ∇_v L = (1/d)[v‖w‖² − (‖w‖‖w̃‖/π)(sin α + (π − α)cos α)],
    /// ∇_w L = (1/d)[v²w − (v‖w̃‖/π)((π − α + ½ sin 2α) ŵ̃ + sin²α · ŵ_⊥)], ŵ_⊥ the unit part of w orthogonal to w̃.
    /// </summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        int d = InputDimension;
        var (along, perp, norm2) = Split(theta);
        T v = theta[0], pi = T.FromDouble(Math.PI), zero = T.FromInt(0);
        T alpha = Angle(along, perp);
        T tn = T.FromDouble(_teacherNorm), invD = T.FromInt(1) / T.FromInt(d);
        var g = new T[d + 1];
        g[0] = (v * norm2 - tn * (perp + (pi - alpha) * along) / pi) * invD;
        // (π − α + sin α cos α) on the teacher's direction; sin²α ŵ_⊥ = ‖w_⊥‖ w_⊥ / ‖w‖² on the rest.
        T onTeacher = pi - alpha + along * perp / norm2;
        T perpScale = T.ToDouble(norm2) > 0 ? perp / norm2 : zero;
        for (int i = 0; i < d; i++)
        {
            T wi = theta[i + 1];
            T wPerp = wi - along * T.FromDouble(_unit[i]);
            g[i + 1] = (v * v * wi - v * tn / pi * (onTeacher * T.FromDouble(_unit[i]) + perpScale * wPerp)) * invD;
        }
        return g;
    }

    /// <summary>The reduced coordinates (v, w_x, w_y): w_x = wᵀŵ̃, w_y = ‖w − w_x ŵ̃‖ ≥ 0.</summary>
    public double[] Reduce(ReadOnlySpan<double> theta)
    {
        var (along, perp, _) = Split(AsReal(theta));
        return [theta[0], along.Value, perp.Value];
    }

    /// <summary>
    /// A Monte Carlo estimate of L and ∇L from <paramref name="samples"/> points drawn uniformly on the
    /// sphere, with the standard error of each (sample standard deviation / √N).
    /// </summary>
    public SampledLoss EstimateBySampling(ReadOnlySpan<double> theta, int samples, Random rng)
    {
        int d = InputDimension;
        double v = theta[0];
        var w = theta[1..].ToArray();
        double sum = 0, sum2 = 0;
        var gs = new double[d + 1];
        var gs2 = new double[d + 1];
        var gi = new double[d + 1];
        var x = new double[d];
        for (int n = 0; n < samples; n++)
        {
            UniformSphere.Sample(rng, x);
            double zw = 0, zt = 0;
            for (int i = 0; i < d; i++) { zw += w[i] * x[i]; zt += _teacher[i] * x[i]; }
            double a = Math.Max(zw, 0), r = v * a - Math.Max(zt, 0);
            double l = r * r;
            sum += l; sum2 += l * l;
            gi[0] = 2 * r * a;
            for (int i = 0; i < d; i++) gi[i + 1] = zw > 0 ? 2 * r * v * x[i] : 0;
            for (int i = 0; i <= d; i++) { gs[i] += gi[i]; gs2[i] += gi[i] * gi[i]; }
        }
        double Se(double s, double s2) => Math.Sqrt(Math.Max(0, s2 / samples - (s / samples) * (s / samples)) / samples);
        return new SampledLoss(sum / samples, Se(sum, sum2),
            gs.Select(s => s / samples).ToArray(), gs.Select((s, i) => Se(s, gs2[i])).ToArray(), samples);
    }

    private (T Along, T Perp, T Norm2) Split<T>(ReadOnlySpan<T> theta) where T : IScalar<T>
    {
        int d = InputDimension;
        T along = T.FromInt(0), norm2 = T.FromInt(0);
        for (int i = 0; i < d; i++) { along += theta[i + 1] * T.FromDouble(_unit[i]); norm2 += theta[i + 1] * theta[i + 1]; }
        T perp2 = T.FromInt(0);
        for (int i = 0; i < d; i++) { var e = theta[i + 1] - along * T.FromDouble(_unit[i]); perp2 += e * e; }
        T perp = T.ToDouble(perp2) > 0 ? T.Sqrt(perp2) : T.FromInt(0);
        return (along, perp, norm2);
    }

    /// <summary>
    /// α = ∠(w, w̃) ∈ [0, π] from its cosine side w_x and sine side w_y ≥ 0, by arctangents (accurate at
    /// small angles, where arccos of the cosine would lose half the digits).
    /// </summary>
    public static T Angle<T>(T along, T perp) where T : IScalar<T>
    {
        double a = T.ToDouble(along), p = T.ToDouble(perp);
        if (a == 0 && p == 0) return T.FromInt(0);
        if (a >= p) return T.Atan(perp / along);
        if (-a >= p) return T.FromDouble(Math.PI) - T.Atan(perp / -along);
        return T.FromDouble(Math.PI / 2) - T.Atan(along / perp);
    }
}

/// <summary>A Monte Carlo estimate of a loss and its gradient, each with its standard error.</summary>
public sealed record SampledLoss(double Value, double ValueStandardError, double[] Gradient, double[] GradientStandardError, int Samples);
