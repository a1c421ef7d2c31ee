using System.Globalization;

namespace Verify.Dynamics.Optimizers;

/// <summary>Plain (stochastic) gradient descent as an optimizer: Δx = −ηg, no state.</summary>
public sealed class GradientStep(double learningRate) : IOptimizer
{
    public double LearningRate { get; } = learningRate;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"GD(η={LearningRate})");

    public double[] Update(ReadOnlySpan<double> gradient)
    {
        var d = new double[gradient.Length];
        for (int i = 0; i < d.Length; i++) d[i] = -LearningRate * gradient[i];
        return d;
    }

    public void Reset() { }
}
