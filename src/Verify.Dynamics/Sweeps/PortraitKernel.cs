using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Verify.Dynamics.Analysis;

namespace Verify.Dynamics.Sweeps;

/// <summary>
/// The labelling rule of <see cref="FactorizationOutcome"/> on four start points at once (Vector256):
/// the same operations in the same order, so the labels are identical to the scalar reference. Each lane
/// is refilled with the next start point as soon as its point is decided, so one slow point does not
/// hold three finished lanes idle (early exit per point).
/// </summary>
internal static class PortraitKernel
{
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Labels the points (xs[j], y) for j = 0 … xs.Length − 1 into panel indices offset + j (budget-limited rule only).</summary>
    // Compiled fully optimized at once: the loop runs only a few steps per call, too few for tiering to promote it in time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Row(double[] xs, double y, double eta, PortraitSettings s, PortraitPanel panel, int offset)
    {
        var one = Vector256<double>.One;
        var zero = Vector256<double>.Zero;
        var minusOne = Vector256.Create(-1.0);
        var two = Vector256.Create(2.0);
        var etaV = Vector256.Create(eta);
        var radius = Vector256.Create(s.DivergenceRadius);
        var tolerance = Vector256.Create(s.Tolerance);
        var maxResidual = Vector256.Create(MinimizerCertificate.MaxResidual);
        var budget = Vector256.Create((double)s.Steps);
        bool certified = s.Convergence == ConvergenceTest.Certified;

        // Lane state lives in registers; the rare refill goes through these buffers.
        Span<double> bx = stackalloc double[4], by = stackalloc double[4], bl = stackalloc double[4],
            bc = stackalloc double[4], bs = stackalloc double[4], ba = stackalloc double[4];
        Span<int> lane = stackalloc int[4];
        int next = 0;
        for (int l = 0; l < 4; l++) next = Load(l, next, xs, y, eta, s, panel, offset, bx, by, bl, bc, bs, ba, lane);
        Vector256<double> x = Vector256.Create<double>(bx), yv = Vector256.Create<double>(by), last = Vector256.Create<double>(bl),
            cross = Vector256.Create<double>(bc), step = Vector256.Create<double>(bs), active = Vector256.Create<double>(ba);

        while (active != zero)
        {
            var n = x * yv - one;
            cross += Vector256.LessThan(n * last, zero) & one;
            last = Vector256.ConditionalSelect(Vector256.Equals(n, zero), last, Vector256.ConditionalSelect(Vector256.LessThan(n, zero), minusOne, one));
            var diverged = ~(Vector256.LessThanOrEqual(Vector256.Abs(x), radius) & Vector256.LessThanOrEqual(Vector256.Abs(yv), radius));
            Vector256<double> converged, alternates = zero, saddle;
            if (certified)
            {
                converged = zero;
                var nu = Vector256.Abs(n);
                if ((Vector256.LessThanOrEqual(nu, maxResidual) & Vector256.LessThan(etaV * (one + nu), one) & active) != zero)
                    (converged, alternates) = MinimizerCertificate.Check(x, yv, etaV);
                saddle = Vector256.Equals(x + yv, zero) & Vector256.LessThan(etaV * (one + x * x), two);
            }
            else
            {
                converged = Vector256.LessThanOrEqual(Vector256.Abs(n), tolerance);
                saddle = Vector256.LessThanOrEqual(Vector256.Abs(x), tolerance) & Vector256.LessThanOrEqual(Vector256.Abs(yv), tolerance);
            }
            var done = active & (diverged | converged | saddle | Vector256.GreaterThanOrEqual(step, budget));
            if (done != zero)
            {
                uint bits = done.ExtractMostSignificantBits();
                x.CopyTo(bx); yv.CopyTo(by); last.CopyTo(bl); cross.CopyTo(bc); step.CopyTo(bs); active.CopyTo(ba);
                for (int l = 0; l < 4; l++)
                {
                    if ((bits & (1u << l)) == 0) continue;
                    var outcome = diverged.GetElement(l) != 0 ? TrajectoryOutcome.Diverged
                        : converged.GetElement(l) != 0 ? (bc[l] > 0 || alternates.GetElement(l) != 0 ? TrajectoryOutcome.ConvergedWithCrossing : TrajectoryOutcome.ConvergedWithoutCrossing)
                        : saddle.GetElement(l) != 0 ? TrajectoryOutcome.Saddle
                        : TrajectoryOutcome.Unresolved;
                    panel.Set(offset + lane[l], new PointOutcome(outcome, (int)bs[l], (int)bc[l], 0, bx[l], by[l]));
                    next = Load(l, next, xs, y, eta, s, panel, offset, bx, by, bl, bc, bs, ba, lane);
                }
                x = Vector256.Create<double>(bx); yv = Vector256.Create<double>(by); last = Vector256.Create<double>(bl);
                cross = Vector256.Create<double>(bc); step = Vector256.Create<double>(bs); active = Vector256.Create<double>(ba);
                n = x * yv - one; // refilled lanes were checked at step 0 by the scalar rule: step everything
            }
            var g = etaV * n;
            var xNext = x - g * yv;
            yv -= g * x;
            x = xNext;
            step += one;
        }
    }

    /// <summary>
    /// Puts the next undecided start point in lane l (or idles the lane) and returns the new next index. Each start is
    /// first checked at step 0 with the scalar rule (the same tests), so a refilled lane can step at once; starts
    /// decided at step 0 are written directly.
    /// </summary>
    private static int Load(int l, int next, double[] xs, double y, double eta, PortraitSettings s, PortraitPanel panel, int offset,
        Span<double> bx, Span<double> by, Span<double> bl, Span<double> bc, Span<double> bs, Span<double> ba, Span<int> lane)
    {
        for (; next < xs.Length; next++)
        {
            var w = FactorizationOutcome.Walker.Start(xs[next], y);
            var o = w.Check(eta, s);
            if (o != TrajectoryOutcome.Unresolved || s.Steps == 0) { panel.Set(offset + next, w.Result(o)); continue; }
            bx[l] = w.X; by[l] = w.Y; bl[l] = w.LastSign;
            bc[l] = 0; bs[l] = 0; ba[l] = BitConverter.Int64BitsToDouble(-1);
            lane[l] = next;
            return next + 1;
        }
        bx[l] = 0; by[l] = 0; ba[l] = 0;
        return next;
    }
}
