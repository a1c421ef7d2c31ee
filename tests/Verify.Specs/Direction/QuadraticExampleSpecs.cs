using FsCheck;
using FsCheck.Fluent;
using ScottPlot;
using Verify.Claims.Properties;
using Verify.Dynamics.Certification;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.Direction;

/// <summary>Specs of seeds/001_360fd0a404da91f7.txt: the setting, the classical condition and the quadratic example x²/2 + 2y².</summary>
public sealed class QuadraticExampleSpecs : ClaimSpec
{
    private static readonly PerturbedQuadratic Quad = DirectionChecks.Quadratic2D;

    [Claim("dir.setting")]
    public void Setting()
    {
        // The three 2-D functions of the document and random instances: 0 is a critical point with Hessian A
        // (exactly, in rationals), distinct positive eigenvalues, and a certified ball that is forward invariant.
        var rng = new Random(2301);
        Evidence.Seed(2301);
        var functions = new List<(string Name, PerturbedQuadratic F)>
        {
            ("x²/2 + 2y²", Quad), ("x²/2 + 2y² + xy² + y³", DirectionChecks.PerturbedTable), ("x² + y²/2 + x²y + x³", DirectionChecks.Example),
        };
        for (int i = 0; i < 12; i++)
        {
            int n = 2 + i % 5;
            functions.Add(($"random n = {n}", PerturbedQuadratic.Random(new Random(rng.Next()), n)));
        }
        var rows = new List<object[]>();
        foreach (var (name, f) in functions)
        {
            int n = f.Dimension;
            var zero = Enumerable.Repeat(Rational.Zero, n).ToArray();
            f.Gradient<Rational>(zero).All(g => g == Rational.Zero).ShouldBeTrue($"{name}: ∇f(0) = 0 exactly");
            var h = f.Hessian<Rational>(zero);
            var a = f.Quadratic.Hessian<Rational>(zero);
            for (int p = 0; p < n; p++) for (int q = 0; q < n; q++) h[p, q].ShouldBe(a[p, q], $"{name}: ∇²f(0) = A exactly");
            var spectrum = Sharpness.Spectrum(f, new double[n]);
            spectrum[0].ShouldBeGreaterThan(0);
            spectrum.Zip(spectrum.Skip(1), (x, y) => y - x).All(g => g > 0).ShouldBeTrue($"{name}: distinct eigenvalues");
            // V_η contains the certified ball: starts in it converge to 0 (for a step in each regime).
            double eta = 0.5 * DirectionChecks.Boundary(f.Eigenvalues), radius = Math.Min(0.5, f.CertifiedRadius(eta));
            bool converge = Enumerable.Range(0, 20).All(_ =>
            {
                var run = RenormalizedGradientDescent.Run(f.Rescaled, DirectionChecks.UniformInBall(rng, n, radius), eta, 2000).ToList();
                return run[^1].Log2Norm < run[0].Log2Norm - 30 && run.All(s => s.Log2Norm <= Math.Log2(radius) + 1e-12);
            });
            converge.ShouldBeTrue($"{name}: the certified ball lies in V_η and is forward invariant");
            // The technical assumption: det DF = det(I − η∇²f) is a non-zero polynomial, so F is a local diffeomorphism off a null set.
            DeterminantNonZero(f, Rational.FromDouble(eta), rng).ShouldBeTrue($"{name}: det DF ≢ 0");
            rows.Add([name, string.Join(", ", spectrum.Select(l => l.ToString("G4", System.Globalization.CultureInfo.InvariantCulture))), eta, radius]);
        }
        Evidence.Table("Minima checked (∇f(0) = 0 and ∇²f(0) = A exactly; 20 starts from the certified ball converge; det DF ≢ 0)",
            ["function", "eigenvalues λ₁ < … < λₙ", "η = B/2", "certified radius"], rows);
        Evidence.Note("The technical assumption (F⁻¹ of a null set is null) fails where det DF ≡ 0: on x²/2 + 2y² at η = 1/λ₂ = 1/4 "
            + "(inside the small-step range 0 < η < 2/5), F(x, y) = (3x/4, 0) maps the plane onto the x-axis. The theorem's "
            + "conclusion still holds there (after one step the iterate lies on the x-axis), so the assumption is sufficient, not necessary.");
        Evidence.NegativeControl("the technical assumption for x²/2 + 2y² at η = 1/4 (det DF ≡ 0)", DeterminantNonZero(Quad, new Rational(1, 4), rng));
    }

    private static bool DeterminantNonZero(PerturbedQuadratic f, Rational eta, Random rng)
    {
        // A polynomial that vanishes at 3 random rational points is (with overwhelming probability) ≡ 0; one non-zero value proves ≢ 0.
        for (int t = 0; t < 3; t++)
        {
            var x = Enumerable.Range(0, f.Dimension).Select(_ => new Rational(rng.Next(-50, 51), rng.Next(1, 200))).ToArray();
            var h = f.Hessian<Rational>(x);
            if (ExactDeterminant(f.Dimension, (i, j) => (i == j ? Rational.One : Rational.Zero) - eta * h[i, j]) != Rational.Zero) return true;
        }
        return false;
    }

    private static Rational ExactDeterminant(int n, Func<int, int, Rational> entry)
    {
        var a = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) a[i, j] = entry(i, j);
        Rational det = Rational.One;
        for (int c = 0; c < n; c++)
        {
            int pivot = Enumerable.Range(c, n - c).FirstOrDefault(r => a[r, c] != Rational.Zero, -1);
            if (pivot < 0) return Rational.Zero;
            if (pivot != c) { for (int j = 0; j < n; j++) (a[c, j], a[pivot, j]) = (a[pivot, j], a[c, j]); det = -det; }
            det *= a[c, c];
            for (int r = c + 1; r < n; r++)
            {
                var factor = a[r, c] / a[c, c];
                for (int j = c; j < n; j++) a[r, j] -= factor * a[c, j];
            }
        }
        return det;
    }

    [Claim("dir.classical")]
    public void ClassicalStepSizeCondition()
    {
        // x²/2 + 2y² is convex and L-smooth with L = λₙ = 4: GD converges iff η < 2/L = 1/2 (bisection).
        double claimedQuad = 2.0 / 4; // 2/λₙ for x²/2 + 2y² (document, Background)
        var quad = Bisection.Locate(eta => DirectionChecks.Contracts(Quad, eta, [0.3, 0.4], 2000), 0.3, 0.7, 1e-9);
        Evidence.NumberWithin("x²/2 + 2y²: convergence threshold in η (bisection, 2000 steps from (0.3, 0.4))", quad.Midpoint, claimedQuad, 1e-9);
        // Near the minimum of the worked example (λₙ = 2): local convergence iff η < 2/λₙ = 1, from a start of size 1e-20.
        double claimedExample = 2.0 / 2;
        var local = Bisection.Locate(eta => DirectionChecks.Contracts(DirectionChecks.Example, eta, [1e-20, 1e-20], 20000), 0.8, 1.2, 1e-6);
        Evidence.NumberWithin("x² + y²/2 + x²y + x³: local convergence threshold (bisection, 20000 renormalized steps from 10⁻²⁰(1, 1))",
            local.Midpoint, claimedExample, 1e-5);
        Evidence.Note("Inventory parameters: η = 0.49 converges and η = 0.51 diverges on x²/2 + 2y² — "
            + $"{DirectionChecks.Contracts(Quad, 0.49, [0.3, 0.4], 2000)} and {!DirectionChecks.Contracts(Quad, 0.51, [0.3, 0.4], 2000)}.");
        Evidence.NegativeControl("threshold moved up by 5%: GD on x²/2 + 2y² converges at η = 1.05·(1/2)", DirectionChecks.Contracts(Quad, 1.05 * claimedQuad, [0.3, 0.4], 2000));
    }

    /// <summary>One GD step on x²/2 + 2y² minus ((1 − η)x, (1 − 2cη)y), variables (η, x, y); the claim has c = 2.</summary>
    private sealed class OneStepDifference(int c) : IMap
    {
        public int Dimension => 3;
        public TS[] Apply<TS>(ReadOnlySpan<TS> p) where TS : IScalar<TS>
        {
            TS eta = p[0], x = p[1], y = p[2], one = TS.FromInt(1);
            var step = GradientDescent.Step<TS>(Quad, [x, y], eta);
            return [step[0] - (one - eta) * x, step[1] - (one - TS.FromInt(2 * c) * eta) * y];
        }
    }

    [Claim("dir.quad-closed-form")]
    public void QuadraticClosedForm()
    {
        // Proof: the one-step map F(x, y) minus the claimed ((1 − η)x, (1 − 4η)y) is a polynomial identity in (η, x, y) (degree
        // computed, zero on the grid it needs); the closed form follows by induction on k (F is linear in (x, y) at fixed η).
        var proof = Evidence.Timed("polynomial identity: one GD step − ((1 − η)x, (1 − 4η)y)", () => PolynomialIdentity.Prove(new OneStepDifference(2)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        // And directly: k GD steps in exact arithmetic equal (1 − η)ᵏx₀, (1 − 4η)ᵏy₀ at random rationals (k ≤ 25).
        var rng = new Random(2501);
        Evidence.Seed(2501);
        bool Iterates(Func<Rational, int, Rational> yFactor) => Enumerable.Range(0, 40).All(_ =>
        {
            Rational eta = new(rng.Next(1, 60), 100), x0 = new(rng.Next(-99, 100), rng.Next(1, 50)), y0 = new(rng.Next(-99, 100), rng.Next(1, 50));
            int k = rng.Next(0, 26);
            Rational[] x = [x0, y0];
            for (int i = 0; i < k; i++) x = GradientDescent.Step<Rational>(Quad, x, eta);
            return x[0] == Scalar.Pow(1 - eta, k) * x0 && x[1] == Scalar.Pow(yFactor(eta, k), k) * y0
                && Quad.Quadratic.GradientDescentIterate<Rational>([x0, y0], eta, k).SequenceEqual(x);
        });
        Iterates((eta, _) => 1 - 4 * eta).ShouldBeTrue();
        Evidence.Certified($"The one-step identity is {proof.Describe()}; the closed form follows by induction. "
            + "40 random rational (η, x₀, y₀, k ≤ 25) agree exactly as well.");
        Evidence.NegativeControl("a wrong closed form y_k = (1 − 2η)ᵏy₀", Iterates((eta, _) => 1 - 2 * eta));
        Evidence.NegativeControl("a wrong one-step map y ↦ (1 − 2η)y", PolynomialIdentity.Prove(new OneStepDifference(1)).Proven);
    }

    /// <summary>Starts (x₀, y₀) with both coordinates non-zero, as FsCheck cases that shrink toward simple values.</summary>
    private static readonly Arbitrary<QuadStart> QuadCases = Arb.From(
        from u in Gen.Choose(1, 9999)
        from x in Gen.Choose(-1000, 1000).Where(v => v != 0)
        from y in Gen.Choose(-1000, 1000).Where(v => v != 0)
        select new QuadStart(u / 1e4, x / 1000.0, y / 1000.0),
        c => new[] { c with { Fraction = 0.5 }, c with { X0 = Math.Sign(c.X0) }, c with { Y0 = Math.Sign(c.Y0) } }.Where(s => s != c));

    /// <summary>The limit of v_k (Small: plain) or (−1)ᵏv_k (Large) is (sign x₀, 0) or (0, sign y₀).</summary>
    private static bool LocksAs(double eta, double x0, double y0, Regime regime, int axis)
    {
        var o = DirectionChecks.Approach(Quad, eta, [x0, y0], regime, eigenIndex: axis);
        if (!o.Along) return false;
        double expectedSign = axis == 0 ? Math.Sign(x0) : Math.Sign(y0);
        return Math.Sign(o.Limit[axis]) == expectedSign;
    }

    [Claim("dir.quad-small")]
    public void QuadraticSmallStepLocksOnX()
    {
        const ulong seed = 2601;
        var outcome = PropertyCheck.Run("0 < η < 2/5: v_k → (sign x₀, 0)", QuadCases,
            c => LocksAs(c.Fraction * 0.4, c.X0, c.Y0, Regime.Small, 0), seed, maxTest: 150);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        LocateBoundary(Regime.Small);
        var moved = PropertyCheck.Run("boundary moved up 5%: 0 < η < 1.05·2/5 gives v_k → (sign x₀, 0)", QuadCases,
            c => LocksAs(c.Fraction * 0.42, c.X0, c.Y0, Regime.Small, 0), seed, maxTest: 200);
        Evidence.NegativeControl("the boundary moved up by 5% (η up to 0.42): " + moved.Describe(), moved.Passed);
        var wrongSign = PropertyCheck.Run("v_k → (−sign x₀, 0)", QuadCases, c => !LocksAs(c.Fraction * 0.4, c.X0, c.Y0, Regime.Small, 0)
            && DirectionChecks.Approach(Quad, c.Fraction * 0.4, [c.X0, c.Y0], Regime.Small).Along, seed, maxTest: 50);
        Evidence.NegativeControl("the wrong sign, v_k → (−sign x₀, 0)", wrongSign.Passed);
    }

    [Claim("dir.quad-large")]
    public void QuadraticLargeStepOscillatesAlongY()
    {
        const ulong seed = 2701;
        var outcome = PropertyCheck.Run("2/5 < η < 1/2: (−1)ᵏv_k → (0, sign y₀)", QuadCases,
            c => LocksAs(0.4 + c.Fraction * 0.1, c.X0, c.Y0, Regime.Large, 1), seed, maxTest: 150);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        LocateBoundary(Regime.Large);
        var moved = PropertyCheck.Run("boundary moved down 5%: 0.95·2/5 < η < 1/2 gives (−1)ᵏv_k → (0, sign y₀)", QuadCases,
            c => LocksAs(0.38 + c.Fraction * 0.12, c.X0, c.Y0, Regime.Large, 1), seed, maxTest: 200);
        Evidence.NegativeControl("the boundary moved down by 5% (η from 0.38): " + moved.Describe(), moved.Passed);
        var plain = PropertyCheck.Run("without the (−1)ᵏ: v_k → (0, sign y₀)", QuadCases,
            c => LocksAs(0.4 + c.Fraction * 0.1, c.X0, c.Y0, Regime.Small, 1), seed, maxTest: 50);
        Evidence.NegativeControl("the secant without the alternating sign converges", plain.Passed);
    }

    /// <summary>Locates the switch of the direction at 2/5 by bisection, from the iteration and from the closed form.</summary>
    private void LocateBoundary(Regime regime)
    {
        double claimed = 2.0 / 5; // 2/(λ₁ + λₙ) = 2/(1 + 4) (document, Key Insight)
        double x0 = 0.3, y0 = 0.4;
        // Holds below the boundary for the small-step statement, above it for the large-step one.
        Func<double, bool> iterated = regime == Regime.Small
            ? eta => LocksAs(eta, x0, y0, Regime.Small, 0)
            : eta => LocksAs(eta, x0, y0, Regime.Large, 1);
        var fromIteration = Bisection.Locate(iterated, 0.3, 0.45, 1e-4);
        Evidence.NumberWithin("boundary from GD iteration (bisection to 10⁻⁴, start (0.3, 0.4), ≤ 400000 renormalized steps per η)",
            fromIteration.Midpoint, claimed, 2e-4);
        var fromClosedForm = Bisection.Locate(eta => DirectionChecks.ClosedFormOnXAxis(eta, x0, y0), 0.3, 0.45, 1e-10);
        Evidence.NumberWithin("boundary from the closed form at k = 10¹² (bisection to 10⁻¹⁰)", fromClosedForm.Midpoint, claimed, 1e-10);
    }

    [Claim("dir.table-direction")]
    public void DirectionalPhaseTransitionTable()
    {
        var rows = new List<object[]>();
        var functions = new[] { ("x²/2 + 2y²", Quad), ("x²/2 + 2y² + xy² + y³", DirectionChecks.PerturbedTable) };
        bool RowHolds(PerturbedQuadratic f, double eta, Regime regime, int axis, out string observed, out int along, out int total)
        {
            // 24 starts on a circle inside the certified ball of η (angles off the axes).
            double radius = 0.9 * Math.Min(0.5, f.CertifiedRadius(eta));
            var starts = Enumerable.Range(0, 24).Select(i => 2 * Math.PI * (i + 0.5) / 24).Select(t => new[] { radius * Math.Cos(t), radius * Math.Sin(t) }).ToArray();
            var outcomes = starts.Select(s => DirectionChecks.Approach(f, eta, s, regime, eigenIndex: axis)).ToArray();
            along = outcomes.Count(o => o.Along);
            total = outcomes.Length;
            var limits = outcomes.Where(o => o.Along).Select(o => DirectionChecks.Format(o.Limit)).Distinct().ToArray();
            observed = string.Join(" or ", limits);
            return along == total;
        }
        foreach (var (name, f) in functions)
            foreach (var (eta, regime, axis, text) in new[] { (0.1, Regime.Small, 0, "locks on the x-axis"), (0.42, Regime.Large, 1, "oscillates along the y-axis") })
            {
                RowHolds(f, eta, regime, axis, out var observed, out var along, out var total).ShouldBeTrue($"{name}, η = {eta}: {text}");
                rows.Add([name, eta, "2/5", text, regime == Regime.Small ? "lim v_k = " + observed : "lim (−1)ᵏv_k = " + observed, $"{along}/{total}"]);
            }
        Evidence.Table("Directional phase transition (24 starts on a circle of 0.9 × the certified radius; limits of the secants)",
            ["function", "η", "boundary", "printed", "measured", "starts along"], rows);
        TrajectoryFigure(0.1, Regime.Small);
        TrajectoryFigure(0.42, Regime.Large);
        AngleFigure();
        bool wrong = RowHolds(Quad, 0.42, Regime.Small, 0, out _, out _, out _);
        Evidence.NegativeControl("a wrong row: x²/2 + 2y² at η = 0.42 locks on the x-axis", wrong);
    }

    private void TrajectoryFigure(double eta, Regime regime)
    {
        var plot = Figures.New($"GD trajectories at η = {eta} ({(regime == Regime.Small ? "below" : "above")} the boundary 2/5)", "x", "y");
        var start = new[] { 0.03, 0.025 };
        foreach (var (name, f, color) in new[] { ("x²/2 + 2y²", Quad, Colors.Blue), ("x²/2 + 2y² + xy² + y³", DirectionChecks.PerturbedTable, Colors.OrangeRed) })
        {
            var run = GradientDescent.Run(f, start, eta, 60);
            var s = Figures.Line(plot, run.Points.Select(p => p[0]).ToArray(), run.Points.Select(p => p[1]).ToArray(), name, color, 1);
            s.MarkerSize = 4;
        }
        var ex = plot.Add.Line(-0.035, 0, 0.035, 0); ex.LineWidth = 2; ex.Color = Colors.Green; ex.LegendText = "λ₁ eigenvector (x-axis)";
        var ey = plot.Add.Line(0, -0.035, 0, 0.035); ey.LineWidth = 2; ey.Color = Colors.Purple; ey.LegendText = "λₙ eigenvector (y-axis)";
        Evidence.Figure($"Trajectories at η = {eta}", plot, caption: $"60 GD steps from (0.03, 0.025); {(regime == Regime.Small ? "the iterates turn onto the x-axis" : "the iterates jump across the origin along the y-axis")}.");
    }

    private void AngleFigure()
    {
        var plot = Figures.New("Angle of the (alternating) secant to its predicted axis", "step k", "log₁₀ angle (radians)");
        foreach (var (name, f, eta, regime, axis, color) in new[]
        {
            ("x²/2+2y², η=0.1 (to x-axis)", Quad, 0.1, Regime.Small, 0, Colors.Blue),
            ("perturbed, η=0.1 (to x-axis)", DirectionChecks.PerturbedTable, 0.1, Regime.Small, 0, Colors.OrangeRed),
            ("x²/2+2y², η=0.42 (alternating, to y-axis)", Quad, 0.42, Regime.Large, 1, Colors.Green),
            ("perturbed, η=0.42 (alternating, to y-axis)", DirectionChecks.PerturbedTable, 0.42, Regime.Large, 1, Colors.Purple),
        })
        {
            var axisVector = f.Eigenvector(axis);
            var states = RenormalizedGradientDescent.Run(f.Rescaled, [0.03, 0.025], eta, 300).ToList();
            var angles = states.Select(s => Math.Log10(DirectionOfApproach.AngleToLine(s.Direction, axisVector))).ToArray();
            Figures.Line(plot, states.Select(s => (double)s.Step).ToArray(), angles, name, color);
        }
        Evidence.Figure("Angle to the predicted axis against k", plot, caption: "The angle between the secant (plain for η = 0.1, alternating for η = 0.42) and the predicted eigenvector line decays geometrically (straight lines on the log scale, slope log₁₀ of the rate ratio); the renormalized iteration follows it far below double's rounding of the coordinates.");
    }
}

/// <summary>A step at a fraction of a regime and a start with both coordinates non-zero.</summary>
public sealed record QuadStart(double Fraction, double X0, double Y0);
