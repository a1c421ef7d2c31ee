using System.Globalization;

namespace Verify.Dynamics.Optimizers;

/// <summary>
/// Adam (Kingma &amp; Ba): m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², with bias corrections
/// m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ) at step t = 1, 2, …, and Δx = −η m̂/(√v̂ + ε).
/// </summary>
public sealed class Adam(double learningRate, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8) : IOptimizer
{
    private double[]? _m, _v;
    private int _t;

    public double LearningRate { get; } = learningRate;
    public double Beta1 { get; } = beta1;
    public double Beta2 { get; } = beta2;
    public double Epsilon { get; } = epsilon;

    public string Name => string.Create(CultureInfo.InvariantCulture, $"Adam(η={LearningRate}, β₁={Beta1}, β₂={Beta2}, ε={Epsilon})");

    public double[] Update(ReadOnlySpan<double> gradient)
    {
        _m ??= new double[gradient.Length];
        _v ??= new double[gradient.Length];
        _t++;
        double c1 = 1 - Math.Pow(Beta1, _t), c2 = 1 - Math.Pow(Beta2, _t);
        var d = new double[gradient.Length];
        for (int i = 0; i < d.Length; i++)
        {
            double g = gradient[i];
            _m[i] = Beta1 * _m[i] + (1 - Beta1) * g;
            _v[i] = Beta2 * _v[i] + (1 - Beta2) * g * g;
            d[i] = -LearningRate * (_m[i] / c1) / (Math.Sqrt(_v[i] / c2) + Epsilon);
        }
        return d;
    }

    public void Reset() { _m = null; _v = null; _t = 0; }
}
