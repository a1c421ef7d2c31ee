using FsCheck;
using FsCheck.Fluent;
using ScottPlot;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Specs of 003 Appendices A.2 and B: the two-neuron example, Figure 2, conjugacy under rigid motions, Remark 21.</summary>
public sealed class ToyExampleSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Toy = ScalarFactorization.Instance;

    [Claim("lin.appB")]
    public void TwoNeuronExample()
    {
        // (15) as printed, checked exactly against forward-mode AD of ½(1 − xy)².
        static Rational[] PrintedGradient(Rational x, Rational y) => [-y * (1 - x * y), -x * (1 - x * y)];
        static ScalarMatrix<Rational> PrintedHessian(Rational x, Rational y) => new(2, 2, (i, j) => i != j ? 1 - 2 * x * y : i == 0 ? y * y : x * x);
        var points = Arb.Zip(ArbMap.Default.ArbFor<int>(), ArbMap.Default.ArbFor<int>());
        bool GradientMatches((int X, int Y) p, Func<Rational, Rational, Rational[]> g) =>
            g(p.X, p.Y).SequenceEqual(AutoDiff.Gradient<Rational>(Toy, [p.X, p.Y]));
        bool HessianMatches((int X, int Y) p) => PrintedHessian(p.X, p.Y).Equals(ToScalarMatrix(AutoDiff.Hessian<Rational>(Toy, [p.X, p.Y])));
        Evidence.Holds("printed ∇L = (−y(1 − xy), −x(1 − xy))", points, p => GradientMatches(p, PrintedGradient), seed: 600, maxTest: 200);
        Evidence.Fails("printed H_L = [[y², 1 − 2xy], [1 − 2xy, x²]]", points, HessianMatches, seed: 601, maxTest: 200);
        // The corrected Hessian [[y², 2xy − 1], [2xy − 1, x²]] matches AD exactly; central differences of the gradient confirm the sign.
        Evidence.Holds("H_L = [[y², 2xy − 1], [2xy − 1, x²]]", points,
            p => new ScalarMatrix<Rational>(2, 2, (i, j) => i != j ? 2 * (Rational)p.Item1 * p.Item2 - 1 : i == 0 ? (Rational)p.Item2 * p.Item2 : (Rational)p.Item1 * p.Item1)
                 .Equals(ToScalarMatrix(AutoDiff.Hessian<Rational>(Toy, [p.Item1, p.Item2]))), seed: 602, maxTest: 200);
        var fdRows = new List<object[]>();
        foreach (var (x, y) in new[] { (1.0, 1.0), (2.0, 0.5), (-1.5, -2.0 / 3) })
        {
            const double h = 1e-5;
            double fd = (Toy.GradientAt([x, y + h])[0] - Toy.GradientAt([x, y - h])[0]) / (2 * h);
            fdRows.Add([$"({x:G4}, {y:G4})", fd, 2 * x * y - 1, 1 - 2 * x * y]);
            Math.Abs(fd - (2 * x * y - 1)).ShouldBeLessThan(1e-8);
        }
        Evidence.Table("∂²L/∂x∂y: central difference of the gradient against both signs", ["(x, y)", "finite difference", "2xy − 1", "printed 1 − 2xy"], fdRows);
        Evidence.Counterexample("At (1, 1) ∈ M: printed H_L = [[1, −1], [−1, 1]], with kernel (1, 1) — the normal ∇(xy) of M, so L would be flat across M; " +
                                "the Hessian is [[1, 1], [1, 1]], with kernel (1, −1), the tangent of M.");
        // The rest of Appendix B holds (the printed and true Hessians are similar through diag(1, −1): same eigenvalues everywhere).
        // On M: characteristic polynomial λ² − (x² + y²)λ, exactly — eigenvalues 0 and x² + y².
        var rng = new Random(603);
        Evidence.Seed(603);
        for (int s = 0; s < 100; s++)
        {
            var a = RandomRational(rng, 30, 7); if (a.IsZero) a = 1;
            var h = Toy.Hessian<Rational>([a, 1 / a]);
            (h[0, 0] + h[1, 1]).ShouldBe(a * a + 1 / (a * a));
            (h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]).ShouldBe(Rational.Zero);
        }
        var net = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5);
        var critical = CriticalStepSizes.Compute(net, starts: 2, seed: 604, bounds: [1, 2, 4]);
        Evidence.NumberWithin("min over M of λ_max = x² + y²", critical.LargestEigenvalue.Value, 2, 1e-8)
                .NumberWithin("η_C = 2/min λ_max", critical.EtaC, 1, 1e-8)
                .NumberWithin("η_E = 2/min λ_min (one non-zero eigenvalue: λ_min = λ_max)", critical.EtaE, 1, 1e-8)
                .NumberWithin("|x| = |y| at the minimizing point of λ_max", Math.Abs(Math.Abs(critical.LargestEigenvalue.Argument[0]) - Math.Abs(critical.LargestEigenvalue.Argument[1])), 0, 1e-4,
                              note: $"found at {Show(critical.LargestEigenvalue.Argument)}; the minimum 2 is attained at (1, 1) and (−1, −1)");
        foreach (var eta in ConvergenceSweeps.ToyEtas.Where(e => e > 1))
            ConvergenceSweeps.Toy[eta].Converged.ShouldBe(0);
        Evidence.Note("For η > 1, M_S = ∅ and no start converges: " + string.Join("; ", ConvergenceSweeps.ToyEtas.Where(e => e > 1).Select(e => $"η = {e}: {ConvergenceSweeps.Toy[e].Fraction}")) +
                      " (uniform starts in [−3, 3]²; " + ConvergenceSweeps.CriterionText + ")");
        Evidence.Erratum("The off-diagonal entry of the Hessian in (15) has the wrong sign: ∂²/∂x∂y ½(1 − xy)² = 2xy − 1, not 1 − 2xy (they agree only on xy = ½).",
            "H_L(x, y) = [[y², 2xy − 1], [2xy − 1, x²]] (exact against AD at 200 integer points; finite differences at (1, 1), (2, ½), (−1.5, −⅔)). Its eigenvalues equal those of the printed matrix, " +
            "so the rest of Appendix B stands: on M the eigenvalues are 0 and x² + y², M_S = {x² + y² < 2/η}, min λ_max = 2 at ±(1, 1), η_E = η_C = 1.");
        Evidence.ControlFails("∇L = (y(1 − xy), x(1 − xy)) (sign flipped)", points, p => GradientMatches(p, (x, y) => [y * (1 - x * y), x * (1 - x * y)]), seed: 600, maxTest: 200);
    }

    [Claim("lin.fig2")]
    public void Figure2Trajectories()
    {
        // (a) η = 0.4: a 5 × 4 grid of starts in [−0.2, 2.5] × [0, 2.5]; every trajectory converges to a point of M_S = {x² + y² < 5}.
        var starts = from x in new[] { -0.1, 0.5, 1.1, 1.7, 2.3 } from y in new[] { 0.3, 0.9, 1.5, 2.1 } select new[] { x, y };
        var runsA = starts.Select(s => GradientDescent.Run(Toy, s, 0.4, 3000)).ToList();
        bool ConvergesToStable(Trajectory t, double eta)
        {
            var last = t.Last;
            return !t.Diverged && Math.Abs(last[0] * last[1] - 1) < 1e-12 && Periodicity.Distance(t[^2], last) < 1e-12 && last[0] * last[0] + last[1] * last[1] < 2 / eta;
        }
        runsA.All(t => ConvergesToStable(t, 0.4)).ShouldBeTrue();
        double maxLam = runsA.Max(t => t.Last[0] * t.Last[0] + t.Last[1] * t.Last[1]);
        Evidence.Number("(a) η = 0.4: trajectories converging to M_S", runsA.Count(t => ConvergesToStable(t, 0.4)), runsA.Count)
                .Number("(a) largest λ_max = x² + y² at a limit point", maxLam, note: "below 2/η = 5: every limit lies in M_S");
        Evidence.Figure("Figure 2(a): GD on ½(1 − xy)², η = 0.4", TrajectoryFigure(runsA, 0.4, (-0.2, 2.5, 0, 2.5)), caption:
            "20 starts (dots) on a grid of the figure's region [−0.2, 2.5] × [0, 2.5]; black: M; red: M_S = {x² + y² < 5}. Every trajectory ends on M_S (two cross to the negative branch).");
        // (b) η = 1.1: a 5 × 4 grid in [0.7, 1.25] × [0.65, 1.2]; none converges — each settles on a period-2 orbit around the balanced point.
        var startsB = from x in new[] { 0.75, 0.85, 0.95, 1.05, 1.15 } from y in new[] { 0.7, 0.8, 0.9, 1.1 } select new[] { x, y };
        var runsB = startsB.Select(s => GradientDescent.Run(Toy, s, 1.1, 3000)).ToList();
        double closest = runsB.Min(t => t.Points.Skip(2000).Min(p => Math.Abs(p[0] * p[1] - 1)));
        var periods = runsB.Select(t => Periodicity.Detect(t.Points, 8, 1e-9)).ToList();
        runsB.Any(t => ConvergesToStable(t, 1.1)).ShouldBeFalse();
        closest.ShouldBeGreaterThan(0.1);
        Evidence.Number("(b) η = 1.1: trajectories converging to M", runsB.Count(t => ConvergesToStable(t, 1.1)), 0)
                .Number("(b) smallest |xy − 1| over the last 1000 of 3000 steps", closest)
                .Number("(b) trajectories on a period-2 orbit at the end", periods.Count(p => p == 2), note: "Periodicity.Detect, max period 8, tolerance 10⁻⁹");
        Evidence.Figure("Figure 2(b): GD on ½(1 − xy)², η = 1.1", TrajectoryFigure(runsB, 1.1, (0.7, 1.25, 0.65, 1.2), oscillating: true), caption:
            "20 starts on a grid of [0.7, 1.25] × [0.65, 1.2]; M_S = ∅ (no red). No trajectory converges to M: all end on the 2-cycle {(0.815, 0.815), (1.116, 1.116)} across xy = 1.");
        Evidence.NegativeControl("(b) read as converging: the (a) check applied at η = 1.1", runsB.All(t => ConvergesToStable(t, 1.1)));
    }

    [Claim("lin.remark21")]
    public void NoHiddenLayerIsAQuadratic()
    {
        // Depth-1 network L(w) = ‖Y − wX‖² = wᵀ(XXᵀ)w − 2⟨YXᵀ, w⟩ + ‖Y‖²: a quadratic xᵀAx + c with A = XXᵀ (d_h = 1). Orthogonal rows give A diagonal.
        static DeepLinearNetwork Quadratic(double[,] x) => new(new LayerWidths(x.GetLength(0), 1), x, new double[1, x.GetLength(1)]);
        var a21 = Quadratic(new double[,] { { 1, 1, 0 }, { 0, 0, 1 } });                                       // A = diag(2, 1)
        var a531 = Quadratic(new double[,] { { 1, 2, 0, 0, 0, 0 }, { 0, 0, 1, 1, 1, 0 }, { 0, 0, 0, 0, 0, 1 } }); // A = diag(5, 3, 1)
        var rows = new List<object[]>();
        var observed = new List<(double A1, double Eta, string Outcome)>();
        bool printedOk = true, correctedOk = true;
        foreach (var (net, a1, an, etas) in new[] { (a21, 2.0, 1.0, new[] { 0.2, 0.4, 0.5, 0.6, 1.0, 1.5, 1.9, 2.1 }), (a531, 5.0, 1.0, new[] { 0.05, 0.1, 0.2, 0.3, 1.0, 2.5 }) })
            foreach (var eta in etas)
            {
                var outcome = Outcome(net, eta);
                string printed = eta > 2 / an ? "diverges" : "converges or periodic";
                string correctedPrediction = CorrectedPrediction(eta, a1, 1.0);
                printedOk &= printed == "diverges" ? outcome == "diverges" : outcome != "diverges";
                correctedOk &= correctedPrediction == outcome;
                observed.Add((a1, eta, outcome));
                rows.Add([$"diag({string.Join(", ", Enumerable.Range(0, net.Widths.Input).Select(i => DiagonalOf(net, i)))})", eta, printed, correctedPrediction, outcome]);
            }
        Evidence.Table("GD on xᵀAx (depth-1 linear network), 200 steps from (0.7, −0.4, …): printed (threshold 2/a_n) and corrected (threshold 1/a₁) predictions", ["A", "η", "printed", "corrected", "observed"], rows);
        printedOk.ShouldBeFalse();
        correctedOk.ShouldBeTrue();
        // Property with shrinking: one-dimensional quadratics a·w², a = k/4, η = p/8 ≤ 2/a: the printed "otherwise bounded" fails.
        var cases = Arb.From(from k in Gen.Choose(1, 16) from p in Gen.Choose(1, 64) select new QuadraticCase(k, p), t => new[] { t with { K = t.K - 1 }, t with { P = t.P - 1 }, t with { P = t.P / 2 } }.Where(c => c.K >= 1 && c.P >= 1));
        bool PrintedBounded(QuadraticCase t)
        {
            double a = t.K / 4.0, eta = t.P / 8.0;
            var x = new double[1, t.K];
            for (int j = 0; j < t.K; j++) x[0, j] = 0.5; // XXᵀ = K/4 = a, exactly
            var net = Quadratic(x);
            return eta > 2 / a || Outcome(net, eta) != "diverges";
        }
        Evidence.Fails("η ≤ 2/a_n ⇒ GD converges or is periodic (L = a·w²)", cases, PrintedBounded, seed: 610, maxTest: 200);
        var divergesAtThreeHalves = observed.Single(o => o.A1 == 2 && o.Eta == 1.5).Outcome;
        divergesAtThreeHalves.ShouldBe("diverges");
        Evidence.Counterexample("A = diag(2, 1) (a₁ = 2, a_n = 1), η = 3/2 ≤ 2/a_n = 2: GD multiplies the first coordinate by 1 − 2ηa₁ = −5 each step and diverges (observed: " + divergesAtThreeHalves + "). " +
                                "Under the ½xᵀAx convention of Cohen et al. the factor is 1 − ηa₁ = −2: it diverges too.");
        Evidence.Note("Reading used: L(x) = xᵀAx + c as printed — the depth-1 network loss (3) has no ½, A = XXᵀ ⊗ I — with a₁ ≥ … ≥ a_n > 0, so a_n is the smallest eigenvalue. " +
                      "The printed case η > 2/a_n ⇒ divergence is right; the \"otherwise\" case fails for every reading of the scale, because the largest eigenvalue a₁ sets the threshold " +
                      "(1/a₁ for xᵀAx, 2/a₁ for ½xᵀAx): the counterexample above fails under both. In one dimension (a₁ = a_n) only the missing ½ matters (the property below, printed scale).");
        Evidence.Erratum(
            "For L(x) = xᵀAx + c the GD map is x ↦ (I − 2ηA)x (about the minimum): it diverges as soon as |1 − 2ηa₁| > 1, i.e. η > 1/a₁ — the largest eigenvalue decides, not a_n, " +
            "and without the ½ the threshold is 1/a₁, not 2/a₁. So \"otherwise they converge or stay periodic\" fails for 1/a₁ < η ≤ 2/a_n.",
            "For L = xᵀAx + c: η < 1/a₁ ⇒ convergence to the minimum; η = 1/a₁ ⇒ an eventually period-2 orbit (when the start has a component along a₁'s eigenvector); η > 1/a₁ ⇒ divergence from almost every start " +
            "(for ½xᵀAx read 2/a₁). Checked on diag(2, 1) and diag(5, 3, 1) over the η grid of the table.");
        // Negative control: the corrected rule with the ½-convention threshold 2/a₁.
        bool controlOk = observed.All(o => CorrectedPrediction(o.Eta, o.A1, 2.0) == o.Outcome);
        Evidence.NegativeControl("threshold 2/a₁ (the ½xᵀAx convention) for L = xᵀAx", controlOk);
    }

    [Claim("lin.thm20-conjugacy")]
    public void GradientDescentIsConjugateUnderRigidMotions()
    {
        // Random exact rotations (Cayley transforms of integer skew matrices), shifts, step sizes and points.
        var net4 = DyadicNetwork(new LayerWidths(1, 2, 1), 3, new Random(620)); // d_θ = 4
        var gen = from dim in Gen.Elements(2, 4)
                  from skew in Gen.ArrayOf(Gen.Choose(-5, 5), dim * (dim - 1) / 2)
                  from shift in Gen.ArrayOf(Gen.Choose(-8, 8), dim)
                  from x in Gen.ArrayOf(Gen.Choose(-8, 8), dim)
                  from p in Gen.Choose(1, 20)
                  select new MotionCase(skew, shift, x, p);
        static int[] Halve(int[] v) => v.Select(e => e / 2).ToArray();
        var arb = Arb.From(gen, t => new[] { t with { P = 1 }, t with { Skew = Halve(t.Skew) }, t with { Shift = Halve(t.Shift) }, t with { X = Halve(t.X) } }
            .Where(c => c.P != t.P || !c.Skew.SequenceEqual(t.Skew) || !c.Shift.SequenceEqual(t.Shift) || !c.X.SequenceEqual(t.X)));
        bool Conjugate(MotionCase t, Rational scale)
        {
            int dim = t.Shift.Length;
            Objective loss = dim == 2 ? Toy : net4;
            var s = new ScalarMatrix<Rational>(dim, dim, (i, j) => i == j ? 0 : i < j ? SkewEntry(t.Skew, dim, i, j) : -SkewEntry(t.Skew, dim, j, i));
            var rotation = AffineIsometry.Cayley(s, t.Shift.Select(v => new Rational(v, 4)).ToArray());
            var a = new AffineIsometry(scale * rotation.O, rotation.Shift); // scale = 1: a rigid motion
            var oInverse = a.O.Inverse()!;
            Rational eta = new(t.P, 16);
            var pulled = new IsometryPullback(loss, a);
            Rational[] x = t.X.Select(v => new Rational(v, 4)).ToArray();
            // (13) ∇(L∘A)(x) = Oᵀ∇L(A(x))
            if (!pulled.Gradient<Rational>(x).SequenceEqual(a.O.Transpose().Apply(loss.Gradient<Rational>(a.Apply<Rational>(x))))) return false;
            // (14) A ∘ G_{L∘A} ∘ A⁻¹ = G_L, with A⁻¹(y) = O⁻¹(y − v)
            var aInverseX = oInverse.Apply(x.Select((v, i) => v - a.Shift[i]).ToArray());
            var lhs = a.Apply<Rational>(GradientDescent.Step<Rational>(pulled, aInverseX, eta));
            return lhs.SequenceEqual(GradientDescent.Step<Rational>(loss, x, eta));
        }
        Evidence.Holds("A ∘ G_{L∘A} ∘ A⁻¹ = G_L and ∇(L∘A) = Oᵀ∇L∘A, exact (½(1 − xy)² and the [1,2,1] network)", arb, t => Conjugate(t, 1), seed: 621, maxTest: 60);
        Evidence.Note("Exact rational arithmetic: O = (I − S)(I + S)⁻¹ with S an integer skew matrix is exactly orthogonal; shifts and points are quarter-integers, η = p/16.");
        Evidence.ControlFails("A(x) = 2Ox + v (scaled rotation) in place of a rigid motion", arb, t => Conjugate(t, 2), seed: 621, maxTest: 60);
    }

    /// <summary>A rigid motion and a GD step: the upper triangle of an integer skew matrix, a shift (quarters), a point (quarters), η = P/16.</summary>
    private sealed record MotionCase(int[] Skew, int[] Shift, int[] X, int P)
    {
        public override string ToString() => $"S upper = [{string.Join(", ", Skew)}], v = [{string.Join(", ", Shift)}]/4, x = [{string.Join(", ", X)}]/4, η = {P}/16";
    }

    /// <summary>L(w) = a·w² with a = K/4 and η = P/8.</summary>
    private sealed record QuadraticCase(int K, int P)
    {
        public override string ToString() => $"a = {K}/4, η = {P}/8 (2/a = {8.0 / K:G4}, 1/a = {4.0 / K:G4})";
    }

    private static Rational SkewEntry(int[] upper, int dim, int i, int j)
    {
        int k = 0;
        for (int r = 0; r < dim; r++)
            for (int c = r + 1; c < dim; c++, k++)
                if (r == i && c == j) return upper[k];
        throw new ArgumentOutOfRangeException(nameof(i));
    }

    private static double DiagonalOf(DeepLinearNetwork net, int i)
    {
        var x = net.Inputs<Real>().ToMatrix();
        return (x * x.Transpose())[i, i];
    }

    /// <summary>Observed behaviour of GD (200 steps) from a fixed generic start: converges, periodic (bounded, period 2), or diverges.</summary>
    private static string Outcome(DeepLinearNetwork net, double eta)
    {
        var start = Enumerable.Range(0, net.Dimension).Select(i => i % 2 == 0 ? 0.7 : -0.4).ToArray();
        var t = GradientDescent.Run(net, start, eta, 200);
        double first = Math.Sqrt(start.Sum(v => v * v)), last = Math.Sqrt(t.Last.Sum(v => v * v));
        if (t.Diverged || last > 1e6 * first) return "diverges";
        if (last < 1e-8 * first) return "converges";
        return Periodicity.Detect(t.Points, 2, 1e-9) == 2 ? "periodic" : "undecided";
    }

    /// <summary>GD on xᵀAx (top eigenvalue a₁) with the threshold c/a₁ (c = 1 is the corrected statement).</summary>
    private static string CorrectedPrediction(double eta, double a1, double c) =>
        Math.Abs(eta - c / a1) < 1e-12 ? "periodic" : eta < c / a1 ? "converges" : "diverges";

    private static Plot TrajectoryFigure(IReadOnlyList<Trajectory> runs, double eta, (double X0, double X1, double Y0, double Y1) region, bool oscillating = false)
    {
        var plot = Figures.New($"½(1 − xy)², η = {eta}", "x", "y");
        var xs = Enumerable.Range(0, 600).Select(i => 0.05 + 5.0 * i / 599).ToArray();
        Figures.Line(plot, xs, xs.Select(x => 1 / x).ToArray(), "M: xy = 1", Colors.Black);
        var stable = xs.Where(x => x * x + 1 / (x * x) < 2 / eta).ToArray();
        if (stable.Length > 0) Figures.Line(plot, stable, stable.Select(x => 1 / x).ToArray(), "M_S: x² + y² < 2/η", Colors.Red, 4);
        bool first = true;
        foreach (var t in runs)
        {
            var pts = t.Points.Take(200).ToList();
            if (oscillating)
                Figures.Points(plot, pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), first ? "GD iterates (first 200 steps)" : null, Colors.SteelBlue, 2);
            else
                Figures.Line(plot, pts.Select(p => p[0]).ToArray(), pts.Select(p => p[1]).ToArray(), first ? "GD trajectories" : null, Colors.SteelBlue, 1);
            first = false;
        }
        if (oscillating)
        {
            var cycle = runs.SelectMany(t => new[] { t[^1], t[^2] }).ToList();
            Figures.Points(plot, cycle.Select(p => p[0]).ToArray(), cycle.Select(p => p[1]).ToArray(), "final 2-cycle", Colors.Orange, 9);
        }
        Figures.Points(plot, runs.Select(t => t[0][0]).ToArray(), runs.Select(t => t[0][1]).ToArray(), "starts", Colors.Black, 5);
        plot.Axes.SetLimits(region.X0, region.X1, region.Y0, region.Y1);
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }
}
