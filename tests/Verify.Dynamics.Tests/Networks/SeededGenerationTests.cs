using Verify.Dynamics.Networks;

namespace Verify.Dynamics.Tests.Networks;

/// <summary>
/// The seeded stand-ins (synthetic images, He initializations) are part of what evidence records with a seed,
/// so their documented recipe is pinned draw by draw: the test replays the caller's Random in the documented
/// order and recomputes every value from the documented formula.
/// </summary>
public sealed class SeededGenerationTests
{
    private static double BoxMuller(Random rng)
    {
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.6)]
    public void SyntheticImagesFollowTheirRecipe(double noise)
    {
        // Per class c of K: angle πc/K, frequency 0.6 + 0.5U, tint 2U − 1 per channel, blob centre U·(size − 1) twice;
        // per sample: phase 2πU, contrast 0.7 + 0.6U; per pixel contrast·(tint·sin(f·u + phase) + e^{−d²/4}) + noise·N(0, 1).
        const int count = 5, channels = 2, size = 4, classes = 3;
        var data = SyntheticImages.Generate(new Random(21), count, channels, size, classes, noise);
        var rng = new Random(21);
        var freq = new double[classes]; var tint = new double[classes][]; var blob = new (double R, double C)[classes];
        for (int c = 0; c < classes; c++)
        {
            freq[c] = 0.6 + 0.5 * rng.NextDouble();
            tint[c] = Enumerable.Range(0, channels).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
            blob[c] = (rng.NextDouble() * (size - 1), rng.NextDouble() * (size - 1));
        }
        for (int s = 0; s < count; s++)
        {
            int c = s % classes;
            data.Labels[s].ShouldBe(c);
            double angle = Math.PI * c / classes, phase = 2 * Math.PI * rng.NextDouble(), contrast = 0.7 + 0.6 * rng.NextDouble();
            for (int ch = 0; ch < channels; ch++)
                for (int r = 0; r < size; r++)
                    for (int col = 0; col < size; col++)
                    {
                        double u = Math.Cos(angle) * r + Math.Sin(angle) * col;
                        double d2 = (r - blob[c].R) * (r - blob[c].R) + (col - blob[c].C) * (col - blob[c].C);
                        double value = contrast * (tint[c][ch] * Math.Sin(freq[c] * u + phase) + Math.Exp(-d2 / 4)) + noise * BoxMuller(rng);
                        data.Images[s][(ch * size + r) * size + col].ShouldBe(value, 1e-15);
                    }
        }
    }

    [Fact]
    public void ConvNetInitializationIsHeWithZeroBiases()
    {
        // 2 channels of 8×8, 2 then 3 filters, 3 classes: fan-ins 2·9, 2·9 and 3·1·1 (the flattened map is 1×1).
        var data = SyntheticImages.Generate(new Random(12), 6, channels: 2, size: 8, classes: 3);
        var net = new ConvNet(data, filters1: 2, filters2: 3);
        var theta = net.Initialize(new Random(15));
        var rng = new Random(15);
        int at = 0;
        void Layer(int weights, int biases, int fanIn)
        {
            double sd = Math.Sqrt(2.0 / fanIn);
            for (int i = 0; i < weights; i++) theta[at++].ShouldBe(sd * BoxMuller(rng), 1e-15);
            for (int i = 0; i < biases; i++) theta[at++].ShouldBe(0);
        }
        Layer(2 * 2 * 9, 2, 2 * 9);
        Layer(3 * 2 * 9, 3, 2 * 9);
        Layer(3 * 3, 3, 3);
        at.ShouldBe(net.Dimension);
    }

    [Fact]
    public void MlpInitializationIsHeWithZeroBiases()
    {
        var mlp = new Mlp([3, 2, 1], new double[6], new double[2]);
        var theta = mlp.Initialize(new Random(4));
        var rng = new Random(4);
        double sd0 = Math.Sqrt(2.0 / 3), sd1 = Math.Sqrt(2.0 / 2);
        var expected = new List<double>();
        for (int k = 0; k < 6; k++) expected.Add(sd0 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        expected.AddRange([0, 0]);
        for (int k = 0; k < 2; k++) expected.Add(sd1 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1));
        expected.Add(0);
        theta.ShouldBe(expected.ToArray(), 1e-15);
        mlp.Dimension.ShouldBe(11);
        mlp.Depth.ShouldBe(2);
    }
}
