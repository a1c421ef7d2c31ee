namespace Verify.Dynamics.Optimizers;

/// <summary>
/// A first-order optimizer as a stateful rule turning the gradient at the current point into the update
/// Δx (x_{k+1} = x_k + Δx_k). The state (velocity, moment estimates, step count) starts at zero and
/// <see cref="Reset"/> returns it there.
/// </summary>
public interface IOptimizer
{
    /// <summary>A short name with the hyper-parameters, e.g. "Adam(η=0.001)".</summary>
    string Name { get; }

    /// <summary>The update Δx for the gradient g at the current point; advances the state.</summary>
    double[] Update(ReadOnlySpan<double> gradient);

    void Reset();
}
