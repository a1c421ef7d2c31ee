using Verify.Claims.Catalog;
using Verify.Cli;
using Verify.Cli.Commands;

return VerifyCommandLine.Run(args, Console.Out, Console.Error);

namespace Verify.Cli
{
    /// <summary>Dispatches `verify &lt;command&gt;`; errors are one line on stderr, usage errors exit 2.</summary>
    public static class VerifyCommandLine
    {
        public const string Usage = """
            usage: verify <command> [options]
              list      [--claims DIR]                                  the claims, by document
              report    [--claims DIR] [--evidence DIR] [--results DIR] [--out FILE]
              portrait  --eta E [--eta E ...] [--grid N] [--range R] [--steps K] [--refine K] [--png FILE] [--json]
                        label counts of GD on ½(1 − xy)² from the N × N grid on [−R, R]² (defaults 101, 3, 320)
            """;

        /// <summary>Each command gets its arguments, the output and the error stream (for progress).</summary>
        public static readonly Dictionary<string, Func<Arguments, TextWriter, TextWriter, int>> Commands = new(StringComparer.Ordinal)
        {
            ["list"] = (a, o, _) => ListCommand.Run(a, o),
            ["report"] = (a, o, _) => ReportCommand.Run(a, o),
            ["portrait"] = PortraitCommand.Run,
        };

        public static readonly HashSet<string> Flags = ["json"];

        public static int Run(string[] args, TextWriter output, TextWriter error)
        {
            try
            {
                if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
                {
                    output.WriteLine(Usage);
                    return args.Length == 0 ? 2 : 0;
                }
                if (!Commands.TryGetValue(args[0], out var command))
                    throw new UsageException($"unknown command '{(args[0].Length > 40 ? args[0][..37] + "..." : args[0])}' (try: {string.Join(", ", Commands.Keys)})");
                return command(new Arguments(args[1..], Flags), output, error);
            }
            catch (UsageException e)
            {
                error.WriteLine($"verify: {e.Message}");
                return 2;
            }
            catch (ClaimsFileException e)
            {
                error.WriteLine($"verify: {e.Message}");
                return 1;
            }
        }
    }
}
