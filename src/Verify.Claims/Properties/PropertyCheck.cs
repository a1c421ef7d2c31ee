using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Collections;
using Microsoft.FSharp.Core;

namespace Verify.Claims.Properties;

/// <summary>
/// Runs a property over random cases with FsCheck from a fixed seed and returns what happened instead of
/// throwing, so a spec can record a shrunk counterexample as a finding (and a negative control can
/// assert that a wrong claim fails). Build arbitraries that shrink (<c>Arb.From(gen, shrinker)</c>, or
/// <c>Arb.Convert</c>/<c>Arb.Filter</c> of a shrinking one): <c>gen.ToArbitrary()</c> does not shrink.
/// </summary>
public static class PropertyCheck
{
    // Any odd gamma is a valid SplitMix stream; fixing it makes the seed alone name the run.
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    public static PropertyOutcome Run<T>(string name, Arbitrary<T> cases, Func<T, bool> holds, ulong seed, int maxTest = 200) =>
        Run(name, Prop.ForAll(cases, holds), seed, maxTest);

    public static PropertyOutcome Run<T1, T2>(string name, Arbitrary<T1> a, Arbitrary<T2> b, Func<T1, T2, bool> holds, ulong seed, int maxTest = 200) =>
        Run(name, Prop.ForAll(a, b, holds), seed, maxTest);

    public static PropertyOutcome Run(string name, Property property, ulong seed, int maxTest = 200)
    {
        var runner = new CapturingRunner(name, seed, Gamma);
        var config = Config.Default
            .WithName(name)
            .WithMaxTest(maxTest)
            .WithQuietOnSuccess(true)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, Gamma), FSharpOption<int>.None)))
            .WithRunner(runner);
        Check.One(config, property);
        return runner.Outcome ?? throw new InvalidOperationException($"FsCheck reported no result for property '{name}'.");
    }

    private sealed class CapturingRunner(string name, ulong seed, ulong gamma) : IRunner
    {
        public PropertyOutcome? Outcome { get; private set; }

        public void OnStartFixture(Type t) { }
        public void OnArguments(int ntest, FSharpList<object> args, FSharpFunc<int, FSharpFunc<FSharpList<object>, string>> every) { }
        public void OnShrink(FSharpList<object> args, FSharpFunc<FSharpList<object>, string> everyShrink) { }

        public void OnFinished(string _, TestResult result)
        {
            Outcome = result switch
            {
                TestResult.Passed p => new PropertyOutcome(name, true, false, p.Item1.NumberOfTests, 0, null, null, null, seed, gamma),
                TestResult.Exhausted x => new PropertyOutcome(name, false, true, x.Item.NumberOfTests, 0, null, null, null, seed, gamma),
                TestResult.Failed f => new PropertyOutcome(name, false, false, f.Item1.NumberOfTests, f.Item1.NumberOfShrinks,
                    Show(f.Item2), Show(f.Item3), f.Item4.IsFailed && f.Item4 is Outcome.Failed { Item: var e } ? $"{e.GetType().Name}: {e.Message}" : null, seed, gamma),
                _ => throw new InvalidOperationException($"Unknown FsCheck result {result}"),
            };
        }

        private static string Show(FSharpList<object> args) => string.Join(", ", args.Select(a => Format(a)));

        private static string Format(object? a) => a switch
        {
            null => "null",
            double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            System.Collections.IEnumerable seq and not string => "[" + string.Join(", ", seq.Cast<object?>().Select(Format)) + "]",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => a.ToString() ?? "",
        };
    }
}
