using System.Text.RegularExpressions;

namespace Verify.Dynamics.Tests.Architecture;

/// <summary>
/// "Forbidden code" scan: the dynamics core is pure mathematics and must not know about claims,
/// evidence, reports, test frameworks or the command line.
/// </summary>
public sealed partial class LayeringTests
{
    [GeneratedRegex(@"\b(Verify\.Claims|Verify\.Report|Verify\.Cli|Xunit|FsCheck|Shouldly|ScottPlot|Evidence|ClaimSpec)\b")]
    private static partial Regex Forbidden();

    [Fact]
    public void TheCoreReferencesNothingAboutClaimsOrReports()
    {
        var root = FindRoot();
        var core = Path.Combine(root, "src", "Verify.Dynamics");
        var hits = Directory.GetFiles(core, "*.cs*", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (f, i, line)))
            .Where(t => !t.line.TrimStart().StartsWith("//", StringComparison.Ordinal) && !t.line.TrimStart().StartsWith("///", StringComparison.Ordinal) && Forbidden().IsMatch(t.line))
            .Select(t => $"{Path.GetRelativePath(root, t.f)} line {t.i + 1}: {t.line.Trim()}")
            .ToList();
        hits.ShouldBeEmpty(string.Join(Environment.NewLine, hits));
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Verify.sln not found above the test binaries.");
    }
}
