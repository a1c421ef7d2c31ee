using FsCheck;
using FsCheck.Fluent;

namespace Verify.Specs.Phase;

/// <summary>One GD step's input, exactly: a point (x, y) and a learning rate η.</summary>
public readonly record struct ExactStep(Rational X, Rational Y, Rational Eta)
{
    public override string ToString() => $"x = {X}, y = {Y}, η = {Eta}";
}

/// <summary>Random cases for the phase-portrait specs, as FsCheck arbitraries that shrink.</summary>
internal static class PhaseCases
{
    /// <summary>p/q with |p| &lt; 10⁴ and 1 ≤ q ≤ 10³, shrinking toward small numerators and denominators.</summary>
    /// (The back conversion inverts the forward one on every value it produces, so shrinking stays consistent.)
    public static Arbitrary<Rational> Rationals { get; } = Arb.Convert(
        Arb.Zip(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<NonNegativeInt>()),
        t => new Rational(t.Item1 % 10_000, t.Item2.Get % 1_000 + 1),
        r => ((int)r.Numerator, NonNegativeInt.NewNonNegativeInt((int)r.Denominator - 1)));

    /// <summary>Positive rationals p/q, 1 ≤ p ≤ 10⁴, for learning rates.</summary>
    public static Arbitrary<Rational> PositiveRationals { get; } = Arb.Convert(
        Arb.Zip(ArbMap.Default.ArbFor<NonNegativeInt>(), ArbMap.Default.ArbFor<NonNegativeInt>()),
        t => new Rational(t.Item1.Get % 10_000 + 1, t.Item2.Get % 1_000 + 1),
        r => (NonNegativeInt.NewNonNegativeInt((int)r.Numerator - 1), NonNegativeInt.NewNonNegativeInt((int)r.Denominator - 1)));

    public static Arbitrary<(Rational X, Rational Y)> Points { get; } = Arb.Zip(Rationals, Rationals);

    public static Arbitrary<ExactStep> Steps { get; } = Arb.Convert(
        Arb.Zip(Arb.Zip(Rationals, Rationals), PositiveRationals),
        t => new ExactStep(t.Item1.Item1, t.Item1.Item2, t.Item2),
        s => ((s.X, s.Y), s.Eta));

    /// <summary>Doubles in [lo, hi] on a grid of 10⁶ cells, shrinking toward lo.</summary>
    public static Arbitrary<double> Uniform(double lo, double hi) => Arb.Convert(
        ArbMap.Default.ArbFor<int>(),
        k => lo + (hi - lo) * (Math.Abs(k % 1_000_000) / 1e6),
        x => (int)Math.Round((x - lo) / (hi - lo) * 1e6));

    /// <summary>Seeded random rationals for loops that need no shrinking (the identity either holds exactly or not).</summary>
    public static Rational RandomRational(Random rng, int maxNumerator = 2000, int maxDenominator = 300) =>
        new(rng.Next(-maxNumerator, maxNumerator + 1), rng.Next(1, maxDenominator + 1));
}
