namespace Verify.Dynamics.Maps;

/// <summary>
/// Gradient descent on ½(aᵀb − Φ)² in double precision, in place and allocation-free per step:
/// a ← a − ηεb, b ← b − ηεa with ε = aᵀb − Φ. It is the general <see cref="GradientDescent"/> map for
/// this objective (the tests check the two agree), written out so that sweeps of thousands of runs
/// stay fast.
/// </summary>
public static class FactorizationDescent
{
    /// <summary>|ε| above which a run counts as diverged.</summary>
    public const double DivergenceBound = 1e150;

    /// <summary>One step in place; returns the residual ε at the point before the step.</summary>
    public static double Step(Span<double> a, Span<double> b, double target, double eta)
    {
        double p = 0;
        for (int i = 0; i < a.Length; i++) p += a[i] * b[i];
        double s = eta * (p - target);
        for (int i = 0; i < a.Length; i++)
        {
            double ai = a[i];
            a[i] = ai - s * b[i];
            b[i] -= s * ai;
        }
        return p - target;
    }

    /// <summary>
    /// Runs from (a₀, b₀) until |ε| &lt; <paramref name="tolerance"/>, divergence, or <paramref name="maxSteps"/>
    /// steps, recording aᵀb, ε, λ and Q at every iterate (the stopping iterate included).
    /// </summary>
    public static FactorizationPath Run(ReadOnlySpan<double> a0, ReadOnlySpan<double> b0, double target, double eta, double tolerance, int maxSteps)
    {
        if (a0.Length != b0.Length) throw new ArgumentException($"a has {a0.Length} entries, b has {b0.Length}.");
        var a = a0.ToArray();
        var b = b0.ToArray();
        var products = new List<double>();
        var residuals = new List<double>();
        var norms = new List<double>();
        var imbalances = new List<double>();
        var status = PathStatus.StepBudget;
        for (int k = 0; ; k++)
        {
            double p = 0, lambda = 0, q = 0;
            for (int i = 0; i < a.Length; i++)
            {
                p += a[i] * b[i];
                lambda += a[i] * a[i] + b[i] * b[i];
                q += Math.Abs(a[i] * a[i] - b[i] * b[i]);
            }
            double e = p - target;
            products.Add(p);
            residuals.Add(e);
            norms.Add(lambda);
            imbalances.Add(q);
            if (!double.IsFinite(e) || !double.IsFinite(lambda) || Math.Abs(e) > DivergenceBound) { status = PathStatus.Diverged; break; }
            if (Math.Abs(e) < tolerance) { status = PathStatus.Converged; break; }
            if (k >= maxSteps) break;
            double s = eta * e;
            for (int i = 0; i < a.Length; i++)
            {
                double ai = a[i];
                a[i] = ai - s * b[i];
                b[i] -= s * ai;
            }
        }
        return new FactorizationPath(target, eta, a0.ToArray(), b0.ToArray(), a, b, products.ToArray(), residuals.ToArray(), norms.ToArray(), imbalances.ToArray(), status);
    }
}

public enum PathStatus { Converged, Diverged, StepBudget }

/// <summary>
/// A gradient-descent run on ½(aᵀb − Φ)²: the product aᵀb, residual ε_t, squared norm λ_t and imbalance Q_t at
/// every iterate t = 0 … Steps, the first and last points, and how the run ended. The product is kept as computed:
/// recovering it as ε + Φ loses everything below Φ's rounding (near a saddle aᵀb crosses 0 at magnitudes like 1e-50).
/// </summary>
public sealed record FactorizationPath(
    double Target, double StepSize,
    double[] InitialA, double[] InitialB, double[] FinalA, double[] FinalB,
    double[] Products, double[] Residuals, double[] SquaredNorms, double[] Imbalances, PathStatus Status)
{
    /// <summary>The number of steps taken (iterates recorded minus one).</summary>
    public int Steps => Residuals.Length - 1;

    public bool Converged => Status == PathStatus.Converged;

    /// <summary>aᵀb at iterate t.</summary>
    public double Product(int t) => Products[t];

    /// <summary>Qᵢ = aᵢ² − bᵢ² at the start.</summary>
    public double[] InitialImbalances => InitialA.Select((x, i) => x * x - InitialB[i] * InitialB[i]).ToArray();

    /// <summary>Qᵢ = aᵢ² − bᵢ² at the last iterate.</summary>
    public double[] FinalImbalances => FinalA.Select((x, i) => x * x - FinalB[i] * FinalB[i]).ToArray();

    /// <summary>Σ_t ε_t² over the recorded iterates.</summary>
    public double SumOfSquaredResiduals => Residuals.Sum(e => e * e);

    /// <summary>The first t with aᵀb &gt; 0 (−1 if none).</summary>
    public int FirstPositiveProduct => Array.FindIndex(Products, p => p > 0);
}
