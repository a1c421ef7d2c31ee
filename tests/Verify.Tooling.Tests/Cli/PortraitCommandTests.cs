using System.Text.Json;
using Verify.Cli;

namespace Verify.Tooling.Tests.Cli;

public sealed class PortraitCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = VerifyCommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void PrintsTheLabelCountsPerLearningRate()
    {
        var (code, output, err) = Run("portrait", "--eta", "0.49", "--eta", "1.05", "--grid", "41");
        code.ShouldBe(0);
        err.ShouldBeEmpty(); // a short run reports no progress
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldContain("grid 41 × 41 on [−3, 3]², at most 320 steps");
        lines[1].ShouldStartWith("η = 0.49: green ");
        lines[2].ShouldStartWith("η = 1.05: green 0, orange 0, blue ");
        foreach (var line in lines[1..3])
        {
            var counts = line[(line.IndexOf(':') + 1)..].Split(',').Select(part => int.Parse(part.Trim().Split(' ')[1])).ToArray();
            counts.Length.ShouldBe(5);
            counts.Sum().ShouldBe(41 * 41);
        }
    }

    [Fact]
    public void JsonCarriesTheSettingsAndTheRefinedLabels()
    {
        var (code, output, _) = Run("portrait", "--eta", "1.05", "--grid", "21", "--range", "2.5", "--steps", "100", "--refine", "2000", "--json");
        code.ShouldBe(0);
        var panel = JsonDocument.Parse(output).RootElement.EnumerateArray().Single();
        panel.GetProperty("eta").GetDouble().ShouldBe(1.05);
        panel.GetProperty("grid").GetInt32().ShouldBe(21);
        panel.GetProperty("range").GetDouble().ShouldBe(2.5);
        panel.GetProperty("steps").GetInt32().ShouldBe(100);
        int gray = panel.GetProperty("counts").GetProperty("gray").GetInt32();
        gray.ShouldBeGreaterThan(0);
        var refined = panel.GetProperty("refined");
        refined.GetProperty("steps").GetInt32().ShouldBe(2000);
        // Gray within 100 steps: period-2 cycles, divergence after step 100, or (period 1) starts exactly on xy = 1
        // (here (±2, ±½), (±1, ±1), (±½, ±2) are grid points), where floating-point GD stops on an unstable minimizer.
        refined.GetProperty("cycles").GetProperty("2").GetInt32().ShouldBeGreaterThan(0);
        refined.GetProperty("cycles").GetProperty("1").GetInt32().ShouldBe(6);
        int cycles = refined.GetProperty("cycles").EnumerateObject().Sum(c => c.Value.GetInt32());
        int laterDiverged = refined.GetProperty("counts").GetProperty("purple").GetInt32() - panel.GetProperty("counts").GetProperty("purple").GetInt32();
        cycles.ShouldBeGreaterThan(0);
        (cycles + laterDiverged + refined.GetProperty("unresolved").GetInt32() + refined.GetProperty("boundedAperiodic").GetInt32()).ShouldBe(gray);
        JsonDocument.Parse(Run("portrait", "--eta", "0.3", "--grid", "5", "--json").Out).RootElement[0].TryGetProperty("refined", out _).ShouldBeFalse();
    }

    [Fact]
    public void WritesThePanelsAsAPng()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory().FullName, "portrait.png");
        var (code, output, _) = Run("portrait", "--eta", "0.3", "--eta", "0.7", "--grid", "31", "--png", file);
        code.ShouldBe(0);
        output.ShouldContain($"wrote {file}");
        var bytes = File.ReadAllBytes(file);
        bytes.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        File.Delete(file);
    }

    [Fact]
    public void LongRunsReportProgressOnStderr()
    {
        var (code, _, err) = Run("portrait", "--eta", "0.55", "--grid", "1001", "--steps", "20");
        code.ShouldBe(0);
        var lines = err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.StartsWith("portrait: "));
        lines[^1].ShouldBe("portrait: 100% (1001/1001 rows)");
        lines.Length.ShouldBeLessThanOrEqualTo(11);
    }

    [Theory]
    [InlineData("--eta", "0")]
    [InlineData("--eta", "-0.5")]
    [InlineData("--eta", "nan")]
    [InlineData("--eta", "inf")]
    [InlineData("--eta", "abc")]
    [InlineData("--grid", "0", "--eta", "0.3")]
    [InlineData("--grid", "5000", "--eta", "0.3")]
    [InlineData("--grid", "1.5", "--eta", "0.3")]
    [InlineData("--range", "0", "--eta", "0.3")]
    [InlineData("--range", "nan", "--eta", "0.3")]
    [InlineData("--steps", "-1", "--eta", "0.3")]
    [InlineData("--steps", "320")]
    [InlineData("--eta", "0.3", "--refine", "100")]
    [InlineData("--eta", "0.3", "--png", "/nonexistent-dir/x.png")]
    [InlineData("--eta", "0.3", "--colour", "red")]
    [InlineData("--eta", "0.3", "--grid", "11", "--grid", "13")]
    public void BadArgumentsAreOneLineAndExitTwo(params string[] args)
    {
        var (code, output, err) = Run(["portrait", .. args]);
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        err.ShouldStartWith("verify: ");
        err.TrimEnd().ShouldNotContain('\n');
    }
}
