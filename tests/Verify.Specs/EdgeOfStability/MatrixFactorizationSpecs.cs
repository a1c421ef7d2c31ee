using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verify.Claims.Properties;
using Verify.Dynamics.Certification;
using Interval = Verify.Dynamics.Numbers.Interval;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Statistics;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.EdgeOfStability;

/// <summary>Specs of seeds/002_c339b3cacfa3044e.txt §6.1, App. A.2, B.1, J: matrix factorization beyond the EoS.</summary>
public sealed class MatrixFactorizationSpecs : ClaimSpec
{
    // ---- Observation 1's setting: n = p = 4, eigenvalues (1, 0.5, 0.3, 0.1), a random eigenbasis. ----
    private static readonly double[] ObsLambda = [1, 0.5, 0.3, 0.1];
    private static readonly Matrix<double> ObsBasis = MfRuns.RandomOrthogonal(4, new Random(3));
    private static readonly MatrixFactorization ObsLoss = new(ObsBasis * Matrix<double>.Build.DenseOfDiagonalArray(ObsLambda) * ObsBasis.Transpose(), 4);

    [Claim("eos.mf-setup")]
    public void TheLossAndItsManifoldOfMinima()
    {
        // Exact: L = 0 and ∇L = 0 on (XG, G⁻¹Z) for every invertible G (rational), the closed-form gradient equals
        // automatic differentiation in rationals, at random rational points.
        var rng = new Random(17);
        Evidence.Seed("rational matrices: new Random(17)");
        int checkedPoints = 0;
        bool Manifold(Func<Rational[,], Rational[,], Rational[,], (Rational[,], Rational[,])> move)
        {
            foreach (var (n, p) in new[] { (3, 3), (2, 4) })
                for (int trial = 0; trial < 10; trial++)
                {
                    var x = RandomRational(rng, n, p); var z = RandomRational(rng, p, n);
                    var y = Multiply(x, z);
                    var loss = new MatrixFactorization(ToDouble(y), p); // integer target: exact as doubles
                    var g = RandomInvertible(rng, p);
                    var (x2, z2) = move(x, z, g);
                    var theta = Pack(x2, z2);
                    if (loss.Value<Rational>(theta) != Rational.Zero || loss.Gradient<Rational>(theta).Any(e => e != Rational.Zero)) return false;
                    var off = theta.Select(e => e + new Rational(rng.Next(-5, 6), rng.Next(1, 7))).ToArray();
                    if (!loss.Gradient<Rational>(off).SequenceEqual(AutoDiff.Gradient<Rational>(loss, off))) return false;
                    checkedPoints++;
                }
            return true;
        }
        Manifold((x, z, g) => (Multiply(x, g), Multiply(Inverse(g)!, z))).ShouldBeTrue();
        Evidence.Number("random (X, Z, G) checked exactly in rationals", checkedPoints)
                .Note("Integer X, Z (3×3 and 2×4 shapes), Y := XZ, rational invertible G: L(XG, G⁻¹Z) = 0 and ∇L = 0 exactly; the closed-form gradient ∇_X = RZᵀ, ∇_Z = XᵀR equals forward-mode AD exactly at perturbed points.");
        Evidence.NegativeControl("(XG, GZ) is also a minimizer", Manifold((x, z, g) => (Multiply(x, g), Multiply(g, z))));
    }

    [Claim("eos.thm6")]
    public void LeadingEigenvectorAndTheOneDimensionalCondition()
    {
        // FsCheck: integer X ∈ ℤ^{4×3}, Z ∈ ℤ^{3×5} (entries in [−4, 4], shrinking towards 0); Y := XZ.
        var entries = Gen.Choose(-4, 4);
        var cases = Arb.From(
            from xs in Gen.ArrayOf(entries, 27) select xs,
            a => Enumerable.Range(0, a.Length).Where(i => a[i] != 0).Select(i => { var b = (int[])a.Clone(); b[i] -= Math.Sign(b[i]); return b; }));
        int met = 0;
        double worstCos = 1, worstEig = 0, worstCond = 0;
        bool Holds(int[] e, bool swapWeights)
        {
            var x = Matrix<double>.Build.Dense(4, 3, (i, j) => e[i * 3 + j]);
            var z = Matrix<double>.Build.Dense(3, 5, (i, j) => e[12 + i * 5 + j]);
            var loss = new MatrixFactorization(x * z, 3);
            var sx = x.Svd(); var sz = z.Svd();
            // Assumptions: unique top singular values and v_{x,1}ᵀu_{z,1} ≠ 0.
            if (sx.S.Count < 2 || sz.S.Count < 2 || sx.S[0] - sx.S[1] < 1e-6 * sx.S[0] || sz.S[0] - sz.S[1] < 1e-6 * sz.S[0]) return true;
            var ux = sx.U.Column(0); var vx = sx.VT.Row(0); var uz = sz.U.Column(0); var vz = sz.VT.Row(0);
            if (Math.Abs(vx.DotProduct(uz)) < 1e-6) return true;
            double s1x = sx.S[0], s1z = sz.S[0];
            var (wa, wb) = swapWeights ? (s1x, s1z) : (s1z, s1x);
            var delta = loss.Pack(wa * ux.OuterProduct(uz), wb * vx.OuterProduct(vz));
            double norm = Math.Sqrt(delta.Sum(d => d * d));
            delta = delta.Select(d => d / norm).ToArray();
            var theta = loss.Pack(x, z);
            var h = loss.HessianAt(theta);
            var evd = h.Evd(Symmetricity.Symmetric);
            int top = Enumerable.Range(0, h.RowCount).MaxBy(i => evd.EigenValues[i].Real);
            double cos = Math.Abs(evd.EigenVectors.Column(top).DotProduct(Vector<double>.Build.DenseOfArray(delta)));
            double eig = Math.Abs(evd.EigenValues[top].Real - (s1x * s1x + s1z * s1z)) / (s1x * s1x + s1z * s1z);
            var f = AutoDiff.DirectionalDerivatives<Real>(loss, theta.Select(t => (Real)t).ToArray(), delta.Select(t => (Real)t).ToArray(), 4);
            double f2 = f[2].Value, f3 = f[3].Value, f4 = f[4].Value;
            double cond = 3 * f3 * f3 - f2 * f4;
            if (!swapWeights)
            {
                met++;
                worstCos = Math.Min(worstCos, cos); worstEig = Math.Max(worstEig, eig);
                worstCond = Math.Max(worstCond, Math.Abs(cond - 8 * f2 * f4) / (8 * f2 * f4)); // 96‖M‖²‖N‖² = 8 f″ f⁗
            }
            return cos > 1 - 1e-9 && eig < 1e-9 && f3 != 0 && cond > 0;
        }
        var outcome = PropertyCheck.Run("leading eigenvector Δ, eigenvalue σ²_{x,1} + σ²_{z,1}, and 3f‴² − f″f⁗ > 0 at random integer minimizers", cases, e => Holds(e, false), seed: 6, maxTest: 200);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        met.ShouldBeGreaterThan(150);
        Evidence.Number("cases meeting the assumptions (unique top singular values, v_{x,1}ᵀu_{z,1} ≠ 0)", met)
                .Number("smallest |cos(top Hessian eigenvector, Δ)|", worstCos, 1, 1e-9)
                .Number("largest relative |λ_max − (σ²_{x,1} + σ²_{z,1})|", worstEig, 0, 1e-9)
                .Number("largest relative |(3f‴² − f″f⁗) − 96‖M‖²‖N‖²|", worstCond, 0, note: "f″ = ‖M‖², f⁗ = 12‖N‖² and M ∥ N make the condition 8f″f⁗ exactly; f″…f⁗ from Taylor jets along Δ");
        var wrong = PropertyCheck.Run("the weights of Δ swapped, (σ_{x,1}u_{x,1}u_{z,1}ᵀ, σ_{z,1}v_{x,1}v_{z,1}ᵀ)", cases, e => Holds(e, true), seed: 6, maxTest: 200);
        Evidence.Counterexample("negative control — " + wrong.Describe());
        Evidence.NegativeControl("Δ with its two weights swapped", wrong.Passed);
    }

    [Claim("eos.mf-sharpness")]
    public void FlattestMinimizersHaveSharpnessTwiceLambdaOne()
    {
        var rng = new Random(21);
        Evidence.Seed("minimizers: new Random(21)");
        var y = ObsLoss.Target;
        double lambda1 = ObsLambda[0];
        double worstFormula = 0, smallestRatio = double.PositiveInfinity;
        int count = 0;
        foreach (var p in new[] { 4, 6 })
        {
            var loss = new MatrixFactorization(y, p);
            for (int i = 0; i < 150; i++)
            {
                var x = MfRuns.Gaussian(rng, 4, p, 1);
                var z = x.PseudoInverse() * y; // XZ = Y (X has full row rank almost surely)
                var theta = loss.Pack(x, z);
                double top = Sharpness.At(loss, theta);
                double formula = MatrixFactorization.SharpnessAtMinimizer(x, z);
                worstFormula = Math.Max(worstFormula, Math.Abs(top - formula) / formula);
                smallestRatio = Math.Min(smallestRatio, top / (2 * lambda1));
                count++;
            }
        }
        // The balanced minimizer X = UΛ^½, Z = Λ^½Uᵀ has sharpness exactly 2λ₁.
        var half = ObsBasis * Matrix<double>.Build.DenseOfDiagonalArray(ObsLambda.Select(Math.Sqrt).ToArray());
        double balanced = Sharpness.At(ObsLoss, ObsLoss.Pack(half, half.Transpose()));
        Evidence.NumberWithin("largest relative |λ_max(∇²L) − (σ₁(X)² + σ₁(Z)²)| over random minimizers", worstFormula, 0, 1e-9)
                .Number("random minimizers (p = 4 and 6)", count)
                .Number("smallest λ_max / (2λ₁) over them", smallestRatio, claimed: 1, note: "must be ≥ 1")
                .NumberWithin("sharpness of the balanced minimizer", balanced, 2 * lambda1, 1e-9);
        smallestRatio.ShouldBeGreaterThanOrEqualTo(1 - 1e-12);
        Evidence.Note("So with η > 1/λ₁, 2/η < 2λ₁ ≤ λ_max at every minimizer: all of them are beyond the edge of stability.");
        Evidence.NegativeControl("the flattest sharpness is 2.1λ₁ (5% higher)", Math.Abs(balanced - 2.1 * lambda1) <= 1e-9);
    }

    [Claim("eos.obs1")]
    public void PeriodTwoOrbitFromAPositiveMeasureSetOfStarts()
    {
        var results = Obs1Runs.Value;
        var rows = new List<object[]>();
        double worstForm = 0;
        foreach (var g in results.GroupBy(r => r.E))
        {
            var p = Proportion.Count(g, r => r.Period == 2 && r.FormError < 1e-6);
            double e = g.Key;
            var (r1, r2) = TwoStepOrbit.Points(e);
            double formErr = g.Where(r => r.Period == 2).Select(r => r.FormError).DefaultIfEmpty(double.NaN).Max();
            worstForm = Math.Max(worstForm, formErr);
            rows.Add([e, p.ToString(), g.Count(r => r.Period is null && r.Diverged), Math.Sqrt(ObsLambda[0]) * r1, Math.Sqrt(ObsLambda[0]) * r2, formErr]);
            p.Lower.ShouldBeGreaterThan(0, $"ηλ₁ = {e}: a positive fraction of starts must reach the orbit");
        }
        Evidence.Table("Generic starts (entries 0.3·N(0,1)) reaching the period-2 orbit of Observation 1",
            ["ηλ₁", "reached (95% Wilson CI)", "blew up", "√λ₁ρ₂ (eq. 8)", "√λ₁ρ₁ (eq. 8)", "largest deviation from the orbit's form"], rows);
        Evidence.Seed("eigenbasis: new Random(3); starts: new Random(100 + run index)");
        Evidence.NumberWithin("largest deviation of a period-2 limit from Observation 1's form", worstForm, 0, 1e-6,
            "max over: |‖u₁ᵀX‖ − √λ₁ρᵢ|, |‖Zu₁‖ − √λ₁ρᵢ|, 1 − |cos(u₁ᵀX, Zu₁)|, ‖(I−u₁u₁ᵀ)XZ(I−u₁u₁ᵀ) − Σ_{j≥2}λⱼuⱼuⱼᵀ‖, ‖u₁ᵀXZ(I−u₁u₁ᵀ)‖, and v the same at both points");
        // A gauge-free instance proven: tied rank-one factorization, Y with λ₁ = 1, λ₂ = ½.
        CertifyRankOneOrbit();
        // Wrong version: the orbit of (8) at 1.02ηλ₁.
        double wrongErr = results.Where(r => r.Period == 2).Min(r => MfRuns.Obs1FormError(ObsLoss, ObsBasis, ObsLambda, r.E * 1.02, r.Last, r.BeforeLast));
        Evidence.NegativeControl($"ρᵢ from eq. (8) at 1.02ηλ₁ (closest limit misses by {wrongErr:G3})", wrongErr < 1e-6);
    }

    /// <summary>Eq. (8), E²ρ⁴ − E(E + 1)ρ² + 1, over an interval of ρ².</summary>
    private static Interval EquationEight(Interval rho2, Rational e)
    {
        var E = Interval.FromRational(e);
        return E * E * rho2 * rho2 - E * (E + Interval.One) * rho2 + Interval.One;
    }

    /// <summary>
    /// Observation 1's orbit on an instance without a continuous gauge (so the orbit is isolated and a Krawczyk proof applies):
    /// the tied rank-one factorization ¼‖xxᵀ − Y‖², x ∈ ℝ², Y = [[¾, ¼], [¼, ¾]] (eigenvalues λ₁ = 1 on u₁ = (1, 1)/√2 and λ₂ = ½;
    /// dyadic, so exact as doubles). For ηλ₁ ∈ {1.05, 1.1, 1.2}: a unique fixed point of F² in a box of ℝ², least period 2;
    /// the 1-D orbit δ of ¼(a² − λ₁)² (certified) gives δu₁ inside that box, and x = au₁ is invariant with a ↦ a − ηa(a² − λ₁),
    /// so the orbit is √λ₁ρᵢu₁ with ρᵢ the roots of eq. (8) (checked over the enclosures); multipliers enclose 7 − 4E − 2E² (along u₁)
    /// and, across, (1 − η(a₁² − λ₂))(1 − η(a₂² − λ₂)) = 1 − E + 2Eλ₂ − E(E + 1)λ₂ + E²λ₂² [derived], both in (−1, 1): stable.
    /// </summary>
    private void CertifyRankOneOrbit()
    {
        var y = Matrix<double>.Build.DenseOfArray(new[,] { { 0.75, 0.25 }, { 0.25, 0.75 } });
        var family = new GradientDescentFamily(new SymmetricMatrixFactorization(y, 1));
        var line = new GradientDescentFamily(QuarticWell.Instance);
        Rational lambda2 = new(1, 2);
        var sqrt2 = Interval.Sqrt(Interval.FromInt(2));
        var rows = new List<object[]>();
        PeriodicOrbitCertificate? last = null;
        Rational lastE = 0;
        foreach (var e in new Rational[] { new(21, 20), new(11, 10), new(6, 5) })
        {
            double d1 = QuarticWell.Instance.TwoCycle((double)e)!.Value.Lower;
            var orbit = Evidence.Timed($"rank-one MF period-2 orbit, ηλ₁ = {e}", () => PeriodicOrbitCertificate.Certify(family.At(e), 2, [d1 / Math.Sqrt(2), d1 / Math.Sqrt(2)]));
            orbit.IsProven.ShouldBeTrue(orbit.Describe());
            orbit.Stability.ShouldBe(Stability.Stable);
            var oneD = PeriodicOrbitCertificate.Certify(line.At(e), 2, d1);
            oneD.IsProven.ShouldBeTrue(oneD.Describe());
            var onLine = oneD.FixedPoint.Enclosure![0] / sqrt2;   // δu₁ = (δ/√2, δ/√2)
            bool form = orbit.FixedPoint.Box.All(b => onLine.IsSubsetOf(b));
            form.ShouldBeTrue($"δu₁ ∋ {onLine} inside {Certificates.Box(orbit.FixedPoint.Box)}");
            bool eight = orbit.Orbit.All(p => EquationEight(p[0] * p[0] + p[1] * p[1], e).Contains(0));
            eight.ShouldBeTrue();
            Rational along = 7 - 4 * e - 2 * e * e, across = 1 - e + 2 * e * lambda2 - e * (e + 1) * lambda2 + e * e * lambda2 * lambda2;
            var values = orbit.Multipliers!.Clusters.Select(c => c.Value).ToArray();
            (values.Any(v => v is { } i && i.ContainsExact(along)) && values.Any(v => v is { } i && i.ContainsExact(across))).ShouldBeTrue(orbit.Describe());
            rows.Add(Certificates.OrbitRow($"ηλ₁ = {e}: √λ₁ρ₁u₁ → √λ₁ρ₂u₁", orbit)
                .Append($"the 1-D δ₁ gives δ₁u₁ ∈ the box (form of Obs. 1); eq. (8) ∋ 0 over ‖x‖² at both points; 7 − 4E − 2E² = {along} and the across multiplier {across} (derived) in the enclosures").ToArray());
            (last, lastE) = (orbit, e);
        }
        Evidence.Table("Certificates: Observation 1's orbit for the tied rank-one factorization ¼‖xxᵀ − Y‖², Y = [[¾, ¼], [¼, ¾]]", [.. Certificates.Columns, "against the paper"], rows)
            .Note("Proven on this gauge-free instance (p = 1, tied factors): the period-2 orbit of Observation 1's form √λ₁ρᵢu₁ with ρᵢ from eq. (8), unique in its box and stable. "
                + "Not proven: convergence from a positive-measure set of generic (X, Z) (the Monte Carlo above), nor the orbit with a continuous gauge, which is not isolated.");
        Evidence.NegativeControl("a period-2 orbit at ηλ₁ = 9/10 (below 1/λ₁)",
            PeriodicOrbitCertificate.Certify(family.At(new Rational(9, 10)), 2, [0.6, 0.6]).IsProven);
        Evidence.NegativeControl($"the orbit at ηλ₁ = {lastE} proven on its box moved 3 widths off the orbit", Certificates.ProvenOnMovedBox(family.At(lastE), last!));
        Evidence.NegativeControl($"ρ from eq. (8) at 1.02ηλ₁ (ηλ₁ = {lastE}): (8) ∋ 0 over ‖x‖²",
            last!.Orbit.All(p => EquationEight(p[0] * p[0] + p[1] * p[1], new Rational(102, 100) * lastE).Contains(0)));
    }

    [Claim("eos.obs1-boundary")]
    public void FiniteVersusBlowUpBoundary()
    {
        const double eta = 1;
        double[] lambda1s = [1.02, 1.05, 1.1, 1.2, 1.3, 1.5, 1.7];
        string[] modes = ["generic", "quasi-symmetric (α = 0.8)", "symmetric (α = 1)"];
        var cells = (from m in Enumerable.Range(0, 3) from l in lambda1s select (Mode: m, L1: l)).ToArray();
        var found = new (double Lo, double Hi, string Status)[cells.Length];
        Parallel.For(0, cells.Length, i =>
        {
            var (mode, l1) = cells[i];
            double predicted = 2 / eta - l1;
            double lo = Math.Max(0.01, predicted - 0.3), hi = Math.Min(l1, predicted + 0.3);
            bool Finite(double l2) => MfRuns.FiniteFraction(mode, l1, l2, eta, ObsBasis) >= 0.5;
            if (!Finite(lo)) { found[i] = (lo, lo, "blows up throughout"); return; }
            if (Finite(hi)) { found[i] = (hi, hi, "finite throughout"); return; }
            var b = Bisection.Locate(Finite, lo, hi, 0.005);
            found[i] = (b.Lower, b.Upper, "switch");
        });
        var rows = cells.Select((c, i) => new object[] { modes[c.Mode], c.L1, 2 / eta - c.L1, found[i].Status == "switch" ? (found[i].Lo + found[i].Hi) / 2 : double.NaN, found[i].Status }).ToList();
        Evidence.Table("Boundary λ₂* between finite and blowing-up runs at η = 1 (half of 8 starts finite after 10⁴ steps)", ["initialization", "λ₁", "2/η − λ₁", "λ₂* measured", "bracket"], rows);
        Evidence.Seed("eigenbasis: new Random(3); starts: new Random(7) per point");
        // The claim, at the values it names: slightly above 1 (1.02, 1.05) and beyond 1.5.
        double Deviation(int i) => found[i].Status == "switch" ? Math.Abs((found[i].Lo + found[i].Hi) / 2 - (2 / eta - cells[i].L1)) : double.PositiveInfinity;
        var named = Enumerable.Range(0, cells.Length).Where(i => cells[i].L1 is 1.02 or 1.05 or 1.5).ToArray();
        double worstNamed = named.Max(Deviation);
        Evidence.NumberWithin("largest |λ₂* − (2/η − λ₁)| at ηλ₁ ∈ {1.02, 1.05, 1.5}, all three initializations", worstNamed, 0, 0.05,
            "tolerance 0.05 = 5% of λ₁: the boundary is a fraction of runs, softened by the finite step budget");
        var middle = Enumerable.Range(0, cells.Length).Where(i => !named.Contains(i)).ToArray();
        Evidence.Number("largest |λ₂* − (2/η − λ₁)| at the other ηλ₁ (1.1, 1.2, 1.3, 1.7)", middle.Max(Deviation),
            note: "reported, not asserted: the claim names no tolerance there");

        var plot = Figures.New("Figure 1: finite vs blow-up boundary at η = 1", "λ₁", "λ₂");
        var colors = new[] { ScottPlot.Colors.Blue, ScottPlot.Colors.Orange, ScottPlot.Colors.Green };
        for (int m = 0; m < 3; m++)
        {
            var idx = Enumerable.Range(0, cells.Length).Where(i => cells[i].Mode == m && found[i].Status == "switch").ToArray();
            Figures.Line(plot, idx.Select(i => cells[i].L1).ToArray(), idx.Select(i => (found[i].Lo + found[i].Hi) / 2).ToArray(), modes[m], colors[m]);
        }
        Figures.Line(plot, [1.0, 1.8], [1.0, 0.2], "λ₁ + λ₂ = 2/η", ScottPlot.Colors.Black, 1);
        Evidence.Figure("Figure 1: measured boundary against λ₁ + λ₂ = 2/η", plot,
            caption: "Below each curve half or more of 8 seeded runs stay finite for 10⁴ steps; above, half or more blow up (|θ| > 10⁶).");
        Evidence.NegativeControl("the boundary is λ₁ + λ₂ = 2.1/η (5% higher)", named.All(i => Math.Abs((found[i].Lo + found[i].Hi) / 2 - (2.1 / eta - cells[i].L1)) <= 0.05));
    }

    [Claim("eos.quasi-sym-eos")]
    public void EdgeOfStabilityAlongQuasiSymmetricMinimizers()
    {
        // Exact, in rationals: at (αX₀, X₀ᵀ/α) with X₀ = diag(2, 3/2, 1) the Hessian has the explicit
        // eigen-decomposition of eos.eq9-hessian; its top eigenvalue is σ₁²(α² + 1/α²) exactly.
        var sigma = new[] { new Rational(2), new Rational(3, 2), new Rational(1) };
        var rows = new List<object[]>();
        bool allExact = true;
        foreach (var alpha in new[] { new Rational(1), new Rational(4, 5), new Rational(3, 2), new Rational(1, 3) })
        {
            var (spectrum, exact) = ExactQuasiSymmetricSpectrum(sigma, alpha);
            allExact &= exact;
            var top = spectrum.Max();
            var claimed = sigma[0] * sigma[0] * (alpha * alpha + 1 / (alpha * alpha));
            (top == claimed).ShouldBeTrue();
            rows.Add([alpha.ToString(), (double)top, 2 / (double)top, 1 / (double)(sigma[0] * sigma[0])]);
        }
        allExact.ShouldBeTrue("the explicit eigenvectors must diagonalize the exact Hessian");
        Evidence.Table("Exact top Hessian eigenvalue at (αX₀, X₀ᵀ/α), X₀ = diag(2, 3/2, 1)", ["α", "σ₁²(α² + α⁻²)", "EoS step 2/λ_max", "1/σ₁² (α = 1)"], rows);
        rows.All(r => (double)r[2] <= (double)r[3] + 1e-15).ShouldBeTrue();
        // Rotated X₀ (doubles): the same values, by orthogonal invariance.
        var rng = new Random(9);
        Evidence.Seed("rotations: new Random(9)");
        var u = MfRuns.RandomOrthogonal(3, rng); var v = MfRuns.RandomOrthogonal(3, rng);
        var x0 = u * Matrix<double>.Build.DenseOfDiagonalArray([2, 1.5, 1]) * v.Transpose();
        var loss = new MatrixFactorization(x0 * x0.Transpose(), 3);
        var (xa, za) = MatrixFactorization.QuasiSymmetricMinimizer(x0, 0.8);
        Evidence.NumberWithin("λ_max at (0.8X₀, X₀ᵀ/0.8), X₀ = U diag(2, 1.5, 1) Vᵀ", Sharpness.At(loss, loss.Pack(xa, za)), 4 * (0.64 + 1 / 0.64), 1e-10)
                .Reproduced("exact rational eigen-decomposition of the Hessian at four values of α (a check at those α, not a proof for every α > 0)");
        Evidence.NegativeControl("the EoS step 2/(σ₁²(α + 1/α)) (squares dropped)",
            rows.Skip(1).All(r => Math.Abs((double)r[2] - 2 / (4 * (double)Parse((string)r[0]) + 4 / (double)Parse((string)r[0]))) < 1e-12));
    }

    [Claim("eos.eq9-hessian")]
    public void EquationNineBoundsTheNonTopSpectrum()
    {
        var sigma = new[] { 2, 1.3, 0.7, 0.4 };
        var rng = new Random(13);
        Evidence.Seed("rotations: new Random(13)");
        var u = MfRuns.RandomOrthogonal(4, rng); var v = MfRuns.RandomOrthogonal(4, rng);
        var x0 = u * Matrix<double>.Build.DenseOfDiagonalArray(sigma) * v.Transpose();
        var loss = new MatrixFactorization(x0 * x0.Transpose(), 4);
        var rows = new List<object[]>();
        double worst = 0;
        bool wrongHolds = true;
        foreach (var alpha in new[] { 1, 0.8, 1.5 })
        {
            var (xa, za) = MatrixFactorization.QuasiSymmetricMinimizer(x0, alpha);
            var spec = Sharpness.Spectrum(loss, loss.Pack(xa, za)).Where(e => e > 1e-9).OrderByDescending(e => e).ToArray();
            var predicted = (from i in Enumerable.Range(0, 4) from j in Enumerable.Range(0, 4) select alpha * alpha * sigma[i] * sigma[i] + sigma[j] * sigma[j] / (alpha * alpha)).OrderByDescending(e => e).ToArray();
            spec.Length.ShouldBe(16);
            worst = Math.Max(worst, spec.Zip(predicted, (a, b) => Math.Abs(a - b)).Max());
            double q1 = sigma[0] * sigma[0] / (alpha * alpha) + alpha * alpha * sigma[1] * sigma[1];
            double q2 = alpha * alpha * sigma[0] * sigma[0] + sigma[1] * sigma[1] / (alpha * alpha);
            // Both quantities of (9) are eigenvalues, and the larger one is the second largest: every eigenvalue
            // but the top is some α²σᵢ² + σⱼ²/α² with (i, j) ≠ (1, 1), largest at (1, 2) or (2, 1).
            spec.Count(e => Math.Abs(e - q1) < 1e-9).ShouldBeGreaterThan(0);
            spec.Count(e => Math.Abs(e - q2) < 1e-9).ShouldBeGreaterThan(0);
            Math.Abs(Math.Max(q1, q2) - spec[1]).ShouldBeLessThan(1e-9);
            double wq = sigma[0] * sigma[0] / alpha + alpha * sigma[1] * sigma[1];
            wrongHolds &= spec.Any(e => Math.Abs(e - wq) < 1e-9);
            rows.Add([alpha, spec[0], spec[1], spec[2], q1, q2]);
        }
        Evidence.Table("Hessian spectrum at (αX₀, X₀ᵀ/α), σ(X₀) = (2, 1.3, 0.7, 0.4)", ["α", "largest", "second", "third", "σ₁²/α² + α²σ₂²", "α²σ₁² + σ₂²/α²"], rows);
        Evidence.NumberWithin("largest |eigenvalue − (α²σᵢ² + σⱼ²/α²)| over all 16 non-zero eigenvalues", worst, 0, 1e-9)
                .Note("So (9), max of the two quantities ≤ 2/η, asks every Hessian eigenvalue except the top σ₁²(α² + α⁻²) to stay within the edge of stability. The exact rational version of the same spectrum is checked in eos.quasi-sym-eos.");
        Evidence.NegativeControl("σ₁²/α + ασ₂² (powers of α halved) is an eigenvalue", wrongHolds);
    }

    [Claim("eos.obs2")]
    public void QuasiSymmetricConvergesToTheBalancedOrbit()
    {
        var runs = Obs2Runs.Value;
        var rows = new List<object[]>();
        double worstRatio = 0, worstBalance = 0, worstDecay = 0, wrongBest = double.PositiveInfinity;
        foreach (var r in runs)
        {
            double cond9 = Math.Max(r.E / (r.Alpha * r.Alpha) * (1 + Math.Pow(r.Alpha, 4) * Obs2Sigma[1] * Obs2Sigma[1] / (Obs2Sigma[0] * Obs2Sigma[0])),
                r.E * r.Alpha * r.Alpha * (1 + Obs2Sigma[1] * Obs2Sigma[1] / (Math.Pow(r.Alpha, 4) * Obs2Sigma[0] * Obs2Sigma[0])));
            cond9.ShouldBeLessThanOrEqualTo(2, "the run must satisfy (9)");
            (r.E - 1).ShouldBeLessThanOrEqualTo(0.121);
            r.Period.ShouldBe(2);
            double ratio = r.OrbitDistance / Obs2Epsilon;
            worstRatio = Math.Max(worstRatio, ratio);
            worstBalance = Math.Max(worstBalance, r.TopImbalance);
            worstDecay = Math.Max(worstDecay, r.DecayedTopError);
            wrongBest = Math.Min(wrongBest, r.WrongOrbitDistance / Obs2Epsilon);
            rows.Add([r.Alpha, r.E, cond9, r.Steps, r.OrbitDistance, ratio, r.TopImbalance, r.DecayedTopError]);
        }
        Evidence.Table("Quasi-symmetric MF, n = 8, ε = 0.01", ["α", "ησ₁²", "max of (9)", "steps to the orbit", "‖(X, Z) − γ_η‖ at the limit", "/ ε", "|σ₁(X) − σ₁(Z)| on the orbit", "max |σ₁ − 5.74| after η → 0.5/σ₁²"], rows);
        Evidence.Seed("X₀'s singular vectors: new Random(31); perturbations: new Random(32)");
        Evidence.NumberWithin("largest ‖limit − γ_η‖ / ε", worstRatio, 0, 10, "O(ε): the perturbation along the manifold of minimizers persists, the top pair is pulled onto the orbit")
                .NumberWithin("largest |σ₁(X) − σ₁(Z)| on the orbit (balanced although α ≠ 1 at init)", worstBalance, 0, 1e-6)
                .NumberWithin("largest |σ₁(X) − σ₁|, |σ₁(Z) − σ₁| after decaying η below 1/σ₁²", worstDecay, 0, 1e-3, "the flattest top pair σ₁(X) = σ₁(Z) = σ₁");
        Evidence.NegativeControl($"γ_η built from eq. (8) at 1.02ησ₁² (best limit at {wrongBest:F1}ε)", wrongBest <= 10);
    }

    [Claim("eos.fig3-values")]
    public void SymmetricAndQuasiSymmetricReachTheSameOrbit()
    {
        var runs = Obs2Runs.Value.Where(r => r.E == 1.02).ToArray();
        var sym = runs.Single(r => r.Alpha == 1); var quasi = runs.Single(r => r.Alpha == 0.8);
        var symTop = new[] { sym.TopAtLimit.Low, sym.TopAtLimit.High };
        var quasiTop = new[] { quasi.TopAtLimit.Low, quasi.TopAtLimit.High };
        // Printed: "about 6.1 and 5.3" (two significant digits, so ±0.05).
        Evidence.NumberWithin("larger top singular value on the orbit (symmetric run)", symTop[1], 6.1, 0.05)
                .NumberWithin("smaller top singular value on the orbit (symmetric run)", symTop[0], 5.3, 0.05)
                .NumberWithin("|quasi-symmetric − symmetric| orbit values", Math.Max(Math.Abs(symTop[0] - quasiTop[0]), Math.Abs(symTop[1] - quasiTop[1])), 0, 1e-6);
        var (r1, r2) = TwoStepOrbit.Points(1.02);
        Evidence.NumberWithin("ratio of the two orbit values (independent of σ₁)", symTop[1] / symTop[0], r2 / r1, 1e-6, "ρ₁/ρ₂ of eq. (8) at ηλ₁ = 1.02; printed 6.1/5.3 = 1.151")
                .Number("step at which the quasi-symmetric run's |σ₁(X) − σ₁(Z)| first falls below 10⁻³", quasi.BalancedAt)
                .Number("step at which it reaches the orbit", quasi.Steps);
        quasi.BalancedAt.ShouldBeLessThan(quasi.Steps);

        var plot = Figures.New("Figure 6: top singular values along training, ησ₁² = 1.02", "step t", "top singular value");
        int show = Math.Min(quasi.History.Count, 3000);
        var ts = Enumerable.Range(0, show).Select(t => (double)(t * MfRuns.HistoryStride)).ToArray();
        Figures.Line(plot, ts, quasi.History.Take(show).Select(h => h.X).ToArray(), "quasi-symmetric σ₁(X)", ScottPlot.Colors.Orange);
        Figures.Line(plot, ts, quasi.History.Take(show).Select(h => h.Z).ToArray(), "quasi-symmetric σ₁(Z)", ScottPlot.Colors.Red);
        Figures.Line(plot, ts.Take(Math.Min(show, sym.History.Count)).ToArray(), sym.History.Take(show).Select(h => h.X).ToArray(), "symmetric σ₁(X)", ScottPlot.Colors.Blue);
        Figures.Reference(plot, 6.1, "printed 6.1"); Figures.Reference(plot, 5.3, "printed 5.3", ScottPlot.Colors.Gray);
        Evidence.Figure("Top singular values of both factors, symmetric vs quasi-symmetric (α = 0.8)", plot,
            caption: $"Every {MfRuns.HistoryStride}th step shown (the two values of the orbit alternate; odd steps are skipped, so one branch shows). The quasi-symmetric factors equalize first (step {quasi.BalancedAt}), then both runs settle on σ₁ρᵢ.");
        Evidence.NegativeControl("orbit values 6.4 and 5.0 (the printed ones ± 5%)", Math.Abs(symTop[1] - 6.4) <= 0.05 && Math.Abs(symTop[0] - 5.0) <= 0.05);
    }

    [Claim("eos.fig2-period-doubling")]
    public void PeriodTwoThenFourThenChaos()
    {
        var named = Fig2Named.Value;
        var rows = named.Select(g => new object[] { g.E, string.Join(", ", g.Periods.GroupBy(p => p?.ToString() ?? "none ≤ 16 (bounded)").OrderBy(x => x.Key).Select(x => $"{x.Key}: {x.Count()}")), g.Diverged, g.MaxImbalance, $"{g.LiterallyBalanced}/{g.Periods.Count}", g.MaxLiteral }).ToList();
        Evidence.Table("Generic-init MF (Observation 1's setting), 10 starts each, period of the tail after 30000 steps",
            ["ηλ₁", "periods", "blew up", "max |‖u₁ᵀX‖ − ‖Zu₁‖|/‖u₁ᵀX‖ (λ₁ component)", "tails with σ₁(X) = σ₁(Z) to 10⁻⁶", "max |σ₁(X) − σ₁(Z)|/σ₁(X)"], rows);
        int Majority(double e) => named.Single(g => g.E == e).Periods.Where(p => p is not null).GroupBy(p => p!.Value).OrderByDescending(x => x.Count()).Select(x => x.Key).FirstOrDefault();
        bool Regimes(Func<double, int> classify) => classify(1.2) == 2 && classify(1.23) == 2 && classify(1.25) == 4 && classify(1.28) == 4;
        Regimes(Majority).ShouldBeTrue();
        var chaos = named.Single(g => g.E == 1.31);
        chaos.Periods.Count(p => p is null).ShouldBeGreaterThan(chaos.Periods.Count / 2, "at ηλ₁ = 1.31 most bounded runs have no period ≤ 16");
        double worstImbalance = named.Max(g => g.MaxImbalance);
        Evidence.NumberWithin("largest relative imbalance of the λ₁ component on every tail (period 2, 4 and chaotic)", worstImbalance, 0, 1e-6, "the balancing effect throughout");
        Evidence.Note($"Read literally as the top singular values of X and Z, the balance holds on {named.Sum(g => g.LiterallyBalanced)} of {named.Sum(g => g.Periods.Count)} bounded tails: from a generic start the λ₂…λ₄ components converge (ηλⱼ < 1) to an imbalanced factorization, and when its top singular value exceeds √λ₁ρᵢ it is σ₁ of one factor but not of the other. The balancing the paper describes is that of the oscillating λ₁ component, which holds to rounding everywhere.");

        // Where the period doubles, from one start (the first seeded start that stays bounded): bisection on "period 2".
        var start = Fig2Start.Value;
        // A full 6·10⁴-step burn-in (no early stop): near the switch both cycles attract slowly.
        bool IsTwo(double e) => Periodicity.OfMap(x => GradientDescent.Step(ObsLoss, x, e / ObsLambda[0]), start, 60000, 16, 1e-9).Period == 2;
        var doubling = Bisection.Locate(IsTwo, 1.2, 1.25, 1e-3);
        Evidence.NumberWithin("ηλ₁ where period 2 gives way to period 4", doubling.Midpoint, Math.Sqrt(5) - 1, 2e-3,
            "compared with √5 − 1 ≈ 1.2361, where the scalar orbit's multiplier 7 − 4E − 2E² reaches −1 [derived, not printed]; bisection to 10⁻³ with 6·10⁴ steps");

        var sweep = Fig2Sweep.Value;
        var plot = Figures.New("Figure 2: the oscillating λ₁ component on the attractor", "ηλ₁", "‖u₁ᵀX‖ at the last 48 steps");
        Figures.Points(plot, sweep.SelectMany(s => s.Tail.Select(_ => s.E)).ToArray(), sweep.SelectMany(s => s.Tail).ToArray(), size: 2);
        Figures.VerticalReference(plot, Math.Sqrt(5) - 1, "√5 − 1 (scalar period-4 onset)");
        Evidence.Figure("Bifurcation diagram of matrix factorization: period 2 → period 4 → chaos", plot,
            caption: "Each column: ‖u₁ᵀX‖ (= ‖Zu₁‖, the singular value of the λ₁ component) over 48 steps after 30000 steps of GD from one start (Observation 1's setting); beyond ηλ₁ ≈ 1.30 this start blows up.");
        var oneRun = MfRuns.TopSingularValues(ObsLoss, start, 1.1 / ObsLambda[0], 400);
        var p2 = Figures.New("Singular values along training, ηλ₁ = 1.1", "step t", "σ₁");
        Figures.Line(p2, oneRun.Select((_, t) => (double)t).ToArray(), oneRun.Select(h => h.X).ToArray(), "σ₁(X)");
        Figures.Line(p2, oneRun.Select((_, t) => (double)t).ToArray(), oneRun.Select(h => h.Z).ToArray(), "σ₁(Z)");
        Evidence.Figure("σ₁(X) and σ₁(Z) along one generic run: balanced, then the period-2 oscillation", p2);
        Evidence.NegativeControl("period 4 already at ηλ₁ = 1.23 (the regimes shifted)", Regimes(e => e == 1.23 ? 4 : Majority(e)));
    }

    [Claim("eos.eq11")]
    public void SymmetricFactorizationIsNotSeparable()
    {
        var rng = new Random(19);
        Evidence.Seed("rational points: new Random(19)");
        var lambda = new[] { 3.0, 1.5, 0.25 };
        int count = 0;
        bool Identity(double crossWeight)
        {
            foreach (var p in new[] { 2, 3 })
            {
                // U = I: the core's two objectives, exactly.
                var mf = new SymmetricMatrixFactorization(Matrix<double>.Build.DenseOfDiagonalArray(lambda), p);
                var coupled = new CoupledSeparableModel(lambda, p, CoupledSeparableModel.AllPairs(3).Select(t => t).ToArray());
                var separable = CoupledSeparableModel.Separable(lambda, p);
                for (int t = 0; t < 25; t++)
                {
                    var x = Enumerable.Range(0, 3 * p).Select(_ => new Rational(rng.Next(-30, 31), rng.Next(1, 9))).ToArray();
                    // ¼Σ_{i≠j}⟨xᵢ, xⱼ⟩² = ½Σ_{i<j}⟨xᵢ, xⱼ⟩²: the coupled model's pair terms.
                    var cross = coupled.Value<Rational>(x) - separable.Value<Rational>(x);
                    if (mf.Value<Rational>(x) != separable.Value<Rational>(x) + Rational.FromDouble(crossWeight / 0.25) * cross) return false;
                    count++;
                }
            }
            // A rational rotation U (Pythagorean triples): ¼‖XXᵀ − UΛUᵀ‖² with X = UX_c equals the same sum in X_c's rows.
            var u = RationalRotation();
            for (int t = 0; t < 10; t++)
            {
                var xc = RandomRational(rng, 3, 2);
                var x = Multiply(u, xc);
                var y = Multiply(Multiply(u, Diagonal(lambda.Select(l => Rational.FromDouble(l)).ToArray())), Transpose(u));
                var lhs = FrobeniusSquared(Subtract(Multiply(x, Transpose(x)), y)) / 4;
                Rational rhs = 0;
                for (int i = 0; i < 3; i++)
                    for (int j = 0; j < 3; j++)
                    {
                        Rational inner = xc[i, 0] * xc[j, 0] + xc[i, 1] * xc[j, 1];
                        rhs += i == j ? (inner - Rational.FromDouble(lambda[i])) * (inner - Rational.FromDouble(lambda[i])) / 4 : Rational.FromDouble(crossWeight) * inner * inner;
                    }
                if (lhs != rhs) return false;
                count++;
            }
            return true;
        }
        Identity(0.25).ShouldBeTrue();
        Evidence.Number("random rational points checked exactly", count)
                .Note("Both sides evaluated in exact rationals: the core's SymmetricMatrixFactorization against CoupledSeparableModel (separable part + every pair coupled) for U = I, p ∈ {2, 3}; and, for a rational rotation U built from the triples (3, 4, 5) and (5, 12, 13), the Frobenius norm against the sum in the rotated rows.")
                .Reproduced("exact agreement at 60 random rational points (a check, not a proof: the identity is for every size and eigenbasis, and agreement at random points does not prove it)");
        Evidence.NegativeControl("the cross term with weight ½ instead of ¼", Identity(0.5));
    }

    // ---------------------------------------------------------------------------------------------
    // Shared runs

    private sealed record Obs1Result(double E, int? Period, bool Diverged, double FormError, double[] Last, double[] BeforeLast);

    private static readonly Lazy<Obs1Result[]> Obs1Runs = new(() =>
    {
        double[] es = [1.02, 1.1, 1.2, 1.23];
        const int perE = 40;
        var results = new Obs1Result[es.Length * perE];
        Parallel.For(0, results.Length, i =>
        {
            double e = es[i / perE];
            var start = MfRuns.Gaussian(new Random(100 + i % perE), ObsLoss.Dimension, 1, 0.3).Column(0).ToArray();
            var (period, tail) = MfRuns.Tail(ObsLoss, start, e / ObsLambda[0], 60000);
            bool diverged = !tail[^1].All(double.IsFinite);
            double form = period == 2 ? MfRuns.Obs1FormError(ObsLoss, ObsBasis, ObsLambda, e, tail[^1], tail[^2]) : double.NaN;
            results[i] = new Obs1Result(e, period, diverged, form, tail[^1], tail.Count > 1 ? tail[^2] : tail[^1]);
        });
        return results;
    });

    private sealed record NamedRegime(double E, List<int?> Periods, int Diverged, double MaxImbalance, int LiterallyBalanced, double MaxLiteral);

    private static readonly Lazy<NamedRegime[]> Fig2Named = new(() =>
    {
        double[] es = [1.2, 1.23, 1.25, 1.28, 1.31];
        var cells = new (int? Period, bool Diverged, double Imbalance, double Literal)[es.Length * 10];
        Parallel.For(0, cells.Length, i =>
        {
            var start = MfRuns.Gaussian(new Random(100 + i % 10), ObsLoss.Dimension, 1, 0.3).Column(0).ToArray();
            var (period, tail) = MfRuns.Tail(ObsLoss, start, es[i / 10] / ObsLambda[0], 30000);
            bool diverged = !tail[^1].All(double.IsFinite);
            // The balance of the λ₁ component, |‖u₁ᵀX‖ − ‖Zu₁‖| / ‖u₁ᵀX‖ (σ₁ of that component), and of the
            // top singular values themselves (which may belong to an imbalanced λ₂ component).
            var u1 = ObsBasis.Column(0);
            double imb = diverged ? 0 : tail.Max(t => { var a = ObsLoss.FirstFactor(t).TransposeThisAndMultiply(u1).L2Norm(); var b = (ObsLoss.SecondFactor(t) * u1).L2Norm(); return Math.Abs(a - b) / a; });
            double lit = diverged ? 0 : tail.Max(t => { var (x, z) = MfRuns.Top(ObsLoss, t); return Math.Abs(x - z) / x; });
            cells[i] = (period, diverged, imb, lit);
        });
        return es.Select((e, k) =>
        {
            var g = cells.Skip(k * 10).Take(10).ToArray();
            var ok = g.Where(c => !c.Diverged).ToArray();
            return new NamedRegime(e, ok.Select(c => c.Period).ToList(), g.Count(c => c.Diverged), ok.Select(c => c.Imbalance).DefaultIfEmpty(0).Max(),
                ok.Count(c => c.Literal < 1e-6), ok.Select(c => c.Literal).DefaultIfEmpty(0).Max());
        }).ToArray();
    });

    private sealed record SweepPoint(double E, double[] Tail);

    /// <summary>The first of the seeded generic starts (new Random(100 + k)) that converges to period 2 at ηλ₁ = 1.2 and stays bounded at 1.25.</summary>
    private static readonly Lazy<double[]> Fig2Start = new(() => Enumerable.Range(100, 50)
        .Select(seed => MfRuns.Gaussian(new Random(seed), ObsLoss.Dimension, 1, 0.3).Column(0).ToArray())
        .First(s => MfRuns.Tail(ObsLoss, s, 1.2 / ObsLambda[0], 30000).Period == 2 && MfRuns.Tail(ObsLoss, s, 1.25 / ObsLambda[0], 30000).Period == 4));

    private static readonly Lazy<SweepPoint[]> Fig2Sweep = new(() =>
    {
        var start = Fig2Start.Value;
        var points = new SweepPoint[160];
        Parallel.For(0, points.Length, i =>
        {
            double e = 1.0 + 0.4 * (i + 0.5) / points.Length;
            var (_, tail) = MfRuns.Tail(ObsLoss, start, e / ObsLambda[0], 30000, window: 48);
            points[i] = new SweepPoint(e, tail.Where(t => t.All(double.IsFinite)).Select(t => ObsLoss.FirstFactor(t).TransposeThisAndMultiply(ObsBasis.Column(0)).L2Norm()).ToArray());
        });
        return points;
    });

    private static readonly double[] Obs2Sigma = [5.74, 3.0, 2.5, 2.0, 1.5, 1.0, 0.5, 0.2];
    private const double Obs2Epsilon = 0.01;

    private sealed record Obs2Result(double Alpha, double E, int? Period, int Steps, double OrbitDistance, double WrongOrbitDistance,
        double TopImbalance, (double Low, double High) TopAtLimit, double DecayedTopError, int BalancedAt, List<(double X, double Z)> History);

    private static readonly Lazy<Obs2Result[]> Obs2Runs = new(() =>
    {
        var rng = new Random(31);
        var u = MfRuns.RandomOrthogonal(8, rng); var v = MfRuns.RandomOrthogonal(8, rng);
        var x0 = u * Matrix<double>.Build.DenseOfDiagonalArray(Obs2Sigma) * v.Transpose();
        var loss = new MatrixFactorization(x0 * x0.Transpose(), 8);
        var noise = new Random(32);
        var dx = MfRuns.Gaussian(noise, 8, 8, 1); dx *= Obs2Epsilon / dx.FrobeniusNorm();
        var dz = MfRuns.Gaussian(noise, 8, 8, 1); dz *= Obs2Epsilon / dz.FrobeniusNorm();
        var settings = new[] { (1.0, 1.02), (0.8, 1.02), (1.0, 1.1), (0.8, 1.1) };
        var results = new Obs2Result[settings.Length];
        double s1 = Obs2Sigma[0];
        var u1 = u.Column(0); var v1 = v.Column(0);
        Parallel.For(0, settings.Length, i =>
        {
            var (alpha, e) = settings[i];
            var (xa, za) = MatrixFactorization.QuasiSymmetricMinimizer(x0, alpha);
            var start = loss.Pack(xa + dx, za + dz);
            double eta = e / (s1 * s1);
            var history = new List<(double X, double Z)>();
            var x = start;
            int steps = 0, balancedAt = -1;
            int? period = null;
            var ring = new List<double[]>();
            while (steps < 200_000)
            {
                if (steps % MfRuns.HistoryStride == 0) history.Add(MfRuns.Top(loss, x));
                if (balancedAt < 0) { var (tx, tz) = MfRuns.Top(loss, x); if (Math.Abs(tx - tz) < 1e-3) balancedAt = steps; }
                x = GradientDescent.Step(loss, x, eta); steps++;
                ring.Add(x); if (ring.Count > 70) ring.RemoveAt(0);
                if (steps % 500 == 0 && ring.Count == 70 && Periodicity.Detect(ring, 2, 1e-10) == 2) { period = 2; break; }
            }
            var a = ring[^1]; var b = ring[^2];
            var (ra, rb) = TwoStepOrbit.Points(e);
            var (wa, wb) = TwoStepOrbit.Points(e * 1.02);
            double Dist(double[] p, double rho) =>
                (loss.FirstFactor(p) - (xa + (rho - alpha) * s1 * u1.OuterProduct(v1))).FrobeniusNorm()
                + (loss.SecondFactor(p) - (za + (rho - 1 / alpha) * s1 * v1.OuterProduct(u1))).FrobeniusNorm();
            double orbit = Math.Max(Math.Min(Dist(a, ra), Dist(a, rb)), Math.Min(Dist(b, ra), Dist(b, rb)));
            double wrong = Math.Max(Math.Min(Dist(a, wa), Dist(a, wb)), Math.Min(Dist(b, wa), Dist(b, wb)));
            var (ax, az) = MfRuns.Top(loss, a); var (bx, bz) = MfRuns.Top(loss, b);
            // Decay η below 1/σ₁² after the orbit: converge to a minimizer with σ₁(X) = σ₁(Z) = σ₁.
            var decayed = GradientDescent.Iterate(loss, a, 0.5 / (s1 * s1), 20_000);
            var (dxTop, dzTop) = MfRuns.Top(loss, decayed);
            results[i] = new Obs2Result(alpha, e, period, steps, orbit, wrong, Math.Max(Math.Abs(ax - az), Math.Abs(bx - bz)),
                (Math.Min(ax, bx), Math.Max(ax, bx)), Math.Max(Math.Abs(dxTop - s1), Math.Abs(dzTop - s1)), balancedAt, history);
        });
        return results;
    });

    private static (Rational[] Spectrum, bool Exact) ExactQuasiSymmetricSpectrum(Rational[] sigma, Rational alpha)
    {
        int n = sigma.Length;
        var target = Matrix<double>.Build.Dense(n, n, (i, j) => i == j ? (double)(sigma[i] * sigma[i]) : 0);
        var loss = new MatrixFactorization(target, n);
        var x = new Rational[n, n]; var z = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { x[i, j] = i == j ? alpha * sigma[i] : 0; z[i, j] = i == j ? sigma[i] / alpha : 0; }
        var theta = Pack(x, z);
        var h = loss.Hessian<Rational>(theta);
        var spectrum = new List<Rational>();
        bool exact = true;
        int dim = theta.Length;
        // For each (i, j): the block spanned by a = eᵢeⱼᵀ (in X) and b = eᵢeⱼᵀ (in Z) carries the 2×2 form
        // [[σⱼ²/α², σᵢσⱼ], [σᵢσⱼ, α²σᵢ²]]: eigenvalues 0 and α²σᵢ² + σⱼ²/α², eigenvectors (σⱼ/α, ασᵢ) and (ασᵢ, −σⱼ/α).
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                Rational p = sigma[j] / alpha, q = alpha * sigma[i];
                foreach (var (cx, cz, lambda) in new[] { (p, q, p * p + q * q), (q, -p, Rational.Zero) })
                {
                    var w = new Rational[dim];
                    for (int k = 0; k < dim; k++) w[k] = 0;
                    w[i * n + j] = cx; w[n * n + i * n + j] = cz;
                    for (int r = 0; r < dim && exact; r++)
                    {
                        Rational s = 0;
                        for (int c = 0; c < dim; c++) s += h[r, c] * w[c];
                        exact &= s == lambda * w[r];
                    }
                    spectrum.Add(lambda);
                }
            }
        // 2n² orthogonal eigenvectors: a complete eigen-decomposition of the 2n²×2n² Hessian.
        exact &= spectrum.Count == dim;
        return (spectrum.ToArray(), exact);
    }

    // ---- small exact-matrix helpers (rationals) ----

    private static Rational Parse(string s) { var parts = s.Split('/'); return parts.Length == 1 ? new Rational(int.Parse(parts[0])) : new Rational(int.Parse(parts[0]), int.Parse(parts[1])); }

    private static Rational[,] RandomRational(Random rng, int r, int c)
    {
        var m = new Rational[r, c];
        for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) m[i, j] = rng.Next(-6, 7);
        return m;
    }

    private static Rational[,] RandomInvertible(Random rng, int n)
    {
        while (true)
        {
            var g = new Rational[n, n];
            for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) g[i, j] = new Rational(rng.Next(-5, 6), rng.Next(1, 4));
            if (Inverse(g) is { } inv) return g;
        }
    }

    private static Rational[,] Multiply(Rational[,] a, Rational[,] b)
    {
        int n = a.GetLength(0), k = a.GetLength(1), m = b.GetLength(1);
        var c = new Rational[n, m];
        for (int i = 0; i < n; i++) for (int j = 0; j < m; j++) { Rational s = 0; for (int t = 0; t < k; t++) s += a[i, t] * b[t, j]; c[i, j] = s; }
        return c;
    }

    private static Rational[,] Transpose(Rational[,] a)
    {
        var t = new Rational[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) t[j, i] = a[i, j];
        return t;
    }

    private static Rational[,] Subtract(Rational[,] a, Rational[,] b)
    {
        var c = new Rational[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) c[i, j] = a[i, j] - b[i, j];
        return c;
    }

    private static Rational[,] Diagonal(Rational[] d)
    {
        var m = new Rational[d.Length, d.Length];
        for (int i = 0; i < d.Length; i++) for (int j = 0; j < d.Length; j++) m[i, j] = i == j ? d[i] : 0;
        return m;
    }

    private static Rational FrobeniusSquared(Rational[,] a)
    {
        Rational s = 0;
        foreach (var e in a) s += e * e;
        return s;
    }

    /// <summary>Gauss–Jordan inverse, or null when singular.</summary>
    private static Rational[,]? Inverse(Rational[,] a)
    {
        int n = a.GetLength(0);
        var m = new Rational[n, 2 * n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { m[i, j] = a[i, j]; m[i, n + j] = i == j ? 1 : 0; }
        for (int c = 0; c < n; c++)
        {
            int piv = Enumerable.Range(c, n - c).FirstOrDefault(r => m[r, c] != Rational.Zero, -1);
            if (piv < 0) return null;
            for (int j = 0; j < 2 * n; j++) (m[c, j], m[piv, j]) = (m[piv, j], m[c, j]);
            var p = m[c, c];
            for (int j = 0; j < 2 * n; j++) m[c, j] /= p;
            for (int r = 0; r < n; r++)
                if (r != c && m[r, c] != Rational.Zero) { var f = m[r, c]; for (int j = 0; j < 2 * n; j++) m[r, j] -= f * m[c, j]; }
        }
        var inv = new Rational[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inv[i, j] = m[i, n + j];
        return inv;
    }

    /// <summary>A rotation of ℝ³ with rational entries: the (3, 4, 5) rotation about z times the (5, 12, 13) rotation about x.</summary>
    private static Rational[,] RationalRotation()
    {
        Rational c1 = new(3, 5), s1 = new(4, 5), c2 = new(5, 13), s2 = new(12, 13);
        var a = new Rational[,] { { c1, -s1, 0 }, { s1, c1, 0 }, { 0, 0, 1 } };
        var b = new Rational[,] { { 1, 0, 0 }, { 0, c2, -s2 }, { 0, s2, c2 } };
        return Multiply(a, b);
    }

    private static Rational[] Pack(Rational[,] x, Rational[,] z) => x.Cast<Rational>().Concat(z.Cast<Rational>()).ToArray();

    private static Matrix<double> ToDouble(Rational[,] a) => Matrix<double>.Build.Dense(a.GetLength(0), a.GetLength(1), (i, j) => (double)a[i, j]);
}
