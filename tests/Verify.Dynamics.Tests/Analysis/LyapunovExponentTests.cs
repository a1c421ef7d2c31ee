using Verify.Dynamics.Analysis;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Tests.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

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
}
