using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class SingleNeuronTests
{
    private static readonly SingleNeuronPopulationLoss Loss = new([0.6, -0.8, 0]);

    [Fact]
    public void ClosedFormValuesAtKnownPoints()
    {
        Loss.Dimension.ShouldBe(4);
        Loss.InputDimension.ShouldBe(3);
        // On the teacher: zero. At w = 0: ½‖w̃‖²/d. At w ∝ −w̃ (α = π): (½v²‖w‖² + ½‖w̃‖²)/d.
        Loss.ValueAt([2, 0.3, -0.4, 0]).ShouldBe(0, 1e-15);
        Loss.ValueAt([1, 0, 0, 0]).ShouldBe(0.5 / 3, 1e-15);
        Loss.ValueAt([1, -0.6, 0.8, 0]).ShouldBe((0.5 + 0.5) / 3, 1e-15);
        // Orthogonal (α = π/2): (½v²‖w‖² − v‖w‖/π + ½)/d.
        Loss.ValueAt([1, 0, 0, 2]).ShouldBe((2 - 2 / Math.PI + 0.5) / 3, 1e-15);
        Loss.Teacher.ShouldBe([0.6, -0.8, 0]);
    }

    [Fact]
    public void ClosedFormGradientMatchesAutomaticDifferentiation()
    {
        var rng = new Random(3);
        for (int t = 0; t < 20; t++)
        {
            var p = Enumerable.Range(0, 4).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            var ad = AutoDiff.Gradient<Real>(Loss, p.Select(x => (Real)x).ToArray());
            Loss.GradientAt(p).Zip(ad, (a, b) => Math.Abs(a - b.Value)).Max().ShouldBeLessThan(1e-13);
        }
    }

    [Fact]
    public void MonteCarloAgreesWithTheClosedFormWithinItsStandardError()
    {
        double[] theta = [0.7, 0.3, 0.5, -0.2];
        var est = Loss.EstimateBySampling(theta, 200_000, new Random(5));
        est.Samples.ShouldBe(200_000);
        Math.Abs(est.Value - Loss.ValueAt(theta)).ShouldBeLessThan(4 * est.ValueStandardError);
        est.ValueStandardError.ShouldBeGreaterThan(0);
        var g = Loss.GradientAt(theta);
        for (int i = 0; i < 4; i++) Math.Abs(est.Gradient[i] - g[i]).ShouldBeLessThan(4 * est.GradientStandardError[i] + 1e-12);
    }

    [Fact]
    public void ReducedCoordinatesAndAngle()
    {
        var r = new SingleNeuronPopulationLoss([1, 0, 0]).Reduce([2, 3, 4, 0]);
        r.ShouldBe([2.0, 3.0, 4.0]);
        SingleNeuronPopulationLoss.Angle<Real>(1, 0).Value.ShouldBe(0);
        SingleNeuronPopulationLoss.Angle<Real>(0, 1).Value.ShouldBe(Math.PI / 2, 1e-15);
        SingleNeuronPopulationLoss.Angle<Real>(-1, 0).Value.ShouldBe(Math.PI, 1e-15);
        SingleNeuronPopulationLoss.Angle<Real>(1, 1).Value.ShouldBe(Math.PI / 4, 1e-15);
        SingleNeuronPopulationLoss.Angle<Real>(-1, 1).Value.ShouldBe(3 * Math.PI / 4, 1e-15);
        SingleNeuronPopulationLoss.Angle<Real>(0.1, 1).Value.ShouldBe(Math.Atan2(1, 0.1), 1e-15);
        SingleNeuronPopulationLoss.Angle<Real>(0, 0).Value.ShouldBe(0);
        SingleNeuronReducedLoss.AngleOf([1, 1, -1]).ShouldBe(Math.PI / 4, 1e-15);
    }

    [Fact]
    public void ReducedLossIsTheFullLossInTheTeachersPlaneAndItsGradientMatchesAD()
    {
        var full = new SingleNeuronPopulationLoss([1, 0, 0, 0]);
        var reduced = new SingleNeuronReducedLoss(4);
        reduced.Dimension.ShouldBe(3);
        reduced.InputDimension.ShouldBe(4);
        var rng = new Random(9);
        for (int t = 0; t < 20; t++)
        {
            double v = rng.NextDouble() * 2, wx = rng.NextDouble() * 2 - 1, wy = rng.NextDouble() * 2 - 1;
            reduced.ValueAt([v, wx, wy]).ShouldBe(full.ValueAt([v, wx, 0, wy, 0]), 1e-14);
            var ad = AutoDiff.Gradient<Real>(reduced, new Real[] { v, wx, wy });
            reduced.GradientAt([v, wx, wy]).Zip(ad, (a, b) => Math.Abs(a - b.Value)).Max().ShouldBeLessThan(1e-13);
        }
        // Even in w_y; zero gradient at the origin of w.
        reduced.ValueAt([1, 0.5, 0.3]).ShouldBe(reduced.ValueAt([1, 0.5, -0.3]), 1e-15);
        SingleNeuronReducedLoss.OrthogonalGradient<Real>(1, 0, 0, 2).Value.ShouldBe(0);
        Should.Throw<ArgumentOutOfRangeException>(() => new SingleNeuronReducedLoss(0)).ParamName.ShouldBe("inputDimension");
    }

    [Fact]
    public void TheOrthogonalGradientIsExactInRationals()
    {
        Rational pi = Rational.FromDouble(Math.PI);
        var g = SingleNeuronReducedLoss.OrthogonalGradient<Rational>(2, 3, 4, 5);
        g.ShouldBe((4 * 4 - 2 / pi * 4 * 4 / 25) / 5);
    }

    [Fact]
    public void GradientDescentKeepsWInThePlaneOfTeacherAndStart()
    {
        var full = new SingleNeuronPopulationLoss([1, 0, 0]);
        var p = GradientDescent.Iterate(full, [0.1, 0.05, 0.05, 0], 1.05 * 3, 50);
        p[3].ShouldBe(0);
    }

    [Fact]
    public void InvalidTeachersAreRejected()
    {
        Should.Throw<ArgumentException>(() => new SingleNeuronPopulationLoss([1]));
        Should.Throw<ArgumentException>(() => new SingleNeuronPopulationLoss([0, 0]));
    }
}
