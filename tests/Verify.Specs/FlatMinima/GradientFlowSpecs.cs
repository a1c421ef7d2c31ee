using ScottPlot;
using Verify.Dynamics.Flows;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 §4, §6 and App. C.1, D.1: gradient flow beside gradient descent.</summary>
public sealed class GradientFlowSpecs : ClaimSpec
{
    /// <summary>The solver tolerances every flow here uses (stated in the claims' parameters).</summary>
    internal static readonly OdeTolerances Tolerances = new(1e-11, 1e-13);

    /// <summary>A flow solve of ½(aᵀb − Φ)² until |ε| &lt; 1e-9 (near the accuracy floor ~rtol·λ of ε) (or t = 1e4).</summary>
    internal sealed record Flow(double[] A0, double[] B0, double Phi, OdeSolution Solution)
    {
        public int D => A0.Length;
        public VectorFactorizationState<Real> StateAt(int k) => VectorFactorizationState<Real>.Of(Reals(Solution.States[k].AsSpan(0, D)), Reals(Solution.States[k].AsSpan(D)), Phi);
        public VectorFactorizationState<Real> Initial => StateAt(0);
        public VectorFactorizationState<Real> Final => StateAt(Solution.States.Count - 1);
        private static Real[] Reals(ReadOnlySpan<double> x) { var r = new Real[x.Length]; for (int i = 0; i < r.Length; i++) r[i] = x[i]; return r; }
    }

    internal static Flow Solve(double[] a, double[] b, double phi, double horizon = 1e4)
    {
        var f = new VectorFactorization(a.Length, phi);
        var sol = GradientFlow.Solve(f, VectorFactorization.Join<double>(a, b), horizon, Tolerances, (_, x) => Math.Abs(f.Residual<Real>(x.Select(v => new Real(v)).ToArray()).Value) < 1e-9);
        return new Flow(a, b, phi, sol);
    }

    /// <summary>200 flows from random starts, d ∈ {1, 2, 3}, shared by the flow specs.</summary>
    private static readonly Lazy<Flow[]> Flows = new(() =>
    {
        var rng = new Random(97);
        var starts = Enumerable.Range(0, 200).Select(k =>
        {
            int d = 1 + k % 3;
            double scale = 0.2 + 1.5 * rng.NextDouble();
            double phi = new[] { 0.5, 1, 2 }[rng.Next(3)];
            return (A: Enumerable.Range(0, d).Select(_ => scale * Gaussian(rng)).ToArray(), B: Enumerable.Range(0, d).Select(_ => scale * Gaussian(rng)).ToArray(), Phi: phi);
        }).ToArray();
        var flows = new Flow[starts.Length];
        Parallel.For(0, starts.Length, i => flows[i] = Solve(starts[i].A, starts[i].B, starts[i].Phi));
        return flows;
    });

    [Claim("flat.lemma5-6-gf")]
    public void FlowConservesAlphaAndBoundsLambda()
    {
        // λ̇ = −4ε(ε + Φ), ε̇ = −λε: exact along the field at rational points.
        var r = new Random(101);
        for (int t = 0; t < 200; t++)
        {
            int d = 1 + t % 3;
            var x = RandomRationals(r, 2 * d);
            var g = new VectorFactorization(d, 1).Gradient<Rational>(x);
            var xd = x.Select((v, i) => new Dual<Rational>(v, -g[i])).ToArray();
            var s = VectorFactorizationState<Dual<Rational>>.Of(xd.AsSpan(0, d), xd.AsSpan(d), Dual<Rational>.FromInt(1));
            var e = s.Residual.Value;
            s.SquaredNorm.Derivative.ShouldBe(-4 * e * (e + 1));
            s.Residual.Derivative.ShouldBe(-s.SquaredNorm.Value * e);
        }
        double drift = 0, worstBound = 0, limitError = 0;
        bool supAtEnds = true;
        foreach (var flow in Flows.Value)
        {
            var s0 = flow.Initial;
            double a0 = s0.FlowInvariant.Value, l0 = s0.SquaredNorm.Value, e0 = s0.Residual.Value;
            for (int k = 0; k < flow.Solution.States.Count; k++)
                drift = Math.Max(drift, Math.Abs(flow.StateAt(k).FlowInvariant.Value - a0) / (1 + Math.Abs(a0)));
            double lInf = flow.Final.SquaredNorm.Value;
            worstBound = Math.Max(worstBound, lInf / Math.Sqrt(l0 * l0 + 4 * flow.Phi * flow.Phi));
            limitError = Math.Max(limitError, Math.Abs(lInf - Math.Sqrt(l0 * l0 - 4 * e0 * (e0 + 2 * flow.Phi))));
            double sup = flow.Solution.States.Max(y => y.Sum(v => v * v));
            supAtEnds &= sup <= Math.Max(l0, lInf) * (1 + 1e-9);
        }
        flow0Check();
        drift.ShouldBeLessThan(1e-8);
        worstBound.ShouldBeLessThanOrEqualTo(1);
        limitError.ShouldBeLessThan(1e-8);
        supAtEnds.ShouldBeTrue();
        // The proof's line "λ(∞) = λ(0)² − 8ε(0)(ε(0) + Φ) + 4ε(0)²" equates a length with a squared length.
        var ex = Flows.Value[0];
        double printed = Math.Pow(ex.Initial.SquaredNorm.Value, 2) - 8 * ex.Initial.Residual.Value * (ex.Initial.Residual.Value + ex.Phi) + 4 * Math.Pow(ex.Initial.Residual.Value, 2);
        Evidence.Number("max relative drift of α over 200 flows (rtol 1e-11, atol 1e-13)", drift, 0, 1e-8)
            .Number("max λ(∞)/√(λ(0)² + 4Φ²)", worstBound, note: "≤ 1 claimed")
            .Number("max |λ(∞) − √(λ(0)² − 4ε(0)(ε(0) + 2Φ))| (derived exact limit)", limitError, 0, 1e-8)
            .Number("flow #0: λ(∞)", ex.Final.SquaredNorm.Value, note: $"printed proof value λ(0)² − 8ε(0)(ε(0) + Φ) + 4ε(0)² = {F(printed)} is λ(∞)², not λ(∞)")
            .Note("λ̇ = −4ε(ε + Φ) and ε̇ = −λε are exact (dual-number derivatives along −∇L at 200 rational points). α is conserved to the solver's tolerance; the supremum of λ along every flow is attained at the start or at the limit, as the proof says (λ grows only while −Φ < ε < 0). The limit λ(∞) = √(λ(0)² − 4ε(0)(ε(0) + 2Φ)) follows from conservation (inventory, derived).")
            .Note("Typo, not counted as an erratum: the proof of Lemma 6 writes \"λ(∞) = λ(0)² − 8ε(0)(ε(0) + Φ) + 4ε(0)²\", which equates a length with a squared length; the conserved quantity of Lemma 5 gives λ(∞)² = λ(0)² − 8ε(0)(ε(0) + Φ) + 4ε(0)² ≤ λ(0)² + 4Φ² (the maximum of −4ε(ε + 2Φ) is 4Φ² at ε = −Φ), which is what the proof goes on to use.")
            .Reproduced("α is conserved along 200 flows to the solver tolerance (and λ̇, ε̇ exactly), λ(∞) ≤ √(λ(0)² + 4Φ²) on every flow, with the supremum of λ at the start or the limit");
        Evidence.NegativeControl("λ(∞) ≤ λ(0) (no 4Φ² term)", Flows.Value.All(f => f.Final.SquaredNorm.Value <= f.Initial.SquaredNorm.Value * (1 + 1e-9)));

        void flow0Check() => Flows.Value.All(f => f.Solution.Status == OdeStatus.Stopped).ShouldBeTrue(string.Join("; ", Flows.Value.Where(f => f.Solution.Status != OdeStatus.Stopped).Take(5).Select(f => $"{f.Solution.Status} t={f.Solution.FinalTime} e={f.Final.Residual.Value} Q={f.Initial.Imbalance.Value} n={f.Solution.AcceptedSteps}")));
    }

    [Claim("flat.prop1-gf")]
    public void FlowConvergesExponentiallyFromEveryStart()
    {
        // PL identity along the flow: ‖∇L‖² = (aᵀb − Φ)²(‖a‖² + ‖b‖²) exactly; with App. B's convention L = ε² this is
        // μ·L with μ = λ (with definition (2), L = ½ε², it is 2λ·L).
        var r = new Random(103);
        for (int t = 0; t < 100; t++)
        {
            int d = 1 + t % 3;
            var x = RandomRationals(r, 2 * d);
            var f = new VectorFactorization(d, 1);
            var g = f.Gradient<Rational>(x);
            var s = State(x, 1);
            Scalar.Dot<Rational>(g, g).ShouldBe(s.Residual * s.Residual * s.SquaredNorm);
        }
        // Every random start (Φ ∈ {½, 1, 2}) converges to a minimizer; exponential rates are flat.lemma9-gf-limit's (≥ Q).
        int converged = Flows.Value.Count(f => f.Solution.Status == OdeStatus.Stopped);
        converged.ShouldBe(Flows.Value.Length);
        // Q = 0 starts (App. D.2). a = −b: v̇ = −(‖a‖² + Φ)v, so ‖a‖ decays at least like e^{−Φt} to the saddle.
        var saddle = Solve([0.8, -0.3], [-0.8, 0.3], 1, 60);
        double saddleNorm = saddle.Solution.Final.Sum(v => v * v);
        saddleNorm.ShouldBeLessThan(1e-20);
        // Rate measured while ‖x‖ is well above the solver's absolute tolerance (‖x‖ ≥ 1e-4).
        int kr = Enumerable.Range(0, saddle.Solution.States.Count).Last(k => Math.Sqrt(saddle.Solution.States[k].Sum(v => v * v)) >= 1e-4);
        double saddleRate = -Math.Log(Math.Sqrt(saddle.Solution.States[kr].Sum(v => v * v) / saddle.Solution.States[0].Sum(v => v * v))) / saddle.Solution.Times[kr];
        saddleRate.ShouldBeGreaterThanOrEqualTo(1.0); // ≥ Φ
        // a = b ≠ 0 (balanced, region B start): converges to the minimizer a = b = √Φ·(unit), exponentially.
        var balanced = Solve([0.1, 0.05], [0.1, 0.05], 1, 200);
        balanced.Solution.Status.ShouldBe(OdeStatus.Stopped);
        balanced.Final.Imbalance.Value.ShouldBeLessThan(1e-12);
        // Scope: Φ = 0 with Q = 0 (a = b = 1): ȧ = −a³, a(t) = (1 + 2t)^{−½}, L = ½a⁴ = ½(1 + 2t)^{−2} — algebraic decay.
        var zero = Solve([1.0], [1.0], 0, 1000);
        double t1 = zero.Solution.FinalTime, a1 = zero.Solution.Final[0];
        double loss = 0.5 * Math.Pow(a1 * a1, 2);
        loss.ShouldBe(0.5 / Math.Pow(1 + 2 * t1, 2), 1e-6 * loss);
        Evidence.Number("random starts (Φ > 0) whose flow reached |ε| < 1e-9", converged, Flows.Value.Length, 0)
            .Number("a = −b start: ‖x(60)‖² (converges to the saddle)", saddleNorm)
            .Number("a = −b start: exponential rate of ‖a‖ while ‖a‖ ≥ 1e-4", saddleRate, note: "≥ Φ = 1 claimed by v̇ = −(‖a‖² + Φ)v")
            .Number("a = b = (0.1, 0.05), Φ = 1: time to |ε| < 1e-9", balanced.Solution.FinalTime)
            .Number("scope check, Φ = 0, a = b = 1: L(1000)·(1 + 2·1000)²", loss * Math.Pow(1 + 2 * t1, 2), 0.5, 1e-6, "algebraic decay ½(1 + 2t)⁻², not exponential")
            .Note("Readings used: Φ > 0. The paper allows Φ ≥ 0 in §1–3, but its analysis of this proposition assumes Φ > 0 (App. D.2: μ ≥ 2Φ² > 0; Prop. 2: Φ > 0). At Φ = 0 the starts with Q(0) = 0 converge only algebraically (the scope check above: a = b = 1 gives L(t) = ½(1 + 2t)⁻²) — outside the setting the proof treats. The PL identity is read with App. B's L = ε² (‖∇L‖² = ε²λ exactly, 100 rational points).")
            .Reproduced("for Φ > 0: 200 random flows converge to minimizers (rate ≥ Q, flat.lemma9-gf-limit), a = −b converges to the saddle at rate ≥ Φ, a = b converges to a minimizer; ‖∇L‖² = ε²λ exactly");
        Evidence.NegativeControl("the flow from a = −b reaches a global minimizer (|ε| < 1e-9)", Math.Abs(saddle.Final.Residual.Value) < 1e-9);
    }

    [Claim("flat.lemma9-gf-limit")]
    public void FlowLimitKeepsImbalancesAndSigns()
    {
        double qDrift = 0, productError = 0, worstRate = double.PositiveInfinity;
        int signFlips = 0;
        foreach (var flow in Flows.Value)
        {
            var s0 = flow.Initial;
            var sN = flow.Final;
            for (int i = 0; i < flow.D; i++)
            {
                qDrift = Math.Max(qDrift, Math.Abs(sN.Imbalances[i].Value - s0.Imbalances[i].Value));
                if (Math.Sign(flow.Solution.Final[i] - flow.Solution.Final[flow.D + i]) != Math.Sign(flow.A0[i] - flow.B0[i])) signFlips++;
            }
            productError = Math.Max(productError, Math.Abs(sN.Product.Value - flow.Phi));
            // Rate at least Q: |ε(t)| ≤ |ε(0)|e^{−Qt} at every solver point; report the worst ratio of the measured rate to Q.
            double q = s0.Imbalance.Value, e0 = Math.Abs(s0.Residual.Value);
            for (int k = 1; k < flow.Solution.Times.Count; k++)
            {
                double t = flow.Solution.Times[k], e = Math.Abs(flow.StateAt(k).Residual.Value);
                if (e < 1e-9 || t < 1e-3) continue;
                worstRate = Math.Min(worstRate, -Math.Log(e / e0) / t / q);
            }
        }
        qDrift.ShouldBeLessThan(1e-8);
        productError.ShouldBeLessThanOrEqualTo(1e-9); // the stopping threshold of the solve
        signFlips.ShouldBe(0);
        worstRate.ShouldBeGreaterThan(1 - 1e-6);
        Evidence.Number("max |Qᵢ(∞) − Qᵢ(0)| over 200 flows", qDrift, 0, 1e-8)
            .Number("max |a(∞)ᵀb(∞) − Φ| (solves stop at |ε| < 1e-9)", productError, 0, 1e-9)
            .Number("sign changes of aᵢ − bᵢ", signFlips, 0, 0)
            .Number("min over flows and times of (measured rate −log(|ε(t)|/|ε(0)|)/t) / Q", worstRate, note: "≥ 1 claimed")
            .Note("Dormand–Prince 5(4), rtol 1e-11, atol 1e-13, stopped at |ε| < 1e-9. aᵢ − bᵢ obeys d/dt(aᵢ − bᵢ) = ε(aᵢ − bᵢ), so its sign cannot change.");
        Evidence.NegativeControl("rate at least 2Q", worstRate >= 2);
    }

    [Claim("flat.takeaway1")]
    public void DescentEndsFlatterThanFlow()
    {
        // For every run of family R under Theorem 1's condition: the GF limit from the same start keeps Qᵢ and has
        // λ_GF(∞) = √α(0); the GD limit has strictly smaller Q and λ, and Q_GD(∞) > 0.
        var runs = TheoremRuns.Value;
        int lowerQ = 0, lowerLambda = 0, positive = 0, n = 0;
        double minRatio = double.PositiveInfinity, maxRatio = 0;
        foreach (var run in runs.Where(r => r.Path.Converged))
        {
            n++;
            var s0 = run.Draw.State;
            double qGf = s0.Imbalance.Value, lGf = Math.Sqrt(s0.FlowInvariant.Value);
            double qGd = run.Path.Imbalances[^1], lGd = run.Path.SquaredNorms[^1];
            if (qGd < qGf) lowerQ++;
            if (lGd < lGf) lowerLambda++;
            if (qGd > 0) positive++;
            minRatio = Math.Min(minRatio, qGd / qGf);
            maxRatio = Math.Max(maxRatio, qGd / qGf);
        }
        // The GF limit by integration (not only by conservation) for 300 of the starts.
        double gfCheck = 0;
        var sample = runs.Take(300).ToArray();
        var gfQ = new double[sample.Length];
        Parallel.For(0, sample.Length, i =>
        {
            var fl = Solve(sample[i].Draw.A, sample[i].Draw.B, sample[i].Draw.Phi);
            gfQ[i] = Math.Abs(fl.Final.Imbalance.Value - sample[i].Draw.Imbalance) + Math.Abs(fl.Final.SquaredNorm.Value - Math.Sqrt(sample[i].Draw.State.FlowInvariant.Value));
        });
        gfCheck = gfQ.Max();
        gfCheck.ShouldBeLessThan(1e-7);
        lowerQ.ShouldBe(n);
        lowerLambda.ShouldBe(n);
        positive.ShouldBe(n);
        Evidence.Seed(FamilySeed)
            .Number("converged runs of family R (Theorem 1's step condition)", n)
            .Number("runs with Q_GD(∞) < Q_GF(∞) = Q(0)", lowerQ, n, 0)
            .Number("runs with λ_GD(∞) < λ_GF(∞) = √α(0)", lowerLambda, n, 0)
            .Number("runs with Q_GD(∞) > 0", positive, n, 0)
            .Number("min Q_GD(∞)/Q_GF(∞)", minRatio).Number("max Q_GD(∞)/Q_GF(∞)", maxRatio)
            .Number("max deviation of 300 integrated GF limits from (Q(0), √α(0))", gfCheck, 0, 1e-7);
        // Figure 1: d = 1, GF curve vs GD steps in the (a, b) plane.
        Figure1();
        Evidence.NegativeControl("GD limit has larger Q than GF in some run (flip of the comparison)", runs.Any(r => r.Path.Converged && r.Path.Imbalances[^1] > r.Draw.Imbalance));
    }

    private void Figure1()
    {
        double[] a0 = [1.9], b0 = [-0.5];
        const double phi = 1, eta = 0.22;
        var flow = Solve(a0, b0, phi, 100);
        var gd = new List<(double A, double B)> { (a0[0], b0[0]) };
        double[] a = [a0[0]], b = [b0[0]];
        for (int k = 0; k < 60; k++) { FactorizationDescent.Step(a, b, phi, eta); gd.Add((a[0], b[0])); }
        var plot = Figures.New("Figure 1: gradient flow conserves Q, gradient descent shrinks it (d = 1, Φ = 1)", "a", "b");
        var hx = Enumerable.Range(0, 200).Select(i => 0.35 + i * 0.0125).ToArray();
        Figures.Line(plot, hx, hx.Select(x => phi / x).ToArray(), "minimizers ab = Φ", Colors.Gray, 1);
        double q0 = a0[0] * a0[0] - b0[0] * b0[0];
        var qs = Enumerable.Range(0, 200).Select(i => -1.2 + i * 0.012).ToArray();
        Figures.Line(plot, qs.Select(y => Math.Sqrt(q0 + y * y)).ToArray(), qs, $"Q = a² − b² = {F(q0)} (conserved by GF)", Colors.LightGray, 1);
        Figures.Line(plot, flow.Solution.States.Select(s => s[0]).ToList(), flow.Solution.States.Select(s => s[1]).ToList(), "gradient flow", Colors.Blue, 2);
        Figures.Line(plot, gd.Select(p => p.A).ToList(), gd.Select(p => p.B).ToList(), $"GD, η = {eta}", Colors.Red, 1);
        Figures.Points(plot, gd.Select(p => p.A).ToList(), gd.Select(p => p.B).ToList(), color: Colors.Red, size: 5);
        Figures.Line(plot, [-0.2, 2.0], [-0.2, 2.0], "a = b", Colors.Green, 1);
        var g = gd[^1];
        Evidence.Figure("Figure 1: GF curving away from the origin vs GD steps (d = 1)", plot, 640, 480,
            $"From (a, b) = (1.9, −0.5), Φ = 1: the flow stays on a² − b² = {F(q0)} and ends at Q = {F(flow.Final.Imbalance.Value)}; GD (η = {eta}) steps along tangents, moves toward a = b and ends at Q = {F(g.A * g.A - g.B * g.B)}.");
    }

    [Claim("flat.lemma1-lambda-bound")]
    public void LambdaBoundedAlongMonotoneRuns()
    {
        // Lemma 1: η ≤ 1/ε(0) (so ε(0) > 0) and |ε(t)| non-increasing ⇒ λ(t) ≤ √(λ(0)² + 4Φ²).
        // Lemma 8: η < 1/|ε(0)| and |ε(t)| non-increasing ⇒ the same.
        var draws = Family(FamilySeed + 3, 2 * FamilySize);
        var runs = RunAll(draws, d => (0.01 + 0.98 * d.U) / Math.Abs(d.Residual), 1e-10, 20_000);
        static bool Monotone(FactorizationPath p) => p.Converged && Enumerable.Range(0, p.Steps).All(t => Math.Abs(p.Residuals[t + 1]) <= Math.Abs(p.Residuals[t]));
        static double Excess(Run r) => r.Path.SquaredNorms.Max() / r.Draw.MaxSharpness;
        var monotone = runs.Where(r => Monotone(r.Path)).ToArray();
        var lemma1 = monotone.Where(r => r.Draw.Residual > 0).ToArray();
        var lemma8 = monotone;
        int fail1 = lemma1.Count(r => Excess(r) > 1 + 1e-12);
        var fails8 = lemma8.Where(r => Excess(r) > 1 + 1e-12).ToArray();
        fail1.ShouldBe(0);
        fails8.Length.ShouldBeGreaterThan(0);
        fails8.All(r => r.Draw.Residual < 0).ShouldBeTrue();
        var worst = fails8.MaxBy(Excess)!;
        // The smallest clean counterexample: d = 1, Φ = 1, a = 2, b = 0, η = 2/5 (η|ε(0)| = 2/5 < 1; it even meets Theorems 1–2's
        // η < min{1/(2|ε(0)|), 2/√(λ(0)² + 4Φ²)}). One exact step: λ(1) = 116/25, λ(1)² > λ(0)² + 4Φ² = 20; |ε| = 1, 3/5, … is
        // non-increasing for the whole run (exact for the first steps, then double).
        Rational[] x = [2, 0];
        var eta = new Rational(2, 5);
        var s0 = State(x, 1);
        var x1 = Step(x, 1, eta);
        var s1 = State(x1, 1);
        (s1.SquaredNorm * s1.SquaredNorm > s0.SquaredNorm * s0.SquaredNorm + 4).ShouldBeTrue();
        var exRun = FactorizationDescent.Run([2.0], [0.0], 1, 0.4, 1e-12, 10_000);
        exRun.Converged.ShouldBeTrue();
        Monotone(exRun).ShouldBeTrue();
        // GF: λ(t) ≤ √(λ(0)² + 4Φ²) along every flow.
        bool gf = Flows.Value.All(f => f.Solution.States.Max(y => y.Sum(v => v * v)) <= Math.Sqrt(Math.Pow(f.Initial.SquaredNorm.Value, 2) + 4 * f.Phi * f.Phi) * (1 + 1e-9));
        gf.ShouldBeTrue();
        Evidence.Seed(FamilySeed + 3)
            .Number("monotone converged runs with ε(0) > 0, η ≤ 1/ε(0) (Lemma 1)", lemma1.Length)
            .Number("of which λ exceeds √(λ(0)² + 4Φ²)", fail1, 0, 0)
            .Number("monotone converged runs with η < 1/|ε(0)| (Lemma 8)", lemma8.Length)
            .Number("of which λ exceeds the bound (all with ε(0) < 0)", fails8.Length)
            .Number("worst max_t λ(t)/√(λ(0)² + 4Φ²) (Lemma 8)", Excess(worst))
            .Counterexample($"Lemma 8, exact: d = 1, a(0) = 2, b(0) = 0, Φ = 1, η = 2/5 (ε(0) = −1, η|ε(0)| = 2/5 < 1): λ(1) = {s1.SquaredNorm}, λ(1)² = {s1.SquaredNorm * s1.SquaredNorm} > λ(0)² + 4Φ² = {s0.SquaredNorm * s0.SquaredNorm + 4}, while |ε(t)| = 1, {Rational.Abs(s1.Residual)}, {F(Math.Abs(exRun.Residuals[2]))}, {F(Math.Abs(exRun.Residuals[3]))}, … decreases monotonically to 0 ({exRun.Steps} steps)")
            .Counterexample($"Lemma 8, worst run of the family: {worst.Draw}, η = {F(worst.Eta)} (η|ε(0)| = {F(worst.Eta * Math.Abs(worst.Draw.Residual))}): |ε(t)| is non-increasing, yet max λ(t) = {F(worst.Path.SquaredNorms.Max())} > √(λ(0)² + 4Φ²) = {F(worst.Draw.MaxSharpness)}")
            .Note("Lemma 8's proof replaces Lemma 6's equalities by Lemma 7's inequalities, but from ε(0) < 0 a monotone |ε| can still jump to ε > 0 and raise (aᵀb)² by up to 4Φ|ε(0)|; α's decrease does not cover it. With ε(0) > 0 (Lemma 1's η ≤ 1/ε(0) forces it), (aᵀb)² ≤ (a(0)ᵀb(0))² along a monotone run and the bound holds. Along gradient flow it holds for all 200 flows.")
            .Note("Reading used: Lemma 1's \"η ≤ 1/ε(0)\" literally (it admits η > 0 only when ε(0) > 0), under which it holds; Lemma 8 writes 1/|ε(0)| and so covers ε(0) < 0, where it fails.")
            .Erratum("Lemma 8 (η < 1/|ε(0)|, |ε(t)| monotone) is false for ε(0) < 0: λ(t) exceeds √(λ(0)² + 4Φ²) on monotone runs (exact d = 1 counterexample at η = 2/5, which also meets Theorems 1–2's step condition). Lemma 1 (η ≤ 1/ε(0), so ε(0) > 0) and the gradient-flow statement hold.",
                "If ε(0) > 0, η ≤ 1/ε(0) and |ε(t)| is non-increasing, then λ(t) ≤ √(λ(0)² + 4Φ²) (verified on all Lemma 1 runs); for ε(0) < 0 the bound needs λ(0)² + 4Φ² replaced by λ(0)² − 4(a(0)ᵀb(0))² + 4(Φ + |ε(0)|)².");
        // Check that corrected ε(0) < 0 bound: λ² ≤ α(0) + 4 max P² with P ≤ Φ + |ε(0)|.
        bool corrected = lemma8.All(r => r.Path.SquaredNorms.Max() <= Math.Sqrt(r.Draw.SquaredNorm * r.Draw.SquaredNorm - 4 * r.Draw.Product * r.Draw.Product + 4 * Math.Pow(r.Draw.Phi + Math.Abs(r.Draw.Residual), 2)) * (1 + 1e-12));
        corrected.ShouldBeTrue();
        // Sharper: on these runs even λ(t) ≤ λ(0) holds ((aᵀb)² cannot grow along a monotone run from ε(0) > 0).
        bool sharper = lemma1.All(r => r.Path.SquaredNorms.Max() <= r.Draw.SquaredNorm * (1 + 1e-12));
        Evidence.Number("Lemma 1 runs with max λ(t) ≤ λ(0) (sharper than the lemma)", lemma1.Count(r => r.Path.SquaredNorms.Max() <= r.Draw.SquaredNorm * (1 + 1e-12)), lemma1.Length, 0);
        sharper.ShouldBeTrue();
        Evidence.NegativeControl("Lemma 1 with the bound 2Φ (the flattest sharpness) in place of √(λ(0)² + 4Φ²)", lemma1.All(r => r.Path.SquaredNorms.Max() <= 2 * r.Draw.Phi * (1 + 1e-12)));
    }
}
