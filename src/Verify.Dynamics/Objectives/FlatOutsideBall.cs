using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(θ) = (C² − ‖θ‖²)³ inside the ball ‖θ‖ &lt; C and 0 outside: twice continuously differentiable, with every point
/// outside the ball a global minimum at which the whole Hessian vanishes — the opposite of a loss whose minima
/// get sharper far out.
/// </summary>
public sealed class FlatOutsideBall(int dimension, double radius = 1) : Objective
{
    public double Radius { get; } = radius > 0 ? radius : throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be positive.");

    public override int Dimension { get; } = dimension >= 1 ? dimension : throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "Need at least one coordinate.");

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        T gap = T.FromDouble(Radius * Radius) - Scalar.Dot(x, x);
        // The branch is read from the value part, so derivatives (duals, jets) follow the branch the point is on.
        return T.ToDouble(gap) > 0 ? gap * gap * gap : T.FromInt(0);
    }
}
