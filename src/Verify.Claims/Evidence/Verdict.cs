namespace Verify.Claims.Evidence;

/// <summary>What a spec found about its claim.</summary>
public enum Verdict
{
    /// <summary>The claim holds as printed, on the parameters it states.</summary>
    Reproduced,
    /// <summary>The claim holds and the check is a proof (exact identity of known degree, or an interval certificate).</summary>
    Certified,
    /// <summary>The claim does not hold as printed (counterexample shown); the corrected statement is reproduced.</summary>
    Erratum,
    /// <summary>Reproduced on an offline stand-in for unavailable data; the difference is said.</summary>
    Substituted,
    /// <summary>The claim could not be reproduced; the evidence says why.</summary>
    NotReproduced,
}
