using System.Reflection;
using Verify.Claims.Catalog;

namespace Verify.Specs;

/// <summary>Every claim in claims/ has exactly one spec here, and every spec names a claim there.</summary>
public sealed class CatalogConsistencyTests
{
    private static readonly ClaimCatalog Catalog = ClaimCatalog.LoadDirectory(RepositoryRoot.ClaimsDirectory());

    private static readonly IReadOnlyList<(string Id, MethodInfo Method)> Specs =
        typeof(CatalogConsistencyTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Select(m => (m.GetCustomAttribute<ClaimAttribute>()?.Id, Method: m))
            .Where(p => p.Id is not null)
            .Select(p => (p.Id!, p.Method))
            .ToList();

    [Fact]
    public void EveryClaimHasASpec()
    {
        var specIds = Specs.Select(s => s.Id).ToHashSet();
        var missing = Catalog.Claims.Where(c => !specIds.Contains(c.Id)).Select(c => $"{c.File}:{c.Line}: claim '{c.Id}' has no spec").ToList();
        missing.ShouldBeEmpty(string.Join(Environment.NewLine, missing));
    }

    [Fact]
    public void EverySpecHasAClaim()
    {
        var orphans = Specs.Where(s => !Catalog.Contains(s.Id)).Select(s => $"{s.Method.DeclaringType!.Name}.{s.Method.Name}: spec of '{s.Id}' has no entry in claims/").ToList();
        orphans.ShouldBeEmpty(string.Join(Environment.NewLine, orphans));
    }

    [Fact]
    public void NoClaimHasTwoSpecs()
    {
        var twice = Specs.GroupBy(s => s.Id).Where(g => g.Count() > 1).Select(g => $"claim '{g.Key}' has {g.Count()} specs: {string.Join(", ", g.Select(s => s.Method.Name))}").ToList();
        twice.ShouldBeEmpty(string.Join(Environment.NewLine, twice));
    }

    /// <summary>
    /// The claims inventory (shared/claims-inventory.md, beside the repository; VERIFY_INVENTORY overrides)
    /// lists every claim of the five documents as "**N. id**": each must be encoded here under the same id.
    /// </summary>
    private static IReadOnlySet<string> InventoryIds()
    {
        var path = Environment.GetEnvironmentVariable("VERIFY_INVENTORY")
                   ?? Path.Combine(RepositoryRoot.Find(), "..", "shared", "claims-inventory.md");
        File.Exists(path).ShouldBeTrue($"the claims inventory is expected at {Path.GetFullPath(path)} (set VERIFY_INVENTORY to its path)");
        return System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(path), @"\*\*\d+\. ((?:phase|dir|eos|lin|flat|xdoc)\.[A-Za-z0-9.-]+)\*\*")
            .Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
    }

    [Fact]
    public void EveryInventoryClaimIsEncodedUnderItsId()
    {
        var inventory = InventoryIds();
        inventory.Count.ShouldBeGreaterThanOrEqualTo(179);
        var missing = inventory.Where(id => !Catalog.Contains(id)).Order(StringComparer.Ordinal).ToList();
        missing.ShouldBeEmpty($"inventory claims with no entry in claims/: {string.Join(", ", missing)}");
    }

    [Fact]
    public void ClaimsBeyondTheInventorySayWhereTheyComeFrom()
    {
        var inventory = InventoryIds();
        var unexplained = Catalog.Claims.Where(c => !inventory.Contains(c.Id) && !(c.Provenance ?? "").Contains("not listed in the claims inventory", StringComparison.Ordinal))
            .Select(c => $"{c.File}:{c.Line}: claim '{c.Id}' is not in the inventory and its provenance does not say so").ToList();
        unexplained.ShouldBeEmpty(string.Join(Environment.NewLine, unexplained));
    }

    [Fact]
    public void SpecClassesDeriveFromClaimSpec()
    {
        var wrong = Specs.Select(s => s.Method.DeclaringType!).Distinct().Where(t => !typeof(ClaimSpec).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        wrong.ShouldBeEmpty();
    }
}
