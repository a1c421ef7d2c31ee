namespace Verify.Claims.Evidence;

/// <summary>A measured number beside the number the document claims.</summary>
public sealed record MeasuredNumber(string Name, double Measured, double? Claimed, double? Tolerance, string? Note);

/// <summary>A small table of results.</summary>
public sealed record EvidenceTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);

/// <summary>A figure as inline SVG.</summary>
public sealed record EvidenceFigure(string Title, string Svg, string? Caption);

/// <summary>A deliberately wrong version of the claim and whether the check rejected it (it must).</summary>
public sealed record NegativeControl(string Description, bool Rejected);

/// <summary>
/// How long a computation took (a certificate, a sweep), for the reader. The only part of a record that may
/// differ between two runs: determinism checks compare records without it, and no test judges it.
/// </summary>
public sealed record Timing(string What, double Seconds);

/// <summary>Everything a spec recorded about one claim; serialized to reports/evidence/&lt;id&gt;.json.</summary>
public sealed record EvidenceRecord(
    string ClaimId,
    string Test,
    Verdict Verdict,
    string? VerdictReason,
    string? CorrectedStatement,
    IReadOnlyList<MeasuredNumber> Numbers,
    IReadOnlyList<EvidenceTable> Tables,
    IReadOnlyList<EvidenceFigure> Figures,
    IReadOnlyList<string> Notes,
    IReadOnlyList<string> Counterexamples,
    IReadOnlyList<string> Seeds,
    IReadOnlyList<NegativeControl> NegativeControls,
    IReadOnlyList<Timing>? Timings = null)
{
    /// <summary>The record without its timings: what must be identical between two runs.</summary>
    public EvidenceRecord WithoutTimings() => this with { Timings = null };
}
