namespace Verify.Dynamics.Analysis;

/// <summary>
/// One GD step on ½(aᵀb − Φ)² multiplies the residual by m(η) = 1 − ηλ + η²ε(ε + Φ) (p := ε(ε + Φ)).
/// The step sizes where m = 0 (the next residual vanishes) and m = −1 (it flips sign, same size) are
/// the smaller roots of pη² − λη + 1 = 0 and pη² − λη + 2 = 0. In α = p/λ² their expansions are
/// Catalan series: η₁ = (1/λ)Σ Cₙαⁿ and η₂ = (2/λ)Σ Cₙ(2α)ⁿ.
/// </summary>
public static class ResidualStepThresholds
{
    /// <summary>m(η) = 1 − ηλ + η²ε(ε + Φ): the factor ε(t+1)/ε(t).</summary>
    public static double Multiplier(double eta, double squaredNorm, double residual, double target) =>
        1 - eta * squaredNorm + eta * eta * residual * (residual + target);

    /// <summary>η₁: the smallest η &gt; 0 with m(η) = 0 (NaN if λ² &lt; 4p: no real root).</summary>
    public static double Zeroing(double squaredNorm, double residual, double target) => SmallerRoot(squaredNorm, residual * (residual + target), 1);

    /// <summary>η₂: the smallest η &gt; 0 with m(η) = −1 (NaN if λ² &lt; 8p).</summary>
    public static double Reflecting(double squaredNorm, double residual, double target) => SmallerRoot(squaredNorm, residual * (residual + target), 2);

    /// <summary>The smaller positive root of pη² − λη + c = 0, written to avoid cancellation: 2c/(λ + √(λ² − 4pc)).</summary>
    private static double SmallerRoot(double lambda, double p, double c)
    {
        double disc = lambda * lambda - 4 * p * c;
        return disc < 0 ? double.NaN : 2 * c / (lambda + Math.Sqrt(disc));
    }

    /// <summary>The Catalan numbers C₀ … C_{count−1}: 1, 1, 2, 5, 14, 42, …</summary>
    public static long[] Catalan(int count)
    {
        var c = new long[count];
        for (int n = 0; n < count; n++) c[n] = n == 0 ? 1 : c[n - 1] * 2 * (2 * n - 1) / (n + 1);
        return c;
    }
}
