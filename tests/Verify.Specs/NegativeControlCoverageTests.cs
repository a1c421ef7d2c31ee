using System.Reflection;
using Verify.Claims.Evidence;

namespace Verify.Specs;

/// <summary>
/// Every spec can show it fails: each [Claim] method reaches <see cref="ClaimEvidence.NegativeControl"/> (read
/// from its IL, through helpers, lambdas and local functions). Together with the evidence hook, which fails a
/// spec that ran without recording a rejected control, a claim added without a negative control fails the build
/// twice: here without running anything, and when its spec runs.
/// </summary>
public sealed class NegativeControlCoverageTests
{
    private static bool RecordsAControl(MethodBase m) =>
        m.DeclaringType == typeof(ClaimEvidence) && m.Name == nameof(ClaimEvidence.NegativeControl);

    public static IEnumerable<MethodInfo> ClaimSpecs() => typeof(NegativeControlCoverageTests).Assembly.GetTypes()
        .Where(t => typeof(ClaimSpec).IsAssignableFrom(t) && !t.IsAbstract)
        .SelectMany(t => t.GetMethods())
        .Where(m => m.GetCustomAttribute<ClaimAttribute>() is not null);

    [Fact]
    public void EverySpecRecordsANegativeControl()
    {
        var specs = ClaimSpecs().ToList();
        specs.Count.ShouldBeGreaterThanOrEqualTo(179);
        var without = specs.Where(m => !CallGraph.Reaches(m, RecordsAControl))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name} (claim '{m.GetCustomAttribute<ClaimAttribute>()!.Id}') never calls Evidence.NegativeControl")
            .ToList();
        without.ShouldBeEmpty(string.Join(Environment.NewLine, without));
    }

    /// <summary>The check itself can fail: a spec without a control is caught, one hiding it in a lambda is not.</summary>
    [Fact]
    public void TheCheckRejectsASpecWithoutAControl()
    {
        CallGraph.Reaches(typeof(Examples).GetMethod(nameof(Examples.WithoutControl))!, RecordsAControl).ShouldBeFalse();
        CallGraph.Reaches(typeof(Examples).GetMethod(nameof(Examples.ControlInALambda))!, RecordsAControl).ShouldBeTrue();
        CallGraph.Reaches(typeof(Examples).GetMethod(nameof(Examples.ControlInAHelper))!, RecordsAControl).ShouldBeTrue();
        CallGraph.Reaches(typeof(Examples).GetMethod(nameof(Examples.ControlInAnIterator))!, RecordsAControl).ShouldBeTrue();
    }

    /// <summary>Not specs (no [Claim]): shapes of code the call graph must see through, or see nothing in.</summary>
    private static class Examples
    {
        private static readonly ClaimEvidence E = new("phase.example", "Examples");

        public static void WithoutControl() => E.Number("measured", 1.0).Note("a spec that forgot its control");
        public static void ControlInALambda() => new[] { 1.0 }.ToList().ForEach(x => E.NegativeControl("wrong", x < 0));
        public static void ControlInAHelper() => Helper(2.0);
        public static void ControlInAnIterator() => Items().ToList();

        private static void Helper(double v) => E.NegativeControl("moved by 5%", v * 1.05 == v);

        private static IEnumerable<int> Items()
        {
            E.NegativeControl("inside an iterator", false);
            yield return 1;
        }
    }
}
