using System.Text;
using Verify.Claims.Catalog;
using static Verify.Report.HtmlText;

namespace Verify.Report;

/// <summary>The top of the page: verdicts per document, the findings, and a compact index of every claim.</summary>
internal static class ReportSummary
{
    public static void Write(StringBuilder sb, ClaimCatalog catalog, IReadOnlyList<ClaimStatus> statuses)
    {
        var labels = ClaimStatus.Labels.Where(l => statuses.Any(s => s.Label == l) || l is "reproduced" or "erratum").ToList();
        sb.Append("<section class=\"summary\"><h2 id=\"summary\">Summary</h2><table class=\"verdicts\"><thead><tr><th>document</th><th>claims</th>");
        foreach (var l in labels) sb.Append("<th>").Append(Badge(l)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var doc in catalog.Documents)
        {
            var mine = Of(doc, statuses);
            sb.Append("<tr><td><a href=\"#").Append(DocAnchor(doc.Seed)).Append("\">").Append(E(doc.Title)).Append("</a></td><td>").Append(mine.Count).Append("</td>");
            foreach (var l in labels) Count(sb, mine.Count(s => s.Label == l));
            sb.Append("</tr>");
        }
        sb.Append("<tr class=\"total\"><td>all</td><td>").Append(statuses.Count).Append("</td>");
        foreach (var l in labels) Count(sb, statuses.Count(s => s.Label == l));
        sb.Append("</tr></tbody></table>");

        Findings(sb, statuses);
        Index(sb, catalog, statuses);
        sb.Append("</section>");
    }

    public static List<ClaimStatus> Of(ClaimDocument doc, IReadOnlyList<ClaimStatus> statuses) =>
        statuses.Where(s => doc.Claims.Contains(s.Claim)).ToList();

    private static void Count(StringBuilder sb, int n) => sb.Append(n == 0 ? "<td class=\"zero\">0</td>" : $"<td>{n}</td>");

    /// <summary>What a reader of the papers most wants to know: where a document is wrong, or could not be checked as printed.</summary>
    private static void Findings(StringBuilder sb, IReadOnlyList<ClaimStatus> statuses)
    {
        var groups = new[]
        {
            ("spec failed", "Specs that failed (regressions in Verify, not verdicts on the documents)"),
            ("erratum", "Errata: claims that do not hold as printed"),
            ("not reproduced", "Not reproduced"),
            ("substituted", "Reproduced on an offline stand-in for unavailable data"),
        };
        if (!statuses.Any(s => groups.Any(g => g.Item1 == s.Label))) return;
        sb.Append("<h3 id=\"findings\">Findings</h3>");
        foreach (var (label, heading) in groups)
        {
            var items = statuses.Where(s => s.Label == label).ToList();
            if (items.Count == 0) continue;
            sb.Append("<h4>").Append(E(heading)).Append(" (").Append(items.Count).Append(")</h4><ul class=\"findings\">");
            foreach (var f in items)
            {
                sb.Append("<li><a href=\"#").Append(E(f.Claim.Id)).Append("\"><code>").Append(E(f.Claim.Id)).Append("</code></a> ")
                  .Append(Badge(f.Label)).Append(' ').Append(E(f.Evidence?.VerdictReason ?? FirstLine(f.Outcome?.Message) ?? ""));
                if (f.Evidence?.CorrectedStatement is { } corrected)
                    sb.Append("<div class=\"finding-corrected\">Corrected: ").Append(E(corrected)).Append("</div>");
                sb.Append("</li>");
            }
            sb.Append("</ul>");
        }
    }

    private static void Index(StringBuilder sb, ClaimCatalog catalog, IReadOnlyList<ClaimStatus> statuses)
    {
        sb.Append("<h3 id=\"index\">All claims</h3><div class=\"index\">");
        foreach (var doc in catalog.Documents)
        {
            sb.Append("<div class=\"index-doc\"><a href=\"#").Append(DocAnchor(doc.Seed)).Append("\">").Append(E(doc.Title)).Append("</a><ul>");
            foreach (var s in Of(doc, statuses))
                sb.Append("<li><span class=\"dot ").Append(Css(s.Label)).Append("\" title=\"").Append(E(s.Label)).Append("\"></span><a href=\"#")
                  .Append(E(s.Claim.Id)).Append("\"><code>").Append(E(s.Claim.Id)).Append("</code></a></li>");
            sb.Append("</ul></div>");
        }
        sb.Append("</div>");
    }

    private static string? FirstLine(string? s) => s?.Split('\n', 2)[0].Trim();
}
