using Verify.Dynamics.Tests.Maps;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class LyapunovExponentTests
{

    private sealed class Linear2D : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromInt(2) * x[0] + x[1], x[1] / T.FromInt(2)];
    }

    [Fact]
    public void TheFullyChaoticLogisticMapHasExponentLogTwo()
    {
        // r = 4 is conjugate to the doubling map: λ = ln 2.
        var e = LyapunovExponent.Of(new LogisticMap(4), [0.3], 100, 200_000);
        e.Exponent.ShouldBe(Math.Log(2), 0.01);
        e.Steps.ShouldBe(200_000);
        e.Diverged.ShouldBeFalse();
        var fast = LyapunovExponent.Of(x => 4 * x * (1 - x), x => 4 - 8 * x, 0.3, 100, 200_000);
        fast.Exponent.ShouldBe(Math.Log(2), 0.01);
    }

    [Fact]
    public void AStableCycleHasTheLogOfItsMultiplierPerStep()
    {
        // r = 3.2: λ = ln|4 + 2r − r²| / 2.
        double expected = Math.Log(Math.Abs(4 + 6.4 - 10.24)) / 2;
        LyapunovExponent.Of(new LogisticMap(3.2), [0.3], 2000, 10_000).Exponent.ShouldBe(expected, 1e-6);
        LyapunovExponent.Of(x => 3.2 * x * (1 - x), x => 3.2 - 6.4 * x, 0.3, 2000, 10_000).Exponent.ShouldBe(expected, 1e-6);
    }

    [Fact]
    public void InSeveralDimensionsItIsTheLargestExponent()
    {
        // Upper-triangular linear map with eigenvalues 2 and ½: λ_max = ln 2.
        LyapunovExponent.Of(new Linear2D(), [0.0, 1.0], 0, 200).Exponent.ShouldBe(Math.Log(2), 1e-2);
    }

    [Fact]
    public void DivergenceIsAnOutcome()
    {
        var map = new GradientDescentMap(QuarticWell.Instance, 10);
        var during = LyapunovExponent.Of(map, [3.0], 0, 100);
        during.Diverged.ShouldBeTrue();
        double.IsNaN(during.Exponent).ShouldBeTrue();
        LyapunovExponent.Of(map, [3.0], 100, 100).Diverged.ShouldBeTrue();
        LyapunovExponent.Of(x => x * x, x => 2 * x, 10, 0, 100).Diverged.ShouldBeTrue();
        LyapunovExponent.Of(x => x * x, x => 2 * x, 10, 100, 100).Diverged.ShouldBeTrue();
    }

    [Fact]
    public void ASuperstableOrbitHasExponentMinusInfinity()
    {
        // r = 2: the fixed point ½ is the critical point, F′(½) = 0.
        LyapunovExponent.Of(new LogisticMap(2), [0.5], 0, 10).Exponent.ShouldBe(double.NegativeInfinity);
        LyapunovExponent.Of(x => 2 * x * (1 - x), x => 2 - 4 * x, 0.5, 0, 10).Exponent.ShouldBe(double.NegativeInfinity);
    }

    /// <summary>(x, y) ↦ (x + y, x): the Fibonacci matrix.</summary>
    private sealed class Fibonacci : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] + x[1], x[0]];
    }

    /// <summary>(x, y) ↦ (y, y): forgets x, so a non-finite x is gone after one step.</summary>
    private sealed class Forget : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[1], x[1]];
    }

    /// <summary>(x, y) ↦ (10²⁰⁰x, 0): x overflows on the second step while y stays finite.</summary>
    private sealed class Blowup : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromDouble(1e200) * x[0], T.FromInt(0)];
    }

    [Fact]
    public void TheTangentIsRenormalizedEveryStepAndMeasuredInTheEuclideanNorm()
    {
        // From v = e₁: Av = (1, 1), ‖·‖ = √2; then A(1, 1)/√2 = (2, 1)/√2, ‖·‖ = √(5/2). Mean: ln √5 / 2.
        var one = LyapunovExponent.Of(new Fibonacci(), [0.0, 0], 0, 1);
        one.Exponent.ShouldBe(Math.Log(Math.Sqrt(2)), 1e-15);
        var two = LyapunovExponent.Of(new Fibonacci(), [0.0, 0], 0, 2);
        two.Exponent.ShouldBe(Math.Log(Math.Sqrt(5)) / 2, 1e-15);
        two.Steps.ShouldBe(2);
    }

    [Fact]
    public void AnyNonFiniteCoordinateIsDivergence()
    {
        var start = LyapunovExponent.Of(new Forget(), [double.PositiveInfinity, 1], 0, 5);
        start.Diverged.ShouldBeTrue();
        start.Steps.ShouldBe(0);
        var later = LyapunovExponent.Of(new Blowup(), [1.0, 0], 0, 5);
        later.Diverged.ShouldBeTrue();
        later.Steps.ShouldBe(1);
        later.Exponent.ShouldBe(double.NaN);
    }

    [Fact]
    public void TheScalarOverloadCountsItsBurnInAndDoesNotDiverge()
    {
        // x ↦ x + 1 from 0 with "derivative" x: after a burn-in of 2, one step averages ln 2.
        var e = LyapunovExponent.Of(x => x + 1, x => x, 0, 2, 1);
        e.Exponent.ShouldBe(Math.Log(2));
        e.Steps.ShouldBe(1);
        e.Diverged.ShouldBeFalse();
        LyapunovExponent.Of(x => x + 1, x => x, 0, 2, 2).Exponent.ShouldBe((Math.Log(2) + Math.Log(3)) / 2, 1e-15);
    }
}
