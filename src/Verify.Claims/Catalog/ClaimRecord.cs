namespace Verify.Claims.Catalog;

/// <summary>One claim as listed in claims/&lt;document&gt;.yaml.</summary>
public sealed record ClaimRecord(
    string Id,
    string Title,
    string Statement,
    string Where,
    string Check,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<string> Links,
    string? Provenance,
    string File,
    int Line)
{
    /// <summary>The id's prefix names the document family: phase, dir, eos, lin, flat, xdoc.</summary>
    public string Family => Id.Split('.')[0];

    /// <summary>The command that reruns just this claim's spec.</summary>
    public string RerunCommand => $"dotnet test tests/Verify.Specs --filter \"Claim={Id}\"";
}

/// <summary>A source document and the claims it makes (one YAML file).</summary>
public sealed record ClaimDocument(string Seed, string Title, string Authors, string File, IReadOnlyList<ClaimRecord> Claims);
