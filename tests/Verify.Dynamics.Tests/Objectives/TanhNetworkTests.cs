using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class TanhNetworkTests
{
    [Fact]
    public void ValueOfASmallNetworkByHand()
    {
        // One input, one tanh unit, one tanh output: Φ = tanh(v·tanh(w x + b) + c).
        var net = new TanhNetwork(new LayerWidths(1, 1, 1), new double[,] { { 0.5 } }, new double[,] { { 0.2 } });
        net.Dimension.ShouldBe(4);
        double w = 0.3, b = -0.1, v = 1.7, c = 0.05;
        double phi = Math.Tanh(v * Math.Tanh(w * 0.5 + b) + c);
        net.ValueAt([w, b, v, c]).ShouldBe((phi - 0.2) * (phi - 0.2), 1e-15);
        net.Widths.Depth.ShouldBe(2);
        new TanhNetwork(new LayerWidths(2, 3, 1), new double[2, 4], new double[1, 4]).Dimension.ShouldBe(2 * 3 + 3 + 3 + 1);
        Should.Throw<ArgumentException>(() => net.ValueAt([1.0]));
        Should.Throw<ArgumentException>(() => new TanhNetwork(new LayerWidths(1, 1), new double[2, 1], new double[1, 1])).Message.ShouldBe("Need X 1×n and Y 1×n.");
    }

    [Fact]
    public void HessianBySecondOrderDualsIsSymmetricAndMatchesFiniteDifferences()
    {
        var net = new TanhNetwork(new LayerWidths(2, 2, 1), new double[,] { { 0.5, -1 }, { 0.3, 0.8 } }, new double[,] { { 0.2, -0.4 } });
        var theta = Enumerable.Range(0, net.Dimension).Select(i => 0.1 * (i - 4)).ToArray();
        var h = net.HessianAt(theta);
        var g = net.GradientAt(theta);
        const double e = 1e-6;
        for (int p = 0; p < net.Dimension; p++)
        {
            var tp = (double[])theta.Clone(); tp[p] += e;
            var tm = (double[])theta.Clone(); tm[p] -= e;
            var gp = net.GradientAt(tp); var gm = net.GradientAt(tm);
            for (int q = 0; q < net.Dimension; q++)
            {
                h[p, q].ShouldBe(h[q, p], 1e-14);
                h[q, p].ShouldBe((gp[q] - gm[q]) / (2 * e), 1e-7);
            }
            ((net.ValueAt(tp) - net.ValueAt(tm)) / (2 * e)).ShouldBe(g[p], 1e-8);
        }
    }
}
