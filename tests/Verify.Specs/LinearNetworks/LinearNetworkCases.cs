using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.Distributions;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Specs.LinearNetworks;

/// <summary>
/// A random linear-network case for property checks: the widths d₀, …, d_h and a seed for the data and the
/// point of M. Shrinking removes layers and narrows widths (keeping the seed), so a failure shrinks to the
/// smallest architecture that still fails.
/// </summary>
public sealed record NetworkCase(int[] Widths, int Seed)
{
    public LayerWidths Layers => new(Widths);

    public override string ToString() => $"widths [{string.Join(",", Widths)}] ({(Layers.IsFilling ? "filling" : "non-filling")}), seed {Seed}";

    /// <summary>L(θ) = ‖Y − W_h⋯W₁X‖² with Gaussian X (d₀ × (d₀ + 2), so XXᵀ has full rank) and Gaussian Y.</summary>
    public DeepLinearNetwork Network() => LinearNetworkCases.RandomNetwork(Layers, Seed);

    /// <summary>A point of M: random gauges (spread ½) of the factorized optimal product.</summary>
    public double[] PointOnMinima(DeepLinearNetwork net) => ProductFibre.Of(net).Sample(new Random(Seed + 1), 0.5);
}

public static class LinearNetworkCases
{
    /// <summary>The [1,1,2] network (1 − ab)² + (1 − ac)² (X = 1, Y = (1, 1)ᵀ), θ = (a, b, c): the smallest one whose smallest non-zero Hessian eigenvalue is not proper on M.</summary>
    public static readonly DeepLinearNetwork WideOutput = new(new LayerWidths(1, 1, 2), new double[,] { { 1 } }, new double[,] { { 1 }, { 1 } });

    /// <summary>Its minimizers θ(a) = (a, 1/a, 1/a).</summary>
    public static Rational[] WideOutputMinimizer(Rational a) => [a, 1 / a, 1 / a];

    /// <summary>
    /// Architectures of depth 1–4 and widths 1–5 (half of the deeper ones get a bottleneck below both ends,
    /// so filling and non-filling cases are both well represented).
    /// </summary>
    public static Arbitrary<NetworkCase> Architectures(int minDepth = 1, int maxDepth = 4, int maxWidth = 5)
    {
        var gen =
            from depth in Gen.Choose(minDepth, maxDepth)
            from widths in Gen.ArrayOf(Gen.Choose(1, maxWidth), depth + 1)
            from narrow in Gen.Elements(false, true)
            from seed in Gen.Choose(0, 1_000_000)
            select new NetworkCase(narrow && depth >= 2 ? Narrowed(widths) : widths, seed);
        return Arb.From(gen, c => Shrink(c, minDepth));
    }

    /// <summary>Sets one hidden width below both end widths when the ends allow it.</summary>
    private static int[] Narrowed(int[] w)
    {
        var r = (int[])w.Clone();
        int ends = Math.Min(r[0], r[^1]);
        if (ends >= 2) r[1 + (r.Sum() % (r.Length - 2))] = 1 + r[0] % (ends - 1);
        return r;
    }

    private static IEnumerable<NetworkCase> Shrink(NetworkCase c, int minDepth)
    {
        var w = c.Widths;
        if (w.Length - 1 > minDepth)
        {
            for (int i = 0; i < w.Length; i++)
                yield return c with { Widths = w.Where((_, k) => k != i).ToArray() };
        }
        for (int i = 0; i < w.Length; i++)
            if (w[i] > 1)
            {
                var s = (int[])w.Clone(); s[i]--;
                yield return c with { Widths = s };
            }
    }

    /// <summary>Gaussian data for an architecture, seeded.</summary>
    public static DeepLinearNetwork RandomNetwork(LayerWidths w, int seed, double scale = 1)
    {
        var rng = new Random(seed);
        int n = w.Input + 2;
        return new DeepLinearNetwork(w, Gaussian(w.Input, n, rng), Gaussian(w.Output, n, rng), scale);
    }

    public static double[,] Gaussian(int rows, int columns, Random rng)
    {
        var a = new double[rows, columns];
        for (int i = 0; i < rows; i++) for (int j = 0; j < columns; j++) a[i, j] = Normal.Sample(rng, 0, 1);
        return a;
    }

    /// <summary>A random rational with numerator in [−m, m] and denominator in [1, q].</summary>
    public static Rational RandomRational(Random rng, int m = 9, int q = 4) => new(rng.Next(-m, m + 1), rng.Next(1, q + 1));

    public static ScalarMatrix<Rational> RandomRationalMatrix(int rows, int columns, Random rng, int m = 9, int q = 4) =>
        new(rows, columns, (_, _) => RandomRational(rng, m, q));

    /// <summary>Dyadic data (multiples of ¼) so the network is exact in rationals: X (d₀ × n) and Y (d_h × n).</summary>
    public static DeepLinearNetwork DyadicNetwork(LayerWidths w, int n, Random rng, double scale = 1)
    {
        double[,] Dyadic(int r, int c) { var a = new double[r, c]; for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) a[i, j] = rng.Next(-12, 13) / 4.0; return a; }
        return new DeepLinearNetwork(w, Dyadic(w.Input, n), Dyadic(w.Output, n), scale);
    }

    /// <summary>
    /// An exact rational point of M for a filling architecture with dyadic data: the least-squares product W̄₀
    /// (rational), factorized exactly and moved by random integer gauges with exact inverses.
    /// </summary>
    public static Rational[] ExactPointOnMinima(DeepLinearNetwork net, Random rng)
    {
        var w = net.Widths;
        if (!w.IsFilling) throw new ArgumentException("Exact points need a filling architecture (the optimal product is then rational).");
        var product = net.LeastSquaresProduct<Rational>() ?? throw new ArgumentException("XXᵀ is singular.");
        int rank = product.ExactRank();
        var (c, r) = product.RankFactorization(rank)!.Value;
        var theta = ProductFibre.Chain(w, c, r);
        var g = new List<ScalarMatrix<Rational>>(); var gi = new List<ScalarMatrix<Rational>>();
        for (int k = 1; k < w.Depth; k++)
        {
            ScalarMatrix<Rational>? inv = null; ScalarMatrix<Rational> m;
            do { m = RandomRationalMatrix(w[k], w[k], rng, 4, 1); inv = m.Inverse(); } while (inv is null);
            g.Add(m); gi.Add(inv);
        }
        return ProductFibre.ApplyGauge(w, theta, g, gi);
    }

    /// <summary>A symmetric double matrix from a T[,] (for eigenvalues).</summary>
    public static MathNet.Numerics.LinearAlgebra.Matrix<double> ToMatrix<T>(T[,] a) where T : IScalar<T> =>
        MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(a.GetLength(0), a.GetLength(1), (i, j) => T.ToDouble(a[i, j]));

    public static ScalarMatrix<T> ToScalarMatrix<T>(T[,] a) where T : IScalar<T> => new(a.GetLength(0), a.GetLength(1), (i, j) => a[i, j]);

    public static string Show(double[] v) => "(" + string.Join(", ", v.Select(x => x.ToString("G6", System.Globalization.CultureInfo.InvariantCulture))) + ")";
}
