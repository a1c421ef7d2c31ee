using MathNet.Numerics;
using MathNet.Numerics.RootFinding;

namespace Verify.Dynamics.Geometry;

/// <summary>
/// Arc length of a parametrized plane curve t ↦ γ(t), ∫‖γ′(t)‖dt by adaptive Gauss–Kronrod quadrature,
/// and the length of the part where a level function is negative (e.g. the stable part {λ_max &lt; 2/η} of
/// a curve of minimizers): its end points are found by scanning for sign changes and refining each with
/// Brent's method, then each piece is integrated.
/// </summary>
public static class CurveLength
{
    /// <summary>Relative accuracy asked of the quadrature.</summary>
    public const double RelativeAccuracy = 1e-12;

    /// <summary>∫ₐᵇ speed(t) dt.</summary>
    public static double Of(Func<double, double> speed, double a, double b) =>
        b <= a ? 0 : Integrate.GaussKronrod(speed, a, b, RelativeAccuracy, 20, 15);

    /// <summary>The intervals of [a, b] where level(t) &lt; 0 (sign changes located to ~1e-14 relative).</summary>
    public static IReadOnlyList<(double From, double To)> NegativePieces(Func<double, double> level, double a, double b, int scan = 4096)
    {
        if (!(a < b)) throw new ArgumentException($"Need a < b, got [{a}, {b}].");
        var pieces = new List<(double, double)>();
        double? start = level(a) < 0 ? a : null;
        double t0 = a, v0 = level(a);
        for (int i = 1; i <= scan; i++)
        {
            double t1 = a + (b - a) * i / scan, v1 = level(t1);
            if ((v0 < 0) != (v1 < 0))
            {
                double root = v0 == 0 ? t0 : v1 == 0 ? t1 : Brent.FindRoot(level, t0, t1, 1e-14 * Math.Max(1, Math.Abs(t1)), 200);
                if (v1 < 0) start = root;
                else { pieces.Add((start!.Value, root)); start = null; }
            }
            t0 = t1; v0 = v1;
        }
        if (start is { } s) pieces.Add((s, b));
        return pieces;
    }

    /// <summary>The length of the part of the curve where level(t) &lt; 0.</summary>
    public static double Where(Func<double, double> speed, Func<double, double> level, double a, double b, int scan = 4096) =>
        NegativePieces(level, a, b, scan).Sum(p => Of(speed, p.From, p.To));
}
