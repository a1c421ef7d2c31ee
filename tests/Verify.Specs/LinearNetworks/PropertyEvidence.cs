using FsCheck;
using Verify.Claims.Evidence;
using Verify.Claims.Properties;

namespace Verify.Specs.LinearNetworks;

/// <summary>The three ways a spec uses a seeded FsCheck property: it must hold, it must fail (a printed claim found wrong), or it is a negative control.</summary>
public static class PropertyEvidence
{
    /// <summary>Runs, records and asserts that the property holds on every case.</summary>
    public static PropertyOutcome Holds<T>(this ClaimEvidence evidence, string name, Arbitrary<T> cases, Func<T, bool> holds, ulong seed, int maxTest)
    {
        var outcome = PropertyCheck.Run(name, cases, holds, seed, maxTest);
        evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        return outcome;
    }

    /// <summary>Runs, records (with its shrunk counterexample) and asserts that the property fails.</summary>
    public static PropertyOutcome Fails<T>(this ClaimEvidence evidence, string name, Arbitrary<T> cases, Func<T, bool> holds, ulong seed, int maxTest)
    {
        var outcome = PropertyCheck.Run(name, cases, holds, seed, maxTest);
        evidence.Property(outcome);
        outcome.Passed.ShouldBeFalse($"{name} was expected to fail");
        return outcome;
    }

    /// <summary>The same check on a deliberately wrong version: recorded with its counterexample; a negative control that must fail.</summary>
    public static void ControlFails<T>(this ClaimEvidence evidence, string wrongVersion, Arbitrary<T> cases, Func<T, bool> holds, ulong seed, int maxTest)
    {
        var outcome = PropertyCheck.Run("control: " + wrongVersion, cases, holds, seed, maxTest);
        evidence.Property(outcome);
        evidence.NegativeControl(wrongVersion, outcome.Passed);
    }
}
