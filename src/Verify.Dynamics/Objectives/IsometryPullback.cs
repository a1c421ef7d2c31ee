using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L ∘ A for a loss L and a rigid motion A(x) = Ox + v: the same landscape seen in rotated and shifted
/// coordinates. Its gradient is Oᵀ∇L(A(x)) (chain rule); GD on it is GD on L conjugated by A.
/// </summary>
public sealed class IsometryPullback(Objective loss, AffineIsometry motion) : Objective
{
    public Objective Loss { get; } = loss.Dimension == motion.Dimension ? loss
        : throw new ArgumentException($"The loss has dimension {loss.Dimension}, the motion {motion.Dimension}.");
    public AffineIsometry Motion { get; } = motion;

    public override int Dimension => Loss.Dimension;

    public override T Value<T>(ReadOnlySpan<T> x) => Loss.Value<T>(Motion.Apply(x));
}
