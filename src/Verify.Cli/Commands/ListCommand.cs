using Verify.Claims;
using Verify.Claims.Catalog;

namespace Verify.Cli.Commands;

/// <summary>verify list [--claims DIR]: every claim id with its check kind and title.</summary>
public static class ListCommand
{
    public static int Run(Arguments args, TextWriter output)
    {
        var dir = args.Text("claims") ?? RepositoryRoot.ClaimsDirectory();
        args.RejectUnknown();
        var catalog = ClaimCatalog.LoadDirectory(dir);
        foreach (var doc in catalog.Documents)
        {
            output.WriteLine($"{doc.Seed}  {doc.Title}  ({doc.Claims.Count} claims)");
            foreach (var c in doc.Claims)
                output.WriteLine($"  {c.Id,-40} {c.Check,-7} {c.Title}");
        }
        output.WriteLine($"{catalog.Claims.Count} claims in {catalog.Documents.Count} documents");
        return 0;
    }
}
