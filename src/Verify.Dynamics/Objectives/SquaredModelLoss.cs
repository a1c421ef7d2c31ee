using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// f(x) = (g(x) − y)²: the squared loss of a one-parameter model g on one target y (no ½). Its global
/// minima are the solutions of g(x̄) = y; <see cref="Minimum"/> is the one on the model's inverse branch.
/// </summary>
public sealed class SquaredModelLoss(ScalarModel model, double target) : Objective
{
    public ScalarModel Model { get; } = model;
    public double Target { get; } = target;

    public override int Dimension => 1;

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        var r = Model.Apply(x[0]) - T.FromDouble(Target);
        return r * r;
    }

    /// <summary>x̄ = g⁻¹(y) (NaN when y is outside the model's targets).</summary>
    public double Minimum => Model.Inverse(Target);

    public override string ToString() => $"({Model.Name} − {Target:G6})²";
}
