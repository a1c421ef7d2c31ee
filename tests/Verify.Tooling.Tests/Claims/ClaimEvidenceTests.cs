using System.Reflection;
using Verify.Claims;
using Verify.Claims.Evidence;

namespace Verify.Tooling.Tests.Claims;

public sealed class ClaimEvidenceTests
{
    [Fact]
    public void RecordsEverythingASpecSays()
    {
        var e = new ClaimEvidence("phase.x", "T.M");
        e.Number("threshold", 0.5000001, 0.5, 1e-4, "bisection").Table("t", ["a", "b"], [[1, 2.5], ["x", "y"]])
         .Note("n").Seed(42).Counterexample("c").NegativeControl("wrong", checkPasses: false);
        var plot = new ScottPlot.Plot();
        plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 1, 0 });
        e.Figure("f", plot, 200, 100, "cap");
        var r = e.ToRecord();
        r.Verdict.ShouldBe(Verdict.Reproduced);
        r.Numbers.Single().Claimed.ShouldBe(0.5);
        r.Tables.Single().Rows[0].ShouldBe(["1", "2.5"]);
        r.Figures.Single().Svg.ShouldStartWith("<svg");
        r.Seeds.ShouldBe(["42"]);
        r.NegativeControls.Single().Rejected.ShouldBeTrue();
        e.Erratum("fails", "corrected").ToRecord().Verdict.ShouldBe(Verdict.Erratum);
        e.ToRecord().CorrectedStatement.ShouldBe("corrected");
        e.Substituted("other data").ToRecord().Verdict.ShouldBe(Verdict.Substituted);
        e.Certified("proof").ToRecord().Verdict.ShouldBe(Verdict.Certified);
        e.NotReproduced("no").ToRecord().Verdict.ShouldBe(Verdict.NotReproduced);
        e.Reproduced().ToRecord().Verdict.ShouldBe(Verdict.Reproduced);
    }

    [Fact]
    public void ANegativeControlThatPassesFailsTheSpec()
    {
        var e = new ClaimEvidence("phase.x", "T.M");
        Should.Throw<NegativeControlPassedException>(() => e.NegativeControl("threshold moved 5%", checkPasses: true))
              .Message.ShouldContain("cannot fail");
    }

    [Fact]
    public void EvidenceRoundTripsThroughJsonIncludingNonFiniteNumbers()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var e = new ClaimEvidence("phase.x", "T.M").Number("inf", double.PositiveInfinity).Number("nan", double.NaN);
        e.NegativeControl("w", false);
        EvidenceStore.Write(e.ToRecord(), dir);
        var back = EvidenceStore.ReadAll(dir)["phase.x"];
        double.IsPositiveInfinity(back.Numbers[0].Measured).ShouldBeTrue();
        double.IsNaN(back.Numbers[1].Measured).ShouldBeTrue();
        EvidenceStore.Serialize(back).ShouldBe(EvidenceStore.Serialize(e.ToRecord()));
        EvidenceStore.ReadAll("/nonexistent").Count.ShouldBe(0);
        Directory.Delete(dir, true);
    }

    /// <summary>Abstract, so xunit does not run these [Claim] methods as tests of this project.</summary>
    public abstract class FakeSpecsBase : ClaimSpec
    {
        [Claim("phase.fake")] public void WithControl() => Evidence.NegativeControl("wrong", false);
        [Claim("phase.fake2")] public void WithoutControl() => Evidence.Note("no control");
        public void NotAClaim() { }
        public ClaimEvidence Current => Evidence;
    }

    private sealed class FakeSpecs : FakeSpecsBase;

    [Fact]
    public void TheAttributeWritesEvidenceAndInsistsOnANegativeControl()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        Environment.SetEnvironmentVariable(EvidenceStore.DirectoryVariable, dir);
        try
        {
            var hook = new RecordsClaimEvidenceAttribute();
            var specs = new FakeSpecs();
            MethodInfo with = typeof(FakeSpecs).GetMethod(nameof(FakeSpecs.WithControl))!, without = typeof(FakeSpecs).GetMethod(nameof(FakeSpecs.WithoutControl))!;

            hook.Before(with); specs.WithControl(); hook.After(with);
            File.Exists(Path.Combine(dir, "phase.fake.json")).ShouldBeTrue();

            hook.Before(without); specs.WithoutControl();
            Should.Throw<InvalidOperationException>(() => hook.After(without)).Message.ShouldContain("no negative control");

            Should.Throw<InvalidOperationException>(() => specs.Current).Message.ShouldContain("No claim spec is running");
            var plain = typeof(FakeSpecs).GetMethod(nameof(FakeSpecs.NotAClaim))!;
            hook.Before(plain); hook.After(plain); // not a claim: nothing happens
        }
        finally
        {
            Environment.SetEnvironmentVariable(EvidenceStore.DirectoryVariable, null);
            Directory.Delete(dir, true);
        }
    }
}

public sealed class ClaimEvidenceFigureAndCheckTests
{
    private static ScottPlot.Plot Heatmap()
    {
        var plot = new ScottPlot.Plot();
        plot.Add.Heatmap(new double[3, 3]);
        plot.Add.Scatter(new double[] { 0, 1 }, new double[] { 1, 0 });
        return plot;
    }

    [Fact]
    public void FiguresInlinedOnOnePageHaveDistinctIdsAndConsistentReferences()
    {
        var e = new ClaimEvidence("phase.x", "T.M");
        e.Figure("a", Heatmap()).Figure("b", Heatmap());
        var svgs = e.ToRecord().Figures.Select(f => f.Svg).ToList();
        foreach (var svg in svgs)
        {
            svg.ShouldStartWith("<svg");
            var ids = System.Text.RegularExpressions.Regex.Matches(svg, "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToHashSet();
            var refs = System.Text.RegularExpressions.Regex.Matches(svg, "#((?:cl|img)[^\")]*)|#(f[0-9a-f]{8}_[^\")]*)").Select(m => m.Value[1..]).ToList();
            refs.ShouldNotBeEmpty();
            refs.ShouldAllBe(r => ids.Contains(r));
        }
        var idsA = System.Text.RegularExpressions.Regex.Matches(svgs[0], "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        var idsB = System.Text.RegularExpressions.Regex.Matches(svgs[1], "\\bid=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
        idsA.Intersect(idsB).ShouldBeEmpty();
    }

    [Fact]
    public void TheSameFigureGetsTheSameIdsWhateverScottPlotRenderedBefore()
    {
        // ScottPlot's clip-path counter is not always reset between figures (a figure drawn after others can come out as
        // cl_10 where it was cl_4); the inlined SVG renumbers ids by first appearance, so evidence stays byte-identical.
        static ScottPlot.Plot WithLegend()
        {
            var plot = new ScottPlot.Plot();
            var s = plot.Add.Scatter(new double[] { 0, 1, 2 }, new double[] { 1, 0, 2 });
            s.LegendText = "a";
            plot.Add.HorizontalLine(1).LegendText = "b";
            plot.ShowLegend();
            return plot;
        }
        var first = new ClaimEvidence("phase.x", "T.M").Figure("a", WithLegend()).ToRecord().Figures.Single().Svg;
        for (int i = 0; i < 3; i++) new ClaimEvidence("phase.y", "T.M").Figure("other", WithLegend()).Figure("more", Heatmap());
        var again = new ClaimEvidence("phase.x", "T.M").Figure("a", WithLegend()).ToRecord().Figures.Single().Svg;
        again.ShouldBe(first);
    }

    [Fact]
    public void NumberWithinRecordsAndJudges()
    {
        var e = new ClaimEvidence("phase.x", "T.M");
        e.NumberWithin("η*", 0.50004, 0.5, 1e-4);
        Should.Throw<ClaimCheckFailedException>(() => e.NumberWithin("η*", 0.5002, 0.5, 1e-4)).Message.ShouldContain("claimed 0.5");
        Should.Throw<ClaimCheckFailedException>(() => e.NumberWithin("nan", double.NaN, 0.5, 1e-4));
        e.ToRecord().Numbers.Count.ShouldBe(3);
    }

    [Fact]
    public void TimingsAreRecordedButLeftOutOfWhatMustBeDeterministic()
    {
        var e = new ClaimEvidence("phase.x", "T.M").NegativeControl("w", false);
        e.Timed("certificate", () => 42).ShouldBe(42);
        var record = e.ToRecord();
        record.Timings!.Single().What.ShouldBe("certificate");
        record.Timings!.Single().Seconds.ShouldBeGreaterThanOrEqualTo(0);
        record.WithoutTimings().Timings.ShouldBeNull();
        var untimed = new ClaimEvidence("phase.x", "T.M").NegativeControl("w", false).ToRecord();
        untimed.Timings.ShouldBeNull();
        EvidenceStore.Serialize(record.WithoutTimings()).ShouldBe(EvidenceStore.Serialize(untimed));
        EvidenceStore.Serialize(record).ShouldNotBe(EvidenceStore.Serialize(untimed));
    }
}
