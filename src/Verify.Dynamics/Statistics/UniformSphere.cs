using MathNet.Numerics.Distributions;

namespace Verify.Dynamics.Statistics;

/// <summary>
/// Points drawn uniformly from the unit sphere S^{d−1} ⊂ ℝᵈ: a standard Gaussian vector divided by its
/// norm (the Gaussian is rotation invariant, so its direction is uniform). Seeded by the caller's Random.
/// </summary>
public static class UniformSphere
{
    /// <summary>One point of S^{d−1}.</summary>
    public static double[] Sample(Random rng, int dimension)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), "The dimension must be at least 1.");
        var x = new double[dimension];
        Sample(rng, x);
        return x;
    }

    /// <summary>One point of S^{d−1} written into <paramref name="x"/> (d = its length), without allocating.</summary>
    public static void Sample(Random rng, Span<double> x)
    {
        if (x.Length < 1) throw new ArgumentException("The dimension must be at least 1.", nameof(x));
        double norm2;
        do
        {
            norm2 = 0;
            for (int i = 0; i < x.Length; i++) { x[i] = Normal.Sample(rng, 0, 1); norm2 += x[i] * x[i]; }
        } while (norm2 == 0);
        double inv = 1 / Math.Sqrt(norm2);
        for (int i = 0; i < x.Length; i++) x[i] *= inv;
    }

    /// <summary>N points as the rows of an N×d row-major array.</summary>
    public static double[] Samples(Random rng, int count, int dimension)
    {
        var data = new double[count * dimension];
        for (int n = 0; n < count; n++) Sample(rng, dimension).CopyTo(data, n * dimension);
        return data;
    }
}
