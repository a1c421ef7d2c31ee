using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Networks;

namespace Verify.Dynamics.Tests.Networks;

public sealed class MlpTests
{
    private static Mlp Make(params int[] sizes)
    {
        var rng = new Random(3);
        int n = 12;
        var x = Enumerable.Range(0, n * sizes[0]).Select(_ => rng.NextDouble()).ToArray();
        var y = Enumerable.Range(0, n).Select(i => (double)(i % 2)).ToArray();
        return new Mlp(sizes, x, y);
    }

    [Fact]
    public void ParameterCountAndAHandComputedOutput()
    {
        var net = Make(3, 4, 1);
        net.Dimension.ShouldBe(3 * 4 + 4 + 4 + 1);
        net.Depth.ShouldBe(2);
        net.Samples.ShouldBe(12);
        net.LayerSizes.ShouldBe([3, 4, 1]);
        // One input, one hidden ReLU unit, identity-like weights: f(x) = 2·σ(x − 1) + 0.5.
        var tiny = new Mlp([1, 1, 1], [3, 0.5], [0, 0]);
        double[] theta = [1, -1, 2, 0.5]; // W₁, b₁, W₂, b₂
        tiny.Output(theta, 0).ShouldBe(4.5);
        tiny.Output(theta, 1).ShouldBe(0.5); // σ(−0.5) = 0
        tiny.ValueAt(theta).ShouldBe((4.5 * 4.5 + 0.25) / 2);
    }

    [Fact]
    public void BackpropagationMatchesForwardModeAndGivesExactHessianVectorProducts()
    {
        var net = Make(3, 4, 4, 1);
        var theta = net.Initialize(new Random(5));
        var ad = AutoDiff.Gradient<Real>(net, theta.Select(x => (Real)x).ToArray());
        net.GradientAt(theta).Zip(ad, (a, b) => Math.Abs(a - b.Value)).Max().ShouldBeLessThan(1e-12);
        var u = Enumerable.Range(0, net.Dimension).Select(i => Math.Sin(i)).ToArray();
        var h = AutoDiff.Hessian<Real>(net, theta.Select(x => (Real)x).ToArray());
        var hu = HessianVectorProduct.Of(net, theta, u);
        for (int i = 0; i < net.Dimension; i++)
        {
            double e = 0;
            for (int j = 0; j < net.Dimension; j++) e += h[i, j].Value * u[j];
            hu[i].ShouldBe(e, 1e-10);
        }
    }

    [Fact]
    public void HeInitializationIsSeededWithZeroBiases()
    {
        var net = Make(3, 4, 1);
        var a = net.Initialize(new Random(1));
        a.ShouldBe(net.Initialize(new Random(1)));
        a.Skip(12).Take(4).ShouldAllBe(b => b == 0);
        a.Take(12).ShouldContain(w => w != 0);
    }

    [Fact]
    public void InvalidShapesAreRejected()
    {
        Should.Throw<ArgumentException>(() => new Mlp([3], [1, 2, 3], [1])).Message.ShouldStartWith("Need at least an input and an output layer, the output of width 1.");
        Should.Throw<ArgumentException>(() => new Mlp([3, 2], [1, 2, 3], [1])).Message.ShouldStartWith("Need at least an input and an output layer, the output of width 1.");
        Should.Throw<ArgumentException>(() => new Mlp([3, 1], [1, 2], [1])).Message.ShouldStartWith("1 targets need 1×3 inputs.");
        Should.Throw<ArgumentException>(() => new Mlp([3, 0, 1], [1, 2, 3], [1])).Message.ShouldStartWith("Need at least an input and an output layer, the output of width 1.");
    }
}
