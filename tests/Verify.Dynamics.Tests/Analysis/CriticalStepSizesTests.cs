using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class CriticalStepSizesTests
{
    private static readonly double[] Bounds = [1, 2, 4];

    [Fact]
    public void TheScalarChainHasEqualCriticalStepSizes()
    {
        // ½(1 − xy)²: λ = x² + y² on xy = 1, minimum 2 at (1, 1): η_C = η_E = 1.
        var net = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5);
        var c = CriticalStepSizes.Compute(net, starts: 2, seed: 1, Bounds);
        c.EtaC.ShouldBe(1, 1e-6);
        c.EtaE.ShouldBe(1, 1e-6);
        c.LargestEigenvalue.Attained.ShouldBeTrue();
        c.LargestEigenvalue.ByBound.Count.ShouldBe(3);
    }

    [Fact]
    public void ADepthOneNetworkIsASinglePoint()
    {
        var net = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { 2 } }, new double[,] { { 1 } });
        var c = CriticalStepSizes.Compute(net, 1, 1, Bounds);
        c.EtaC.ShouldBe(2 / 8.0, 1e-12); // L = (1 − 2w)², L″ = 8
        c.EtaE.ShouldBe(c.EtaC);
    }

    [Fact]
    public void TheSmallestEigenvalueOfAWiderOutputHasInfimumZero()
    {
        // (1 − ab)² + (1 − ac)²: nonzero eigenvalues 2a² and 2a² + 4/a² on M — λ_min → 0 as a → 0.
        var net = new DeepLinearNetwork(new LayerWidths(1, 1, 2), new double[,] { { 1 } }, new double[,] { { 1 }, { 1 } });
        var c = CriticalStepSizes.Compute(net, 2, 3, Bounds);
        c.EtaC.ShouldBe(2 / (4 * Math.Sqrt(2)), 1e-6);
        c.SmallestNonzeroEigenvalue.Attained.ShouldBeFalse();
        double.IsPositiveInfinity(c.EtaE).ShouldBeTrue();
        c.SmallestNonzeroEigenvalue.ByBound[2].Value.ShouldBeLessThan(c.SmallestNonzeroEigenvalue.ByBound[0].Value / 100);
        var point = c.SmallestNonzeroEigenvalue.Argument;
        CriticalStepSizes.NonzeroEigenvalues(net, point).Length.ShouldBe(2);
        Should.Throw<ArgumentException>(() => CriticalStepSizes.Infimum(ProductFibre.Of(net), point, _ => 0, 1, 1, [1]));
    }

    [Fact]
    public void TheFirstStartIsTheBasePointAndTheSeedsAreFixed()
    {
        // One start is the chart origin, whatever the seed; λ_min is searched with seed + 1, λ_max with seed.
        var net = new DeepLinearNetwork(new LayerWidths(1, 1, 2), new double[,] { { 1 } }, new double[,] { { 1 }, { 2 } });
        var m = ProductFibre.Of(net);
        var theta0 = m.BasePoint();
        double Top(double[] th) => CriticalStepSizes.NonzeroEigenvalues(net, th)[0];
        double Bottom(double[] th) => CriticalStepSizes.NonzeroEigenvalues(net, th)[^1];
        var a = CriticalStepSizes.Infimum(m, theta0, Top, 1, 1, [1, 2]);
        var b = CriticalStepSizes.Infimum(m, theta0, Top, 1, 7, [1, 2]);
        b.Value.ShouldBe(a.Value);
        b.Argument.ShouldBe(a.Argument);
        var c = CriticalStepSizes.Compute(net, 2, 5, [1, 2]);
        c.LargestEigenvalue.Value.ShouldBe(CriticalStepSizes.Infimum(m, theta0, Top, 2, 5, [1, 2]).Value);
        c.SmallestNonzeroEigenvalue.Value.ShouldBe(CriticalStepSizes.Infimum(m, theta0, Bottom, 2, 6, [1, 2]).Value);
        Should.Throw<ArgumentException>(() => CriticalStepSizes.Infimum(m, theta0, Top, 1, 1, [1]))
            .Message.ShouldBe("Need at least two bounds to tell an attained minimum from one at infinity.");
    }
}
