using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Geometry;

public sealed class CurveLengthTests
{
    [Fact]
    public void LengthsOfKnownCurves()
    {
        // Unit circle: speed 1 over [0, 2π].
        CurveLength.Of(_ => 1, 0, 2 * Math.PI).ShouldBe(2 * Math.PI, 1e-12);
        CurveLength.Of(t => 2 * t, 0, 3).ShouldBe(9, 1e-12);
        CurveLength.Of(_ => 1, 2, 1).ShouldBe(0);
        // Parabola y = x² on [0, 1]: ∫√(1 + 4x²) = (2√5 + asinh 2)/4.
        CurveLength.Of(x => Math.Sqrt(1 + 4 * x * x), 0, 1).ShouldBe((2 * Math.Sqrt(5) + Math.Asinh(2)) / 4, 1e-12);
    }

    [Fact]
    public void ThePartWhereALevelIsNegative()
    {
        var pieces = CurveLength.NegativePieces(t => Math.Sin(t), 0.5, 10);
        pieces.Count.ShouldBe(2);
        pieces[0].From.ShouldBe(Math.PI, 1e-12); pieces[0].To.ShouldBe(2 * Math.PI, 1e-12);
        pieces[1].From.ShouldBe(3 * Math.PI, 1e-12); pieces[1].To.ShouldBe(10);
        CurveLength.Where(_ => 1, t => t * t - 1, -3, 3).ShouldBe(2, 1e-12);
        CurveLength.Where(_ => 1, t => -1, 0, 2).ShouldBe(2, 1e-14);
        CurveLength.Where(_ => 1, t => 1, 0, 2).ShouldBe(0);
        Should.Throw<ArgumentException>(() => CurveLength.NegativePieces(t => t, 1, 1)).Message.ShouldBe("Need a < b, got [1, 1].");
        // Roots exactly on scan points: (t − 1)(t − 3) on [0, 4] with 4 scan intervals.
        var exact = CurveLength.NegativePieces(t => (t - 1) * (t - 3), 0, 4, scan: 4);
        exact.Count.ShouldBe(1);
        exact[0].From.ShouldBe(1); exact[0].To.ShouldBe(3);
        CurveLength.NegativePieces(t => t - 2, 0, 4, scan: 3).Single().From.ShouldBe(0);
    }
}
