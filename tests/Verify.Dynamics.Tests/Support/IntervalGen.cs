using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Interval = Verify.Dynamics.Numbers.Interval;

namespace Verify.Dynamics.Tests.Support;

/// <summary>Shrinking generators of doubles over the whole exponent range, of intervals, and a seeded property runner.</summary>
internal static class IntervalGen
{
    /// <summary>Small fractions (inexact in binary), full-precision doubles from subnormal to near overflow, and special values.</summary>
    public static readonly Gen<double> Doubles = Gen.Frequency(
        (3, from n in Gen.Choose(-1000, 1000) from d in Gen.Elements(1, 2, 3, 5, 7, 10, 64) select (double)n / d),
        (4, from hi in Gen.Choose(0, (1 << 26) - 1)
            from lo in Gen.Choose(0, (1 << 27) - 1)
            from e in Gen.Choose(-1074, 970)
            from negative in Gen.Elements(false, true)
            let mantissa = (double)(((long)hi << 27) | (uint)lo)
            let v = Math.ScaleB(mantissa, e)
            select negative ? -v : v),
        (1, Gen.Elements(0.0, 1.0, -1.0, 0.5, 3.0, double.Epsilon, -double.Epsilon, double.MaxValue, -double.MaxValue,
            Math.ScaleB(1.0, -1022), Math.ScaleB(1.0, -960), Math.ScaleB(1.0, 1000), 0.1, 1.0 / 3)));

    /// <summary>Toward 0, an integer, half.</summary>
    public static IEnumerable<double> ShrinkDouble(double x)
    {
        if (x == 0) yield break;
        yield return 0;
        double t = Math.Truncate(x);
        if (t != x) yield return t;
        double h = x / 2;
        if (h != x && h != 0) yield return h;
    }

    public static readonly Arbitrary<double> DoubleArb = Arb.From(Doubles, ShrinkDouble);

    /// <summary>An interval [min(a, b), max(a, b)] from two doubles.</summary>
    public static Interval Of(double a, double b) => new(Math.Min(a, b), Math.Max(a, b));

    /// <summary>Which point of an interval: 0 = Lo, 1 = Hi, 2 = midpoint.</summary>
    public static double Pick(Interval x, int which) => which switch { 0 => x.Lo, 1 => x.Hi, _ => x.Midpoint };

    /// <summary>Two intervals [A, B] and [C, D] (ends in either order) and which point of each to use.</summary>
    public readonly record struct Case(double A, double B, double C, double D, int P, int Q);

    public static readonly Arbitrary<Case> TwoIntervals =
        Arb.From(
            from a in Doubles from b in Doubles from c in Doubles from d in Doubles
            from p in Gen.Choose(0, 2) from q in Gen.Choose(0, 2)
            select new Case(a, b, c, d, p, q),
            t => ShrinkDouble(t.A).Select(a => t with { A = a })
                .Concat(ShrinkDouble(t.B).Select(b => t with { B = b }))
                .Concat(ShrinkDouble(t.C).Select(c => t with { C = c }))
                .Concat(ShrinkDouble(t.D).Select(d => t with { D = d })));

    /// <summary>Checks a property for <paramref name="maxTest"/> cases from a fixed seed; throws with the shrunk case on failure.</summary>
    public static void Check(Property property, int maxTest = 1000, ulong seed = 20240611)
    {
        var config = Config.QuickThrowOnFailure
            .WithMaxTest(maxTest)
            .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
        FsCheck.Check.One(config, property);
    }
}
