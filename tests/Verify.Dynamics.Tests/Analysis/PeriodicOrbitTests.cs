using Verify.Dynamics.Tests.Maps;

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
        Should.Throw<ArgumentOutOfRangeException>(() => PeriodicOrbit.Find(new LogisticMap(3.2), 0.5, 0))
            .Message.ShouldStartWith("The period must be at least 1.");
        Should.Throw<ArgumentException>(() => PeriodicOrbit.Find(new LogisticMap(3.2), [0.5, 0.5], 2))
            .Message.ShouldBe("The guess has 2 coordinates, the map 1. (Parameter 'guess')");
    }

    [Fact]
    public void BuildGivesTheOrbitThroughAPointWithoutSearching()
    {
        var o = PeriodicOrbit.Build(new LogisticMap(2.0), [0.5], 1, 0);
        o.Points.Count.ShouldBe(1);
        o.Multiplier.ShouldBe(0);  // superstable: the fixed point ½ of r = 2 is the critical point
        o.Residual.ShouldBe(0);
    }

    /// <summary>x ↦ x + 1 in every coordinate: G = F − x ≡ 1, and D(F) − I = 0.</summary>
    private sealed class ShiftAll(int d) : IMap
    {
        public int Dimension => d;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> { var y = new T[d]; for (int i = 0; i < d; i++) y[i] = x[i] + T.FromInt(1); return y; }
    }

    /// <summary>(x, y) ↦ (c − x, −y): an involution (F² = id) whose fixed point is (c/2, 0).</summary>
    private sealed class Reflection(double c) : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromDouble(c) - x[0], -x[1]];
    }

    /// <summary>F(x) = x² + x − 4: Newton on G = x² − 4 from 1 takes the full steps 2.5, 2.05, …</summary>
    private sealed class SquareRootOfFour : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] * x[0] + x[0] - T.FromInt(4)];
    }

    /// <summary>G(x) = |x| + 1 ≥ 1: from 0 every Newton step, halved or not, makes ‖G‖ larger.</summary>
    private sealed class AbsolutePlusOne : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] + T.Abs(x[0]) + T.FromInt(1)];
    }

    [Fact]
    public void ConvergenceIsRelativeToTheLargestCoordinateAndIncludesEquality()
    {
        // ‖G‖ = 1 everywhere; with tolerance 2⁻¹⁰ the test ‖G‖ ≤ 2⁻¹⁰(1 + ‖x‖∞) holds exactly (with equality)
        // at ‖x‖∞ = 1023, so the guess is accepted at once (a Newton step would be singular).
        var s = PeriodicOrbit.Find(new ShiftAll(2), [1023.0, 0], 1, tolerance: 1.0 / 1024);
        s.Status.ShouldBe(OrbitSearchStatus.Found);
        s.Iterations.ShouldBe(0);
        s.Point.ShouldBe([1023.0, 0]);
        PeriodicOrbit.Find(new ShiftAll(2), [1022.0, 0], 1, tolerance: 1.0 / 1024).Status.ShouldBe(OrbitSearchStatus.Singular);
    }

    [Fact]
    public void TheLastAllowedStepIsStillCheckedAndNoStepIsTakenBeyondIt()
    {
        var map = new SquareRootOfFour();
        var one = PeriodicOrbit.Find(new GradientDescentMap(QuarticWell.Instance, 0.1), 1.0, 1, maxIterations: 0);
        one.Status.ShouldBe(OrbitSearchStatus.Found);
        var two = PeriodicOrbit.Find(map, 1.0, 1, maxIterations: 2);
        two.Status.ShouldBe(OrbitSearchStatus.NotConverged);
        two.Iterations.ShouldBe(2);
        two.Point.ShouldBe([2.5 - 2.25 / 5]);
        // An affine map converges in one exact Newton step: found after iteration 1 even with maxIterations = 1.
        var affine = PeriodicOrbit.Find(new ShiftHalf(), 0.0, 1, maxIterations: 1);
        affine.Status.ShouldBe(OrbitSearchStatus.Found);
        affine.Iterations.ShouldBe(1);
        affine.Point.ShouldBe([2.0]);
    }

    /// <summary>x ↦ x/2 + 1 (fixed point 2).</summary>
    private sealed class ShiftHalf : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] / T.FromInt(2) + T.FromInt(1)];
    }

    [Fact]
    public void WhenNoHalvedStepHelpsTheSearchStops()
    {
        // From 1: the full step overshoots to −1 (‖G‖ = 2, not < 2), half of it lands on 0 (‖G‖ = 1). From 0 every
        // step −t (t = 1, ½, …, 2⁻²⁹) gives ‖G‖ = 1 + t > 1: not converged after 2 iterations, at the last trial point.
        var s = PeriodicOrbit.Find(new AbsolutePlusOne(), 1.0, 1);
        s.Status.ShouldBe(OrbitSearchStatus.NotConverged);
        s.Iterations.ShouldBe(2);
        Math.Abs(s.Point[0]).ShouldBe(Math.Pow(2, -29));
        s.Residual.ShouldBe(1 + Math.Pow(2, -29));
        s.Orbit.ShouldBeNull();
    }

    [Fact]
    public void APointWithinTheSeparationOfASmallerPeriodHasThatPrimePeriod()
    {
        // F² = id: every point is 2-periodic (G ≡ 0). At x = (1023, 0) with tolerance 2⁻²⁰ the separation is
        // 10⁴·2⁻²⁰·1024 = 9.765625; ‖F(x) − x‖∞ = |c − 2046| decides whether the prime period is 1.
        double sep = 1e4 * Math.Pow(2, -20) * 1024;
        var at = PeriodicOrbit.Find(new Reflection(2046 + sep), [1023.0, 0], 2, tolerance: Math.Pow(2, -20));
        at.Status.ShouldBe(OrbitSearchStatus.LowerPeriod);
        at.Orbit!.Period.ShouldBe(1);
        var beyond = PeriodicOrbit.Find(new Reflection(2046 + 2 * sep), [1023.0, 0], 2, tolerance: Math.Pow(2, -20));
        beyond.Status.ShouldBe(OrbitSearchStatus.Found);
        beyond.Orbit!.Period.ShouldBe(2);
        // Period 4: q = 1 already divides; the smallest divisor wins (q = 2 would also pass).
        var four = PeriodicOrbit.Find(new Reflection(2046 + sep), [1023.0, 0], 4, tolerance: Math.Pow(2, -20));
        four.Orbit!.Period.ShouldBe(1);
    }

    [Fact]
    public void StabilityIsStrictAndTheSpectralRadiusIsTheLargestModulus()
    {
        var neutral = new PeriodicOrbit(1, [[0.0]], new double[,] { { 1 } }, [new System.Numerics.Complex(1, 0)], 0);
        neutral.IsStable.ShouldBeFalse();
        var o = PeriodicOrbit.Build(new GradientDescentMap(ScalarFactorization.Instance, 1.1), [0.5, 2.0], 1);
        o.SpectralRadius.ShouldBe(o.Multipliers.Max(z => z.Magnitude));
        var two = new PeriodicOrbit(1, [[0.0, 0.0]], new double[,] { { 0.2, 0 }, { 0, -0.8 } },
            [new System.Numerics.Complex(0.2, 0), new System.Numerics.Complex(-0.8, 0)], 0);
        two.SpectralRadius.ShouldBe(0.8);
        Should.Throw<InvalidOperationException>(() => two.Multiplier).Message.ShouldBe("A 2-D orbit has 2 multipliers.");
    }
}
