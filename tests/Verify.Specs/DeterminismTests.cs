using System.Reflection;
using Verify.Claims.Evidence;

namespace Verify.Specs;

/// <summary>Runs alone, after the parallel specs, because it re-enters spec classes' evidence recorders.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;

/// <summary>
/// Determinism: a sample of specs, run twice, records the same evidence to the byte (same verdicts,
/// numbers, tables, figures and seeds; only the informational timings may differ). The sample takes every k-th claim id in order, so it covers
/// every document as the catalog grows.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class DeterminismTests
{
    private const int SampleSize = 12;

    public static IEnumerable<object[]> Sample()
    {
        var specs = typeof(DeterminismTests).Assembly.GetTypes()
            .Where(t => typeof(ClaimSpec).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetMethods().Select(m => (Type: t, Method: m, Claim: m.GetCustomAttribute<ClaimAttribute>())))
            .Where(s => s.Claim is not null)
            .OrderBy(s => s.Claim!.Id, StringComparer.Ordinal)
            .ToList();
        int step = Math.Max(1, specs.Count / SampleSize);
        return specs.Where((_, i) => i % step == 0).Take(SampleSize).Select(s => new object[] { s.Claim!.Id });
    }

    [Theory]
    [MemberData(nameof(Sample))]
    public void ASpecRunTwiceRecordsTheSameEvidence(string claimId)
    {
        var first = Run(claimId);
        var second = Run(claimId);
        second.ShouldBe(first, $"the evidence of '{claimId}' differs between two runs");
    }

    private static string Run(string claimId)
    {
        var method = typeof(DeterminismTests).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods())
            .Single(m => m.GetCustomAttribute<ClaimAttribute>()?.Id == claimId);
        var type = method.ReflectedType!;
        var hook = new RecordsClaimEvidenceAttribute();
        var spec = Activator.CreateInstance(type)!;
        hook.Before(method);
        try
        {
            var result = method.Invoke(spec, null);
            if (result is Task task) task.GetAwaiter().GetResult();
            return EvidenceStore.Serialize(RecordsClaimEvidenceAttribute.CurrentFor(type).ToRecord().WithoutTimings());
        }
        finally
        {
            hook.After(method);
        }
    }
}
