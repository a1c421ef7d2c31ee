namespace Verify.Dynamics.Analysis;

/// <summary>
/// Two coupled scalar sequences that bound the residual ε and the imbalance Q of gradient descent on
/// ½(aᵀb − Φ)² while aᵀb &lt; 0: z₀ = ε(0) &lt; −Φ, w₀ = Q(0),
/// M_k = max{w_k, −2z_k − 2Φ} (or M_k = w_k), z_{k+1} = (1 − ¾ηM_k)z_k, w_{k+1} = (1 − η²z_k²)w_k,
/// run until τ₁ = min{k : z_k &gt; −Φ}. Cheap to iterate; the point is to compare them with real runs.
/// </summary>
public static class BoundingSequences
{
    /// <summary>The sequences up to and including index τ₁ (or <paramref name="maxSteps"/> if z never passes −Φ).</summary>
    public static BoundingSequence Generate(double z0, double w0, double target, double eta, bool scaleTerm = true, int maxSteps = 10_000_000)
    {
        var z = new List<double> { z0 };
        var w = new List<double> { w0 };
        var m = new List<double>();
        while (z[^1] <= -target && z.Count <= maxSteps && double.IsFinite(z[^1]))
        {
            double zk = z[^1], wk = w[^1];
            double mk = scaleTerm ? Math.Max(wk, -2 * zk - 2 * target) : wk;
            m.Add(mk);
            z.Add((1 - 0.75 * eta * mk) * zk);
            w.Add((1 - eta * eta * zk * zk) * wk);
        }
        bool passed = z[^1] > -target;
        return new BoundingSequence(z.ToArray(), w.ToArray(), m.ToArray(), passed ? z.Count - 1 : -1);
    }
}

/// <summary>z_k, w_k, M_k for k = 0 … τ₁ (M has one entry fewer), and τ₁ (−1 if not reached).</summary>
public sealed record BoundingSequence(double[] Z, double[] W, double[] M, int Tau1);
