using Verify.Claims.Catalog;
using Verify.Claims.Evidence;

namespace Verify.Report;

/// <summary>One claim joined with its evidence and its spec's outcome.</summary>
public sealed record ClaimStatus(ClaimRecord Claim, EvidenceRecord? Evidence, TestOutcome? Outcome)
{
    /// <summary>
    /// The label the report shows: the verdict when the spec passed, else why not. Evidence without a rejected
    /// negative control cannot support a verdict (the spec could not have failed), whatever the run said.
    /// </summary>
    public string Label =>
        Evidence is null ? "not run"
        : Outcome is { Passed: false } ? "spec failed"
        : Evidence.NegativeControls.Count == 0 || Evidence.NegativeControls.Any(c => !c.Rejected) ? "spec failed"
        : Evidence.Verdict switch
        {
            Verdict.Reproduced => "reproduced",
            Verdict.Certified => "certified",
            Verdict.Erratum => "erratum",
            Verdict.Substituted => "substituted",
            _ => "not reproduced",
        };

    public static readonly string[] Labels = ["certified", "reproduced", "erratum", "substituted", "not reproduced", "spec failed", "not run"];
}
