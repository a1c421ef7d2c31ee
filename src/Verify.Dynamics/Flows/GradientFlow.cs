using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Flows;

/// <summary>
/// Gradient flow ẋ = −∇L(x) of any <see cref="Objective"/>, integrated by <see cref="DormandPrince"/> with
/// stated tolerances: the continuous-time limit of gradient descent as η → 0.
/// </summary>
public static class GradientFlow
{
    /// <summary>The right-hand side −∇L.</summary>
    public static OdeRightHandSide Field(Objective f) => (_, y, dydt) =>
    {
        var g = f.GradientAt(y);
        for (int i = 0; i < g.Length; i++) dydt[i] = -g[i];
    };

    /// <summary>Flows from x₀ for time <paramref name="duration"/>, or until <paramref name="stop"/> holds.</summary>
    public static OdeSolution Solve(Objective f, ReadOnlySpan<double> x0, double duration, OdeTolerances? tolerances = null, Func<double, double[], bool>? stop = null)
    {
        if (x0.Length != f.Dimension) throw new ArgumentException($"The start has {x0.Length} coordinates, the objective {f.Dimension}.");
        return DormandPrince.Solve(Field(f), 0, x0, duration, tolerances, stop);
    }
}
