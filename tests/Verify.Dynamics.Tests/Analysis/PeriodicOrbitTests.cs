using Verify.Dynamics.Analysis;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Tests.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class PeriodicOrbitTests
{

    /// <summary>A linear map that is singular for Newton on F − x (multiplier exactly 1).</summary>
    private sealed class Shift : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] + T.FromInt(1)];
    }

    [Fact]
    public void FindsTheLogisticTwoCycleWithItsMultiplier()
    {
        // r = 3.2: the 2-cycle is ((r + 1) ± ((r + 1)(r − 3))^½)/(2r), multiplier 4 + 2r − r².
        double r = 3.2;
        var s = PeriodicOrbit.Find(new LogisticMap(r), 0.5, 2);
        s.Status.ShouldBe(OrbitSearchStatus.Found);
        s.Found.ShouldBeTrue();
        var o = s.Orbit!;
        o.Period.ShouldBe(2);
        double disc = Math.Sqrt((r + 1) * (r - 3));
        o.Sorted().ShouldBe([(r + 1 - disc) / (2 * r), (r + 1 + disc) / (2 * r)], 1e-12);
        o.Multiplier.ShouldBe(4 + 2 * r - r * r, 1e-10);
        o.SpectralRadius.ShouldBe(Math.Abs(4 + 2 * r - r * r), 1e-10);
        o.IsStable.ShouldBeTrue();
        o.Residual.ShouldBeLessThanOrEqualTo(1e-12 * 2);
        s.Residual.ShouldBe(o.Residual);
        s.Iterations.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void AnUnstableCycleIsFoundAndReportedUnstable()
    {
        // r = 3.5: the 2-cycle exists but is unstable (the attractor has period 4).
        var o = PeriodicOrbit.Find(new LogisticMap(3.5), 0.45, 2).Orbit!;
        o.Multiplier.ShouldBe(4 + 7 - 12.25, 1e-10);
        o.IsStable.ShouldBeFalse();
        var four = PeriodicOrbit.Find(new LogisticMap(3.5), 0.5, 4, maxIterations: 200);
        four.Status.ShouldBe(OrbitSearchStatus.Found);
        four.Orbit!.Points.Count.ShouldBe(4);
        four.Orbit.IsStable.ShouldBeTrue();
    }

    [Fact]
    public void AFixedPointIsNotAPrimePeriodTwoOrbit()
    {
        // Near the fixed point 1 − 1/r of r = 2.8 (stable), Newton on F² converges to it: prime period 1.
        var s = PeriodicOrbit.Find(new LogisticMap(2.8), 0.6, 2);
        s.Status.ShouldBe(OrbitSearchStatus.LowerPeriod);
        s.Found.ShouldBeFalse();
        s.Orbit!.Period.ShouldBe(1);
        s.Orbit.Points[0][0].ShouldBe(1 - 1 / 2.8, 1e-12);
        s.Orbit.Multiplier.ShouldBe(2 - 2.8, 1e-12);
    }

    [Fact]
    public void GradientDescentOnTheQuarticWellHasTheClosedFormTwoCycle()
    {
        var f = QuarticWell.Instance;
        var map = new GradientDescentMap(f, 1.1);
        var o = PeriodicOrbit.Find(map, 0.9, 2).Orbit!;
        var (lo, hi) = f.TwoCycle(1.1)!.Value;
        o.Sorted().ShouldBe([lo, hi], 1e-12);
        o.Multiplier.ShouldBe(f.TwoCycleMultiplier(1.1), 1e-10);
    }

    [Fact]
    public void TwoDimensionalOrbitsGetEigenvalueMultipliers()
    {
        // ½(xy − 1)² at η = 1.1: the balanced 2-cycle (δ₁, δ₁) ↔ (δ₂, δ₂); multipliers are the along-diagonal
        // one, 7 − 4η − 2η², and the across one, 3 − 2η (the two-step factor of x − y).
        var map = new GradientDescentMap(ScalarFactorization.Instance, 1.1);
        var s = PeriodicOrbit.Find(map, [0.85, 0.86], 2);
        s.Status.ShouldBe(OrbitSearchStatus.Found);
        var o = s.Orbit!;
        o.Points[0][0].ShouldBe(o.Points[0][1], 1e-12);
        o.Multipliers.Select(z => z.Real).OrderBy(v => v).ToArray().ShouldBe(new[] { 7 - 4.4 - 2 * 1.21, 3 - 2.2 }.OrderBy(v => v).ToArray(), 1e-9);
        o.Multipliers.All(z => Math.Abs(z.Imaginary) < 1e-12).ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => o.Multiplier);
        o.Sorted(1).Length.ShouldBe(2);
        o.Monodromy.GetLength(0).ShouldBe(2);
    }

    [Fact]
    public void FailuresAreOutcomesNotExceptions()
    {
        PeriodicOrbit.Find(new Shift(), 0.0, 1).Status.ShouldBe(OrbitSearchStatus.Singular);
        // A start that escapes to infinity under the quartic step.
        PeriodicOrbit.Find(new GradientDescentMap(QuarticWell.Instance, 10), 1e120, 2).Status.ShouldBe(OrbitSearchStatus.NonFinite);
        // No 3-cycle of the logistic map at r = 3.2 near 0.3 within two Newton steps.
        var s = PeriodicOrbit.Find(new LogisticMap(3.2), 0.3, 3, maxIterations: 2);
        s.Status.ShouldBe(OrbitSearchStatus.NotConverged);
        s.Orbit.ShouldBeNull();
        s.Point.Length.ShouldBe(1);
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PeriodicOrbit.Find(new LogisticMap(3.2), 0.5, 0));
        Should.Throw<ArgumentException>(() => PeriodicOrbit.Find(new LogisticMap(3.2), [0.5, 0.5], 2));
    }

    [Fact]
    public void BuildGivesTheOrbitThroughAPointWithoutSearching()
    {
        var o = PeriodicOrbit.Build(new LogisticMap(2.0), [0.5], 1, 0);
        o.Points.Count.ShouldBe(1);
        o.Multiplier.ShouldBe(0);  // superstable: the fixed point ½ of r = 2 is the critical point
        o.Residual.ShouldBe(0);
    }
}
