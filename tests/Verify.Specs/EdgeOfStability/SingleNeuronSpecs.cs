using FsCheck;
using FsCheck.Fluent;
using Verify.Claims.Properties;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Statistics;

namespace Verify.Specs.EdgeOfStability;

/// <summary>Specs of seeds/002_c339b3cacfa3044e.txt §5 and App. I, B.1: the two-layer single-neuron ReLU network.</summary>
public sealed class SingleNeuronSpecs : ClaimSpec
{
    private const string Seed = "002_c339b3cacfa3044e.txt";

    // ---- Theorem 4's setting, shared by eos.thm4, eos.relu-dwy, eos.prop4 (one run per grid point). ----

    private static readonly double[] GridK = [1.001, 1.01, 1.05, 1.1];
    private static readonly double[] GridEpsilon = [0.001, 0.01, 0.05, 0.1];
    private static readonly double[] GridAngle = [0, Math.PI / 6, Math.PI / 3, Math.PI / 2];
    private const int StepsAfterBasin = 6000;
    // Near K = 1 the two-step balancing factor is 1 − O(K − 1): K = 1.001 needs ~3·10⁴ steps to reach 1e-9.
    private const int ConvergenceSteps = 40_000;

    /// <summary>T₁'s bound ⌈log_{2.56}(1.35/(πβ²))⌉, β = (1 + 1.1/π)ε (Theorem 4, ICLR constants).</summary>
    private static int StageOneBound(double epsilon)
    {
        double beta = (1 + 1.1 / Math.PI) * epsilon;
        return (int)Math.Ceiling(Math.Log(1.35 / (Math.PI * beta * beta)) / Math.Log(2.56));
    }

    /// <summary>Theorem 4's bound 0.1·(1 − 0.030K)^{t − T₁ − 4}.</summary>
    private static double WyBound(double k, int t, int t1) => 0.1 * Math.Pow(1 - 0.030 * k, t - t1 - 4);

    /// <summary>The reduced dynamics with η = Kd, d = 1 (the reduced dynamics do not depend on d, eos.relu-reduction).</summary>
    private static List<double[]> Run(double k, double epsilon, double angle, int steps)
    {
        var loss = new SingleNeuronReducedLoss(1);
        var p = new[] { epsilon, epsilon * Math.Cos(angle), epsilon * Math.Sin(angle) };
        var path = new List<double[]>(steps + 1) { p };
        for (int t = 0; t < steps; t++) path.Add(p = GradientDescent.Step(loss, p, k));
        return path;
    }

    private sealed record GridRun(double K, double Epsilon, double Angle, int T1, List<double[]> Path);

    private static readonly Lazy<GridRun[]> Grid = new(() =>
    {
        var cases = (from k in GridK from e in GridEpsilon from a in GridAngle select (k, e, a)).ToArray();
        var runs = new GridRun[cases.Length];
        Parallel.For(0, cases.Length, i =>
        {
            var (k, e, a) = cases[i];
            int t1 = StageOneBound(e);
            runs[i] = new GridRun(k, e, a, t1, Run(k, e, a, ConvergenceSteps));
        });
        return runs;
    });

    /// <summary>Largest |w_y⁽ᵗ⁾| / bound over t ∈ [T₁ + 4, T₁ + 4 + 6000] (the theorem: &lt; 1), with a chosen start offset.</summary>
    private static double WorstRatio(GridRun r, int startOffset)
    {
        double worst = 0;
        for (int t = Math.Max(0, r.T1 + startOffset); t <= r.T1 + 4 + StepsAfterBasin; t++)
            worst = Math.Max(worst, Math.Abs(r.Path[t][2]) / WyBound(r.K, t, r.T1));
        return worst;
    }

    [Claim("eos.relu-model")]
    public void TheModelAndItsPopulationLoss()
    {
        // The definition read on sampled data and in closed form: L ≥ 0, zero exactly on the teacher's curve
        // (cv, w̃/c) for c > 0 (ReLU is positively homogeneous), and even in the angle (a reflection of w that
        // fixes w̃ leaves L unchanged).
        var teacher = new[] { 0.6, -0.8, 0, 0, 0 };
        var loss = new SingleNeuronPopulationLoss(teacher);
        var rng = new Random(11);
        Evidence.Seed("sphere sample: new Random(11)");
        var data = UniformSphere.Samples(rng, 4000, 5);
        var empirical = new TeacherStudent(data, 5, teacher, 1);
        bool ZeroOnTheCurve(double c) =>
            Math.Abs(loss.ValueAt(Theta(c, teacher.Select(t => t / c)))) < 1e-14
            && empirical.ValueAt(Theta(c, teacher.Select(t => t / c))) < 1e-28;
        foreach (var c in new[] { 0.3, 1, 2.5 }) ZeroOnTheCurve(c).ShouldBeTrue($"c = {c}");

        // Even in the angle: reflect w across the teacher's direction (w ↦ 2(wᵀû)û − w).
        var u = teacher;
        double maxAsym = 0;
        for (int i = 0; i < 50; i++)
        {
            var w = Enumerable.Range(0, 5).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            double along = w.Zip(u, (a, b) => a * b).Sum();
            var reflected = w.Select((x, j) => 2 * along * u[j] - x).ToArray();
            double v = rng.NextDouble() * 2;
            maxAsym = Math.Max(maxAsym, Math.Abs(loss.ValueAt(Theta(v, w)) - loss.ValueAt(Theta(v, reflected))));
            loss.ValueAt(Theta(v, w)).ShouldBeGreaterThanOrEqualTo(0);
        }
        maxAsym.ShouldBeLessThan(1e-15);
        Evidence.Number("max |L(v, w) − L(v, Rw)| over 50 random points (R a reflection fixing w̃)", maxAsym, 0, 1e-15)
                .Note("L vanishes on (c, w̃/c), c ∈ {0.3, 1, 2.5}, in closed form and on 4000 sampled points; the empirical loss is the definition E(vσ(wᵀx) − σ(w̃ᵀx))² averaged over the sample.");
        Evidence.NegativeControl("a negative output weight c = −1 also fits the teacher (homogeneity for c < 0)", ZeroOnTheCurve(-1));
    }

    [Claim("eos.relu-grad")]
    public void ClosedFormAgainstMonteCarloAndAutomaticDifferentiation()
    {
        const int d = 5, samples = 2_000_000;
        var teacher = new[] { 1.0, 0, 0, 0, 0 };
        var loss = new SingleNeuronPopulationLoss(teacher);
        var rng = new Random(2024);
        Evidence.Seed("points and samples: new Random(2024)");
        var points = new List<double[]>();
        for (int i = 0; i < 3; i++)
        {
            var w = Enumerable.Range(0, d).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            points.Add(Theta(0.3 + rng.NextDouble(), w));
        }
        // A rotated copy of the first point (same ‖w‖ and α): the landscape depends on w only through them.
        var first = points[0];
        var rotated = (double[])first.Clone();
        (rotated[2], rotated[3]) = (first[3], -first[2]);
        (rotated[4], rotated[5]) = (-first[5], first[4]);
        points.Add(rotated);
        Math.Abs(loss.ValueAt(first) - loss.ValueAt(rotated)).ShouldBeLessThan(1e-15);

        var rows = new List<object[]>();
        double worstZ = 0, worstZWrong = 0, worstAd = 0;
        // A deliberately wrong closed form: (π − α) replaced by π (the angle's effect dropped).
        double Wrong(double[] th)
        {
            var r = loss.Reduce(th);
            double norm = Math.Sqrt(r[1] * r[1] + r[2] * r[2]);
            return (0.5 * th[0] * th[0] * norm * norm - th[0] / Math.PI * (r[2] + Math.PI * r[1]) + 0.5) / d;
        }
        foreach (var th in points)
        {
            var mc = loss.EstimateBySampling(th, samples, rng);
            double closed = loss.ValueAt(th);
            double z = Math.Abs(closed - mc.Value) / mc.ValueStandardError;
            worstZ = Math.Max(worstZ, z);
            worstZWrong = Math.Max(worstZWrong, Math.Abs(Wrong(th) - mc.Value) / mc.ValueStandardError);
            var g = loss.GradientAt(th);
            for (int i = 0; i <= d; i++) worstZ = Math.Max(worstZ, Math.Abs(g[i] - mc.Gradient[i]) / mc.GradientStandardError[i]);
            var ad = AutoDiff.Gradient<Real>(loss, th.Select(x => (Real)x).ToArray());
            for (int i = 0; i <= d; i++) worstAd = Math.Max(worstAd, Math.Abs(g[i] - ad[i].Value));
            rows.Add([string.Join(", ", th.Select(x => x.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))), closed, mc.Value, mc.ValueStandardError, z]);
        }
        Evidence.Table($"L in closed form vs Monte Carlo ({samples:N0} points on S⁴ each)", ["θ = (v, w)", "closed form", "Monte Carlo", "std. error", "|Δ|/s.e."], rows);
        // Four standard errors: with 4 values and 24 gradient components, a correct formula exceeds 4 s.e. with probability < 0.2%.
        Evidence.NumberWithin("largest |closed form − Monte Carlo| in standard errors (value and all gradient components)", worstZ, 0, 4);
        Evidence.NumberWithin("largest |closed-form gradient − automatic differentiation of L|", worstAd, 0, 1e-12);
        Evidence.NegativeControl($"(π − α) replaced by π in L: {worstZWrong:F0} standard errors from Monte Carlo", worstZWrong <= 4);
    }

    [Claim("eos.relu-hessian")]
    public void HessianOnTheMinimizers()
    {
        var rng = new Random(5);
        Evidence.Seed("teacher directions: new Random(5)");
        var rows = new List<object[]>();
        double worstEntry = 0, worstEig = 0;
        bool wrongHolds = true;
        foreach (var d in new[] { 2, 5, 16 })
            foreach (var v in new[] { 0.5, 1.0, 2.5 })
            {
                var teacher = UniformSphere.Sample(rng, d).Select(x => 1.3 * x).ToArray(); // ‖w̃‖ = 1.3
                var loss = new SingleNeuronPopulationLoss(teacher);
                var w = teacher.Select(t => t / v).ToArray();
                var theta = Theta(v, w);
                // The closed-form gradient is only C¹ at α = 0 (its ‖w_⊥‖w_⊥/‖w‖² term), so automatic
                // differentiation through the angle breaks there: a central difference of the gradient gives
                // the Hessian, with error O(h) from the kink plus O(ε/h) rounding (h = 1e-8: ~1e-8 each).
                var h = FiniteDifferenceHessian(loss, theta, 1e-8);
                var claimed = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(d + 1, d + 1, (i, j) =>
                    (i == 0 && j == 0 ? Dot(w, w) : i == 0 ? v * w[j - 1] : j == 0 ? v * w[i - 1] : i == j ? v * v : 0) / d);
                worstEntry = Math.Max(worstEntry, (h - claimed).Enumerate().Max(Math.Abs));
                var eig = Sharpness.Spectrum(h);
                double normW = Math.Sqrt(Dot(w, w));
                double l1 = (normW * normW + v * v) / d, l1Imbalance = ((normW - v) * (normW - v) + 2 * 1.3) / d;
                var expected = new[] { 0.0 }.Concat(Enumerable.Repeat(v * v / d, d - 1)).Append(l1).OrderBy(x => x).ToArray();
                worstEig = Math.Max(worstEig, eig.Zip(expected, (a, b) => Math.Abs(a - b)).Max());
                Math.Abs(l1 - l1Imbalance).ShouldBeLessThan(1e-14);
                // Wrong version: λ₁ = (‖w‖² + v²)/d without the 1/d.
                wrongHolds &= Math.Abs(eig[^1] - l1 * d) < 1e-5;
                rows.Add([d, v, eig[^1], l1, 2 * 1.3 / d]);
            }
        Evidence.Table("Top Hessian eigenvalue on minimizers vw = w̃ (‖w̃‖ = 1.3)", ["d", "v", "λ₁ measured", "(‖w‖² + v²)/d", "flattest 2‖w̃‖/d"], rows);
        Evidence.NumberWithin("largest |H − (1/d)[[‖w‖², vwᵀ], [vw, v²I]]| entry", worstEntry, 0, 1e-6, "central differences of the closed-form gradient, h = 1e-8");
        Evidence.NumberWithin("largest |eigenvalue − claimed| (0, v²/d ×(d−1), (‖w‖² + v²)/d)", worstEig, 0, 1e-6);
        // The flattest minimum (‖w‖ = v) has λ₁ = 2‖w̃‖/d, so η > d/‖w̃‖ exceeds 2/λ₁ at every minimum.
        rows.All(r => (double)r[2] >= (double)r[4] - 1e-6).ShouldBeTrue();
        Evidence.NegativeControl("λ₁ = ‖w‖² + v² (the 1/d dropped)", wrongHolds);
    }

    [Claim("eos.relu-reduction")]
    public void ThreeVariablesCarryTheDynamicsForEveryDimension()
    {
        const double k = 1.05;
        const int steps = 400;
        var rng = new Random(8);
        Evidence.Seed("starts: new Random(8)");
        var reduced = new SingleNeuronReducedLoss(1);
        double worstSpan = 0, worstMatch = 0, worstWrongEta = 0;
        var rows = new List<object[]>();
        foreach (var d in new[] { 2, 5, 16, 64 })
        {
            var teacher = new double[d]; teacher[0] = 1;
            var full = new SingleNeuronPopulationLoss(teacher);
            var w0 = UniformSphere.Sample(rng, d).Select(x => 0.05 * x).ToArray();
            w0[0] = Math.Abs(w0[0]); // ⟨w⁽⁰⁾, w̃⟩ ≥ 0
            var theta = Theta(0.05, w0);
            var p = full.Reduce(theta);
            var wrong = (double[])theta.Clone();
            var wrongLoss = new SingleNeuronPopulationLoss(teacher);
            double spanResidual = 0, match = 0;
            for (int t = 0; t < steps; t++)
            {
                theta = GradientDescent.Step(full, theta, k * d);
                wrong = GradientDescent.Step(wrongLoss, wrong, k * (d + 1)); // η = K(d + 1): not the scaling
                p = GradientDescent.Step(reduced, p, k);
                // w stays in span{w̃, w⁽⁰⁾}: its component orthogonal to both is zero.
                spanResidual = Math.Max(spanResidual, OutOfPlane(theta[1..], teacher, w0));
                var r = full.Reduce(theta);
                match = Math.Max(match, Math.Max(Math.Abs(r[0] - p[0]), Math.Max(Math.Abs(r[1] - p[1]), Math.Abs(r[2] - Math.Abs(p[2])))));
            }
            var rw = full.Reduce(wrong);
            worstWrongEta = Math.Max(worstWrongEta, Math.Abs(rw[0] - p[0]) + Math.Abs(rw[1] - p[1]));
            worstSpan = Math.Max(worstSpan, spanResidual);
            worstMatch = Math.Max(worstMatch, match);
            rows.Add([d, spanResidual, match]);
        }
        Evidence.Table($"Full GD (η = Kd, K = {k}) vs the reduced 3-variable dynamics with step K, {steps} steps", ["d", "max distance of w from span{w̃, w⁽⁰⁾}", "max |(v, w_x, w_y)_full − reduced|"], rows);
        Evidence.NumberWithin("largest distance from the plane", worstSpan, 0, 1e-12);
        Evidence.NumberWithin("largest mismatch full vs reduced (every d)", worstMatch, 0, 1e-9);
        Evidence.NegativeControl($"η = K(d + 1) instead of Kd: the full run leaves the reduced one (mismatch {worstWrongEta:G3})", worstWrongEta <= 1e-9);
    }

    [Claim("eos.thm4")]
    public void WyDecaysLinearlyAfterStageOne()
    {
        var runs = Grid.Value;
        var rows = runs.Where(r => r.Angle > 0).Select(r => new object[] { r.K, r.Epsilon, Math.Round(r.Angle * 180 / Math.PI), r.T1, StageOneLength(r), WorstRatio(r, 4) }).ToList();
        Evidence.Table("max over t ∈ [T₁+4, T₁+4+6000] of w_y⁽ᵗ⁾ / (0.1·(1 − 0.030K)^{t−T₁−4}) (Theorem 4: < 1)",
            ["K", "ε", "angle (°)", "T₁ bound", "measured stage 1 (v w_x < 1/(2π))", "max ratio"], rows);
        double worst = runs.Max(r => WorstRatio(r, 4));
        worst.ShouldBeLessThan(1);
        Evidence.Number("largest ratio over the 64-point grid", worst, claimed: 1, note: "must stay below 1");
        runs.All(r => StageOneLength(r) <= r.T1).ShouldBeTrue("stage 1 must end within the T₁ bound");

        // Random settings in the theorem's whole range, shrinking towards K → 1, ε → 0, angle → 0.
        const int res = 1000;
        var cases = Arb.From(
            from a in Gen.Choose(1, res) from b in Gen.Choose(1, res) from c in Gen.Choose(0, res) select new[] { a, b, c },
            x => ShrinkEach(x, [1, 1, 0]));
        bool Holds(int[] x)
        {
            double k = 1 + 0.1 * x[0] / res, eps = 0.1 * x[1] / res, angle = Math.PI / 2 * x[2] / res;
            var r = new GridRun(k, eps, angle, StageOneBound(eps), Run(k, eps, angle, StageOneBound(eps) + 4 + StepsAfterBasin));
            return WorstRatio(r, 4) < 1;
        }
        var outcome = PropertyCheck.Run("w_y below Theorem 4's bound (K = 1 + 0.1a/1000, ε = 0.1b/1000, angle = (π/2)c/1000)", cases, Holds, seed: 41, maxTest: 150);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // Wrong version: the bound already from t = 0 (no stage 1): w_y grows in stage 1 and breaks it.
        Evidence.NegativeControl("the bound applied from t = 0 instead of t ≥ T₁ + 4", runs.Where(r => r.Angle > 0).All(r => WorstRatio(r, -r.T1) < 1));
    }

    [Claim("eos.relu-dwy")]
    public void TheSignOfTheChangeOfWy()
    {
        // Exact: Δw_y = −η ∂L/∂w_y (η = Kd) equals Kv(w_y/w_x)(−v w_x + (1/π) t/(1 + t²)), t = w_y/w_x, in rationals.
        var rng = new Random(3);
        Evidence.Seed("rational points: new Random(3)");
        Rational pi = Rational.FromDouble(Math.PI);
        bool Identity(Func<Rational, Rational, Rational, Rational, Rational> claimed)
        {
            for (int i = 0; i < 200; i++)
            {
                Rational v = new(rng.Next(1, 400), rng.Next(1, 100)), wx = new(rng.Next(1, 400), rng.Next(1, 100)), wy = new(rng.Next(0, 400), rng.Next(1, 100));
                Rational k = new(rng.Next(100, 111), 100);
                int d = rng.Next(1, 20);
                var delta = -(k * d) * SingleNeuronReducedLoss.OrthogonalGradient(v, wx, wy, d);
                if (delta != claimed(k, v, wx, wy)) return false;
            }
            return true;
        }
        Rational T(Rational wx, Rational wy) => wy / wx;
        Identity((k, v, wx, wy) => k * v * T(wx, wy) * (-v * wx + T(wx, wy) / (1 + T(wx, wy) * T(wx, wy)) / pi)).ShouldBeTrue();
        // The second term t/(1 + t²)/π lies in [0, 1/(2π)]: (1 − t)² ≥ 0.
        for (int i = 0; i < 200; i++)
        {
            Rational t = new(rng.Next(0, 10000), rng.Next(1, 100));
            (t / (1 + t * t) <= new Rational(1, 2) && t / (1 + t * t) >= 0).ShouldBeTrue();
        }
        // On the Theorem 4 runs: once v w_x > 1/(2π), every step decreases |w_y|; count the steps from the end of
        // stage 1 until |w_y| decreases for good (the "basin within four steps").
        var runs = Grid.Value.Where(r => r.Angle > 0).ToArray();
        int violations = 0, worstBasinDelay = 0;
        foreach (var r in runs)
        {
            for (int t = 0; t + 1 < r.Path.Count; t++)
                if (r.Path[t][0] * r.Path[t][1] > 1 / (2 * Math.PI) && r.Path[t][2] > 0 && !(r.Path[t + 1][2] < r.Path[t][2])) violations++;
            int end = StageOneLength(r), last = end;
            for (int t = end; t + 1 < r.Path.Count; t++) if (Math.Abs(r.Path[t + 1][2]) > Math.Abs(r.Path[t][2])) last = t + 1;
            worstBasinDelay = Math.Max(worstBasinDelay, last - end);
        }
        violations.ShouldBe(0);
        Evidence.Number("steps with v w_x > 1/(2π) where w_y did not decrease (48 runs)", violations, 0)
                .NumberWithin("largest number of steps after stage 1 before |w_y| decreases monotonically", worstBasinDelay, 0, 4,
                    "claimed: the basin is reached within four steps");
        Evidence.NegativeControl("the factor's sign flipped, Kv(w_y/w_x)(+v w_x + …)",
            Identity((k, v, wx, wy) => k * v * T(wx, wy) * (v * wx + T(wx, wy) / (1 + T(wx, wy) * T(wx, wy)) / pi)));
    }

    [Claim("eos.prop4")]
    public void ConvergesToThePeriodTwoOrbitOfEquationSix()
    {
        var runs = Grid.Value;
        var rows = new List<object[]>();
        double worst = 0, worstWrong = double.PositiveInfinity, worstDecay = 0;
        foreach (var k in GridK)
        {
            var (d1, d2) = TwoStepOrbit.Points(k);
            var (w1, w2) = TwoStepOrbit.Points(k * 1.02);
            double kWorst = 0, kWrong = 0;
            foreach (var r in runs.Where(r => r.K == k))
            {
                var a = r.Path[^1]; var b = r.Path[^2];
                var (lo, hi) = a[0] < b[0] ? (a, b) : (b, a);
                double err = new[] { lo[0] - d1, lo[1] - d1, hi[0] - d2, hi[1] - d2, lo[2], hi[2] }.Max(Math.Abs);
                kWorst = Math.Max(kWorst, err);
                kWrong = Math.Max(kWrong, new[] { lo[0] - w1, hi[0] - w2 }.Max(Math.Abs));
            }
            // Remark: decaying η after the oscillation walks to the flattest minimum v = w_x = 1.
            var last = runs.First(r => r.K == k && r.Angle > 0).Path[^1];
            var decayed = GradientDescent.Iterate(new SingleNeuronReducedLoss(1), last, 0.1, 2000);
            double decayErr = Math.Max(Math.Abs(decayed[0] - 1), Math.Abs(decayed[1] - 1));
            worstDecay = Math.Max(worstDecay, decayErr);
            worst = Math.Max(worst, kWorst);
            worstWrong = Math.Min(worstWrong, kWrong);
            rows.Add([k, d1, d2, kWorst, decayed[0], decayed[1]]);
        }
        Evidence.Table("Limit of the 16 runs per K after 4·10⁴ steps vs the roots of (6)", ["K", "δ₁ (eq. 6)", "δ₂ (eq. 6)", "max |(v, w_x) − δᵢ|, |w_y|", "v after η → 0.1d", "w_x after η → 0.1d"], rows);
        Evidence.NumberWithin("largest distance of the limit pair from {(δ₁, δ₁, 0), (δ₂, δ₂, 0)}", worst, 0, 1e-9);
        Evidence.NumberWithin("largest |(v, w_x) − (1, 1)| after decaying η to 0.1d for 2000 steps", worstDecay, 0, 0.01,
            "the flattest minimum; a finite decayed step still moves GD slightly (O(η) imbalance)");
        Evidence.NegativeControl("the orbit of (6) at 1.02K instead of K", worstWrong <= 1e-9);
    }

    [Claim("eos.relu-phases")]
    public void ThreePhases()
    {
        const double k = 1.05, eps = 0.01;
        var path = Run(k, eps, Math.PI / 2, 3000);
        var alpha = path.Select(p => SingleNeuronReducedLoss.AngleOf(p)).ToArray();
        var wy = path.Select(p => Math.Abs(p[2])).ToArray();
        var imbalance = path.Select(p => Math.Abs(p[0] - p[1])).ToArray();
        int stage1 = path.FindIndex(p => p[0] * p[1] >= 1 / (2 * Math.PI));
        int peak = Array.IndexOf(wy, wy.Max());
        // Phase 1: the angle decreases monotonically through stage 1 while w_y increases up to its peak (the
        // sign of Δw_y is −v w_x + t/(π(1 + t²)), so w_y may turn a step before v w_x reaches 1/(2π)); the
        // imbalance stays bounded.
        bool Phase1(double[] a, double[] y)
        {
            int top = Array.IndexOf(y, y.Max());
            return top > 0 && Enumerable.Range(0, stage1).All(t => a[t + 1] < a[t]) && Enumerable.Range(0, top).All(t => y[t + 1] > y[t]);
        }
        Phase1(alpha, wy).ShouldBeTrue();
        double imbalanceStage1 = imbalance.Take(stage1 + 1).Max();
        // Phase 2: w_y turns within four steps of the stage boundary, then decreases for good.
        Math.Abs(peak - stage1).ShouldBeLessThanOrEqualTo(4);
        Enumerable.Range(peak, 2000).All(t => wy[t + 1] <= wy[t]).ShouldBeTrue();
        // Phase 3: w_y decays exponentially (log-linear) and reaches a low level before the imbalance decays.
        int wyLow = Array.FindIndex(wy, y => y < 1e-6);
        int imbLow = Array.FindIndex(imbalance, y => y < 1e-6);
        wyLow.ShouldBeGreaterThan(0); imbLow.ShouldBeGreaterThan(0);
        wyLow.ShouldBeLessThan(imbLow);
        double rate = Math.Pow(wy[wyLow] / wy[peak + 10], 1.0 / (wyLow - peak - 10));
        var (d1, d2) = TwoStepOrbit.Points(k);
        double orbitErr = Math.Min(Math.Abs(path[^1][0] - d1), Math.Abs(path[^1][0] - d2));
        orbitErr.ShouldBeLessThan(1e-9);
        Evidence.Number("end of stage 1 (first v w_x ≥ 1/(2π))", stage1)
                .Number("step of the largest w_y", peak)
                .Number("largest |v − w_x| in stage 1", imbalanceStage1)
                .Number("mean per-step decay factor of w_y in the basin", rate, note: "Theorem 4 allows up to 0.97")
                .Number("first step with w_y < 1e-6", wyLow)
                .Number("first step with |v − w_x| < 1e-6", imbLow)
                .Number("distance of the last v from the orbit {δ₁, δ₂}", orbitErr);
        rate.ShouldBeLessThan(0.97);

        var plot = Figures.New($"Single neuron, K = {k}, ε = {eps}, initial angle π/2", "step t", "log₁₀ of the quantity (floored at −18)");
        var ts = Enumerable.Range(0, 200).Select(t => (double)t).ToArray();
        double[] Log(Func<int, double> q) => ts.Select(t => Math.Max(Math.Log10(Math.Abs(q((int)t))), -18)).ToArray();
        Figures.Line(plot, ts, Log(t => wy[t]), "w_y");
        Figures.Line(plot, ts, Log(t => imbalance[t]), "|v − w_x|");
        Figures.Line(plot, ts, Log(t => alpha[t]), "angle α (rad)");
        Figures.Line(plot, ts, Log(t => path[t][0]), "v");
        Figures.VerticalReference(plot, stage1, "end of stage 1 (v w_x = 1/(2π))");
        Evidence.Figure("The three phases: angle and w_y, then w_y decays, then the imbalance", plot,
            caption: "Phase 1 up to the dashed line: α falls, w_y grows with the norms. Phase 2: w_y turns within four steps. Phase 3: w_y decays exponentially (its curve lies under α's: α ≈ w_y/w_x with w_x ≈ 1), then |v − w_x| decays and (v, w_x) settles on the period-2 orbit of eq. (6).");
        Evidence.NegativeControl("w_y decreases from the start (no growth phase)", Phase1(alpha, wy.Select(y => -y).ToArray()));
    }

    [Claim("eos.fig5-empirical")]
    public void EmpiricalLossRun()
    {
        const int n = 1000, steps = 3000;
        const double eta = 2.2;
        var data = UniformSphere.Samples(new Random(5), n, 2);
        Evidence.Seed("sample on S¹: new Random(5)");
        var loss = new TeacherStudent(data, 2, [1, 0], 1);
        var theta = new[] { 0.1, 0, 0.1 };
        var path = GradientDescent.Run(loss, theta, eta, steps);
        var wy = path.Select(p => Math.Abs(p[2]));
        var imb = path.Select(p => Math.Abs(p[0] - p[1]));
        // "Decays to a small value": the step after which it stays below 0.01.
        int wySmall = Array.FindLastIndex(wy, y => y >= 0.01) + 1;
        int imbSmall = Array.FindLastIndex(imb, y => y >= 0.01) + 1;
        wySmall.ShouldBeGreaterThan(0);
        imbSmall.ShouldBeGreaterThan(wySmall);
        var (d1, d2) = TwoStepOrbit.Points(eta / 2);
        var a = path[steps]; var b = path[steps - 1];
        var (lo, hi) = a[0] < b[0] ? (a, b) : (b, a);
        double orbitErr = new[] { lo[0] - d1, lo[1] - d1, hi[0] - d2, hi[1] - d2 }.Max(Math.Abs);
        double residualImb = Math.Max(imb[steps], imb[steps - 1]), residualWy = Math.Max(wy[steps], wy[steps - 1]);
        Evidence.Number("first step with w_y < 0.01", wySmall)
                .Number("first step with |v − w_x| < 0.01", imbSmall)
                .NumberWithin("distance of (v, w_x) from the population orbit (δ₁, δ₂) of eq. (6) at K = 1.1", orbitErr, 0, 0.05,
                    "finite sample: the empirical orbit differs slightly from the population one")
                .Number("residual |v − w_x| at the end", residualImb)
                .Number("residual w_y at the end", residualWy);
        (Periodicity.Detect(path.Points, 2, 1e-9) == 2).ShouldBeTrue("the run must end on a period-2 orbit");

        var plot = Figures.New("Empirical loss, 1000 points on S¹, η = 2.2 (d = 2, K = 1.1)", "step t", "log₁₀ of the quantity");
        var ts = Enumerable.Range(0, 600).Select(t => (double)t).ToArray();
        Figures.Line(plot, ts, ts.Select(t => Math.Log10(Math.Max(wy[(int)t], 1e-17))).ToArray(), "w_y");
        Figures.Line(plot, ts, ts.Select(t => Math.Log10(Math.Max(imb[(int)t], 1e-17))).ToArray(), "|v − w_x|");
        Figures.Line(plot, ts, ts.Select(t => Math.Log10(path[(int)t][0])).ToArray(), "v");
        Evidence.Figure("Figure 5: w_y decays before the imbalance; v, w_x settle on the period-2 orbit", plot,
            caption: $"The student starts orthogonal to the teacher (w = [0, 0.1], v = 0.1). w_y < 0.01 at step {wySmall}, |v − w_x| < 0.01 at step {imbSmall}; the end points are within {orbitErr:G2} of δ₁, δ₂ = {d1:F4}, {d2:F4}.");
        Evidence.NegativeControl("the imbalance decays before w_y", imbSmall < wySmall);
    }

    private static int StageOneLength(GridRun r) => r.Path.FindIndex(p => p[0] * p[1] >= 1 / (2 * Math.PI));

    internal static IEnumerable<int[]> ShrinkEach(int[] x, int[] floor)
    {
        for (int i = 0; i < x.Length; i++)
            foreach (var s in new[] { floor[i], (x[i] + floor[i]) / 2, x[i] - 1 }.Distinct())
                if (s >= floor[i] && s < x[i]) { var y = (int[])x.Clone(); y[i] = s; yield return y; }
    }

    private static double[] Theta(double v, IEnumerable<double> w) => new[] { v }.Concat(w).ToArray();

    private static double Dot(double[] a, double[] b) => a.Zip(b, (x, y) => x * y).Sum();

    private static double OutOfPlane(ReadOnlySpan<double> w, double[] e1, double[] w0)
    {
        // Gram–Schmidt basis of span{e₁, w⁽⁰⁾}, then the norm of what is left.
        var a = e1; double na = Math.Sqrt(Dot(a, a));
        var b = w0.Select((x, i) => x - Dot(w0, a) / (na * na) * a[i]).ToArray(); double nb = Math.Sqrt(Dot(b, b));
        var wv = w.ToArray();
        double ca = Dot(wv, a) / (na * na), cb = Dot(wv, b) / (nb * nb);
        return Math.Sqrt(wv.Select((x, i) => x - ca * a[i] - cb * b[i]).Sum(e => e * e));
    }

    private static MathNet.Numerics.LinearAlgebra.Matrix<double> FiniteDifferenceHessian(Objective f, double[] x, double h)
    {
        int n = x.Length;
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(n, n);
        for (int j = 0; j < n; j++)
        {
            var xp = (double[])x.Clone(); xp[j] += h;
            var xm = (double[])x.Clone(); xm[j] -= h;
            var gp = f.GradientAt(xp); var gm = f.GradientAt(xm);
            for (int i = 0; i < n; i++) m[i, j] = (gp[i] - gm[i]) / (2 * h);
        }
        return (m + m.Transpose()) / 2;
    }
}
