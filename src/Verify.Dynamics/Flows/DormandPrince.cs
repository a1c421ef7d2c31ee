namespace Verify.Dynamics.Flows;

/// <summary>dy/dt = f(t, y), written into <c>dydt</c>.</summary>
public delegate void OdeRightHandSide(double t, ReadOnlySpan<double> y, Span<double> dydt);

/// <summary>
/// Error control of the adaptive solver: a step is accepted when its local error estimate e satisfies
/// max_i |e_i| / (AbsoluteTolerance + RelativeTolerance·max(|y_i|, |y_i⁺|)) ≤ 1.
/// </summary>
public sealed record OdeTolerances(double RelativeTolerance = 1e-10, double AbsoluteTolerance = 1e-12, double InitialStep = 1e-3, double MaxStep = double.PositiveInfinity, int MaxSteps = 2_000_000);

public enum OdeStatus { Reached, Stopped, StepBudget, StepTooSmall, NonFinite }

/// <summary>The accepted points (tᵢ, yᵢ) of a solve, how it ended, and its step counts.</summary>
public sealed record OdeSolution(IReadOnlyList<double> Times, IReadOnlyList<double[]> States, OdeStatus Status, int AcceptedSteps, int RejectedSteps)
{
    public double FinalTime => Times[^1];
    public double[] Final => States[^1];
}

/// <summary>
/// The Dormand–Prince 5(4) embedded Runge–Kutta pair with adaptive step size (FSAL, 7 stages, 6 new
/// evaluations per step), the standard non-stiff solver (MATLAB ode45, SciPy RK45). MathNet.Numerics
/// offers only fixed-step Runge–Kutta, which cannot state an error tolerance; gradient flows near a
/// saddle need small steps for a while and large ones later, which is what the adaptive step does.
/// The 5th-order solution is propagated (local extrapolation); the 4th-order one only estimates error.
/// </summary>
public static class DormandPrince
{
    private static readonly double[] C = [0, 1.0 / 5, 3.0 / 10, 4.0 / 5, 8.0 / 9, 1, 1];
    private static readonly double[][] A =
    [
        [],
        [1.0 / 5],
        [3.0 / 40, 9.0 / 40],
        [44.0 / 45, -56.0 / 15, 32.0 / 9],
        [19372.0 / 6561, -25360.0 / 2187, 64448.0 / 6561, -212.0 / 729],
        [9017.0 / 3168, -355.0 / 33, 46732.0 / 5247, 49.0 / 176, -5103.0 / 18656],
        [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84],
    ];

    // 5th-order weights (= last row of A: first same as last) and the 4th-order embedded weights.
    private static readonly double[] B5 = [35.0 / 384, 0, 500.0 / 1113, 125.0 / 192, -2187.0 / 6784, 11.0 / 84, 0];
    private static readonly double[] B4 = [5179.0 / 57600, 0, 7571.0 / 16695, 393.0 / 640, -92097.0 / 339200, 187.0 / 2100, 1.0 / 40];

    /// <summary>
    /// Integrates from (t₀, y₀) to t₁ with adaptive steps, recording every accepted point. Stops early
    /// when <paramref name="stop"/> holds at an accepted point.
    /// </summary>
    public static OdeSolution Solve(OdeRightHandSide f, double t0, ReadOnlySpan<double> y0, double t1, OdeTolerances? tolerances = null, Func<double, double[], bool>? stop = null)
    {
        var tol = tolerances ?? new OdeTolerances();
        if (!(t1 > t0)) throw new ArgumentException($"Need t1 > t0, got [{t0}, {t1}].");
        int n = y0.Length;
        var times = new List<double> { t0 };
        var states = new List<double[]> { y0.ToArray() };
        var y = y0.ToArray();
        var k = new double[7][];
        for (int s = 0; s < 7; s++) k[s] = new double[n];
        var stage = new double[n];
        var y5 = new double[n];
        double t = t0, h = Math.Min(tol.InitialStep, t1 - t0);
        f(t, y, k[0]);
        int accepted = 0, rejected = 0;
        while (true)
        {
            if (t >= t1) return new OdeSolution(times, states, OdeStatus.Reached, accepted, rejected);
            if (accepted + rejected >= tol.MaxSteps) return new OdeSolution(times, states, OdeStatus.StepBudget, accepted, rejected);
            h = Math.Min(Math.Min(h, tol.MaxStep), t1 - t);
            if (h < 1e-14 * Math.Max(1, Math.Abs(t))) return new OdeSolution(times, states, OdeStatus.StepTooSmall, accepted, rejected);

            for (int s = 1; s < 7; s++)
            {
                for (int i = 0; i < n; i++)
                {
                    double acc = y[i];
                    for (int j = 0; j < s; j++) acc += h * A[s][j] * k[j][i];
                    stage[i] = acc;
                }
                f(t + C[s] * h, stage, k[s]);
                if (s == 6) stage.CopyTo(y5, 0); // stage 7 is evaluated at the 5th-order solution (FSAL)
            }

            double err = 0;
            for (int i = 0; i < n; i++)
            {
                double e = 0;
                for (int s = 0; s < 7; s++) e += (B5[s] - B4[s]) * k[s][i];
                e *= h;
                double scale = tol.AbsoluteTolerance + tol.RelativeTolerance * Math.Max(Math.Abs(y[i]), Math.Abs(y5[i]));
                err = Math.Max(err, Math.Abs(e) / scale);
            }
            if (!double.IsFinite(err)) return new OdeSolution(times, states, OdeStatus.NonFinite, accepted, rejected);

            if (err <= 1)
            {
                t += h;
                y5.CopyTo(y, 0);
                (k[0], k[6]) = (k[6], k[0]);
                accepted++;
                times.Add(t);
                states.Add((double[])y.Clone());
                if (stop is not null && stop(t, states[^1])) return new OdeSolution(times, states, OdeStatus.Stopped, accepted, rejected);
            }
            else rejected++;
            // Standard controller for a 5th-order step: safety 0.9, growth limited to [0.2, 5].
            double factor = err == 0 ? 5 : Math.Clamp(0.9 * Math.Pow(err, -0.2), 0.2, 5);
            h *= factor;
        }
    }

    /// <summary>n equal steps of the 5th-order formula (no error control): for measuring the order.</summary>
    public static double[] FixedSteps(OdeRightHandSide f, double t0, ReadOnlySpan<double> y0, double t1, int steps)
    {
        if (steps < 1) throw new ArgumentOutOfRangeException(nameof(steps), steps, "Need at least one step.");
        int n = y0.Length;
        var y = y0.ToArray();
        var k = new double[7][];
        for (int s = 0; s < 7; s++) k[s] = new double[n];
        var stage = new double[n];
        double h = (t1 - t0) / steps;
        for (int m = 0; m < steps; m++)
        {
            double t = t0 + m * h;
            f(t, y, k[0]);
            for (int s = 1; s < 6; s++)
            {
                for (int i = 0; i < n; i++)
                {
                    double acc = y[i];
                    for (int j = 0; j < s; j++) acc += h * A[s][j] * k[j][i];
                    stage[i] = acc;
                }
                f(t + C[s] * h, stage, k[s]);
            }
            for (int i = 0; i < n; i++)
            {
                double acc = 0;
                for (int s = 0; s < 6; s++) acc += B5[s] * k[s][i];
                y[i] += h * acc;
            }
        }
        return y;
    }
}
