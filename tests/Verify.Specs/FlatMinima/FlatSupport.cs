using FsCheck;
using FsCheck.Fluent;

namespace Verify.Specs.FlatMinima;

/// <summary>
/// Shared data of the shallow-linear-network specs: the random family R of the inventory (d ∈ {1, 3},
/// entries scale·N(0, 1) with scale ∈ [0.05, 2], Φ ∈ {0.5, 1, 2}), exact rational points, and the GD runs
/// under Theorem 1/2's step condition that several specs share (computed once, in parallel).
/// </summary>
internal static class FlatSupport
{
    public const int FamilySeed = 2025;
    public const int FamilySize = 4000;

    /// <summary>One draw of family R; U ∈ (0.05, 0.999) picks the step inside a claim's range.</summary>
    public sealed record Draw(int Index, double Phi, double[] A, double[] B, double U)
    {
        public int D => A.Length;
        public VectorFactorizationState<Real> State => VectorFactorizationState<Real>.Of(Reals(A), Reals(B), Phi);
        public double Residual => State.Residual.Value;
        public double SquaredNorm => State.SquaredNorm.Value;
        public double Product => State.Product.Value;
        public double Imbalance => State.Imbalance.Value;
        public double MaxSharpness => Math.Sqrt(SquaredNorm * SquaredNorm + 4 * Phi * Phi);

        /// <summary>min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)}: the step bound of Theorems 1 and 2.</summary>
        public double TheoremBound => Math.Min(1 / (2 * Math.Abs(Residual)), 2 / MaxSharpness);

        public override string ToString() => FormattableString.Invariant($"#{Index}: d = {D}, Φ = {Phi}, a = [{string.Join(", ", A.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}], b = [{string.Join(", ", B.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]");
    }

    private static Real[] Reals(double[] x) => x.Select(v => new Real(v)).ToArray();

    public static double Gaussian(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static Draw[] Family(int seed, int count)
    {
        var rng = new Random(seed);
        double[] phis = [0.5, 1, 2];
        var draws = new Draw[count];
        for (int k = 0; k < count; k++)
        {
            int d = rng.Next(2) == 0 ? 1 : 3;
            double scale = 0.05 + 1.95 * rng.NextDouble();
            double phi = phis[rng.Next(3)];
            var a = Enumerable.Range(0, d).Select(_ => scale * Gaussian(rng)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => scale * Gaussian(rng)).ToArray();
            draws[k] = new Draw(k, phi, a, b, 0.05 + 0.949 * rng.NextDouble());
        }
        return draws;
    }

    /// <summary>A GD run of a draw at a step size.</summary>
    public sealed record Run(Draw Draw, double Eta, FactorizationPath Path);

    public static Run[] RunAll(IReadOnlyList<Draw> draws, Func<Draw, double> eta, double tolerance, int maxSteps)
    {
        var runs = new Run[draws.Count];
        Parallel.For(0, draws.Count, i =>
        {
            var d = draws[i];
            double h = eta(d);
            runs[i] = new Run(d, h, FactorizationDescent.Run(d.A, d.B, d.Phi, h, tolerance, maxSteps));
        });
        return runs;
    }

    /// <summary>Family R with η = u·min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)} (Theorems 1, 2), run to |ε| &lt; 1e-12.</summary>
    public static readonly Lazy<Run[]> TheoremRuns = new(() => RunAll(Family(FamilySeed, FamilySize), d => d.U * d.TheoremBound, 1e-12, 400_000));

    /// <summary>Family R restricted to region C (a(0)ᵀb(0) &lt; 0) with η = u·min{1/(2|ε(0)|), 2/λ(0)} (Definition 2), run to |ε| &lt; 1e-8.</summary>
    public static readonly Lazy<Run[]> RegionCRuns = new(() =>
    {
        var draws = Family(FamilySeed + 1, 3 * FamilySize).Where(d => d.Product < 0).Take(FamilySize).ToArray();
        return RunAll(draws, d => d.U * Math.Min(1 / (2 * Math.Abs(d.Residual)), 2 / d.SquaredNorm), 1e-8, 400_000);
    });

    // ---- exact arithmetic helpers ----

    public static Rational RandomRational(Random rng, int numerator = 40, int denominator = 12) =>
        new(rng.Next(-numerator, numerator + 1), rng.Next(1, denominator + 1));

    public static Rational[] RandomRationals(Random rng, int n, int numerator = 40, int denominator = 12) =>
        Enumerable.Range(0, n).Select(_ => RandomRational(rng, numerator, denominator)).ToArray();

    /// <summary>Observables of x = [a; b].</summary>
    public static VectorFactorizationState<Rational> State(Rational[] x, Rational phi) =>
        VectorFactorizationState<Rational>.Of(x.AsSpan(0, x.Length / 2), x.AsSpan(x.Length / 2), phi);

    /// <summary>One exact GD step of ½(aᵀb − Φ)² (Φ dyadic, so the objective holds it exactly).</summary>
    public static Rational[] Step(Rational[] x, double phi, Rational eta) =>
        GradientDescent.Step<Rational>(new VectorFactorization(x.Length / 2, phi), x, eta);

    /// <summary>Integer arrays shrink well in FsCheck (toward shorter arrays and smaller entries).</summary>
    public static Arbitrary<int[]> IntArrays => ArbMap.Default.ArbFor<int[]>();

    public static string Show(IEnumerable<Rational> xs) => "(" + string.Join(", ", xs) + ")";
    public static string Show(IEnumerable<double> xs) => "(" + string.Join(", ", xs.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + ")";
    public static string F(double x) => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
}
