using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Networks;

namespace Verify.Dynamics.Tests.Networks;

public sealed class ConvNetTests
{
    private static readonly ImageDataset Tiny = SyntheticImages.Generate(new Random(12), 6, channels: 2, size: 8, classes: 3);

    [Fact]
    public void SyntheticImagesAreSeededAndShaped()
    {
        var a = SyntheticImages.Generate(new Random(13), 20);
        var b = SyntheticImages.Generate(new Random(13), 20);
        a.Count.ShouldBe(20);
        a.PixelsPerImage.ShouldBe(300);
        a.Images[7].ShouldBe(b.Images[7]);
        a.Labels.ShouldBe(Enumerable.Range(0, 20).Select(i => i % 10).ToArray());
        a.Images.All(img => img.Length == 300 && img.All(double.IsFinite)).ShouldBeTrue();
        SyntheticImages.Generate(new Random(14), 20).Images[7].ShouldNotBe(a.Images[7]);
    }

    [Fact]
    public void BackpropagationEqualsAutomaticDifferentiation()
    {
        var net = new ConvNet(Tiny, filters1: 2, filters2: 3);
        var theta = net.Initialize(new Random(15));
        net.Dimension.ShouldBe(2 * 2 * 9 + 2 + 3 * 2 * 9 + 3 + 3 * 3 * 1 + 3);
        var backprop = net.GradientAt(theta);
        var ad = Scalar.ToDoubles<Real>(AutoDiff.Gradient<Real>(net, theta.Select(v => new Real(v)).ToArray()));
        backprop.ShouldBe(ad, tolerance: 1e-12);
        // The generic Gradient for a non-double type goes through automatic differentiation too.
        var dual = net.Gradient<Dual<Real>>(theta.Select(v => Dual<Real>.Constant(v)).ToArray());
        dual.Select(d => d.Value.Value).ToArray().ShouldBe(ad, tolerance: 1e-12);
    }

    [Fact]
    public void LossAccuracyAndTraining()
    {
        var net = new ConvNet(Tiny, filters1: 2, filters2: 3);
        var theta = net.Initialize(new Random(16));
        var all = Enumerable.Range(0, Tiny.Count).ToArray();
        net.ValueAt(theta).ShouldBe(net.LossAt(theta, all), 1e-12);
        double start = net.LossAt(theta, all);
        for (int k = 0; k < 200; k++)
        {
            var g = net.GradientOn(theta, all);
            for (int i = 0; i < theta.Length; i++) theta[i] -= 0.1 * g[i];
        }
        net.LossAt(theta, all).ShouldBeLessThan(start / 2);
        net.Accuracy(theta, all).ShouldBeGreaterThan(0.5);
        net.GradientOn(theta, [0, 1]).ShouldBe(net.GradientOn(theta, [0, 1]));
    }

    [Fact]
    public void RejectsImagesThatDoNotFit()
    {
        Should.Throw<ArgumentException>(() => new ConvNet(SyntheticImages.Generate(new Random(1), 2, size: 9))).Message.ShouldBe("Images of size 9 give a first feature map of size 7; it must be even and ≥ 2 for 2×2 pooling.");
        Should.Throw<ArgumentException>(() => new ConvNet(SyntheticImages.Generate(new Random(1), 2, size: 6))).Message.ShouldBe("Images of size 6 are too small for two 3×3 convolutions with pooling.");
    }

    [Fact]
    public void BackpropagationEqualsAutomaticDifferentiationOnLargerMaps()
    {
        // 10×10 images: first maps 8×8 pooled to 4×4, second maps 2×2 — every index of the backward pass is exercised
        // (on 8×8 images the second map is 1×1 and row/column offsets vanish).
        var data = SyntheticImages.Generate(new Random(31), 3, channels: 2, size: 10, classes: 3);
        var net = new ConvNet(data, filters1: 2, filters2: 2);
        var theta = net.Initialize(new Random(32));
        var ad = Scalar.ToDoubles<Real>(AutoDiff.Gradient<Real>(net, theta.Select(v => new Real(v)).ToArray()));
        net.GradientAt(theta).ShouldBe(ad, tolerance: 1e-12);
    }
}
