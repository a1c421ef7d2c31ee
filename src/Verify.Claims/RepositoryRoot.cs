namespace Verify.Claims;

/// <summary>Finds the repository root (the folder holding Verify.sln) from the running code's location.</summary>
public static class RepositoryRoot
{
    public static string Find(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Verify.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }

    public static string ClaimsDirectory(string? start = null) => Path.Combine(Find(start), "claims");
}
