using System.Globalization;

namespace Verify.Dynamics.Optimizers;

/// <summary>
/// Gradient descent with heavy-ball momentum in the form deep-learning libraries use (SGD with momentum):
/// v_{k+1} = βv_k + g_k, Δx_k = −ηv_{k+1}, v₀ = 0. On f = ½λx² it is the linear recurrence
/// x_{k+1} = (1 + β − ηλ)x_k − βx_{k−1}.
/// </summary>
public sealed class HeavyBall(double learningRate, double momentum) : IOptimizer
{
    private double[]? _velocity;

    public double LearningRate { get; } = learningRate;
    public double Momentum { get; } = momentum;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"SGD-momentum(η={LearningRate}, β={Momentum})");

    public double[] Update(ReadOnlySpan<double> gradient)
    {
        _velocity ??= new double[gradient.Length];
        var d = new double[gradient.Length];
        for (int i = 0; i < d.Length; i++)
        {
            _velocity[i] = Momentum * _velocity[i] + gradient[i];
            d[i] = -LearningRate * _velocity[i];
        }
        return d;
    }

    public void Reset() => _velocity = null;
}
