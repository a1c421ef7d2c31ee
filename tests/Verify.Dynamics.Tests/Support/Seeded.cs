using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace Verify.Dynamics.Tests.Support;

/// <summary>FsCheck properties run from a fixed seed (a failure names the seed; reruns are identical).</summary>
public static class Seeded
{
    public static void QuickCheckThrowOnFailure(this Property property, ulong seed, int maxTest = 100) =>
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(maxTest)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None))), property);
}
