using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using ScottPlot;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Specs of 003 §4.2–4.3 and Appendices D, E: the manifold M, the Hessian on it, properness of its eigenvalues.</summary>
public sealed class MinimaManifoldSpecs : ClaimSpec
{
    private static Real[] Reals(double[] x) => x.Select(v => (Real)v).ToArray();

    /// <summary>θ ∈ M up to rounding: the product is the optimal one (relative 10⁻⁸ — a sanity check of the sampler, not of a claim).</summary>
    private static bool OnMinima(DeepLinearNetwork net, double[] theta)
    {
        var product = ProductMap.Product<Real>(net.Widths, Reals(theta)).ToMatrix();
        var target = net.OptimalProduct();
        return (product - target).FrobeniusNorm() <= 1e-8 * Math.Max(1, target.FrobeniusNorm());
    }

    [Claim("lin.thm9-dim-M")]
    public void MinimaFormAManifoldOfTheStatedDimension()
    {
        var gaps = new List<double>(); int filling = 0, nonFilling = 0;
        bool Holds(NetworkCase c, Func<LayerWidths, int> claimedImageDimension, bool record)
        {
            var w = c.Layers;
            var net = c.Network();
            var theta = c.PointOnMinima(net);
            if (!OnMinima(net, theta)) return false;
            var gap = SpectralGap.Of(ProductMap.Jacobian<Real>(w, Reals(theta)).ToMatrix().Svd(false).S);
            if (record) { gaps.Add(gap.GapRatio / gap.NextGapRatio); if (w.IsFilling) filling++; else nonFilling++; }
            // M is a regular level set: rank dμ_d = dim M_r at θ ∈ M, so dim M = d_θ − rank dμ_d.
            return gap.Rank == claimedImageDimension(w) && w.ParameterCount - gap.Rank == w.ParameterCount - claimedImageDimension(w);
        }
        int DimMr(LayerWidths w) => w.Bottleneck * (w.Input + w.Output - w.Bottleneck);
        Evidence.Holds("rank dμ_d = r(d_i + d_o − r) at random points of M", Architectures(), c => Holds(c, DimMr, true), seed: 300, maxTest: 100);
        Evidence.Number("filling architectures checked", filling).Number("non-filling architectures checked", nonFilling)
                .Number("smallest ratio of the rank-deciding singular-value gap to the next-largest gap", gaps.Min(),
                        note: "how clearly the rank stands out: the gap that decides it is this many times larger than any other ratio of consecutive singular values");
        nonFilling.ShouldBeGreaterThan(10);
        Evidence.Note("Points of M: the optimal product (least squares when filling; the best rank-r product, [YXᵀ(XXᵀ)^{−½}]_r(XXᵀ)^{−½}, otherwise) factorized through the layers and moved by random gauges " +
                      "W_k ↦ G_kW_kG_{k−1}⁻¹ (condition numbers ~e^{±½·N(0,1)}). The rank of dμ_d is read off the largest gap of its singular values.");
        // Negative control: Proposition 35's printed \"r = min{d_i, d_o}\" in place of the bottleneck.
        Evidence.ControlFails("dim M_r computed with r = min{d_i, d_o} (non-filling architectures)", Architectures(), c => Holds(c, w => Math.Min(w.Input, w.Output) * Math.Max(w.Input, w.Output), false), seed: 300, maxTest: 100);
    }

    [Claim("lin.thm10-spectrum")]
    public void HessianSpectrumOnTheMinima()
    {
        var gaps = new List<double>();
        var worst = (Ratio: double.PositiveInfinity, Case: "");
        bool Holds(NetworkCase c, Func<LayerWidths, int> claimedPositive, bool record)
        {
            var w = c.Layers;
            var net = c.Network();
            var theta = c.PointOnMinima(net);
            if (!OnMinima(net, theta)) return false;
            var inertia = SpectralGap.InertiaOf(Sharpness.Spectrum(net.HessianAt(theta)));
            if (record)
            {
                gaps.Add(inertia.Gap.GapRatio);
                if (inertia.Gap.GapRatio < worst.Ratio) worst = (inertia.Gap.GapRatio, c.ToString());
            }
            int dimMr = claimedPositive(w);
            return inertia.Positive == dimMr && inertia.Zero == w.ParameterCount - dimMr && inertia.Negative == 0;
        }
        Evidence.Holds("H_L on M: dim M_r positive, dim M zero, no negative eigenvalues", Architectures(), c => Holds(c, w => w.ImageDimension, true), seed: 310, maxTest: 100);
        Evidence.Number("smallest gap ratio |λ| above / below the zero cluster", gaps.Min(), note: $"at {worst.Case}; zero eigenvalues are those below the largest gap of the sorted |λ|")
                .Number("median gap ratio", gaps.OrderBy(g => g).ElementAt(gaps.Count / 2));
        gaps.Min().ShouldBeGreaterThan(1e3);
        Evidence.ControlFails("dim M_r computed with r = min{d_i, d_o}", Architectures(), c => Holds(c, w => Math.Min(w.Input, w.Output) * Math.Max(w.Input, w.Output), false), seed: 310, maxTest: 100);
    }

    [Claim("lin.eq18")]
    public void HessianOnTheMinimaIsTheGaussNewtonTerm()
    {
        var rng = new Random(320);
        Evidence.Seed(320);
        static ScalarMatrix<Rational> GaussNewton(DeepLinearNetwork net, Rational[] theta, Rational factor)
        {
            var j = ProductMap.Jacobian<Rational>(net.Widths, theta);
            return j.Transpose() * (factor * net.FunctionalHessian<Rational>()) * j;
        }
        bool FillingHolds(Rational factor)
        {
            foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 1, 2, 1, 2 } })
                for (int s = 0; s < 3; s++)
                {
                    var net = DyadicNetwork(new LayerWidths(d), d[0] + 2, rng);
                    var theta = ExactPointOnMinima(net, rng);
                    if (!ToScalarMatrix(net.Hessian<Rational>(theta)).Equals(GaussNewton(net, theta, factor))) return false;
                }
            return true;
        }
        FillingHolds(1).ShouldBeTrue();
        // Non-filling [2,1,2], X = I, Y = diag(2, 1): the best rank-1 product is W̄₁ = diag(2, 0) (rational), so exact points of M are
        // W₁ = (g, 0), W₂ = (2/g, 0)ᵀ. There dl(W̄₁) = −2(Y − W̄₁) = −2·diag(0, 1) ≠ 0, and the second term of (7) does not vanish.
        var nonFilling = new DeepLinearNetwork(new LayerWidths(2, 1, 2), new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 2, 0 }, { 0, 1 } });
        var rows = new List<object[]>();
        bool anyDifference = false;
        foreach (var g in new Rational[] { 1, 2, new(1, 3), -5 })
        {
            Rational[] theta = [g, 0, 2 / g, 0];
            nonFilling.Gradient<Rational>(theta).All(v => v.IsZero).ShouldBeTrue();
            nonFilling.Value<Rational>(theta).ShouldBe((Rational)1); // min L = l(W̄₁) = 1
            var diff = ToScalarMatrix(nonFilling.Hessian<Rational>(theta)) - GaussNewton(nonFilling, theta, 1);
            var second = ProductMap.Curvature(nonFilling.Widths, theta, ScalarMatrix<Rational>.Identity(2), nonFilling.FunctionalGradient(ProductMap.Product<Rational>(nonFilling.Widths, theta)));
            diff.ShouldBe(second); // (7) holds; its second term is what (18) drops
            anyDifference |= !diff.IsZero();
            var spectrum = SpectralGap.InertiaOf(Sharpness.Spectrum(nonFilling.HessianAt(theta.Select(v => (double)v).ToArray())));
            rows.Add([g.ToString(), diff.IsZero() ? "0" : diff.ToString(), spectrum.Positive, spectrum.Zero, spectrum.Negative]);
        }
        anyDifference.ShouldBeTrue();
        Rational[] at1 = [1, 0, 2, 0];
        var entry = (ToScalarMatrix(nonFilling.Hessian<Rational>(at1)) - GaussNewton(nonFilling, at1, 1))[1, 3];
        Evidence.Table("Non-filling [2,1,2], X = I, Y = diag(2, 1), θ = (W₁ = (g, 0), W₂ = (2/g, 0)ᵀ) ∈ M: H_L − dμᵀhdμ (exact) and the inertia of H_L",
            ["g", "H_L − dμ_dᵀ h dμ_d", "positive", "zero", "negative"], rows);
        Evidence.Counterexample("[2,1,2], X = I, Y = diag(2, 1), θ = (W₁ = (1, 0), W₂ = (2, 0)ᵀ) ∈ M: ∇L(θ) = 0 but dl(μ_d(θ)) = −2·diag(0, 1) ≠ 0, and " +
                                "H_L(θ) − dμ_d(θ)ᵀhdμ_d(θ) = dl(μ_d(θ))∘d²μ_d(θ) has the entry " + entry + " at the pair ((W₁)₁₂, (W₂)₂₁) (and its mirror): (18) fails.");
        Evidence.Note("The counterexample meets every hypothesis: one hidden layer (h = 2), XXᵀ = I of full rank (whitened, so no formula for W̄₀ is in question), " +
                      "singular values 2, 1 of W̄₀ = Y distinct and positive (Theorem 38), non-filling (r = 1 < 2). Appendix E and the proof of Theorem 10 do not restrict (18) to filling architectures.");
        Evidence.Erratum(
            "The second term of (7) is dl(μ_d(θ))∘d²μ_d(θ); ∇L(θ) = dl∘dμ_d = 0 does not make it vanish. It vanishes in the filling case (dl(W̄₀) = 0), " +
            "but in the non-filling case the optimal product W̄_r is only critical for l restricted to M_r and dl(W̄_r) ≠ 0.",
            "Filling: (18) H_L = dμ_dᵀ h dμ_d on M, h = 2(I ⊗ XXᵀ) (checked exactly at exact points of M for [2,3,2] and [1,2,1,2]). Non-filling: H_L = dμ_dᵀ h dμ_d + dl(W̄_r)∘d²μ_d on M; " +
            "Theorem 10's counts still hold (the table; and lin.thm10-spectrum over random non-filling architectures), but not by the printed argument.");
        Evidence.NegativeControl("(18) with h halved (d²l of ½‖Y − WX‖² for the unscaled loss)", FillingHolds(new Rational(1, 2)));
    }

    [Claim("lin.thm12-proper")]
    public void NonzeroEigenvaluesAreProperOnTheMinima()
    {
        // Exact family on [1,1,2]: at θ(a) = (a, 1/a, 1/a) ∈ M, H_L v = 2a² v for v = (0, a, −a) — so 2a² is a non-zero eigenvalue, and the other is 2a² + 4/a².
        var rows = new List<object[]>();
        foreach (int k in new[] { 0, 2, 4, 8, 16 })
        {
            Rational a = new(1, System.Numerics.BigInteger.Pow(2, k));
            var theta = WideOutputMinimizer(a);
            var h = ToScalarMatrix(WideOutput.Hessian<Rational>(theta));
            Rational[] v = [0, a, -a];
            h.Apply(v).ShouldBe(v.Select(x => 2 * a * a * x).ToArray());
            Rational[] u = [2 / a, a, a]; // the other: dμ_dᵀ(1, 1), eigenvalue 2a² + 4/a²
            h.Apply(u).ShouldBe(u.Select(x => (2 * a * a + 4 / (a * a)) * x).ToArray());
            WideOutput.Gradient<Rational>(theta).All(x => x.IsZero).ShouldBeTrue();
            double norm = Math.Sqrt(theta.Sum(x => (double)(x * x)));
            // Appendix E.2, eq. (27) with h = 2: R_i(θ) = (‖θ‖²F_i(θ))² − ‖θ‖²F_i(θ/‖θ‖)², F_i = μ_{d,i} − c_i, c = W̄₀ = (1, 1)ᵀ; exact, since μ_{d,i}(θ/‖θ‖) = μ_{d,i}(θ)/‖θ‖².
            Rational n2 = theta.Aggregate(Rational.Zero, (acc, x) => acc + x * x);
            var product = ProductMap.Product<Rational>(WideOutput.Widths, theta);
            Rational r1 = n2 * n2 * (product[0, 0] - 1) * (product[0, 0] - 1) - n2 * (product[0, 0] / n2 - 1) * (product[0, 0] / n2 - 1);
            rows.Add([$"2^-{k}", norm, (double)(2 * a * a), (double)(2 * a * a + 4 / (a * a)), (double)r1]);
            if (k > 0) r1.ShouldBeLessThan(-n2 / 2); // R_i → −∞: not bounded below
        }
        Evidence.Table("[1,1,2], (1 − ab)² + (1 − ac)²: non-zero Hessian eigenvalues at θ(a) = (a, 1/a, 1/a) ∈ M (exact eigenvectors), and the term R₁ = R₂ of the proof (eq. 27)",
            ["a", "‖θ(a)‖", "λ_min = 2a²", "λ_max = 2a² + 4/a²", "R_i(θ(a)) = −‖θ‖²(1 − ‖θ‖⁻²)²"], rows);
        Evidence.Counterexample("[1,1,2] with X = 1, Y = (1, 1)ᵀ: along θ(a) = (a, 1/a, 1/a) ∈ M with a → 0, ‖θ(a)‖ → ∞ while the non-zero eigenvalue λ_min = 2a² → 0, " +
                                "so λ_min⁻¹([0, k]) ⊇ {θ(a) : 0 < |a| ≤ (k/2)^½} is unbounded, not compact, for every k > 0.");
        Evidence.Figure("Non-zero Hessian eigenvalues along M of the [1,1,2] network", EigenvalueFigure(), caption:
            "θ(a) = (a, 1/a, 1/a), a from 2⁻⁶ to 2⁶: λ_max = 2a² + 4/a² grows in both directions (proper). λ_min = 2a² grows with it as a → ∞ (upper branch, the two curves overlap) but tends to 0 as a → 0 (lower branch), where ‖θ‖ → ∞ too.");

        // Property over random filling architectures (depth 2–4, widths 1–4) and diagonal gauge sequences θ(t) = (unit j of hidden layer k scaled by t^{e_kj}):
        // on M (filling) the non-zero eigenvalues are the squared singular values of h^{½}dμ_d. Growth = log-slope of λ in t between t = 8 and t = 32.
        var cases = Architectures(minDepth: 2, maxDepth: 4, maxWidth: 4).Filter(c => c.Layers.IsFilling);
        bool Grows(NetworkCase c, bool smallest)
        {
            var (lo, hi) = EigenvaluesAlongGauge(c, 8, 32);
            double slope = Math.Log(smallest ? hi[^1] / lo[^1] : hi[0] / lo[0]) / Math.Log(4);
            return slope >= 0.5;
        }
        Evidence.Fails("every non-zero eigenvalue (in particular λ_min) grows along θ(t) → ∞ in M", cases, c => Grows(c, smallest: true), seed: 330, maxTest: 60);
        Evidence.Holds("λ_max grows along θ(t) → ∞ in M", cases, c => Grows(c, smallest: false), seed: 330, maxTest: 60);
        Evidence.Note("Reading used: λᵢ is any one of the non-zero eigenvalues (with multiplicity), in any order — Theorem 47 says \"each non-zero λᵢ\", and Appendix E.2 proves it for the " +
                      "smallest, λ_m, explicitly. The counterexample meets every hypothesis: one hidden layer (h = 2), filling, XXᵀ = 1 of full rank, W̄₀ = (1, 1)ᵀ with the single positive singular value √2.");
        Evidence.Erratum(
            "Only the largest non-zero eigenvalue is proper on M in general: with a hidden layer and dim M_r ≥ 2, rescaling a hidden unit (W_k row × t^{−1}, W_{k+1} column × t) " +
            "drives ‖θ‖ → ∞ while the smallest non-zero eigenvalue tends to 0. The proof's claim that each R_i(θ) of eq. (27) is bounded below holds direction by direction but not uniformly: " +
            "along θ(a) ∈ M, R_i(θ(a)) = −‖θ(a)‖²(1 − ‖θ(a)‖⁻²)² → −∞ (exact, table), cancelling the growth of ‖θ‖^{2(h−1)}λ̃(θ/‖θ‖).",
            "λ_max: M → ℝ is proper (exactly on [1,1,2]; and its log-slope along random gauge sequences on random filling architectures is ≥ ½ in every case), and every non-zero λᵢ is proper when " +
            "dim M_r = 1 (d_i = d_o = 1: a single non-zero eigenvalue); the smallest non-zero eigenvalue can have infimum 0 on M (exactly: 2a² on [1,1,2]).");
        // Negative control: the same growth check along a sequence that does not go to infinity (all gauge exponents 0) must fail.
        Evidence.ControlFails("λ_max 'grows' along a bounded (constant) sequence in M", cases, c =>
        {
            var (lo, hi) = EigenvaluesAlongGauge(c, 8, 32, constant: true);
            return Math.Log(hi[0] / lo[0]) / Math.Log(4) >= 0.5;
        }, seed: 330, maxTest: 60);
    }

    [Claim("lin.cor13")]
    public void LargeStepsMeetHighCurvature()
    {
        // ½(1 − xy)²: λ = x² + y² = a² + a⁻² ≥ 2 on M, so ηᵢ = ½ and λ⁻¹([0, 1/η]) = ∅ exactly when η > ½.
        static bool ToyPreimageEmpty(Rational eta)
        {
            // λ(a) ≤ 1/η has a solution iff min λ = 2 ≤ 1/η: (a − 1/a)² ≥ 0 gives λ ≥ 2, attained at a = 1.
            var lamAtOne = ScalarFactorization.Instance.Hessian<Rational>([1, 1]);
            var atOne = lamAtOne[0, 0] + lamAtOne[1, 1]; // trace = the non-zero eigenvalue on M
            return !(atOne <= 1 / eta);
        }
        bool ToyHolds(Rational etaI) => new Rational[] { new(1, 10), new(2, 5), new(9, 20), new(51, 100), new(3, 5), 1, 10 }.All(eta => eta <= etaI || ToyPreimageEmpty(eta));
        ToyHolds(new Rational(1, 2)).ShouldBeTrue();
        ToyPreimageEmpty(new Rational(49, 100)).ShouldBeFalse();
        // [1,1,2]: λ_min(θ(a)) = 2a² takes every value in (0, ∞): for every η the preimage λ_min⁻¹([0, 1/η]) contains θ(a) with 2a² ≤ 1/η.
        var rows = new List<object[]>();
        foreach (var eta in new Rational[] { 1, 10, 1000, 1_000_000 })
        {
            Rational a = 1;
            while (2 * a * a > 1 / eta) a /= 2;
            var theta = WideOutputMinimizer(a);
            var h = ToScalarMatrix(WideOutput.Hessian<Rational>(theta));
            Rational[] v = [0, a, -a];
            h.Apply(v).ShouldBe(v.Select(x => 2 * a * a * x).ToArray());
            rows.Add([eta.ToString(), a.ToString(), (double)(2 * a * a), (double)(1 / eta)]);
        }
        Evidence.Table("[1,1,2]: a point of λ_min⁻¹([0, 1/η]) for every η (exact eigenvector)", ["η", "a", "λ_min(θ(a)) = 2a²", "1/η"], rows);
        // λ_max on [1,1,2]: 2a² + 4/a² ≥ 4√2 (AM–GM), attained at a² = √2: η_max = 1/(4√2).
        var critical = CriticalStepSizes.Compute(WideOutput, starts: 2, seed: 340, bounds: [1, 2, 4]);
        Evidence.NumberWithin("[1,1,2]: min_M λ_max (Nelder–Mead on M)", critical.LargestEigenvalue.Value, 4 * Math.Sqrt(2), 1e-6);
        critical.LargestEigenvalue.Attained.ShouldBeTrue();
        critical.SmallestNonzeroEigenvalue.Attained.ShouldBeFalse();
        Evidence.Counterexample("[1,1,2], i = the smallest non-zero eigenvalue: λ_min takes every value 2a² > 0 on M, so λ_min⁻¹([0, 1/η]) ≠ ∅ for every η > 0 (exact points in the table): no ηᵢ exists.");
        Evidence.Note("Reading used: \"each i-th eigenvalue of H_L not equal to zero\" includes the smallest non-zero one; the interval [0, 1/η] as printed (with 2/η in place of 1/η the counterexample is the same).");
        Evidence.Erratum(
            "For the smallest non-zero eigenvalue no ηᵢ need exist: λ_min is not proper (lin.thm12-proper) and its infimum 0 on M is not attained.",
            "The corollary holds for λ_max (min_M λ_max is attained: 4√2 on [1,1,2], 2 on ½(1 − xy)² with ηᵢ = ½ exactly) and for every non-zero eigenvalue when dim M_r = 1.");
        Evidence.NegativeControl("ηᵢ = 1/2.5 for ½(1 − xy)² (a wrong minimum of λ): the same exact check finds (1, 1) ∈ λ⁻¹([0, 1/η]) at η = 0.45 > ηᵢ", ToyHolds(new Rational(2, 5)));
    }

    [Claim("lin.eq19-lambda-m")]
    public void SmallestNonzeroEigenvalueAsAnInfimum()
    {
        // ½(1 − xy)² at (1, 1): dμ_d = (y, x) = (1, 1), h = d²l = 1, ker dμ_d = span(1, −1); H_L = [[1, 1], [1, 1]], non-zero eigenvalue 2.
        static Rational Quadratic(Rational e1, Rational e2) { var m = e1 + e2; return m * m; } // ‖(dμe)ᵀh(dμe)‖
        // Exact unit vectors e_s = ((1 − s²)/(1 + s²), 2s/(1 + s²)) with s → 1 − √2 (the kernel direction): Pell convergents −p/q.
        var rows = new List<object[]>();
        var pell = new (long P, long Q)[] { (2, 5), (5, 12), (12, 29), (29, 70), (70, 169), (169, 408), (408, 985) };
        foreach (var (p, q) in pell)
        {
            Rational s = new(-p, q);
            Rational e1 = (1 - s * s) / (1 + s * s), e2 = 2 * s / (1 + s * s);
            (e1 * e1 + e2 * e2).ShouldBe(Rational.One);
            (e1 + e2).IsZero.ShouldBeFalse(); // e ∉ ker dμ_d
            rows.Add([$"−{p}/{q}", (double)Quadratic(e1, e2)]);
        }
        Evidence.Table("Unit e_s ∉ ker dμ_d(1, 1) (exact) approaching the kernel: (dμe)ᵀh(dμe) → 0", ["s", "(dμ_d e)ᵀ h (dμ_d e)"], rows);
        double sweepMin = Enumerable.Range(0, 1_000_000).Select(k => 2 * Math.PI * (k + 0.5) / 1_000_000).Min(phi => Math.Pow(Math.Cos(phi) + Math.Sin(phi), 2));
        Evidence.Number("inf over 10⁶ angles of unit e ∉ ker (printed (19))", sweepMin, note: "the infimum over e ∉ ker is 0: e can approach the kernel");
        double lambdaM = Sharpness.Spectrum(ScalarFactorization.Instance.HessianAt([1, 1]))[1];
        Evidence.Number("smallest non-zero eigenvalue of H_L(1, 1)", lambdaM, 2);
        (sweepMin < lambdaM / 1e6).ShouldBeTrue();
        // Corrected: e ranges over the unit vectors orthogonal to ker dμ_d: here e = ±(1, 1)/√2, value 2 = λ_m; and on [1,1,2] at a random point of M.
        bool CorrectedHolds(bool orthogonalToKernel)
        {
            var theta = WideOutputMinimizer(new Rational(3, 2)).Select(v => (double)v).ToArray();
            var j = ProductMap.Jacobian<Real>(WideOutput.Widths, theta.Select(v => (Real)v).ToArray()).ToMatrix();
            var h = WideOutput.FunctionalHessian<Real>().ToMatrix();
            var gn = j.Transpose() * h * j;
            var svd = j.Svd(true);
            int rank = SpectralGap.Of(svd.S).Rank;
            // Orthonormal basis of (ker dμ)^⊥ (the row space) or of ker dμ.
            var basis = orthogonalToKernel ? svd.VT.SubMatrix(0, rank, 0, j.ColumnCount).Transpose() : svd.VT.SubMatrix(rank, j.ColumnCount - rank, 0, j.ColumnCount).Transpose();
            double inf = (basis.Transpose() * gn * basis).Evd(Symmetricity.Symmetric).EigenValues.Min(z => z.Real);
            double smallestNonzero = CriticalStepSizes.NonzeroEigenvalues(WideOutput, theta)[^1];
            return Math.Abs(inf - smallestNonzero) <= 1e-12 * smallestNonzero;
        }
        CorrectedHolds(true).ShouldBeTrue();
        Evidence.Note("Most likely a misprint of \"e ⊥ ker dμ_d(θ)\" (the corrected statement); as printed the infimum is 0 wherever ker dμ_d(θ) ≠ {0}, i.e. at every point of M when dim M > 0, " +
                      "which would make λ_m ≡ 0 on M and the properness argument of Appendix E.2 void.");
        Evidence.Erratum(
            "Over unit e merely outside ker dμ_d the infimum is 0, not λ_m: e may approach the kernel (exact sequence above; 10⁶-angle sweep gives ≈ 10⁻¹¹ at (1, 1) where λ_m = 2).",
            "λ_m(θ) = min over unit e ⊥ ker dμ_d(θ) of (dμ_d e)ᵀh(dμ_d e) (attained; e = (1, 1)/√2 gives 2 at (1, 1); on [1,1,2] at θ(3/2) it equals the smallest non-zero Hessian eigenvalue to 10⁻¹²). " +
            "(S^{d_θ} should also read S^{d_θ−1}, the unit sphere of ℝ^{d_θ}.)");
        Evidence.NegativeControl("the infimum taken over unit e in ker dμ_d instead of orthogonal to it", CorrectedHolds(false));
    }

    [Claim("lin.homogeneity")]
    public void DifferentialOfTheProductMapIsHomogeneous()
    {
        var rng = new Random(360);
        Evidence.Seed(360);
        bool Holds(Func<int, int> exponent)
        {
            foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 1, 2, 2, 1 }, new[] { 2, 1, 1, 1, 2 } })
            {
                var w = new LayerWidths(d);
                var net = DyadicNetwork(w, d[0] + 1, rng);
                for (int s = 0; s < 4; s++)
                {
                    var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => RandomRational(rng)).ToArray();
                    var c = RandomRational(rng); if (c.IsZero) c = 3;
                    var scaled = theta.Select(v => c * v).ToArray();
                    var ck = Scalar.Pow(c, exponent(w.Depth));
                    var j = ProductMap.Jacobian<Rational>(w, theta); var jc = ProductMap.Jacobian<Rational>(w, scaled);
                    if (!jc.Equals(ck * j)) return false;
                    var h = net.FunctionalHessian<Rational>();
                    if (!(jc.Transpose() * h * jc).Equals((ck * ck) * (j.Transpose() * h * j))) return false; // Gauss–Newton: λ(cθ) = c^{2(h−1)}λ(θ)
                }
            }
            return true;
        }
        Holds(h => h - 1).ShouldBeTrue();
        Evidence.Note("Exact: dμ_d(cθ) = c^{h−1}dμ_d(θ) and dμ_d(cθ)ᵀh dμ_d(cθ) = c^{2(h−1)}dμ_d(θ)ᵀh dμ_d(θ) (so every Gauss–Newton eigenvalue scales by c^{2(h−1)}) at 4 random rational θ, c for [2,3,2], [1,2,2,1], [2,1,1,1,2].");
        Evidence.NegativeControl("dμ_d(cθ) = c^h dμ_d(θ)", Holds(h => h));
    }

    /// <summary>
    /// Non-zero Hessian eigenvalues (descending) on M of a filling network at θ(t₁) and θ(t₂) along a diagonal gauge sequence with
    /// exponents in {−1, 0, 1} drawn from the case's seed: squared singular values of h^{½}dμ_d (eq. 18 holds when filling).
    /// </summary>
    private static (double[] Low, double[] High) EigenvaluesAlongGauge(NetworkCase c, double t1, double t2, bool constant = false)
    {
        var w = c.Layers;
        var net = c.Network();
        var theta0 = c.PointOnMinima(net);
        var rng = new Random(c.Seed + 3);
        var exponents = Enumerable.Range(1, w.Depth - 1).Select(k => Enumerable.Range(0, w[k]).Select(_ => rng.Next(-1, 2)).ToArray()).ToList();
        if (exponents.All(e => e.All(x => x == 0))) exponents[0][0] = -1;
        if (constant) foreach (var e in exponents) Array.Clear(e);
        var hHalf = SymmetricFunctions.Power(net.FunctionalHessian<Real>().ToMatrix(), 0.5);
        double[] Eigen(double t)
        {
            var th = ProductFibre.ScaledByUnits(w, theta0, exponents, t);
            var j = ProductMap.Jacobian<Real>(w, Reals(th)).ToMatrix();
            return (hHalf * j).Svd(false).S.Take(w.ImageDimension).Select(s => s * s).ToArray();
        }
        return (Eigen(t1), Eigen(t2));
    }

    private static Plot EigenvalueFigure()
    {
        var plot = Figures.New("[1,1,2]: non-zero eigenvalues of H_L along M", "‖θ(a)‖", "eigenvalue");
        var a = Enumerable.Range(0, 241).Select(i => Math.Pow(2, -6 + 12.0 * i / 240)).ToArray();
        var norm = a.Select(x => Math.Log10(Math.Sqrt(x * x + 2 / (x * x)))).ToArray();
        Figures.Line(plot, norm, a.Select(x => Math.Log10(2 * x * x + 4 / (x * x))).ToArray(), "λ_max = 2a² + 4/a²", Colors.Red);
        Figures.Line(plot, norm, a.Select(x => Math.Log10(2 * x * x)).ToArray(), "λ_min = 2a²", Colors.Blue);
        var mark = new[] { 0.25, 1.0 / 16 };
        Figures.Points(plot, mark.Select(x => Math.Log10(Math.Sqrt(x * x + 2 / (x * x)))).ToArray(), mark.Select(x => Math.Log10(2 * x * x)).ToArray(), "a → 0: ‖θ‖ → ∞, λ_min → 0", Colors.Black, 6);
        plot.XLabel("log₁₀ ‖θ(a)‖");
        plot.YLabel("log₁₀ eigenvalue");
        plot.Legend.Alignment = Alignment.LowerLeft;
        return plot;
    }
}
