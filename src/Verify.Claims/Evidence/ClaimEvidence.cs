using System.Globalization;
using ScottPlot;
using Verify.Claims.Properties;

namespace Verify.Claims.Evidence;

/// <summary>
/// The recorder a spec writes its findings into: numbers measured against numbers claimed,
/// tables, figures, seeds, counterexamples, negative controls and the verdict.
/// </summary>
public sealed partial class ClaimEvidence(string claimId, string test)
{
    private readonly List<MeasuredNumber> _numbers = [];
    private readonly List<EvidenceTable> _tables = [];
    private readonly List<EvidenceFigure> _figures = [];
    private readonly List<string> _notes = [];
    private readonly List<string> _counterexamples = [];
    private readonly List<string> _seeds = [];
    private readonly List<NegativeControl> _controls = [];
    private readonly List<Timing> _timings = [];
    private Verdict _verdict = Verdict.Reproduced;
    private string? _reason;
    private string? _corrected;

    public string ClaimId { get; } = claimId;
    public string Test { get; } = test;
    public IReadOnlyList<NegativeControl> NegativeControls => _controls;

    /// <summary>A measured number, optionally beside the claimed value and the tolerance of the comparison.</summary>
    public ClaimEvidence Number(string name, double measured, double? claimed = null, double? tolerance = null, string? note = null)
    {
        _numbers.Add(new MeasuredNumber(name, measured, claimed, tolerance, note));
        return this;
    }

    public ClaimEvidence Table(string title, IReadOnlyList<string> columns, IEnumerable<IEnumerable<object>> rows)
    {
        _tables.Add(new EvidenceTable(title, columns, rows.Select(r => (IReadOnlyList<string>)r.Select(Format).ToList()).ToList()));
        return this;
    }

    /// <summary>
    /// A measured number that must lie within <paramref name="tolerance"/> of the claimed one: recorded,
    /// then checked (a <see cref="ClaimCheckFailedException"/> naming both numbers if it does not).
    /// </summary>
    public ClaimEvidence NumberWithin(string name, double measured, double claimed, double tolerance, string? note = null)
    {
        Number(name, measured, claimed, tolerance, note);
        if (!(Math.Abs(measured - claimed) <= tolerance))
            throw new ClaimCheckFailedException(ClaimId, $"{name}: measured {Format(measured)}, claimed {Format(claimed)} ± {Format(tolerance)}");
        return this;
    }

    /// <summary>
    /// Records a property check (cases run, the replay seed, and on failure the shrunk counterexample).
    /// Recording does not judge: the spec asserts what it expects of <paramref name="outcome"/>.
    /// </summary>
    public ClaimEvidence Property(PropertyOutcome outcome)
    {
        Seed($"{outcome.Name}: FsCheck replay {outcome.Replay}");
        Number($"{outcome.Name}: random cases checked", outcome.Tests);
        if (!outcome.Passed) Counterexample(outcome.Describe());
        return this;
    }

    /// <summary>A ScottPlot figure, stored as SVG for the report.</summary>
    public ClaimEvidence Figure(string title, Plot plot, int width = 640, int height = 440, string? caption = null)
    {
        var svg = SvgForPage(plot.GetSvgXml(width, height), $"{ClaimId}-{_figures.Count}");
        _figures.Add(new EvidenceFigure(title, svg, caption));
        return this;
    }

    /// <summary>
    /// Makes an SVG document safe to inline next to others: drops the XML declaration and prefixes every
    /// id (ScottPlot numbers its clip paths and images from 0 in each figure, so ids would collide). Ids are
    /// also renumbered in order of first appearance: ScottPlot's counter is not always reset between figures,
    /// so the same figure could otherwise come out with different ids (and evidence would not be byte-identical).
    /// </summary>
    internal static string SvgForPage(string svg, string figureKey)
    {
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        if (start > 0) svg = svg[start..];
        var prefix = "f" + Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(figureKey)))[..8].ToLowerInvariant() + "_";
        var renumbered = new Dictionary<string, string>();
        string Id(string original) =>
            renumbered.TryGetValue(original, out var id) ? id : renumbered[original] = $"{prefix}{renumbered.Count}";
        return SvgIds().Replace(svg, m => m.Groups["attr"].Success ? $"{m.Groups["attr"].Value}=\"{Id(m.Groups["id"].Value)}\"" : $"#{Id(m.Groups["ref"].Value)}");
    }

    [System.Text.RegularExpressions.GeneratedRegex("""(?<attr>\bid)="(?<id>[^"]+)"|#(?<ref>(?:cl|img|clip|grad|pat|mask)[A-Za-z0-9_-]*)""")]
    private static partial System.Text.RegularExpressions.Regex SvgIds();

    /// <summary>
    /// Runs <paramref name="compute"/> and records how long it took (shown in the report, e.g. for a
    /// certificate). Timings are informational: never asserted, and left out of determinism checks.
    /// </summary>
    public T Timed<T>(string what, Func<T> compute)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var result = compute();
        _timings.Add(new Timing(what, clock.Elapsed.TotalSeconds));
        return result;
    }

    public ClaimEvidence Note(string text) { _notes.Add(text); return this; }
    public ClaimEvidence Seed(object seed) { _seeds.Add(Format(seed)); return this; }
    public ClaimEvidence Counterexample(string description) { _counterexamples.Add(description); return this; }

    /// <summary>The claim fails as printed; <paramref name="corrected"/> is the statement that does hold (and is checked).</summary>
    public ClaimEvidence Erratum(string reason, string corrected)
    {
        _verdict = Verdict.Erratum; _reason = reason; _corrected = corrected;
        return this;
    }

    public ClaimEvidence Substituted(string whatDiffers) { _verdict = Verdict.Substituted; _reason = whatDiffers; return this; }
    public ClaimEvidence Certified(string whatIsProven) { _verdict = Verdict.Certified; _reason = whatIsProven; return this; }
    public ClaimEvidence NotReproduced(string why) { _verdict = Verdict.NotReproduced; _reason = why; return this; }
    public ClaimEvidence Reproduced(string? how = null) { _verdict = Verdict.Reproduced; _reason = how; return this; }

    /// <summary>
    /// Records a negative control: the same check applied to a deliberately wrong version of the claim.
    /// <paramref name="checkPasses"/> is the check's result on the wrong version; it must be false.
    /// </summary>
    public ClaimEvidence NegativeControl(string wrongVersion, bool checkPasses)
    {
        _controls.Add(new NegativeControl(wrongVersion, !checkPasses));
        if (checkPasses)
            throw new NegativeControlPassedException(ClaimId, wrongVersion);
        return this;
    }

    public EvidenceRecord ToRecord() => new(ClaimId, Test, _verdict, _reason, _corrected,
        _numbers.ToList(), _tables.ToList(), _figures.ToList(), _notes.ToList(), _counterexamples.ToList(), _seeds.ToList(), _controls.ToList(),
        _timings.Count > 0 ? _timings.ToList() : null);

    internal static string Format(object o) => o switch
    {
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => o.ToString() ?? "",
    };
}

/// <summary>A measured number outside the tolerance of the claimed one.</summary>
public sealed class ClaimCheckFailedException(string claimId, string detail)
    : Exception($"Claim '{claimId}' check failed: {detail}");

/// <summary>A negative control that the check did not reject: the spec cannot tell right from wrong.</summary>
public sealed class NegativeControlPassedException(string claimId, string wrongVersion)
    : Exception($"Negative control of '{claimId}' passed, so the check cannot fail: {wrongVersion}");
