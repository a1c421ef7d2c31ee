using System.Reflection;
using Verify.Claims;
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

    [Fact]
    public void SpecClassesDeriveFromClaimSpec()
    {
        var wrong = Specs.Select(s => s.Method.DeclaringType!).Distinct().Where(t => !typeof(ClaimSpec).IsAssignableFrom(t)).Select(t => t.Name).ToList();
        wrong.ShouldBeEmpty();
    }
}
