using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Analysis;

/// <summary>What one start point did: the outcome, the step at which it was decided, the sign changes of n = xy − 1 counted up to then, the cycle period (0 if none) and the iterate at that step.</summary>
public readonly record struct PointOutcome(TrajectoryOutcome Outcome, int Step, int Crossings, int Period, double X, double Y);

/// <summary>
/// The labelling rule of a phase portrait of GD x' = x − η(xy − 1)y, y' = y − η(xy − 1)x, one point at a
/// time: the plain scalar reference (the vectorized sweep must give identical labels). At each iterate
/// k = 0, 1, …, budget, in this order:
/// <list type="number">
/// <item>count a crossing when n_k = x_k y_k − 1 has the opposite sign of the last non-zero n;</item>
/// <item>diverged if |x_k| or |y_k| exceeds the divergence radius or is not finite;</item>
/// <item>reached xy = 1 if <see cref="MinimizerCertificate"/> proves convergence from (x_k, y_k): orange if a
/// crossing was counted or the certificate says n alternates from now on, else green
/// (<see cref="ConvergenceTest.Residual"/>: if |n_k| ≤ tolerance, coloured by the crossings so far);</item>
/// <item>settled at the saddle if x_k = −y_k exactly and η(1 + x_k²) &lt; 2: the line x = −y is invariant (bit for
/// bit in floating point) and on it x' = x(1 − η(1 + x²)) contracts to 0 (<see cref="ConvergenceTest.Residual"/>:
/// max(|x_k|, |y_k|) ≤ tolerance);</item>
/// <item>otherwise take a step, unless k = budget: unresolved.</item>
/// </list>
/// With refinement, an unresolved point keeps going to the refined budget with the same tests plus
/// <see cref="CycleWatch"/>: a cycle of period ≤ max period; at the end, unresolved if it is nearly periodic
/// (its distance from a cycle is below 1e-3 of its extent) or still settling (<see cref="IsSettling"/>), else
/// bounded aperiodic.
/// </summary>
public static class FactorizationOutcome
{
    /// <summary>Runs the rule from (x₀, y₀) (refining if the settings ask for it).</summary>
    public static PointOutcome Classify(double x0, double y0, double eta, PortraitSettings settings)
    {
        settings.Validate();
        var w = Walker.Start(x0, y0);
        var first = w.Run(eta, settings, settings.Steps);
        return first.Outcome == TrajectoryOutcome.Unresolved && settings.Refines ? Refine(first, eta, settings) : first;
    }

    /// <summary>Continues an unresolved point from its last iterate with cycle detection, up to the refined budget.</summary>
    public static PointOutcome Refine(PointOutcome unresolved, double eta, PortraitSettings settings)
    {
        if (unresolved.Outcome != TrajectoryOutcome.Unresolved) return unresolved;
        var w = Walker.Resume(unresolved);
        var watch = new CycleWatch(settings.MaxPeriod, settings.CycleWindow, settings.CycleTolerance);
        int start = unresolved.Step, total = Math.Max(settings.RefinedSteps, start);
        // The distance from any cycle, at the end of each eighth of the refinement.
        var mismatch = new double[Checkpoints];
        int seen = 0;
        while (true)
        {
            var o = w.Check(eta, settings);
            if (o != TrajectoryOutcome.Unresolved) return w.Result(o);
            int period = watch.Push(w.X, w.Y);
            if (period > 0) return w.Result(TrajectoryOutcome.Cycle, period);
            if (seen < Checkpoints && w.Step >= start + (long)(total - start) * (seen + 1) / Checkpoints) mismatch[seen++] = watch.Mismatch();
            if (w.Step >= total) break;
            w.Advance(eta);
        }
        bool nearlyPeriodic = watch.Mismatch() <= NearlyPeriodic * watch.Spread();
        return w.Result(nearlyPeriodic || IsSettling(mismatch) ? TrajectoryOutcome.Unresolved : TrajectoryOutcome.BoundedAperiodic);
    }

    /// <summary>
    /// A tail whose distance from some cycle is below this fraction of its own extent is nearly periodic: drifting
    /// slowly along or toward a cycle (e.g. at η = 1, where the approach to xy = 1 is only algebraic), not aperiodic.
    /// </summary>
    public const double NearlyPeriodic = 1e-3;

    /// <summary>Checkpoints of the refinement at which the distance from a cycle is measured.</summary>
    public const int Checkpoints = 8;

    /// <summary>
    /// Still settling (so unresolved rather than aperiodic): the distance from a cycle decreased at every
    /// checkpoint and by at least 10% overall. Slow convergence (geometric or algebraic) does that; a chaotic or
    /// quasi-periodic orbit, whose distance fluctuates, does not. An undefined distance (refinement too short) is settling.
    /// </summary>
    public static bool IsSettling(IReadOnlyList<double> mismatch)
    {
        if (mismatch.Any(m => double.IsInfinity(m) || double.IsNaN(m))) return true;
        for (int i = 1; i < mismatch.Count; i++)
            if (!(mismatch[i] < mismatch[i - 1])) return false;
        return mismatch[^1] <= 0.9 * mismatch[0];
    }

    /// <summary>The state of one trajectory under the rule.</summary>
    internal struct Walker
    {
        public double X, Y, LastSign;
        public int Step, Crossings;

        public static Walker Start(double x0, double y0)
        {
            double n = x0 * y0 - 1;
            return new Walker { X = x0, Y = y0, LastSign = n < 0 ? -1 : n > 0 ? 1 : 0 };
        }

        public static Walker Resume(PointOutcome p)
        {
            double n = p.X * p.Y - 1;
            return new Walker { X = p.X, Y = p.Y, Step = p.Step, Crossings = p.Crossings, LastSign = n < 0 ? -1 : 1 };
        }

        /// <summary>Tests of the rule on the current iterate (crossing count, divergence, minimizers, saddle).</summary>
        public TrajectoryOutcome Check(double eta, PortraitSettings s)
        {
            double n = X * Y - 1;
            if (n * LastSign < 0) Crossings++;
            if (n != 0) LastSign = n < 0 ? -1 : 1;
            double r = s.DivergenceRadius;
            if (!(Math.Abs(X) <= r && Math.Abs(Y) <= r)) return TrajectoryOutcome.Diverged;
            if (s.Convergence == ConvergenceTest.Certified)
            {
                var v = MinimizerCertificate.Check(X, Y, eta);
                if (v != MinimizerCertificate.Verdict.None)
                    return Crossings > 0 || v == MinimizerCertificate.Verdict.AlternatesSign ? TrajectoryOutcome.ConvergedWithCrossing : TrajectoryOutcome.ConvergedWithoutCrossing;
                if (X + Y == 0 && eta * (1 + X * X) < 2) return TrajectoryOutcome.Saddle;
            }
            else
            {
                if (Math.Abs(n) <= s.Tolerance)
                    return Crossings > 0 ? TrajectoryOutcome.ConvergedWithCrossing : TrajectoryOutcome.ConvergedWithoutCrossing;
                if (Math.Abs(X) <= s.Tolerance && Math.Abs(Y) <= s.Tolerance) return TrajectoryOutcome.Saddle;
            }
            return TrajectoryOutcome.Unresolved;
        }

        public void Advance(double eta)
        {
            double g = eta * (X * Y - 1);
            double x = X - g * Y, y = Y - g * X;
            X = x; Y = y; Step++;
        }

        public PointOutcome Run(double eta, PortraitSettings s, int budget)
        {
            while (true)
            {
                var o = Check(eta, s);
                if (o != TrajectoryOutcome.Unresolved || Step >= budget) return Result(o);
                Advance(eta);
            }
        }

        public readonly PointOutcome Result(TrajectoryOutcome o, int period = 0) => new(o, Step, Crossings, period, X, Y);
    }
}
