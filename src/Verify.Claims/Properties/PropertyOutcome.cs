namespace Verify.Claims.Properties;

/// <summary>
/// The result of checking a property over random cases (FsCheck): how many cases ran, and on failure the
/// original and the shrunk counterexample. <see cref="Replay"/> is the seed pair that reruns it exactly.
/// </summary>
public sealed record PropertyOutcome(
    string Name,
    bool Passed,
    bool Exhausted,
    int Tests,
    int Shrinks,
    string? Original,
    string? Shrunk,
    string? Error,
    ulong Seed,
    ulong Gamma)
{
    /// <summary>FsCheck's replay seed "(seed,gamma)".</summary>
    public string Replay => $"({Seed},{Gamma})";

    /// <summary>One line for a report: what failed, on which (shrunk) case.</summary>
    public string Describe() =>
        Passed ? $"{Name}: held on {Tests} random cases (seed {Replay})"
        : Exhausted ? $"{Name}: exhausted after {Tests} cases (too many rejected; seed {Replay})"
        : $"{Name}: fails at {Shrunk} (shrunk in {Shrinks} steps from {Original}, after {Tests} cases; seed {Replay})"
          + (Error is null ? "" : $"; {Error}");
}
