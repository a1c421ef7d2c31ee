namespace Verify.Dynamics.Statistics;

/// <summary>
/// A Monte Carlo fraction k/n with its Wilson score interval (good coverage even at k = 0 or k = n,
/// where the normal approximation collapses to a zero-width interval).
/// </summary>
public readonly record struct Proportion(int Successes, int Trials, double Lower, double Upper)
{
    public double Estimate => Trials == 0 ? double.NaN : (double)Successes / Trials;

    /// <summary>z = 1.96 gives a 95% interval.</summary>
    public static Proportion Of(int successes, int trials, double z = 1.96)
    {
        if (trials <= 0) throw new ArgumentOutOfRangeException(nameof(trials), trials, "A proportion needs at least one trial.");
        if (successes < 0 || successes > trials) throw new ArgumentOutOfRangeException(nameof(successes), successes, $"Need 0 ≤ successes ≤ {trials}.");
        double n = trials, p = successes / n, z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / (1 + z2 / n);
        return new Proportion(successes, trials, Math.Max(0, centre - half), Math.Min(1, centre + half));
    }

    /// <summary>Counts how many of <paramref name="trials"/> seeded samples satisfy a predicate.</summary>
    public static Proportion Count<T>(IEnumerable<T> samples, Func<T, bool> success)
    {
        int k = 0, n = 0;
        foreach (var s in samples) { n++; if (success(s)) k++; }
        return Of(k, n);
    }

    public override string ToString() =>
        FormattableString.Invariant($"{Successes}/{Trials} = {Estimate:0.####} (95% CI [{Lower:0.####}, {Upper:0.####}])");
}
