using System.Text;
using Verify.Claims.Catalog;
using Verify.Claims.Evidence;
using static Verify.Report.HtmlText;

namespace Verify.Report;

/// <summary>
/// Joins claims, evidence and test outcomes into one self-contained HTML page: a summary of verdicts
/// per document with the findings and an index, then one card per claim, grouped by document.
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
          .Append("<style>").Append(ReportStyle.Css).Append("</style></head><body>");
        Header(sb, generatedBy);
        ReportSummary.Write(sb, catalog, statuses);
        var linkedFrom = catalog.Claims.SelectMany(c => c.Links.Select(l => (To: l, From: c.Id)))
            .ToLookup(p => p.To, p => p.From, StringComparer.Ordinal);
        foreach (var doc in catalog.Documents)
        {
            sb.Append("<section class=\"doc\"><h2 id=\"").Append(DocAnchor(doc.Seed)).Append("\">").Append(E(doc.Title)).Append("</h2>")
              .Append("<p class=\"meta\">").Append(E(doc.Authors)).Append(" · ")
              .Append(doc.Seed.EndsWith(".txt", StringComparison.Ordinal) ? $"source <code>seeds/{E(doc.Seed)}</code> · " : "")
              .Append("claims in <code>").Append(E(doc.File)).Append("</code></p>");
            foreach (var s in ReportSummary.Of(doc, statuses))
                ClaimCard.Write(sb, s, linkedFrom[s.Claim.Id].ToList());
            sb.Append("</section>");
        }
        sb.Append("</body></html>");
        return sb.ToString();
    }

    private static void Header(StringBuilder sb, string generatedBy)
    {
        sb.Append("<header><h1>Verify — claim report</h1><p class=\"intro\">Every claim of five documents on gradient descent at large learning rates, ")
          .Append("judged by an executable spec: the claim as printed, the numbers measured beside the numbers claimed, the figures recomputed, ")
          .Append("and a negative control showing each check can fail. ").Append(E(generatedBy)).Append("</p>")
          .Append("<table class=\"legend\"><tr><td>").Append(Badge("certified")).Append("</td><td>holds, and the check is a proof (exact identity of known degree, interval certificate)</td></tr>")
          .Append("<tr><td>").Append(Badge("reproduced")).Append("</td><td>holds as printed, on the parameters the document states</td></tr>")
          .Append("<tr><td>").Append(Badge("erratum")).Append("</td><td>does not hold as printed: counterexample shown, corrected statement checked</td></tr>")
          .Append("<tr><td>").Append(Badge("substituted")).Append("</td><td>reproduced on an offline stand-in for unavailable data; what differs is said</td></tr>")
          .Append("<tr><td>").Append(Badge("not reproduced")).Append("</td><td>could not be reproduced; the card says why</td></tr>")
          .Append("<tr><td>").Append(Badge("spec failed")).Append("</td><td>the spec itself failed (a regression in Verify)</td></tr></table></header>");
    }
}
