using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// The single-neuron population loss with teacher w̃ = e₁ in the reduced coordinates (v, w_x, w_y): GD
/// keeps w in span{w̃, w⁽⁰⁾}, so w_x = wᵀw̃ and w_y = ±‖w − w_x w̃‖ carry the whole dynamics:
/// L = (1/d)[½v²(w_x² + w_y²) − (v/π)(|w_y| + (π − α) w_x) + ½], α = ∠((w_x, |w_y|), (1, 0)).
/// The loss is even in w_y, so a GD step that overshoots w_y through 0 is the same as the full model's
/// orthogonal part flipping its sign: |w_y| is the full model's ‖w_⊥‖. With η = K·d the dynamics do not
/// depend on d (L is 1/d times a d-free function).
/// </summary>
public sealed class SingleNeuronReducedLoss(int inputDimension) : Objective
{
    public int InputDimension { get; } = inputDimension > 0 ? inputDimension : throw new ArgumentOutOfRangeException(nameof(inputDimension));
    public override int Dimension => 3;

    public override T Value<T>(ReadOnlySpan<T> p)
    {
        T v = p[0], wx = p[1], wy = T.Abs(p[2]), pi = T.FromDouble(Math.PI), half = T.FromInt(1) / T.FromInt(2);
        T alpha = SingleNeuronPopulationLoss.Angle(wx, wy);
        return (half * v * v * (wx * wx + wy * wy) - v * (wy + (pi - alpha) * wx) / pi + half) / T.FromInt(InputDimension);
    }

    /// <summary>
    /// ∂_v L = (1/d)[v r² − (|w_y| + (π − α)w_x)/π], ∂_{w_x} L = (1/d)[v² w_x − (v/π)(π − α + w_x|w_y|/r²)],
    /// ∂_{w_y} L = (1/d)[v² w_y − (v/π) w_y|w_y|/r²], r² = w_x² + w_y².
    /// </summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> p)
    {
        T v = p[0], wx = p[1], wy = p[2], ay = T.Abs(wy), pi = T.FromDouble(Math.PI), invD = T.FromInt(1) / T.FromInt(InputDimension);
        T r2 = wx * wx + wy * wy;
        T alpha = SingleNeuronPopulationLoss.Angle(wx, ay);
        T overR2 = T.ToDouble(r2) > 0 ? T.FromInt(1) / r2 : T.FromInt(0);
        return
        [
            (v * r2 - (ay + (pi - alpha) * wx) / pi) * invD,
            (v * v * wx - v / pi * (pi - alpha + wx * ay * overR2)) * invD,
            OrthogonalGradient(v, wx, wy, InputDimension),
        ];
    }

    /// <summary>
    /// ∂L/∂w_y = (1/d)[v² w_y − (v/π) w_y|w_y|/(w_x² + w_y²)]: free of the angle, so it runs exactly in
    /// rationals (π read as the double's exact value).
    /// </summary>
    public static T OrthogonalGradient<T>(T v, T wx, T wy, int inputDimension) where T : IScalar<T>
    {
        T r2 = wx * wx + wy * wy;
        if (!(T.ToDouble(r2) > 0)) return T.FromInt(0);
        return (v * v * wy - v / T.FromDouble(Math.PI) * wy * T.Abs(wy) / r2) / T.FromInt(inputDimension);
    }

    /// <summary>The angle α between (w_x, w_y) and the teacher (1, 0).</summary>
    public static double AngleOf(ReadOnlySpan<double> p) => SingleNeuronPopulationLoss.Angle<Real>(p[1], Math.Abs(p[2])).Value;
}
