namespace Verify.Specs.Direction;

/// <summary>Which limit the main theorem predicts: the λ₁ eigenvector (plain secants) or the λₙ eigenvector (alternating secants).</summary>
public enum Regime { Small, Large }

/// <summary>What a long GD run near the minimum 0 shows about the direction of approach.</summary>
public sealed record ApproachOutcome(bool Decided, bool Settled, double Misalignment, int Steps, double[] Limit, double Spread)
{
    /// <summary>The (alternating) secant settled and lies within 10⁻⁹ (in 1 − |cos|) of ±(the predicted eigenvector).</summary>
    public bool Along => Decided && Settled && Misalignment <= 1e-9;
}

/// <summary>
/// The direction-of-approach check shared by the specs of this document: follow GD toward 0 (renormalized, so
/// that arbitrarily many steps can be taken without underflow) for enough steps that the linear rates
/// separate the two slowest modes by 10⁻⁹ and the iterate has shrunk by 10⁻⁹, then ask whether the last 20
/// secants (alternating for the large regime) have settled within 10⁻⁶ and whether their limit is ±(the
/// predicted eigenvector). The step budget follows from the rates of the linearization, never from the
/// predicted answer, so the same check applied to a wrong prediction fails.
/// </summary>
public static class DirectionChecks
{
    public const int StepCap = 400_000;
    private const int Window = 20;

    /// <summary>The boundary 2/(λ₁ + λₙ).</summary>
    public static double Boundary(IReadOnlyList<double> lambda) => 2 / (lambda[0] + lambda[^1]);

    /// <summary>Steps after which the two slowest modes have separated by 10⁻⁹ and the iterate has shrunk by 10⁻⁹.</summary>
    public static int Budget(IReadOnlyList<double> lambda, double eta)
    {
        var factors = lambda.Select(l => Math.Abs(1 - eta * l)).OrderByDescending(v => v).ToArray();
        double separation = factors.Length > 1 && factors[1] > 0 ? Math.Log(1e-9) / Math.Log(factors[1] / factors[0]) : 0;
        double shrink = Math.Log(1e-9) / Math.Log(factors[0]);
        double k = Math.Ceiling(separation) + Math.Ceiling(shrink) + 100;
        return double.IsFinite(k) && k < StepCap ? (int)k : StepCap;
    }

    /// <summary>Runs the check for the eigenvector with index <paramref name="eigenIndex"/> (default: λ₁ for Small, λₙ for Large).</summary>
    public static ApproachOutcome Approach(PerturbedQuadratic f, double eta, double[] x0, Regime regime, int? eigenIndex = null)
    {
        int steps = Budget(f.Eigenvalues, eta);
        var tail = new List<double[]>(Window);
        int last = 0;
        foreach (var s in RenormalizedGradientDescent.Run(f.Rescaled, x0, eta, steps))
        {
            last = s.Step;
            if (s.Step > steps - Window)
                tail.Add(regime == Regime.Large ? DirectionOfApproach.Alternate(s.Direction, s.Step) : s.Direction);
        }
        if (tail.Count == 0) return new ApproachOutcome(false, false, double.NaN, last, [], double.NaN);
        var limit = DirectionOfApproach.Settle(tail, Window, 1e-6);
        var v = f.Eigenvector(eigenIndex ?? (regime == Regime.Small ? 0 : f.Dimension - 1));
        return new ApproachOutcome(steps < StepCap, limit.Converged, 1 - limit.AlignmentWith(v), last, limit.Direction, limit.Spread);
    }

    /// <summary>
    /// The sign s of the limit, the limit being s·v (v the eigenvector of the regime): +1, −1, or 0 when the
    /// secants have not settled on ±v.
    /// </summary>
    public static int LimitSign(PerturbedQuadratic f, double eta, double[] x0, Regime regime)
    {
        var o = Approach(f, eta, x0, regime);
        if (!o.Along) return 0;
        var v = f.Eigenvector(regime == Regime.Small ? 0 : f.Dimension - 1);
        return Math.Sign(o.Limit.Zip(v, (a, b) => a * b).Sum());
    }

    /// <summary>
    /// One step of a sharpness trace: λₙ(x_k) − λₙ = <see cref="Scaled"/>·2^<see cref="Log2Scale"/> (full relative precision even far below
    /// double's range), log₂‖x_k‖ and the unit direction.
    /// </summary>
    public readonly record struct SharpnessPoint(int Step, double Scaled, int Log2Scale, double Log2Norm, double[] Direction)
    {
        /// <summary>λₙ(x_k) − λₙ as a double (0 once it underflows).</summary>
        public double Shift => Math.ScaleB(Scaled, Log2Scale);
        public double Norm => Math.Pow(2, Log2Norm);
        /// <summary>(λₙ(x_k) − λₙ)/‖x_k‖, representable at any depth.</summary>
        public double ShiftOverNorm => Scaled * Math.Pow(2, Log2Scale - Log2Norm);
        /// <summary>The sign of (this shift) − (the previous one), exact in the exponent.</summary>
        public int CompareTo(SharpnessPoint previous)
        {
            int e = Math.Max(Log2Scale, previous.Log2Scale);
            return Math.Sign(Math.ScaleB(Scaled, Log2Scale - e) - Math.ScaleB(previous.Scaled, previous.Log2Scale - e));
        }
    }

    /// <summary>λₙ(x_k) − λₙ along GD from x₀ (renormalized, so the trace continues far below double's range of ‖x_k‖).</summary>
    public static SharpnessPoint[] SharpnessTrace(PerturbedQuadratic f, double eta, double[] x0, int steps) =>
        RenormalizedGradientDescent.Run(f.Rescaled, x0, eta, steps)
            .Select(s => new SharpnessPoint(s.Step, f.SharpnessShiftOverScale(s.Scaled, s.Log2Scale), s.Log2Scale, s.Log2Norm, s.Direction))
            .ToArray();

    /// <summary>Over the last <paramref name="window"/> points, λₙ(x_k) is monotone (non-strictly: a constant sharpness counts).</summary>
    public static bool EventuallyMonotone(SharpnessPoint[] trace, int window = 60)
    {
        var tail = trace.Skip(trace.Length - window).ToArray();
        var d = tail.Zip(tail.Skip(1), (a, b) => b.CompareTo(a)).ToArray();
        return tail.All(p => double.IsFinite(p.Scaled)) && (d.All(v => v >= 0) || d.All(v => v <= 0));
    }

    /// <summary>
    /// Over the last <paramref name="window"/> points, even and odd iterates lie on opposite sides of λₙ:
    /// (−1)ᵏ(λₙ(x_k) − λₙ) has one non-zero sign. A sharpness identically λₙ (a pure quadratic) is reported separately.
    /// </summary>
    public static bool EventuallyOppositeSides(SharpnessPoint[] trace, int window = 60)
    {
        var tail = trace.Skip(trace.Length - window).Select(p => (p.Step % 2 == 0 ? 1 : -1) * p.Scaled).ToArray();
        return tail.All(double.IsFinite) && (tail.All(v => v > 0) || tail.All(v => v < 0));
    }

    /// <summary>The sharpness never moves from λₙ in the tail (a pure quadratic, or a perturbation that leaves the top eigenvalue alone).</summary>
    public static bool ConstantSharpness(SharpnessPoint[] trace, int window = 60) => trace.Skip(trace.Length - window).All(p => p.Scaled == 0);

    /// <summary>A direction as "(0.6, −0.8)", rounded to 6 decimals, −0 shown as 0.</summary>
    public static string Format(IEnumerable<double> v) =>
        "(" + string.Join(", ", v.Select(c => (Math.Round(c, 6) + 0.0).ToString("0.######", System.Globalization.CultureInfo.InvariantCulture))) + ")";

    /// <summary>
    /// GD (renormalized) is still shrinking in the second half of the run, ‖x_K‖ &lt; ‖x_{K/2}‖, once the slowest mode
    /// dominates: convergence at step η (a growing mode makes the second half grow however slowly it grows).
    /// </summary>
    public static bool Contracts(PerturbedQuadratic f, double eta, double[] x0, int steps)
    {
        var run = RenormalizedGradientDescent.Run(f.Rescaled, x0, eta, steps).ToList();
        return run[^1].Log2Norm < run[run.Count / 2].Log2Norm;
    }

    /// <summary>
    /// The closed form read in log space, |x_k/y_k| = |(1 − η)/(1 − 4η)|ᵏ|x₀/y₀|, after k = 10¹² steps: whether
    /// the secant lies within 10⁻⁶ of the x-axis (small) — for locating the boundary far more finely than iteration can.
    /// </summary>
    public static bool ClosedFormOnXAxis(double eta, double x0, double y0)
    {
        double logRatio = 1e12 * (Math.Log(Math.Abs(1 - eta)) - Math.Log(Math.Abs(1 - 4 * eta))) + Math.Log(Math.Abs(x0 / y0));
        return logRatio > Math.Log(1e6);
    }

    /// <summary>A uniform point of the ball ‖x‖ ≤ radius (Gaussian direction, radius·U^(1/n)).</summary>
    public static double[] UniformInBall(Random rng, int n, double radius)
    {
        var g = Enumerable.Range(0, n).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray();
        double norm = Math.Sqrt(g.Sum(v => v * v)), r = radius * Math.Pow(rng.NextDouble(), 1.0 / n);
        return g.Select(v => v / norm * r).ToArray();
    }

    /// <summary>x²/2 + 2y² (the document's quadratic).</summary>
    public static PerturbedQuadratic Quadratic2D { get; } = new(Quadratic.Diagonal(1, 4), Polynomial.Of(2));

    /// <summary>x²/2 + 2y² + xy² + y³ (the table's perturbed quadratic).</summary>
    public static PerturbedQuadratic PerturbedTable { get; } =
        new(Quadratic.Diagonal(1, 4), Polynomial.Of(2, (1, [1, 2]), (1, [0, 3])));

    /// <summary>x² + y²/2 + x²y + x³ (the worked example).</summary>
    public static PerturbedQuadratic Example { get; } =
        new(Quadratic.Diagonal(2, 1), Polynomial.Of(2, (1, [2, 1]), (1, [3, 0])));
}
