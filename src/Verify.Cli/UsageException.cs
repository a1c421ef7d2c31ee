namespace Verify.Cli;

/// <summary>A rejected command line: printed as one line, exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);
