using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Verify.Claims;

/// <summary>
/// Marks a test as the executable spec of one claim: an xunit fact with the trait Claim=&lt;id&gt;,
/// so <c>dotnet test --filter "Claim=&lt;id&gt;"</c> reruns just it.
/// </summary>
[XunitTestCaseDiscoverer("Xunit.Sdk.FactDiscoverer", "xunit.execution.{Platform}")]
[TraitDiscoverer("Verify.Claims.ClaimTraitDiscoverer", "Verify.Claims")]
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class ClaimAttribute(string id) : FactAttribute, ITraitAttribute
{
    public string Id { get; } = id;
}

/// <summary>Turns [Claim("id")] into the trait Claim=id.</summary>
public sealed class ClaimTraitDiscoverer : ITraitDiscoverer
{
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        var id = traitAttribute.GetConstructorArguments().FirstOrDefault() as string ?? "";
        yield return new KeyValuePair<string, string>("Claim", id);
    }
}
