using System.Globalization;
using FsCheck;
using FsCheck.Fluent;

namespace Verify.Specs.Direction;

/// <summary>
/// A random C³ function with a strongly convex minimum at 0 (a random quadratic with distinct eigenvalues in
/// [0.5, 5], gaps ≥ 0.1, in a Haar-random basis, plus 4 cubic and 4 quartic random monomials with coefficients
/// in ±<see cref="Perturbation"/>), a step η at the fraction <see cref="EtaFraction"/> of a regime, and a start
/// uniform in the certified ball (forward invariant, inside V_η). The core builds it from the seeds; this record
/// is what FsCheck generates and shrinks.
/// </summary>
public sealed record MinimumCase(int Dimension, int InstanceSeed, double Perturbation, double EtaFraction, int StartSeed)
{
    public PerturbedQuadratic Function() =>
        PerturbedQuadratic.Random(new Random(InstanceSeed), Dimension, cubicScale: Perturbation, quarticScale: Perturbation);

    /// <summary>η in (0, B) (Small) or (B, 2/λₙ) (Large), B = 2/(λ₁ + λₙ); <paramref name="boundaryFactor"/> moves B (a negative control).</summary>
    public double Eta(PerturbedQuadratic f, Regime regime, double boundaryFactor = 1)
    {
        double b = boundaryFactor * DirectionChecks.Boundary(f.Eigenvalues), top = 2 / f.Eigenvalues[^1];
        return regime == Regime.Small ? EtaFraction * b : b + EtaFraction * (top - b);
    }

    public double[] Start(PerturbedQuadratic f, double eta) =>
        DirectionChecks.UniformInBall(new Random(StartSeed), Dimension, Math.Min(0.5, f.CertifiedRadius(eta)));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"n={Dimension}, instance seed {InstanceSeed}, perturbation ±{Perturbation}, η fraction {EtaFraction}, start seed {StartSeed}");
}

public static class DirectionGenerators
{
    /// <summary>Random minimum cases, n from 2 to 6; shrinks toward n = 2, no perturbation, η in the middle of the regime, seed 0.</summary>
    public static Arbitrary<MinimumCase> Minima { get; } = Arb.From(
        from n in Gen.Choose(2, 6)
        from seed in Gen.Choose(0, int.MaxValue - 1)
        from p in Gen.Elements(0.0, 0.25, 0.5, 1.0, 2.0)
        from u in Gen.Choose(1, 999_999)
        from start in Gen.Choose(0, int.MaxValue - 1)
        select new MinimumCase(n, seed, p, u / 1e6, start),
        ShrinkMinimum);

    private static IEnumerable<MinimumCase> ShrinkMinimum(MinimumCase c)
    {
        if (c.Dimension > 2) yield return c with { Dimension = c.Dimension - 1 };
        if (c.Perturbation > 0) yield return c with { Perturbation = 0 };
        if (c.EtaFraction != 0.5) yield return c with { EtaFraction = 0.5 };
        if (c.InstanceSeed != 0) yield return c with { InstanceSeed = 0 };
        if (c.StartSeed != 0) yield return c with { StartSeed = 0 };
    }

    /// <summary>
    /// Cubic perturbations c₁x³ + c₂x²y + c₃xy² + c₄y³ with small integer coefficients in [−2, 2] (zero often, so
    /// degenerate cases occur) and an η fraction in (0, 1); shrinks coefficients toward 0 and η toward ½.
    /// </summary>
    public static Arbitrary<CubicCase> Cubics { get; } = Arb.From(
        from c in Gen.ArrayOf(Gen.Choose(-2, 2), 4)
        from u in Gen.Choose(1, 99)
        select new CubicCase(c, u / 100.0),
        ShrinkCubic);

    private static IEnumerable<CubicCase> ShrinkCubic(CubicCase c)
    {
        for (int i = 0; i < 4; i++)
            if (c.Coefficients[i] != 0)
            {
                var z = c.Coefficients.ToArray(); z[i] = 0; yield return c with { Coefficients = z };
                if (Math.Abs(c.Coefficients[i]) > 1) { var h = c.Coefficients.ToArray(); h[i] = Math.Sign(h[i]); yield return c with { Coefficients = h }; }
            }
        if (c.EtaFraction != 0.5) yield return c with { EtaFraction = 0.5 };
    }
}

/// <summary>A 2-D quadratic plus c₁x³ + c₂x²y + c₃xy² + c₄y³, with η at a fraction of a regime.</summary>
public sealed record CubicCase(int[] Coefficients, double EtaFraction)
{
    public PerturbedQuadratic On(Quadratic q) => new(q, Polynomial.Of(2,
        (Coefficients[0], [3, 0]), (Coefficients[1], [2, 1]), (Coefficients[2], [1, 2]), (Coefficients[3], [0, 3])));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"cubic {Coefficients[0]}·x³ + {Coefficients[1]}·x²y + {Coefficients[2]}·xy² + {Coefficients[3]}·y³, η fraction {EtaFraction}");
}
