using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;
using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Sweeps;

/// <summary>
/// When a GD run counts as converged to a global minimizer, diverged, or undecided: converged at the first
/// step whose move is at most <paramref name="StepTolerance"/> (max-norm) while L − min L ≤
/// <paramref name="ValueTolerance"/>; diverged when an iterate is non-finite or leaves the ball of radius
/// <paramref name="DivergenceRadius"/>; undecided when <paramref name="Budget"/> steps pass without either.
/// </summary>
public sealed record ConvergenceCriterion(int Budget, double StepTolerance, double ValueTolerance, double DivergenceRadius);

public enum StartOutcome { Converged, Diverged, Undecided }

/// <summary>How many of a sample of starts converged, diverged or stayed undecided.</summary>
public readonly record struct ConvergenceTally(int Converged, int Diverged, int Undecided)
{
    public int Trials => Converged + Diverged + Undecided;

    /// <summary>The fraction of starts that converged to a minimizer, with its Wilson interval.</summary>
    public Proportion Fraction => Proportion.Of(Converged, Trials);
}

/// <summary>
/// Monte Carlo estimate of the measure of the set C of starts from which GD converges to a global
/// minimizer: uniform starts in a box, each run with the same criterion and budget. Start i draws from its
/// own seeded generator, so the tally does not depend on the order threads run in.
/// </summary>
public static class ConvergingStarts
{
    /// <summary>Runs GD from one start and classifies it; <paramref name="steps"/> is the step it resolved at.</summary>
    public static StartOutcome Classify(Objective f, double[] start, double eta, double minimum, ConvergenceCriterion c, out int steps)
    {
        var x = (double[])start.Clone();
        var real = new Real[x.Length];
        for (steps = 0; steps < c.Budget; steps++)
        {
            for (int i = 0; i < x.Length; i++) real[i] = x[i];
            var g = f.Gradient<Real>(real);
            double move = 0, norm2 = 0;
            for (int i = 0; i < x.Length; i++)
            {
                double d = eta * g[i].Value;
                x[i] -= d;
                move = Math.Max(move, Math.Abs(d));
                norm2 += x[i] * x[i];
            }
            if (!double.IsFinite(norm2) || norm2 > c.DivergenceRadius * c.DivergenceRadius) { steps++; return StartOutcome.Diverged; }
            if (move <= c.StepTolerance && f.ValueAt(x) - minimum <= c.ValueTolerance) { steps++; return StartOutcome.Converged; }
        }
        return StartOutcome.Undecided;
    }

    /// <summary>Tallies <paramref name="count"/> starts drawn uniformly from [lo, hi]^d.</summary>
    public static ConvergenceTally Sample(Objective f, double eta, double minimum, ConvergenceCriterion c, double lo, double hi, int count, int seed)
    {
        var outcomes = new StartOutcome[count];
        Parallel.For(0, count, i =>
        {
            var rng = new Random(unchecked(seed * 1_000_003 + i));
            var start = new double[f.Dimension];
            for (int k = 0; k < start.Length; k++) start[k] = lo + (hi - lo) * rng.NextDouble();
            outcomes[i] = Classify(f, start, eta, minimum, c, out _);
        });
        return new ConvergenceTally(
            outcomes.Count(o => o == StartOutcome.Converged),
            outcomes.Count(o => o == StartOutcome.Diverged),
            outcomes.Count(o => o == StartOutcome.Undecided));
    }
}
