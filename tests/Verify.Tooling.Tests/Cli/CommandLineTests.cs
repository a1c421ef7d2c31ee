using Verify.Cli;

namespace Verify.Tooling.Tests.Cli;

public sealed class CommandLineTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var o = new StringWriter(); var e = new StringWriter();
        int code = VerifyCommandLine.Run(args, o, e);
        return (code, o.ToString(), e.ToString());
    }

    [Fact]
    public void ListsTheRepositoryClaims()
    {
        var (code, output, _) = Run("list");
        code.ShouldBe(0);
        output.ShouldContain("phase.loss");
        output.ShouldContain("claims in");
    }

    [Theory]
    [InlineData(new string[0], 2)]
    [InlineData(new[] { "frobnicate" }, 2)]
    [InlineData(new[] { "list", "--colour", "red" }, 2)]
    [InlineData(new[] { "list", "positional" }, 2)]
    [InlineData(new[] { "list", "--claims" }, 2)]
    [InlineData(new[] { "list", "--claims", "a", "--claims", "b" }, 2)]
    [InlineData(new[] { "list", "--" }, 2)]
    public void RejectsBadArgumentsWithOneLineAndExitTwo(string[] args, int expected)
    {
        var (code, _, err) = Run(args);
        code.ShouldBe(expected);
        if (args.Length > 0) err.TrimEnd().ShouldNotContain('\n');
        if (args.Length > 0) err.ShouldStartWith("verify: ");
    }

    [Fact]
    public void HelpIsNotAnError()
    {
        var (code, output, _) = Run("--help");
        code.ShouldBe(0);
        output.ShouldContain("usage: verify");
    }

    [Fact]
    public void ABrokenClaimsDirectoryIsOneClearLine()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        File.WriteAllText(Path.Combine(dir, "bad.yaml"), "document: {seed: a, title: b, authors: c}\nclaims:\n  - id: phase.a\n    title: t\n");
        var (code, _, err) = Run("list", "--claims", dir);
        code.ShouldBe(1);
        err.ShouldContain("bad.yaml:3");
        err.ShouldContain("missing field");
        err.TrimEnd().ShouldNotContain('\n');
        Directory.Delete(dir, true);
    }

    [Fact]
    public void ReportWritesAPageFromEvidenceAndResults()
    {
        var dir = Directory.CreateTempSubdirectory().FullName;
        var outFile = Path.Combine(dir, "index.html");
        var (code, output, _) = Run("report", "--evidence", Path.Combine(dir, "none"), "--results", Path.Combine(dir, "none"), "--out", outFile);
        code.ShouldBe(0);
        output.ShouldContain("not run");
        File.ReadAllText(outFile).ShouldContain("phase.loss");
        Directory.Delete(dir, true);
    }

    [Fact]
    public void NumbersAreValidated()
    {
        var a = new Arguments(["--eta", "nan", "--grid", "0", "--x", "-1"], []);
        Should.Throw<UsageException>(() => a.PositiveNumber("nan", "eta")).Message.ShouldContain("finite number");
        Should.Throw<UsageException>(() => a.PositiveNumber("-1", "x")).Message.ShouldContain("positive");
        Should.Throw<UsageException>(() => a.Integer("grid", 101, 1, 10001)).Message.ShouldContain("between 1 and 10001");
        new Arguments(["--steps", "abc"], []).Invoking(b => b.Integer("steps", 1, 1, 10)).ShouldThrow<UsageException>().Message.ShouldContain("whole number");
        new Arguments([], []).Number("range", 3.0).ShouldBe(3.0);
        new Arguments(["--range", "2.5"], []).Number("range", 3.0).ShouldBe(2.5);
        new Arguments(["--json"], ["json"]).Flag("json").ShouldBeTrue();
        new Arguments(["--eta", "1", "--eta", "2"], []).All("eta").Count.ShouldBe(2);
    }
}

internal static class InvokingExtensions
{
    public static Action Invoking<T>(this T subject, Action<T> action) => () => action(subject);
    public static TException ShouldThrow<TException>(this Action action) where TException : Exception => Should.Throw<TException>(action);
}
