using Verify.Claims;
using Verify.Claims.Catalog;
using Verify.Claims.Evidence;
using Verify.Report;

namespace Verify.Cli.Commands;

/// <summary>
/// verify report [--claims DIR] [--evidence DIR] [--results DIR] [--out FILE]: joins the claims, the
/// evidence the specs wrote and the test results (.trx) into reports/index.html.
/// </summary>
public static class ReportCommand
{
    public static int Run(Arguments args, TextWriter output)
    {
        var root = RepositoryRoot.Find();
        var claimsDir = args.Text("claims") ?? Path.Combine(root, "claims");
        var evidenceDir = args.Text("evidence") ?? EvidenceStore.DefaultDirectory();
        var resultsDir = args.Text("results") ?? Path.Combine(root, "reports", "results");
        var outFile = args.Text("out") ?? Path.Combine(root, "reports", "index.html");
        args.RejectUnknown();

        var catalog = ClaimCatalog.LoadDirectory(claimsDir);
        var evidence = EvidenceStore.ReadAll(evidenceDir);
        var unknown = evidence.Keys.Where(id => !catalog.Contains(id)).ToList();
        if (unknown.Count > 0)
            throw new ClaimsFileException(claimsDir, 0, $"claim '{unknown[0]}'", $"has a spec (evidence in {evidenceDir}) but no entry in claims/ ({unknown.Count} such)");
        var trx = Directory.Exists(resultsDir) ? Directory.GetFiles(resultsDir, "*.trx", SearchOption.AllDirectories) : [];
        var statuses = ReportBuilder.Join(catalog, evidence, TestOutcomes.ReadTrx(trx));
        var html = ReportBuilder.Html(catalog, statuses, $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC from {trx.Length} test result file(s).");
        ReportBuilder.WriteAtomically(outFile, html);

        foreach (var group in statuses.GroupBy(s => s.Label).OrderBy(g => Array.IndexOf(ClaimStatus.Labels, g.Key)))
            output.WriteLine($"{group.Count(),4} {group.Key}");
        output.WriteLine($"report written to {outFile}");
        return statuses.Any(s => s.Label is "spec failed") ? 1 : 0;
    }
}
