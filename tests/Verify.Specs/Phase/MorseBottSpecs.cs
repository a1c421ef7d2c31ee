using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.Phase;

/// <summary>
/// seeds/000_e93ee7fa783263bf.txt, complement "Same local picture for a smooth loss": the Morse–Bott
/// coordinates w = p(t) + Q(t)n and the linearized GD dynamics across a valley of minimizers, on the toy
/// and on three other losses (one of codimension 2).
/// </summary>
public sealed class MorseBottSpecs : ClaimSpec
{
    /// <summary>A loss with a valley of minimizers, a chart of the valley and a reference parameter.</summary>
    public sealed record Valley(string Name, MinimizerValley Manifold)
    {
        public override string ToString() => Name;
    }

    private static readonly Valley Sphere = new("¼(‖w‖² − 1)² on ℝ³, S = unit sphere (r = 1)",
        new MinimizerValley(new SphereWell(3), new StereographicSphereChart(3), [0.3, -0.2]));

    private static readonly Valley Triple = new("½(xyz − 1)², S = {xyz = 1} (r = 1)",
        new MinimizerValley(new ProductFactorization(3), new ProductLevelSetChart(3), [1.2, 0.7]));

    private static readonly Valley TwoOutputs = new("½‖x(y, z) − (1, 1)‖², S = {(c, 1/c, 1/c)} (r = 2)",
        new MinimizerValley(new RankOneFactorization(new double[,] { { 1, 1 } }), new ScalingOrbitChart([1], [1, 1]), [1.3]));

    private static readonly Valley Toy = new("½(1 − xy)², S = {xy = 1} (r = 1)",
        new MinimizerValley(ScalarFactorization.Instance, new ProductLevelSetChart(2), [1.5]));

    private static readonly Valley[] Valleys = [Sphere, Triple, TwoOutputs, Toy];

    /// <summary>Seeded parameters near each valley's reference (within ±0.3 per coordinate).</summary>
    private static IEnumerable<double[]> Parameters(Valley v, Random rng, int count) =>
        Enumerable.Range(0, count).Select(_ => v.Manifold.Reference.Select(r => r + 0.6 * rng.NextDouble() - 0.3).ToArray());

    private static Vector<double> RandomUnit(Random rng, int r)
    {
        var u = Vector<double>.Build.Dense(r, _ => rng.NextDouble() - 0.5);
        return u / u.L2Norm();
    }

    private static Vector<double> V(double[] a) => Vector<double>.Build.DenseOfArray(a);

    private static readonly Vector<double> One = Vector<double>.Build.Dense(1, 1.0);

    [Claim("phase.general-taylor")]
    public void LossIsQuadraticAcrossTheValley()
    {
        var rng = new Random(31);
        Evidence.Seed(31);
        var rows = new List<object[]>();
        bool taylorHolds = true, noHalfHolds = true, tangentFramePositive = true;
        double worstRatio = 0;
        foreach (var v in Valleys)
        {
            var m = v.Manifold;
            double minEig = double.PositiveInfinity, maxRatio = 0;
            foreach (var t in Parameters(v, rng, 5))
            {
                var h = m.NormalHessian(t);
                minEig = Math.Min(minEig, m.NormalSpectrum(t)[0]);
                var p = m.Point(t);
                var u = RandomUnit(rng, m.Codimension);
                var dir = (m.Normals(t) * u).ToArray();
                // d^k/dε^k L(p + εQu) at ε = 0: L⋆ = 0, no linear term, second derivative uᵀHu.
                var d = AutoDiff.DirectionalDerivatives<Real>(m.Loss, Scalar.FromDoubles<Real>(p), Scalar.FromDoubles<Real>(dir), 3);
                double quad = u * (h * u);
                taylorHolds &= Math.Abs(d[0]) <= 1e-14 && Math.Abs(d[1]) <= 1e-12 && Math.Abs(d[2] - quad) <= 1e-10 * Math.Max(1, quad);
                noHalfHolds &= Math.Abs(d[2] / 2 - quad) <= 1e-10 * Math.Max(1, quad);
                // Remainder L − ½ε²uᵀHu over ε³ at ε = 10⁻¹ … 10⁻⁴.
                for (int j = 1; j <= 4; j++)
                {
                    double eps = Math.Pow(10, -j);
                    double remainder = m.Loss.ValueAt(m.Embed(t, (u * eps).ToArray())) - 0.5 * eps * eps * quad;
                    maxRatio = Math.Max(maxRatio, Math.Abs(remainder) / (eps * eps * eps));
                }
                // The same restriction with a tangent frame is 0 (flat along the valley), never positive definite.
                if (m.Chart.Dimension > 0)
                {
                    var tangent = m.Chart.JacobianAt(t).Column(0);
                    tangent /= tangent.L2Norm();
                    tangentFramePositive &= tangent * (m.Loss.HessianAt(p) * tangent) > 1e-8;
                }
            }
            worstRatio = Math.Max(worstRatio, maxRatio);
            rows.Add([v.Name, minEig, maxRatio]);
            minEig.ShouldBeGreaterThan(0);
        }
        taylorHolds.ShouldBeTrue();
        Evidence.Table("Taylor expansion across the valley at 5 random t per loss (random unit normal directions u)", ["loss", "min eigenvalue of H(t)", "max |L − ½ε²uᵀH(t)u| / ε³, ε = 10⁻¹…10⁻⁴"], rows);
        Evidence.Number("largest fitted cubic constant", worstRatio, note: "bounded: the remainder is O(‖n‖³)");
        worstRatio.ShouldBeLessThan(100);
        // The curvatures the inventory lists, at one point each.
        Evidence.NumberWithin("sphere: H(t) (claimed ≡ 2)", Sphere.Manifold.NormalHessian([0.1, 0.4])[0, 0], 2, 1e-12);
        var q = Triple.Manifold.Point([1.1, 0.8]);
        Evidence.NumberWithin("½(xyz − 1)²: H at (1.1, 0.8, 1/0.88), claimed y²z² + x²z² + x²y²", Triple.Manifold.NormalHessian([1.1, 0.8])[0, 0],
            q[1] * q[1] * q[2] * q[2] + q[0] * q[0] * q[2] * q[2] + q[0] * q[0] * q[1] * q[1], 1e-12);
        var toy = Toy.Manifold.Point([1.5]);
        Evidence.NumberWithin("toy: H at (1.5, 2/3), claimed x² + y²", Toy.Manifold.NormalHessian([1.5])[0, 0], toy[0] * toy[0] + toy[1] * toy[1], 1e-12);
        var spectrum = TwoOutputs.Manifold.NormalSpectrum([1.3]);
        Evidence.NumberWithin("codimension 2 at c = 1.3: λ_min (derived c²)", spectrum[0], 1.69, 1e-12)
            .NumberWithin("codimension 2 at c = 1.3: λ_max (derived c² + 2/c²)", spectrum[1], 1.69 + 2 / 1.69, 1e-12);
        Evidence.NegativeControl("L = L⋆ + nᵀH(t)n (without the ½)", noHalfHolds);
        Evidence.NegativeControl("the Hessian restricted to a tangent direction is positive (no flat valley)", tangentFramePositive);
    }

    [Claim("phase.general-projection")]
    public void TangentProjectorAndSmoothNormalFrame()
    {
        // Exactly, in rationals: P_T² = P_T, P_Tᵀ = P_T, P_T Dp = Dp, P_N Dp = 0, trace P_N = r (the rank of a projector).
        var rng = new Random(32);
        Evidence.Seed(32);
        var rows = new List<object[]>();
        bool unnormalizedIdempotent = true;
        foreach (var v in Valleys)
        {
            var chart = v.Manifold.Chart;
            int exactChecks = 0;
            for (int i = 0; i < 20; i++)
            {
                var t = v.Manifold.Reference.Select(r => Rational.FromDouble(r) + new Rational(rng.Next(-300, 301), 1000)).ToArray();
                var p = ScalarMatrix<Rational>.FromArray(chart.TangentProjector<Rational>(t));
                var dp = ScalarMatrix<Rational>.FromArray(chart.Jacobian<Rational>(t));
                var pn = ScalarMatrix<Rational>.FromArray(chart.NormalProjector<Rational>(t));
                (p * p).ShouldBe(p);
                p.Transpose().ShouldBe(p);
                (p * dp).ShouldBe(dp);
                (pn * dp).IsZero().ShouldBeTrue();
                pn.Trace().ShouldBe((Rational)chart.Codimension);
                var wrong = dp * dp.Transpose(); // Dp Dpᵀ without (DpᵀDp)⁻¹
                unnormalizedIdempotent &= (wrong * wrong).Equals(wrong);
                exactChecks++;
            }
            // Q(t): orthonormal, spans the normal space (QQᵀ = P_N), and Lipschitz along a path of parameters.
            double worstOrtho = 0, lipschitz = 0;
            var t0 = v.Manifold.Reference;
            var dirT = Enumerable.Range(0, t0.Length).Select(_ => rng.NextDouble() - 0.5).ToArray();
            Matrix<double>? previous = null;
            for (int s = 0; s <= 200; s++)
            {
                var t = t0.Select((a, k) => a + 0.6 * (s / 200.0 - 0.5) * dirT[k]).ToArray();
                var q = v.Manifold.Normals(t);
                var pn = chart.NormalProjectorAt(t);
                worstOrtho = Math.Max(worstOrtho, (q.TransposeThisAndMultiply(q) - Matrix<double>.Build.DenseIdentity(q.ColumnCount)).InfinityNorm());
                worstOrtho = Math.Max(worstOrtho, (q.TransposeAndMultiply(q) - pn).InfinityNorm());
                if (previous is not null) lipschitz = Math.Max(lipschitz, (q - previous).InfinityNorm() / (0.6 / 200 * V(dirT).InfinityNorm()));
                previous = q;
            }
            rows.Add([v.Name, exactChecks, string.Join(", ", v.Manifold.Frame.Axes.Select(a => $"e{a + 1}")), worstOrtho, lipschitz]);
            worstOrtho.ShouldBeLessThan(1e-12);
            lipschitz.ShouldBeLessThan(50);
        }
        Evidence.Table("Projectors (exact, 20 random rational t each) and the normal frame along a path of 201 parameters",
            ["valley", "exact checks passed", "fixed axes of the frame", "max ‖QᵀQ − I‖, ‖QQᵀ − P_N‖", "max ‖ΔQ‖/‖Δt‖ (no jumps)"], rows);
        Evidence.NegativeControl("Dp Dpᵀ (without (DpᵀDp)⁻¹) is a projector", unnormalizedIdempotent);
    }

    [Claim("phase.general-coordinates")]
    public void TangentAndNormalColumnsAreCoordinates()
    {
        var rng = new Random(33);
        Evidence.Seed(33);
        var rows = new List<object[]>();
        bool tangentColumnsInvertible = true;
        foreach (var v in Valleys)
        {
            var m = v.Manifold;
            double minSingular = double.PositiveInfinity, worstRoundTrip = 0, worstOnS = 0;
            foreach (var t in Parameters(v, rng, 10))
            {
                var dp = m.Chart.JacobianAt(t);
                var q = m.Normals(t);
                var basis = dp.Append(q);
                minSingular = Math.Min(minSingular, basis.Svd().S.Minimum());
                // Replacing the normal columns by tangent ones gives no basis.
                var tangentOnly = dp.Append(Matrix<double>.Build.Dense(dp.RowCount, q.ColumnCount, (i, _) => dp[i, 0]));
                tangentColumnsInvertible &= tangentOnly.Svd().S.Minimum() > 1e-8;
                worstOnS = Math.Max(worstOnS, Math.Abs(m.Loss.ValueAt(m.Embed(t, new double[m.Codimension]))));
                var n = (RandomUnit(rng, m.Codimension) * 1e-2).ToArray();
                var guess = t.Select(a => a + 0.01).ToArray();
                var (t2, n2) = m.Coordinates(m.Embed(t, n), guess);
                worstRoundTrip = Math.Max(worstRoundTrip, Math.Max(t2.Zip(t).Max(z => Math.Abs(z.First - z.Second)), n2.Zip(n).Max(z => Math.Abs(z.First - z.Second))));
            }
            rows.Add([v.Name, minSingular, worstRoundTrip, worstOnS]);
            minSingular.ShouldBeGreaterThan(1e-3);
            worstRoundTrip.ShouldBeLessThan(1e-12);
            worstOnS.ShouldBeLessThan(1e-15);
        }
        Evidence.Table("[Dp(t) | Q(t)] at 10 random t per valley; (t, n) recovered from w = p(t) + Q(t)n, ‖n‖ = 1e-2, starting the inverse from t + 0.01",
            ["valley", "min singular value of [Dp | Q]", "max round-trip error", "max L on n = 0"], rows);
        Evidence.NegativeControl("[Dp | tangent vectors] is a basis", tangentColumnsInvertible);
    }

    [Claim("phase.general-hessian-normal")]
    public void GradientIsNormalToFirstOrder()
    {
        // Exactly: P_T(t)∇²L(p(t)) = 0 at rational points of rational charts (the image of the Hessian is normal).
        var rng = new Random(34);
        Evidence.Seed(34);
        foreach (var v in Valleys)
            for (int i = 0; i < 10; i++)
            {
                var t = v.Manifold.Reference.Select(r => Rational.FromDouble(r) + new Rational(rng.Next(-300, 301), 1000)).ToArray();
                var p = v.Manifold.Chart.Point<Rational>(t);
                (ScalarMatrix<Rational>.FromArray(v.Manifold.Chart.TangentProjector<Rational>(t)) * ScalarMatrix<Rational>.FromArray(v.Manifold.Loss.Hessian<Rational>(p))).IsZero().ShouldBeTrue(v.Name);
            }
        // ∇L(p + Qn) − QHn and its tangent part, over ‖n‖²: bounded as n → 0.
        var rows = new List<object[]>();
        double worst = 0, worstCubic = 0;
        foreach (var v in Valleys)
        {
            var m = v.Manifold;
            double ratio = 0, tangentRatio = 0;
            foreach (var t in Parameters(v, rng, 5))
            {
                var q = m.Normals(t);
                var h = m.NormalHessian(t);
                var u = RandomUnit(rng, m.Codimension);
                var pt = Matrix<double>.Build.DenseIdentity(q.RowCount) - m.Chart.NormalProjectorAt(t);
                for (int j = 1; j <= 5; j++)
                {
                    double eps = Math.Pow(10, -j);
                    var n = u * eps;
                    var g = V(m.Loss.GradientAt(m.Embed(t, n.ToArray())));
                    double r = (g - q * (h * n)).L2Norm();
                    ratio = Math.Max(ratio, r / (eps * eps));
                    tangentRatio = Math.Max(tangentRatio, (pt * g).L2Norm() / (eps * eps));
                    if (j == 5) worstCubic = Math.Max(worstCubic, r / (eps * eps * eps));
                }
            }
            worst = Math.Max(worst, Math.Max(ratio, tangentRatio));
            rows.Add([v.Name, ratio, tangentRatio]);
        }
        Evidence.Table("Gradient near the valley, ‖n‖ = 10⁻¹…10⁻⁵, 5 random t per loss", ["valley", "max ‖∇L − QHn‖ / ‖n‖²", "max ‖P_T∇L‖ / ‖n‖²"], rows);
        Evidence.Number("largest constant", worst, note: "bounded: the gradient is QHn + O(‖n‖²), with no tangent term of order ‖n‖");
        worst.ShouldBeLessThan(100);
        Evidence.Note("P_T(t)∇²L(p(t)) = 0 checked exactly in rationals at 10 random rational t per valley (rational charts, polynomial losses).");
        Evidence.NegativeControl("∇L = QHn + O(‖n‖³) (remainder/‖n‖³ below 100 at ‖n‖ = 1e-5)", worstCubic < 100);
    }

    [Claim("phase.general-dynamics")]
    public void StepMovesAcrossLinearly()
    {
        var rng = new Random(35);
        Evidence.Seed(35);
        var rows = new List<object[]>();
        double worstN = 0, worstT = 0, wrongRate = double.PositiveInfinity, cubic = double.PositiveInfinity;
        foreach (var v in Valleys)
        {
            var m = v.Manifold;
            double cn = 0, ct = 0;
            foreach (var t in Parameters(v, rng, 3))
            {
                var h = m.NormalHessian(t);
                double eta = 0.9 / m.NormalSpectrum(t)[^1];
                var u = RandomUnit(rng, m.Codimension);
                for (int j = 2; j <= 6; j++)
                {
                    double eps = Math.Pow(10, -j);
                    var n = u * eps;
                    var next = GradientDescent.Step(m.Loss, m.Embed(t, n.ToArray()), eta);
                    var (t1, n1) = m.Coordinates(next, t);
                    var linear = n - eta * (h * n);
                    double rn = (V(n1) - linear).L2Norm(), rt = (V(t1) - V(t)).L2Norm();
                    cn = Math.Max(cn, rn / (eps * eps));
                    // t may not move at all (the sphere: GD is radial); rounding of order 1e-16 is not a remainder.
                    ct = Math.Max(ct, Math.Max(0, rt - 1e-14) / (eps * eps));
                    if (j == 6)
                    {
                        wrongRate = Math.Min(wrongRate, (V(n1) - (n - 2 * eta * (h * n))).L2Norm() / (eps * eps));
                        cubic = Math.Min(cubic, rn / (eps * eps * eps));
                    }
                }
            }
            worstN = Math.Max(worstN, cn); worstT = Math.Max(worstT, ct);
            rows.Add([v.Name, cn, ct]);
        }
        Evidence.Table("One GD step (η = 0.9/λ_max) from p(t) + Q(t)n, ‖n‖ = 10⁻²…10⁻⁶, 3 random t per valley",
            ["valley", "max ‖n_{k+1} − (I − ηH)n_k‖ / ‖n_k‖²", "max ‖t_{k+1} − t_k‖ / ‖n_k‖²"], rows);
        Evidence.Number("largest normal constant", worstN, note: "bounded: n_{k+1} = (I − ηH(t_k))n_k + O(‖n_k‖²)")
            .Number("largest tangent constant", worstT, note: "bounded: t_{k+1} = t_k + O(‖n_k‖²); the toy's exact form is phase.t-increment");
        worstN.ShouldBeLessThan(100);
        worstT.ShouldBeLessThan(100);
        Evidence.NegativeControl("multiplier I − 2ηH (remainder/‖n‖² below 100 at ‖n‖ = 1e-6)", wrongRate < 100);
        Evidence.NegativeControl("remainder O(‖n‖³) (below 100·‖n‖³ at ‖n‖ = 1e-6)", cubic < 100);
    }

    [Claim("phase.general-thresholds")]
    public void StableIffEtaLambdaBelowTwo()
    {
        // (a) The sphere: λ = 2 everywhere, so the thresholds are η = ½ (oscillation) and η = 1 (attraction).
        var m = Sphere.Manifold;
        double[] t0 = [0.3, -0.2];
        var rows = new List<object[]>();
        foreach (var eta in new[] { 0.45, 0.55, 0.95, 1.05 })
        {
            var (flips, final, steps) = Normal(m, t0, One, 1e-4, eta, 20_000);
            rows.Add([eta, 2 * eta, flips, steps, final]);
            bool attracted = Math.Abs(final) < 1e-12;
            attracted.ShouldBe(eta < 1);
            if (eta < 0.5) flips.ShouldBe(0);
            else if (eta < 1) flips.ShouldBeGreaterThanOrEqualTo(steps - 1);
        }
        Evidence.Table("Sphere well, start p(t) + 1e-4·Q(t): sign changes of n and |n| at the end", ["η", "ηλ", "sign changes", "steps", "final n"], rows);
        var osc = Bisection.Locate(eta => Normal(m, t0, One, 1e-6, eta, 200).Flips == 0, 0.3, 0.7, 1e-7);
        var att = Bisection.Locate(eta => Attracted(m, t0, eta), 0.8, 1.2, 1e-6);
        Evidence.NumberWithin("sphere: onset of oscillation located by bisection on η (claimed 1/λ = ½)", osc.Midpoint, 0.5, 1e-4)
            .NumberWithin("sphere: loss of attraction located by bisection on η (claimed 2/λ = 1)", att.Midpoint, 1, 1e-4);

        // (b) Codimension 2, ½‖x(y, z) − (1, 1)‖² at c = 1.3: two normal eigenvalues, each component on its own.
        var m2 = TwoOutputs.Manifold;
        double[] c = [1.3];
        var spec = m2.NormalSpectrum(c);
        var evd = m2.NormalHessian(c).Evd(Symmetricity.Symmetric);
        var components = new List<object[]>();
        foreach (var eta in new[] { 0.3, 0.5, 0.8 })
        {
            var start = (evd.EigenVectors * V([1e-4, 1e-4])).ToArray();
            var comps = Components(m2, c, start, eta, evd.EigenVectors, 200);
            components.Add([eta, eta * spec[0], eta * spec[1], Show(comps[0]), Show(comps[1])]);
            // Each component behaves by its own multiplier 1 − ηλ_i: keeps its sign and shrinks, alternates and shrinks, or grows.
            for (int i = 0; i < 2; i++)
            {
                double mu = eta * spec[i];
                var k = comps[i];
                if (mu < 1) { k.Flips.ShouldBe(0); k.Peak.ShouldBeLessThanOrEqualTo(1e-4); Math.Abs(k.Final).ShouldBeLessThan(1e-8); }
                else if (mu < 2) { k.Flips.ShouldBeGreaterThanOrEqualTo(k.Readable - 1); k.Flips.ShouldBeGreaterThan(0); }
                else k.Peak.ShouldBeGreaterThan(1e-3);
            }
        }
        Evidence.Table($"Codimension 2 at c = 1.3 (λ = {spec[0]:0.####}, {spec[1]:0.####}): components of n along the eigenvectors of H, 200 steps from 1e-4 each (sign changes / steps where the sign is readable, max |component|)",
            ["η", "ηλ_min", "ηλ_max", "λ_min component", "λ_max component"], components);
        var osc2 = Bisection.Locate(eta => Normal(m2, c, evd.EigenVectors.Column(1), 1e-7, eta, 200).Flips == 0, 0.1, 0.6, 1e-7);
        var att2 = Bisection.Locate(eta => Attracted(m2, c, eta), 0.5, 0.9, 1e-6);
        Evidence.NumberWithin("codim 2: onset of oscillation (claimed 1/λ_max)", osc2.Midpoint, 1 / spec[1], 1e-4)
            .NumberWithin("codim 2: loss of attraction (claimed 2/λ_max)", att2.Midpoint, 2 / spec[1], 1e-4);

        // (c) Borderline ηλ = 2: the sphere at η = 1. Radially n' = −n − 3n² − n³, so two steps give n'' = n − 16n³ + O(n⁴)
        // (derived), i.e. dn/dk ≈ −8n³: the higher-order terms attract, algebraically, |n_k| ≈ 1/(4√k), not geometrically.
        var decay = new List<object[]>();
        var w = m.Embed(t0, [1e-2]);
        double n1e4 = 0, n1e5 = 0;
        for (int k = 1; k <= 100_000; k++)
        {
            w = GradientDescent.Step(m.Loss, w, 1.0);
            if (k is 100 or 1000 or 10_000 or 100_000)
            {
                double n = Math.Abs(V(w).L2Norm() - 1);
                decay.Add([k, n, n * Math.Sqrt(k)]);
                if (k == 10_000) n1e4 = n; else if (k == 100_000) n1e5 = n;
            }
        }
        Evidence.Table("Borderline ηλ = 2 (sphere, η = 1, n₀ = 1e-2): distance to S", ["k", "|n_k|", "|n_k|·√k (derived limit ¼)"], decay);
        Evidence.NumberWithin("decay exponent of |n_k| between k = 10⁴ and 10⁵ (algebraic, not geometric)", Math.Log10(n1e5 / n1e4), -0.5, 0.05)
            .NumberWithin("|n_k|·√k at k = 10⁵ (derived from n'' = n − 16n³: ¼)", n1e5 * Math.Sqrt(100_000), 0.25, 0.01);

        Evidence.NegativeControl("attraction lost at η = 1.05 (5% later): attracted at η = 1.025", Attracted(m, t0, 1.025));
        Evidence.NegativeControl("oscillation starts at η = 0.525 (5% later): no sign change at η = 0.5125", Normal(m, t0, One, 1e-6, 0.5125, 200).Flips == 0);
    }

    [Claim("phase.straightening")]
    public void StraighteningKeepsSignsAndMultiplier()
    {
        // The toy's n = xy − 1 against the Euclidean normal coordinate n_E of the straightened curve (the general
        // coordinates of the complement, w = p(t) + Q(t)n_E). Claimed: n = (smooth positive factor)·n_E, so the same
        // signs, and the same first-order multiplier 1 − ηs(t).
        var m = Toy.Manifold;
        var rng = new Random(36);
        Evidence.Seed(36);
        int sameSign = 0, total = 0;
        double worstFactor = 0, worstMultiplier = 0;
        var rows = new List<object[]>();
        foreach (var a in new[] { 0.8, 1.0, 1.5, 2.0 })
        {
            double[] t = [a];
            var p = m.Point(t);
            double s = p[0] * p[0] + p[1] * p[1];
            foreach (var nE in new[] { 1e-2, -1e-2, 1e-4, -1e-4, 1e-6, -1e-6 })
            {
                var w = m.Embed(t, [nE]);
                double n = w[0] * w[1] - 1;
                total++;
                if (Math.Sign(n) == Math.Sign(nE)) sameSign++;
                // The factor n/n_E tends to ‖∇n‖ = (x² + y²)^½ on the curve.
                worstFactor = Math.Max(worstFactor, Math.Abs(n / nE - Math.Sqrt(s)) / Math.Abs(nE));
                double eta = 0.45;
                var (_, n1) = m.Coordinates(GradientDescent.Step(m.Loss, w, eta), t);
                worstMultiplier = Math.Max(worstMultiplier, Math.Abs(n1[0] / nE - (1 - eta * s)) / Math.Abs(nE));
            }
            rows.Add([a, p[0] * p[0] - p[1] * p[1], Math.Sqrt(s), 1 - 0.45 * s]);
        }
        // Along trajectories: the sign sequences of n and n_E agree step by step.
        int agree = 0, steps = 0;
        foreach (var (a, eta) in new[] { (1.2, 0.3), (1.0, 0.7), (0.9, 0.45) })
        {
            var w = m.Embed([a], [0.05]);
            double[] guess = [a];
            for (int k = 0; k < 40; k++)
            {
                var (tk, nk) = m.Coordinates(w, guess);
                guess = tk;
                steps++;
                if (Math.Sign(w[0] * w[1] - 1) == Math.Sign(nk[0])) agree++;
                w = GradientDescent.Step(m.Loss, w, eta);
            }
        }
        Evidence.Table("Minimizers (a, 1/a): the scale ‖∇n‖ = (x² + y²)^½ between n and n_E, and the first-order multiplier at η = 0.45", ["a", "t", "n/n_E → ‖∇n‖", "1 − ηs(t)"], rows);
        Evidence.Number("points with sign(n) = sign(n_E)", sameSign, total)
            .Number("steps with the same sign along 3 trajectories", agree, steps)
            .Number("max |n/n_E − ‖∇n‖| / |n_E|", worstFactor, note: "bounded: the factor is smooth, ‖∇n‖ + O(n_E)")
            .Number("max |n_E'/n_E − (1 − ηs(t))| / |n_E|", worstMultiplier, note: "bounded: the same first-order factor");
        sameSign.ShouldBe(total);
        agree.ShouldBe(steps);
        worstFactor.ShouldBeLessThan(100);
        worstMultiplier.ShouldBeLessThan(100);
        Evidence.NegativeControl("the straightened multiplier is 1 − ηs(t)/2 (deviation/|n_E| below 100)",
            Math.Abs((m.Coordinates(GradientDescent.Step(m.Loss, m.Embed([1.5], [1e-6]), 0.45), [1.5]).N[0] / 1e-6) - (1 - 0.45 * (2.25 + 1 / 2.25) / 2)) / 1e-6 < 100);
    }

    [Claim("phase.pl-equivalence")]
    public void MorseBottGivesPolyakLojasiewiczNearTheValley()
    {
        // Not a claim of the post itself (it cites Rebjock and Boumal, 2024). Sanity check of the consequences near S on
        // the test valleys: with μ = λ_min(H), PŁ ‖∇L‖² ≥ 2μ'(L − L⋆), quadratic growth L − L⋆ ≥ ½μ' dist², error bound
        // ‖∇L‖ ≥ μ' dist all hold with μ' ≈ μ (ratios → μ as dist → 0). A degenerate valley, ¼(xy − 1)⁴, fails PŁ.
        var rng = new Random(37);
        Evidence.Seed(37);
        var rows = new List<object[]>();
        foreach (var v in Valleys)
        {
            var m = v.Manifold;
            double pl = double.PositiveInfinity, qg = double.PositiveInfinity, eb = double.PositiveInfinity, mu = double.PositiveInfinity;
            foreach (var t in Parameters(v, rng, 5))
            {
                mu = Math.Min(mu, m.NormalSpectrum(t)[0]);
                var n = (RandomUnit(rng, m.Codimension) * 1e-4).ToArray();
                var w = m.Embed(t, n);
                double loss = m.Loss.ValueAt(w), grad = V(m.Loss.GradientAt(w)).L2Norm(), dist = V(n).L2Norm();
                pl = Math.Min(pl, grad * grad / (2 * loss));
                qg = Math.Min(qg, 2 * loss / (dist * dist));
                eb = Math.Min(eb, grad / dist);
            }
            rows.Add([v.Name, mu, pl, qg, eb]);
            pl.ShouldBeGreaterThan(0.9 * mu); qg.ShouldBeGreaterThan(0.9 * mu); eb.ShouldBeGreaterThan(0.9 * mu);
        }
        Evidence.Table("Near the valley (dist = 1e-4), minima over 5 random points", ["valley", "min λ_min(H)", "‖∇L‖²/2(L − L⋆)", "2(L − L⋆)/dist²", "‖∇L‖/dist"], rows);
        var degenerate = new DegenerateValley();
        double ratio = double.PositiveInfinity;
        foreach (var d in new[] { 1e-2, 1e-3, 1e-4 })
        {
            double[] w = [1 + d, 1];
            double g = V(degenerate.GradientAt(w)).L2Norm();
            ratio = Math.Min(ratio, g * g / (2 * degenerate.ValueAt(w)));
        }
        Evidence.Number("¼(xy − 1)⁴ (not Morse–Bott): min ‖∇L‖²/2L near xy = 1", ratio, note: "→ 0: no PŁ constant");
        Evidence.NegativeControl("the degenerate valley ¼(xy − 1)⁴ satisfies PŁ with μ = 1e-3", ratio >= 1e-3);
    }

    /// <summary>¼(xy − 1)⁴: the same minimizers as the toy, but a Hessian that vanishes on them.</summary>
    private sealed class DegenerateValley : Objective
    {
        public override int Dimension => 2;
        public override T Value<T>(ReadOnlySpan<T> p) { var r = p[0] * p[1] - T.FromInt(1); return r * r * r * r / T.FromInt(4); }
    }

    /// <summary>
    /// GD from p(t) + Q(t)·(amplitude·e) for a unit e ∈ ℝʳ: sign changes of the normal component along e, its final
    /// value, and the steps taken (stops once |component| &lt; 1e-12 or &gt; 0.1).
    /// </summary>
    private static (int Flips, double Final, int Steps) Normal(MinimizerValley m, double[] t, Vector<double> e, double amplitude, double eta, int steps)
    {
        var w = m.Embed(t, (e * amplitude).ToArray());
        double[] guess = t;
        double last = amplitude;
        int flips = 0;
        for (int k = 1; k <= steps; k++)
        {
            w = GradientDescent.Step(m.Loss, w, eta);
            var (tk, nk) = m.Coordinates(w, guess);
            guess = tk;
            double c = e * V(nk);
            if (c * last < 0) flips++;
            last = c;
            if (Math.Abs(last) < 1e-12 || Math.Abs(last) > 1e-1) return (flips, last, k);
        }
        return (flips, last, steps);
    }

    /// <summary>Attracted: from n₀ = 1e-7 along the top eigenvector, |n| shrinks below n₀ within 10⁵ steps without exceeding 1e-5.</summary>
    private static bool Attracted(MinimizerValley m, double[] t, double eta)
    {
        var top = m.NormalHessian(t).Evd(Symmetricity.Symmetric).EigenVectors.Column(m.Codimension - 1);
        var p = V(m.Point(t));
        var q = m.Normals(t);
        var w = m.Embed(t, (top * 1e-7).ToArray());
        for (int k = 0; k < 100_000; k++)
        {
            w = GradientDescent.Step(m.Loss, w, eta);
            if (k % 64 == 0 && (q.TransposeThisAndMultiply(V(w) - p)).L2Norm() > 1e-5) return false;
        }
        return (q.TransposeThisAndMultiply(V(w) - p)).L2Norm() < 1e-7;
    }

    /// <summary>What one normal component did: sign changes, steps at which its sign was readable, its largest and last value.</summary>
    private readonly record struct Component(int Flips, int Readable, double Peak, double Final);

    private static string Show(Component c) => FormattableString.Invariant($"{c.Flips} / {c.Readable} sign changes, max {c.Peak:0.##e+0}");

    /// <summary>
    /// GD in codimension 2: the normal components along two fixed eigenvectors of H. A component's sign is readable
    /// while it exceeds 100‖n‖² (the coupling through the O(‖n‖²) terms: the claim is first order) and 1e-13 (the
    /// round-off of the recovered coordinates).
    /// </summary>
    private static Component[] Components(MinimizerValley m, double[] t, double[] n0, double eta, Matrix<double> eigenvectors, int steps)
    {
        var w = m.Embed(t, n0);
        double[] guess = t;
        var last = eigenvectors.TransposeThisAndMultiply(V(n0));
        var flips = new int[2]; var readable = new int[2]; var peak = new double[2];
        for (int k = 0; k < steps; k++)
        {
            w = GradientDescent.Step(m.Loss, w, eta);
            var (tk, nk) = m.Coordinates(w, guess);
            guess = tk;
            var c = eigenvectors.TransposeThisAndMultiply(V(nk));
            double floor = Math.Max(100 * c.DotProduct(c), 1e-13);
            for (int i = 0; i < 2; i++)
            {
                peak[i] = Math.Max(peak[i], Math.Abs(c[i]));
                if (Math.Abs(c[i]) <= floor || Math.Abs(last[i]) <= floor) continue;
                readable[i]++;
                if (c[i] * last[i] < 0) flips[i]++;
            }
            last = c;
            if (c.AbsoluteMaximum() > 1e-1) break;
        }
        return [new Component(flips[0], readable[0], peak[0], last[0]), new Component(flips[1], readable[1], peak[1], last[1])];
    }
}
