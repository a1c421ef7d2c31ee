using System.Globalization;
using System.Net;
using System.Text;
using Verify.Claims.Catalog;
using Verify.Claims.Evidence;

namespace Verify.Report;

/// <summary>
/// Joins claims, evidence and test outcomes into one self-contained HTML page: a summary of
/// verdicts per document, then one card per claim (statement, source, verdict, numbers, tables,
/// figures inlined as SVG, counterexamples, seeds, negative controls, the rerun command).
/// </summary>
public static class ReportBuilder
{
    public static IReadOnlyList<ClaimStatus> Join(ClaimCatalog catalog, IReadOnlyDictionary<string, EvidenceRecord> evidence, IReadOnlyDictionary<string, TestOutcome> outcomes) =>
        catalog.Claims.Select(c =>
        {
            evidence.TryGetValue(c.Id, out var e);
            TestOutcome? o = e is not null && outcomes.TryGetValue(e.Test, out var found) ? found : null;
            return new ClaimStatus(c, e, o);
        }).ToList();

    /// <summary>Writes the page to a temporary file first, so a failed run never leaves a partial report in place.</summary>
    public static void WriteAtomically(string path, string html)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".partial";
        File.WriteAllText(temp, html, Encoding.UTF8);
        File.Move(temp, path, overwrite: true);
    }

    public static string Html(ClaimCatalog catalog, IReadOnlyList<ClaimStatus> statuses, string generatedBy)
    {
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Verify — claim report</title>")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
          .Append("<style>").Append(StyleSheet).Append("</style></head><body>");
        sb.Append("<header><h1>Verify — claim report</h1><p>Every claim of five documents on gradient descent at large learning rates, ")
          .Append("judged by an executable spec. ").Append(E(generatedBy)).Append("</p></header>");

        Summary(sb, catalog, statuses);

        foreach (var doc in catalog.Documents)
        {
            sb.Append("<section class=\"doc\"><h2 id=\"doc-").Append(E(doc.Seed)).Append("\">").Append(E(doc.Title)).Append("</h2>")
              .Append("<p class=\"meta\">").Append(E(doc.Authors)).Append(" · <code>seeds/").Append(E(doc.Seed)).Append("</code> · claims in <code>")
              .Append(E(doc.File)).Append("</code></p>");
            foreach (var s in statuses.Where(s => doc.Claims.Contains(s.Claim)))
                Card(sb, s);
            sb.Append("</section>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, ClaimCatalog catalog, IReadOnlyList<ClaimStatus> statuses)
    {
        var labels = ClaimStatus.Labels.Where(l => statuses.Any(s => s.Label == l) || l is "reproduced" or "erratum").ToList();
        sb.Append("<section class=\"summary\"><h2>Summary</h2><table><thead><tr><th>document</th><th>claims</th>");
        foreach (var l in labels) sb.Append("<th><span class=\"badge ").Append(Css(l)).Append("\">").Append(E(l)).Append("</span></th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var doc in catalog.Documents)
        {
            var mine = statuses.Where(s => doc.Claims.Contains(s.Claim)).ToList();
            sb.Append("<tr><td><a href=\"#doc-").Append(E(doc.Seed)).Append("\">").Append(E(doc.Title)).Append("</a></td><td>").Append(mine.Count).Append("</td>");
            foreach (var l in labels) sb.Append("<td>").Append(mine.Count(s => s.Label == l)).Append("</td>");
            sb.Append("</tr>");
        }
        sb.Append("<tr class=\"total\"><td>all</td><td>").Append(statuses.Count).Append("</td>");
        foreach (var l in labels) sb.Append("<td>").Append(statuses.Count(s => s.Label == l)).Append("</td>");
        sb.Append("</tr></tbody></table>");
        var findings = statuses.Where(s => s.Label is "erratum" or "not reproduced" or "spec failed").ToList();
        if (findings.Count > 0)
        {
            sb.Append("<h3>Findings</h3><ul>");
            foreach (var f in findings)
                sb.Append("<li><a href=\"#").Append(E(f.Claim.Id)).Append("\"><code>").Append(E(f.Claim.Id)).Append("</code></a> — <span class=\"badge ")
                  .Append(Css(f.Label)).Append("\">").Append(E(f.Label)).Append("</span> ").Append(E(f.Evidence?.VerdictReason ?? f.Outcome?.Message ?? "")).Append("</li>");
            sb.Append("</ul>");
        }
        sb.Append("</section>");
    }

    private static void Card(StringBuilder sb, ClaimStatus s)
    {
        var c = s.Claim; var e = s.Evidence;
        sb.Append("<article class=\"card\" id=\"").Append(E(c.Id)).Append("\"><div class=\"head\"><span class=\"badge ").Append(Css(s.Label)).Append("\">")
          .Append(E(s.Label)).Append("</span> <code class=\"id\">").Append(E(c.Id)).Append("</code> <span class=\"kind\">").Append(E(c.Check)).Append("</span>")
          .Append("<h3>").Append(E(c.Title)).Append("</h3></div>");
        sb.Append("<p class=\"statement\">").Append(E(c.Statement)).Append("</p>");
        sb.Append("<p class=\"where\">Printed at: ").Append(E(c.Where)).Append("</p>");
        if (c.Provenance is not null) sb.Append("<p class=\"where\">Formula provenance: ").Append(E(c.Provenance)).Append("</p>");
        if (c.Parameters.Count > 0)
            sb.Append("<p class=\"params\">Parameters: ").Append(string.Join("; ", c.Parameters.Select(p => $"{E(p.Key)} = {E(p.Value)}"))).Append("</p>");
        if (c.Links.Count > 0)
            sb.Append("<p class=\"links\">Linked claims: ").Append(string.Join(", ", c.Links.Select(l => $"<a href=\"#{E(l)}\"><code>{E(l)}</code></a>"))).Append("</p>");

        if (s.Outcome is { Passed: false })
            sb.Append("<div class=\"failure\"><strong>The spec failed:</strong><pre>").Append(E(s.Outcome.Message ?? "")).Append("</pre></div>");
        if (e is not null)
        {
            if (e.VerdictReason is not null) sb.Append("<p class=\"verdict\"><strong>Verdict:</strong> ").Append(E(e.VerdictReason)).Append("</p>");
            if (e.CorrectedStatement is not null) sb.Append("<p class=\"corrected\"><strong>Corrected statement (reproduced):</strong> ").Append(E(e.CorrectedStatement)).Append("</p>");
            if (e.Numbers.Count > 0)
            {
                sb.Append("<table class=\"numbers\"><thead><tr><th>quantity</th><th>measured</th><th>claimed</th><th>tolerance</th><th>note</th></tr></thead><tbody>");
                foreach (var n in e.Numbers)
                    sb.Append("<tr><td>").Append(E(n.Name)).Append("</td><td>").Append(Num(n.Measured)).Append("</td><td>").Append(n.Claimed is { } cl ? Num(cl) : "")
                      .Append("</td><td>").Append(n.Tolerance is { } t ? Num(t) : "").Append("</td><td>").Append(E(n.Note ?? "")).Append("</td></tr>");
                sb.Append("</tbody></table>");
            }
            foreach (var t in e.Tables)
            {
                sb.Append("<table class=\"data\"><caption>").Append(E(t.Title)).Append("</caption><thead><tr>");
                foreach (var col in t.Columns) sb.Append("<th>").Append(E(col)).Append("</th>");
                sb.Append("</tr></thead><tbody>");
                foreach (var row in t.Rows)
                {
                    sb.Append("<tr>");
                    foreach (var cell in row) sb.Append("<td>").Append(E(cell)).Append("</td>");
                    sb.Append("</tr>");
                }
                sb.Append("</tbody></table>");
            }
            foreach (var f in e.Figures)
            {
                sb.Append("<figure>").Append(f.Svg).Append("<figcaption>").Append(E(f.Title));
                if (f.Caption is not null) sb.Append(" — ").Append(E(f.Caption));
                sb.Append("</figcaption></figure>");
            }
            if (e.Counterexamples.Count > 0)
            {
                sb.Append("<div class=\"counter\"><strong>Counterexamples</strong><ul>");
                foreach (var x in e.Counterexamples) sb.Append("<li>").Append(E(x)).Append("</li>");
                sb.Append("</ul></div>");
            }
            if (e.Notes.Count > 0)
            {
                sb.Append("<ul class=\"notes\">");
                foreach (var n in e.Notes) sb.Append("<li>").Append(E(n)).Append("</li>");
                sb.Append("</ul>");
            }
            if (e.NegativeControls.Count > 0)
            {
                sb.Append("<p class=\"controls\"><strong>Negative controls</strong> (wrong versions the check rejects): ");
                sb.Append(string.Join("; ", e.NegativeControls.Select(n => E(n.Description) + (n.Rejected ? " — rejected" : " — NOT rejected"))));
                sb.Append("</p>");
            }
            if (e.Seeds.Count > 0) sb.Append("<p class=\"seed\">Seeds: <code>").Append(E(string.Join(", ", e.Seeds))).Append("</code></p>");
        }
        sb.Append("<p class=\"rerun\">Rerun: <code>").Append(E(c.RerunCommand)).Append("</code></p></article>");
    }

    private static string Num(double v) =>
        double.IsNaN(v) ? "NaN" : double.IsInfinity(v) ? (v > 0 ? "∞" : "−∞")
        : (Math.Abs(v) is >= 1e-4 and < 1e6 || v == 0) ? v.ToString("0.######", CultureInfo.InvariantCulture) : v.ToString("0.####e+0", CultureInfo.InvariantCulture);

    private static string Css(string label) => label.Replace(' ', '-');
    private static string E(string s) => WebUtility.HtmlEncode(s);

    private const string StyleSheet = """
        body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;max-width:1100px;margin:0 auto;padding:1rem 1.5rem;color:#1d2330;line-height:1.45}
        h1{margin-bottom:.2rem}h2{border-bottom:2px solid #d8dde6;padding-bottom:.2rem;margin-top:2rem}
        code{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:.92em}
        table{border-collapse:collapse;margin:.6rem 0;font-size:.92rem}th,td{border:1px solid #d8dde6;padding:.25rem .5rem;text-align:left;vertical-align:top}
        thead th{background:#f2f4f8}.total td{font-weight:600}
        .card{border:1px solid #d8dde6;border-radius:8px;padding:.8rem 1rem;margin:1rem 0;break-inside:avoid-page}
        .card h3{margin:.3rem 0 .2rem;font-size:1.08rem}.statement{white-space:pre-wrap}
        .where,.params,.links,.seed,.rerun,.controls,.meta{color:#4a5568;font-size:.9rem;margin:.25rem 0}
        .badge{display:inline-block;border-radius:999px;padding:.05rem .6rem;font-size:.8rem;font-weight:600;color:#fff}
        .reproduced{background:#2f855a}.certified{background:#2b6cb0}.erratum{background:#c05621}.substituted{background:#6b46c1}
        .not-reproduced{background:#9b2c2c}.spec-failed{background:#e53e3e}.not-run{background:#718096}
        .kind{font-size:.8rem;color:#4a5568;border:1px solid #cbd5e0;border-radius:4px;padding:0 .3rem}
        .failure{background:#fff5f5;border-left:4px solid #e53e3e;padding:.3rem .6rem}.failure pre{white-space:pre-wrap;font-size:.8rem}
        .counter{background:#fffaf0;border-left:4px solid #c05621;padding:.3rem .6rem}.corrected{background:#f0fff4;border-left:4px solid #2f855a;padding:.3rem .6rem}
        figure{margin:.6rem 0}figure svg{max-width:100%;height:auto}figcaption{font-size:.88rem;color:#4a5568}
        @media print{body{max-width:none;font-size:10pt}.card{page-break-inside:avoid}a{color:inherit;text-decoration:none}}
        """;
}
