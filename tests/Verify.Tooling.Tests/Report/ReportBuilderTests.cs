using Verify.Claims.Catalog;
using Verify.Claims.Evidence;
using Verify.Report;

namespace Verify.Tooling.Tests.Report;

public sealed class ReportBuilderTests
{
    private static readonly ClaimCatalog Catalog = ClaimCatalog.FromTexts([("claims/t.yaml", """
        document:
          seed: 000_test.txt
          title: A <test> document
          authors: Nobody
        claims:
          - id: phase.good
            title: Holds
            statement: x = 1 & y < 2
            where: Section 1
            check: EXACT
          - id: phase.wrong
            title: Does not hold
            statement: z = 3
            where: Section 2
            check: PROP
            links: [phase.good]
          - id: phase.broken
            title: Spec fails
            statement: w = 4
            where: Section 3
            check: FIG
          - id: phase.missing
            title: Never ran
            statement: v = 5
            where: Section 4
            check: DEF
        """)]);

    private static EvidenceRecord Record(string id, Action<ClaimEvidence> fill)
    {
        var e = new ClaimEvidence(id, "Specs." + id);
        fill(e);
        return e.ToRecord();
    }

    private static (IReadOnlyList<ClaimStatus> Statuses, string Html) Build()
    {
        var evidence = new Dictionary<string, EvidenceRecord>
        {
            ["phase.good"] = Record("phase.good", e => e.Number("t", 0.5, 0.5, 1e-6).NegativeControl("moved", false)) with { Timings = [new Timing("orbit certificate", 0.0123)] },
            ["phase.wrong"] = Record("phase.wrong", e => e.Erratum("fails at z=2", "z = 2").Counterexample("z=2").NegativeControl("w", false)),
            ["phase.broken"] = Record("phase.broken", e => e.Note("n")),
        };
        var outcomes = new Dictionary<string, TestOutcome>
        {
            ["Specs.phase.good"] = new("Specs.phase.good", true, null),
            ["Specs.phase.wrong"] = new("Specs.phase.wrong", true, null),
            ["Specs.phase.broken"] = new("Specs.phase.broken", false, "Assert <failed>"),
        };
        var statuses = ReportBuilder.Join(Catalog, evidence, outcomes);
        return (statuses, ReportBuilder.Html(Catalog, statuses, "test run"));
    }

    [Fact]
    public void EveryClaimGetsACardWithItsLabel()
    {
        var (statuses, html) = Build();
        statuses.Select(s => s.Label).ShouldBe(["reproduced", "erratum", "spec failed", "not run"]);
        foreach (var c in Catalog.Claims) html.ShouldContain($"id=\"{c.Id}\"");
        html.ShouldContain("Corrected statement");
        html.ShouldContain("Assert &lt;failed&gt;");
        html.ShouldContain("A &lt;test&gt; document");
        html.ShouldContain("x = 1 &amp; y &lt; 2");
        html.ShouldContain("dotnet test tests/Verify.Specs --filter \"Claim=phase.good\"".Replace("\"", "&quot;"));
        html.ShouldContain("Findings");
        html.ShouldContain("Time taken (this run): orbit certificate: 12.3 ms");
    }

    [Fact]
    public void EvidenceWithoutARejectedControlSupportsNoVerdict()
    {
        var claim = Catalog.Claims[0];
        var passed = new TestOutcome("Specs.x", true, null);
        new ClaimStatus(claim, Record(claim.Id, e => e.Number("t", 1)), passed).Label.ShouldBe("spec failed");
        new ClaimStatus(claim, Record(claim.Id, e => e.NegativeControl("w", false)), passed).Label.ShouldBe("reproduced");
        var notRejected = Record(claim.Id, e => e.NegativeControl("w", false)) with { NegativeControls = [new NegativeControl("w", false)] };
        new ClaimStatus(claim, notRejected, passed).Label.ShouldBe("spec failed");
    }

    [Fact]
    public void LinksReadBothWays()
    {
        var (_, html) = Build();
        var good = html[html.IndexOf("id=\"phase.good\"", StringComparison.Ordinal)..html.IndexOf("id=\"phase.wrong\"", StringComparison.Ordinal)];
        good.ShouldContain("Linked from: <a href=\"#phase.wrong\">");
        var wrong = html[html.IndexOf("id=\"phase.wrong\"", StringComparison.Ordinal)..html.IndexOf("id=\"phase.broken\"", StringComparison.Ordinal)];
        wrong.ShouldContain("Linked claims: <a href=\"#phase.good\">");
        wrong.ShouldNotContain("Linked from");
    }

    [Fact]
    public void SummaryCountsPerVerdict()
    {
        var (_, html) = Build();
        html.ShouldContain("<tr class=\"total\"><td>all</td><td>4</td>");
    }

    [Fact]
    public void WritesAtomically()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var path = Path.Combine(dir, "sub", "index.html");
        ReportBuilder.WriteAtomically(path, "<html></html>");
        File.ReadAllText(path).ShouldBe("<html></html>");
        File.Exists(path + ".partial").ShouldBeFalse();
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ReadsOutcomesFromTrx()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var trx = Path.Combine(dir, "r.trx");
        File.WriteAllText(trx, """
            <?xml version="1.0" encoding="utf-8"?>
            <TestRun xmlns="http://microsoft.com/schemas/VisualStudio/TeamTest/2010"><Results>
              <UnitTestResult testName="A.B.Good" outcome="Passed" />
              <UnitTestResult testName="A.B.Bad" outcome="Failed"><Output><ErrorInfo><Message>boom</Message></ErrorInfo></Output></UnitTestResult>
            </Results></TestRun>
            """);
        var o = TestOutcomes.ReadTrx([trx]);
        o["A.B.Good"].Passed.ShouldBeTrue();
        o["A.B.Bad"].Passed.ShouldBeFalse();
        o["A.B.Bad"].Message.ShouldBe("boom");
        Directory.Delete(dir, true);
    }
}
