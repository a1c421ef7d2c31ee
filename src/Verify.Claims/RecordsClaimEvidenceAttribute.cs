using System.Collections.Concurrent;
using System.Reflection;
using Verify.Claims.Evidence;
using Xunit.Sdk;

namespace Verify.Claims;

/// <summary>
/// Applied to the specs assembly: before each [Claim] test it opens the claim's evidence; after
/// it, it writes the evidence to disk and fails the spec if it recorded no negative control.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly | AttributeTargets.Class)]
public sealed class RecordsClaimEvidenceAttribute : BeforeAfterTestAttribute
{
    // xunit runs the tests of one class one after another, so the class identifies the open record.
    private static readonly ConcurrentDictionary<Type, ClaimEvidence> Open = new();

    public override void Before(MethodInfo methodUnderTest)
    {
        var claim = methodUnderTest.GetCustomAttribute<ClaimAttribute>();
        if (claim is null) return;
        var type = methodUnderTest.ReflectedType ?? methodUnderTest.DeclaringType!;
        Open[type] = new ClaimEvidence(claim.Id, $"{type.FullName}.{methodUnderTest.Name}");
    }

    public override void After(MethodInfo methodUnderTest)
    {
        var claim = methodUnderTest.GetCustomAttribute<ClaimAttribute>();
        if (claim is null) return;
        var type = methodUnderTest.ReflectedType ?? methodUnderTest.DeclaringType!;
        if (!Open.TryRemove(type, out var evidence)) return;
        EvidenceStore.Write(evidence.ToRecord(), EvidenceStore.DefaultDirectory());
        if (evidence.NegativeControls.Count == 0)
            throw new InvalidOperationException($"Spec of claim '{claim.Id}' recorded no negative control: a spec must show it can fail.");
    }

    /// <summary>The evidence of the claim whose spec is running in this class.</summary>
    public static ClaimEvidence CurrentFor(Type specClass) =>
        Open.TryGetValue(specClass, out var e) ? e
            : throw new InvalidOperationException($"No claim spec is running in {specClass.Name}: is the method marked [Claim(\"id\")] and the assembly [RecordsClaimEvidence]?");
}

/// <summary>Base class of spec classes: gives each [Claim] test its evidence recorder.</summary>
public abstract class ClaimSpec
{
    protected ClaimEvidence Evidence => RecordsClaimEvidenceAttribute.CurrentFor(GetType());
}
