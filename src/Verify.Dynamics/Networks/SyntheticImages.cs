namespace Verify.Dynamics.Networks;

/// <summary>
/// A seeded, offline stand-in for a small natural-image classification set: each class has a template — an
/// oriented stripe pattern with its own angle and frequency, tinted differently in each channel, plus a
/// blob at a class-specific place — and each image is its class template with a random phase shift, a
/// random contrast and Gaussian pixel noise. Learnable by a small CNN, but not separable by one pixel.
/// </summary>
public static class SyntheticImages
{
    public static ImageDataset Generate(Random rng, int count, int channels = 3, int size = 10, int classes = 10, double noise = 0.6)
    {
        // Class parameters are drawn first, from the same generator, so the seed fixes templates and samples.
        var angle = new double[classes];
        var frequency = new double[classes];
        var tint = new double[classes][];
        var blob = new (double R, double C)[classes];
        for (int c = 0; c < classes; c++)
        {
            angle[c] = Math.PI * c / classes;
            frequency[c] = 0.6 + 0.5 * rng.NextDouble();
            tint[c] = Enumerable.Range(0, channels).Select(_ => 2 * rng.NextDouble() - 1).ToArray();
            blob[c] = (rng.NextDouble() * (size - 1), rng.NextDouble() * (size - 1));
        }
        var images = new double[count][];
        var labels = new int[count];
        for (int s = 0; s < count; s++)
        {
            int c = s % classes;
            double phase = 2 * Math.PI * rng.NextDouble(), contrast = 0.7 + 0.6 * rng.NextDouble();
            var img = new double[channels * size * size];
            for (int ch = 0; ch < channels; ch++)
                for (int r = 0; r < size; r++)
                    for (int col = 0; col < size; col++)
                    {
                        double u = Math.Cos(angle[c]) * r + Math.Sin(angle[c]) * col;
                        double stripes = Math.Sin(frequency[c] * u + phase);
                        double d2 = (r - blob[c].R) * (r - blob[c].R) + (col - blob[c].C) * (col - blob[c].C);
                        double value = contrast * (tint[c][ch] * stripes + Math.Exp(-d2 / 4));
                        img[(ch * size + r) * size + col] = value + noise * Gaussian(rng);
                    }
            images[s] = img;
            labels[s] = c;
        }
        return new ImageDataset(channels, size, classes, images, labels);
    }

    private static double Gaussian(Random rng)
    {
        // Box–Muller; 1 − U keeps the logarithm finite.
        double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
