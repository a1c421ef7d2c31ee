namespace Verify.Claims.Catalog;

/// <summary>A claims file that cannot be used, with the file, line and field (or claim id) at fault.</summary>
public sealed class ClaimsFileException(string file, int line, string what, string problem)
    : Exception($"{file}:{line}: {what}: {problem}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string What { get; } = what;
    public string Problem { get; } = problem;
}
