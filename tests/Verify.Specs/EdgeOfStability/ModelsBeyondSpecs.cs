using MathNet.Numerics.LinearAlgebra;

namespace Verify.Specs.EdgeOfStability;

/// <summary>Specs of seeds/002_c339b3cacfa3044e.txt §6.2 and §2: the separable models (10), (12), the stable sets M, M′, and Wang et al.</summary>
public sealed class ModelsBeyondSpecs : ClaimSpec
{
    private static readonly ScalarFactorization TwoD = new(target: 1); // ½(xy − 1)²

    /// <summary>Bounded for 10⁴ steps (|θ| ≤ 10⁶) from each of 4 seeded starts near the minimum, and the period of the tail.</summary>
    private static (bool Bounded, int? Period, double[] A, double[] B) Behaviour(Objective f, double[] minimum, double eta, int seed)
    {
        var rng = new Random(seed);
        bool bounded = true; int? period = 2; double[] a = minimum, b = minimum;
        for (int s = 0; s < 4 && bounded; s++)
        {
            var x = minimum.Select(m => m + 0.01 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray();
            var (p, tail) = Periodicity.OfMap(y => GradientDescent.Step(f, y, eta), x, 10_000, 8, 1e-9);
            bounded = tail[^1].All(v => double.IsFinite(v) && Math.Abs(v) <= 1e6);
            if (p != 2) period = p;
            (a, b) = (tail[^1], tail[Math.Max(0, tail.Count - 2)]);
        }
        return (bounded, period, a, b);
    }

    [Claim("eos.ma-model")]
    public void SeparableModelOscillatesInEveryDirection()
    {
        var lambda = new[] { 1.0, 0.99 };
        const double eta = 1.03; // ηλᵢ = 1.03, 1.0197 ∈ (1, 1.121); η(λ₁ + λ₂) = 2.0497 > 2
        var basis = MfRuns.RandomOrthogonal(2, new Random(23));
        Evidence.Seed("basis: new Random(23); starts: new Random(24), new Random(25)");
        var separable = CoupledSeparableModel.Separable(lambda, 1, basis);
        var minimum = (basis * Vector<double>.Build.DenseOfArray(lambda.Select(Math.Sqrt).ToArray())).ToArray();
        var sep = Behaviour(separable, minimum, eta, 24);
        var ua = separable.Coordinates<Verify.Dynamics.Numbers.Real>(sep.A.Select(v => (Verify.Dynamics.Numbers.Real)v).ToArray());
        var ub = separable.Coordinates<Verify.Dynamics.Numbers.Real>(sep.B.Select(v => (Verify.Dynamics.Numbers.Real)v).ToArray());
        double amp1 = Math.Abs(ua[0].Value - ub[0].Value), amp2 = Math.Abs(ua[1].Value - ub[1].Value);
        // Matrix factorization with the same spectrum: ½‖XZ − UΛUᵀ‖² near its balanced minimizer.
        var y = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * basis.Transpose();
        var mf = new MatrixFactorization(y, 2);
        var half = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda.Select(Math.Sqrt).ToArray());
        var mfRun = Behaviour(mf, mf.Pack(half, half.Transpose()), eta, 25);
        bool OscillatesInEveryDirection((bool Bounded, int? Period, double[] A, double[] B) r, double a1, double a2) => r.Bounded && r.Period == 2 && a1 > 1e-3 && a2 > 1e-3;
        OscillatesInEveryDirection(sep, amp1, amp2).ShouldBeTrue();
        Evidence.Number("separable (10): amplitude of the period-2 oscillation along e₁", amp1)
                .Number("separable (10): amplitude along e₂", amp2)
                .Note($"Separable model Σ ¼(⟨θ, eᵢ⟩² − λᵢ)², λ = (1, 0.99), η = 1.03 (both directions beyond the EoS): bounded, period 2, oscillating in both directions. Matrix factorization with the same λ and η from near its balanced minimizer: {(mfRun.Bounded ? "bounded" : "blows up")} (λ₁ + λ₂ > 2/η).");
        mfRun.Bounded.ShouldBeFalse();
        Evidence.NegativeControl("matrix factorization behaves like the separable model (bounded, oscillating in both directions)", OscillatesInEveryDirection(mfRun, 1, 1));
    }

    [Claim("eos.eq12-model")]
    public void CouplingLimitsHowManyEigenvaluesCanExceedTwoOverEta()
    {
        const double eta = 1.03;
        double[] lambda2s = [0.5, 0.8, 0.9, 0.95, 0.98, 0.99];
        var rows = new List<object[]>();
        // Which λ₂ still give a stable oscillation (GD converges to a period-2 orbit) for each S, and how many
        // directions (2λᵢ > 2/η) and Hessian eigenvalues are beyond the EoS there.
        HashSet<double> Admissible(bool coupled)
        {
            var ok = new HashSet<double>();
            foreach (var l2 in lambda2s)
            {
                var lambda = new[] { 1.0, l2 };
                var model = coupled ? CoupledSeparableModel.FullyCoupled(lambda, 2) : CoupledSeparableModel.Separable(lambda, 2);
                var minimum = new[] { 1.0, 0, 0, Math.Sqrt(l2) }; // x₁ = e₁, x₂ = √λ₂ e₂: orthogonal rows
                int beyond = Sharpness.Spectrum(model, minimum).Count(e => e > 2 / eta);
                var run = Behaviour(model, minimum, eta, 27);
                int directions = lambda.Count(l => 2 * l > 2 / eta);
                rows.Add([coupled ? "{(1, 2)}" : "∅", l2, directions, beyond, run.Bounded ? "bounded" : "blows up", run.Period?.ToString() ?? "none ≤ 8"]);
                if (run.Bounded && run.Period == 2) ok.Add(l2);
            }
            return ok;
        }
        var separable = Admissible(false);
        var coupledSet = Admissible(true);
        Evidence.Table("Model (12) with fᵢ = ¼(‖xᵢ‖² − λᵢ)², g = ½⟨x₁, x₂⟩², xᵢ ∈ ℝ², λ₁ = 1, η = 1.03", ["S", "λ₂", "directions with 2λᵢ > 2/η", "Hessian eigenvalues > 2/η", "GD (4 starts, 10⁴ steps)", "period"], rows);
        Evidence.Seed("starts: new Random(27)");
        bool Shrinks(HashSet<double> small, HashSet<double> large) => small.IsProperSubsetOf(large);
        Shrinks(coupledSet, separable).ShouldBeTrue();
        separable.Count.ShouldBe(lambda2s.Length);
        Evidence.Number("λ₂ values with a stable oscillation, S = ∅", separable.Count, lambda2s.Length)
                .Number("λ₂ values with a stable oscillation, S = {(1, 2)}", coupledSet.Count)
                .Note("With S = ∅ every λ₂ of the grid oscillates stably, both directions beyond the EoS included (λ₂ = 0.98, 0.99). Coupling the pair (S = every pair is exactly symmetric matrix factorization, eq. 11) adds the Hessian eigenvalue λ₁ + λ₂ and removes λ₂ = 0.99: the larger S, the fewer configurations beyond the EoS oscillate stably. The tied model cannot leave the symmetric subspace: it still oscillates at λ₂ = 0.98 (λ₁ + λ₂ > 2/η) where the untied ½‖XZ − Y‖² blows up (eos.ma-model, eos.obs1-boundary).");
        Evidence.NegativeControl("coupling leaves the set of stably oscillating λ₂ unchanged", !Shrinks(coupledSet, separable));
    }

    private static bool InM(Objective f, double[] theta, double eta, bool second)
    {
        var evd = f.HessianAt(theta).Evd(Symmetricity.Symmetric);
        var values = evd.EigenValues.Select(z => z.Real).ToArray();
        int top = Array.IndexOf(values, values.Max());
        double constrained = second ? values.OrderByDescending(v => v).ElementAt(1) : values[top];
        var g = f.GradientAt(theta);
        double along = evd.EigenVectors.Column(top).ToArray().Zip(g, (a, b) => a * b).Sum();
        return constrained <= 2 / eta && Math.Abs(along) <= 1e-9;
    }

    [Claim("eos.damian-manifold")]
    public void TheStableSet()
    {
        bool Sane(double eta) =>
            InM(TwoD, [1, 1], eta, false) == (2 <= 2 / eta)           // the flattest minimizer: S = 2
            && !InM(TwoD, [2, 0.5], eta, false)                          // a sharp minimizer: S = 4.25
            && !InM(TwoD, [1.2, 1.2], eta, false);                       // not stationary along u
        Sane(0.9).ShouldBeTrue();
        Sane(1.2).ShouldBeTrue();
        Evidence.Note("M = {θ : S(θ) ≤ 2/η, ∇L(θ)·u(θ) = 0} on ½(xy − 1)²: at η = 0.9 the flattest minimizer (1, 1) (S = 2 ≤ 2/η) is in M, the sharp (2, ½) (S = 4.25) is not, nor is (1.2, 1.2) where ∇L has a component along u; at η = 1.2 even (1, 1) is out (S = 2 > 1.67).");
        Evidence.NegativeControl("the sharp minimizer (2, ½) is in M at η = 0.9", InM(TwoD, [2, 0.5], 0.9, false));
    }

    [Claim("eos.prop5-7")]
    public void WhenTheStableSetExists()
    {
        // Prop 5 (η = 1.2 > 1/μ) and Prop 6 (η = 0.9 < 1/μ) on a grid of (0, 3]²: which grid points are in M.
        (int Count, double NearestToMinimizers, double MaxS) Scan(double eta)
        {
            int count = 0; double nearest = double.PositiveInfinity, maxS = 0;
            for (int i = 1; i <= 300; i++)
                for (int j = 1; j <= 300; j++)
                {
                    double x = 0.01 * i, y = 0.01 * j;
                    if (!InM(TwoD, [x, y], eta, false)) continue;
                    count++;
                    nearest = Math.Min(nearest, Math.Abs(x * y - 1));
                    maxS = Math.Max(maxS, Sharpness.At(TwoD, [x, y]));
                }
            return (count, nearest, maxS);
        }
        var beyond = Scan(1.2);
        var below = Scan(0.9);
        // Beyond the EoS no minimizer is in M: every minimizer has S = x² + y² ≥ 2 > 2/η.
        beyond.NearestToMinimizers.ShouldBeGreaterThan(0.3);
        // Below: the minimizers in M are exactly {xy = 1, x² + y² ≤ 2/η}.
        int agree = 0, total = 0;
        for (int k = -200; k <= 200; k++)
        {
            double a = Math.Exp(k / 100.0);
            bool inM = InM(TwoD, [a, 1 / a], 0.9, false);
            if (inM == (a * a + 1 / (a * a) <= 2 / 0.9)) agree++;
            total++;
        }
        agree.ShouldBe(total);
        Evidence.Number("grid points of (0, 3]² in M at η = 1.2", beyond.Count)
                .Number("their smallest |xy − 1|", beyond.NearestToMinimizers, note: "M stays away from the minimizers")
                .Number("grid points in M at η = 0.9", below.Count)
                .Number("minimizers (a, 1/a), a = e^{k/100}, |k| ≤ 200, classified as x² + y² ≤ 2/η", agree, total);
        Evidence.Note($"Literal reading of Prop 5 (\"M does not exist\" on x, y > 0) fails: the diagonal points (s, s) with s² < ½ have S = 1 − s² ≤ 2/η and ∇L ⟂ u = (1, −1)/√2, so {beyond.Count} grid points near the saddle are in M. Read as \"M contains no minimizer\" (as the text says of Prop 7), it holds: the nearest point of M has |xy − 1| = {beyond.NearestToMinimizers:F2}. The statements were stripped; this is the reading encoded.");
        Evidence.Counterexample("Prop 5 read literally: (0.5, 0.5) ∈ M at η = 1.2 (S = 0.75 ≤ 1.667, ∇L·u = 0)");
        InM(TwoD, [0.5, 0.5], 1.2, false).ShouldBeTrue();

        // Prop 7: matrix factorization with η = 1.05/λ₁: no sampled minimizer has S ≤ 2/η.
        var rng = new Random(29);
        Evidence.Seed("MF minimizers: new Random(29)");
        var lambda = new[] { 1.0, 0.5, 0.3, 0.1 };
        var basis = MfRuns.RandomOrthogonal(4, rng);
        var yMat = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * basis.Transpose();
        var mf = new MatrixFactorization(yMat, 4);
        double eta7 = 1.05 / lambda[0];
        int inM7 = 0;
        for (int k = 0; k < 300; k++)
        {
            var x = MfRuns.Gaussian(rng, 4, 4, 1);
            var z = x.PseudoInverse() * yMat;
            if (MatrixFactorization.SharpnessAtMinimizer(x, z) <= 2 / eta7) inM7++;
        }
        inM7.ShouldBe(0);
        Evidence.Number("random MF minimizers with S ≤ 2/η at η = 1.05/λ₁ (Prop 7)", inM7, 0);

        // Fig. 3(b): with η = 0.9 the trajectory walks from the sharp region into M while its projection onto
        // M ∩ {minimizers} (the nearest stable minimizer) stays put at the arc's end.
        var traj = GradientDescent.Run(TwoD, [1.6, 0.4], 0.9, 3000);
        double aEnd = Math.Sqrt((2 / 0.9 + Math.Sqrt(4 / 0.81 - 4)) / 2); // a² + 1/a² = 2/η, a > 1
        int entered = Enumerable.Range(0, traj.Count).First(t => Sharpness.At(TwoD, traj[t]) <= 2 / 0.9);
        var final = traj.Last;
        double finalS = final[0] * final[0] + final[1] * final[1];
        Evidence.Number("step at which the trajectory's sharpness first drops to ≤ 2/η (η = 0.9, from (1.6, 0.4))", entered)
                .Number("final x² + y² (the minimizer reached)", finalS, 2 / 0.9, note: "≤ 2/η: inside the stable arc")
                .Number("end of the stable arc (a, 1/a), a", aEnd, note: "the projection onto M's minimizers until the trajectory enters");
        (finalS <= 2 / 0.9 + 1e-9).ShouldBeTrue();
        Evidence.NegativeControl("a minimizer of ½(xy − 1)² is in M at η = 1.2", Enumerable.Range(-200, 401).Any(k => InM(TwoD, [Math.Exp(k / 100.0), Math.Exp(-k / 100.0)], 1.2, false)));
    }

    [Claim("eos.def4")]
    public void TheProjectionManifoldAdmitsSharpMinimizers()
    {
        const double eta = 1.05;
        // ½(xy − 1)²: every minimizer has λ₂ = 0 and ∇L = 0, so all are in M′, also the sharp ones.
        bool allIn = Enumerable.Range(-100, 201).All(k => InM(TwoD, [Math.Exp(k / 50.0), Math.Exp(-k / 50.0)], eta, true));
        allIn.ShouldBeTrue();
        // MF: the balanced minimizer (sharpness 2λ₁ > 2/η) is in M′ iff its second eigenvalue λ₁ + λ₂ ≤ 2/η.
        var basis = MfRuns.RandomOrthogonal(4, new Random(3));
        bool BalancedInM(double l2)
        {
            var lambda = new[] { 1.0, l2, 0.3, 0.1 };
            var loss = new MatrixFactorization(basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda) * basis.Transpose(), 4);
            var half = basis * Matrix<double>.Build.DenseOfDiagonalArray(lambda.Select(Math.Sqrt).ToArray());
            return InM(loss, loss.Pack(half, half.Transpose()), eta, true);
        }
        BalancedInM(0.85).ShouldBeTrue();   // η(λ₁ + λ₂) = 1.9425 ≤ 2
        BalancedInM(0.95).ShouldBeFalse();  // 2.0475 > 2
        Evidence.Note("At η = 1.05 every minimizer of ½(xy − 1)² (x from e⁻² to e², sharpness up to 2cosh 4 ≈ 55) lies in M′. For matrix factorization (λ = (1, λ₂, 0.3, 0.1)) the balanced minimizer, sharpness 2 > 2/η, is in M′ for λ₂ = 0.85 and not for λ₂ = 0.95: M′ ∩ minimizers is governed by λ₁ + λ₂ ≤ 2/η, Observation 1's second condition.")
                .Seed("eigenbasis: new Random(3)");
        Evidence.NegativeControl("with the leading eigenvalue constrained (Damian et al.'s M), the sharp minimizers are in", Enumerable.Range(-100, 201).All(k => InM(TwoD, [Math.Exp(k / 50.0), Math.Exp(-k / 50.0)], eta, false)));
    }

    [Claim("eos.cited-wang")]
    public void BalancingBelowAndBeyondOneOverMu()
    {
        // Below 1/μ (Wang et al.'s regime): a more balanced but not perfectly balanced minimizer. Beyond it
        // (this paper): perfect balance on the period-2 orbit.
        double Imbalance(double eta) { var p = GradientDescent.Iterate(TwoD, [1.6, 0.4], eta, 20_000); return Math.Abs(p[0] - p[1]); }
        double below = Imbalance(0.9), beyond = Imbalance(1.05);
        below.ShouldBeInRange(1e-3, 1.2);
        beyond.ShouldBeLessThan(1e-9);
        Evidence.Number("|x − y| at the start (1.6, 0.4)", 1.2)
                .Number("|x − y| after 20000 steps, η = 0.9 < 1/μ", below, note: "more balanced, not perfectly")
                .Number("|x − y| after 20000 steps, η = 1.05 > 1/μ", beyond, 0, 1e-9);
        Evidence.NegativeControl("η = 0.9 also balances perfectly", below < 1e-9);
    }
}
