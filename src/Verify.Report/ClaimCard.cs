using System.Text;
using static Verify.Report.HtmlText;

namespace Verify.Report;

/// <summary>One claim's card: what is claimed and where, what the spec measured, and the verdict.</summary>
internal static class ClaimCard
{
    private static readonly Dictionary<string, string> CheckKinds = new()
    {
        ["EXACT"] = "identity, checked exactly",
        ["PROP"] = "property over random or gridded inputs",
        ["THRESH"] = "threshold, located by bisection",
        ["FIG"] = "figure or table, recomputed",
        ["MC"] = "Monte Carlo estimate",
        ["QUAL"] = "qualitative statement with a numeric proxy",
        ["DEF"] = "definition or set-up, sanity-checked",
        ["CITED"] = "result cited from other work, cross-checked",
    };

    /// <param name="linkedFrom">Claims whose metadata link to this one (links read both ways on the page).</param>
    public static void Write(StringBuilder sb, ClaimStatus s, IReadOnlyList<string> linkedFrom)
    {
        var c = s.Claim; var e = s.Evidence;
        sb.Append("<article class=\"card ").Append(Css(s.Label)).Append("\" id=\"").Append(E(c.Id)).Append("\"><div class=\"head\">").Append(Badge(s.Label))
          .Append(" <code class=\"id\">").Append(E(c.Id)).Append("</code> <span class=\"kind\" title=\"").Append(E(CheckKinds.GetValueOrDefault(c.Check, ""))).Append("\">")
          .Append(E(c.Check)).Append("</span><h3>").Append(E(c.Title)).Append("</h3></div>");
        sb.Append("<p class=\"statement\">").Append(E(c.Statement)).Append("</p>");
        sb.Append("<p class=\"where\">Printed at: ").Append(E(c.Where)).Append("</p>");
        if (c.Provenance is not null) sb.Append("<p class=\"provenance\">Formula provenance: ").Append(E(c.Provenance)).Append("</p>");
        if (c.Parameters.Count > 0)
            sb.Append("<p class=\"params\">Parameters: ").Append(string.Join("; ", c.Parameters.Select(p => $"{E(p.Key)} = {E(p.Value)}"))).Append("</p>");
        if (c.Links.Count > 0)
            sb.Append("<p class=\"links\">Linked claims: ").Append(string.Join(", ", c.Links.Select(l => $"<a href=\"#{E(l)}\"><code>{E(l)}</code></a>"))).Append("</p>");
        var back = linkedFrom.Where(id => !c.Links.Contains(id)).ToList();
        if (back.Count > 0)
            sb.Append("<p class=\"links\">Linked from: ").Append(string.Join(", ", back.Select(l => $"<a href=\"#{E(l)}\"><code>{E(l)}</code></a>"))).Append("</p>");

        if (s.Outcome is { Passed: false })
            sb.Append("<div class=\"failure\"><strong>The spec failed:</strong><pre>").Append(E(s.Outcome.Message ?? "")).Append("</pre></div>");
        if (e is null)
            sb.Append("<p class=\"failure\">No evidence: the spec did not run.</p>");
        else
            Evidence(sb, e);
        sb.Append("<p class=\"rerun\">Rerun: <code>").Append(E(c.RerunCommand)).Append("</code></p></article>");
    }

    private static void Evidence(StringBuilder sb, Claims.Evidence.EvidenceRecord e)
    {
        if (e.VerdictReason is not null) sb.Append("<p class=\"verdict\"><strong>Verdict:</strong> ").Append(E(e.VerdictReason)).Append("</p>");
        if (e.CorrectedStatement is not null) sb.Append("<p class=\"corrected\"><strong>Corrected statement (checked):</strong> ").Append(E(e.CorrectedStatement)).Append("</p>");
        if (e.Counterexamples.Count > 0)
        {
            sb.Append("<div class=\"counter\"><strong>Counterexamples</strong><ul>");
            foreach (var x in e.Counterexamples) sb.Append("<li>").Append(E(x)).Append("</li>");
            sb.Append("</ul></div>");
        }
        if (e.Numbers.Count > 0)
        {
            sb.Append("<table class=\"numbers\"><thead><tr><th>quantity</th><th>measured</th><th>claimed</th><th>tolerance</th><th>note</th></tr></thead><tbody>");
            foreach (var n in e.Numbers)
            {
                bool? within = n.Claimed is { } cl && n.Tolerance is { } tol ? Math.Abs(n.Measured - cl) <= tol : null;
                sb.Append(within == false ? "<tr class=\"outside\">" : "<tr>").Append("<td>").Append(E(n.Name)).Append("</td><td>").Append(Num(n.Measured)).Append("</td><td>")
                  .Append(n.Claimed is { } c2 ? Num(c2) : "").Append("</td><td>").Append(n.Tolerance is { } t ? "± " + Num(t) : "")
                  .Append(within switch { true => " ✓", false => " ✗", null => "" }).Append("</td><td>").Append(E(n.Note ?? "")).Append("</td></tr>");
            }
            sb.Append("</tbody></table>");
        }
        foreach (var t in e.Tables)
        {
            sb.Append("<div class=\"table-wrap\"><table class=\"data\"><caption>").Append(E(t.Title)).Append("</caption><thead><tr>");
            foreach (var col in t.Columns) sb.Append("<th>").Append(E(col)).Append("</th>");
            sb.Append("</tr></thead><tbody>");
            foreach (var row in t.Rows)
            {
                sb.Append("<tr>");
                foreach (var cell in row) sb.Append("<td>").Append(E(cell)).Append("</td>");
                sb.Append("</tr>");
            }
            sb.Append("</tbody></table></div>");
        }
        foreach (var f in e.Figures)
        {
            sb.Append("<figure>").Append(f.Svg).Append("<figcaption><strong>").Append(E(f.Title)).Append("</strong>");
            if (f.Caption is not null) sb.Append(" — ").Append(E(f.Caption));
            sb.Append("</figcaption></figure>");
        }
        if (e.Notes.Count > 0)
        {
            sb.Append("<ul class=\"notes\">");
            foreach (var n in e.Notes) sb.Append("<li>").Append(E(n)).Append("</li>");
            sb.Append("</ul>");
        }
        if (e.NegativeControls.Count > 0)
        {
            sb.Append("<div class=\"controls\"><strong>Negative controls</strong> (deliberately wrong versions of the claim; the same check must reject each):<ul>");
            foreach (var n in e.NegativeControls)
                sb.Append("<li>").Append(E(n.Description)).Append(n.Rejected ? " — <span class=\"ok\">rejected</span>" : " — <span class=\"bad\">NOT rejected</span>").Append("</li>");
            sb.Append("</ul></div>");
        }
        if (e.Timings is { Count: > 0 } timings)
            sb.Append("<p class=\"timing\">Time taken (this run): ").Append(string.Join("; ", timings.Select(t => $"{E(t.What)}: {Seconds(t.Seconds)}"))).Append("</p>");
        if (e.Seeds.Count > 0) sb.Append("<p class=\"seed\">Seeds: <code>").Append(E(string.Join("; ", e.Seeds))).Append("</code></p>");
    }

    private static string Seconds(double s) => s < 1
        ? (s * 1000).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) + " ms"
        : s.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + " s";
}
