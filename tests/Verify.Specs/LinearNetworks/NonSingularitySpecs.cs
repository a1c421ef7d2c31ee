using FsCheck;
using FsCheck.Fluent;
using ScottPlot;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Specs of 003 §3.2, §4.1 and Appendices C, F: critical points, dG, non-singularity of G, S(G) ∩ M, measure zero.</summary>
public sealed class NonSingularitySpecs : ClaimSpec
{
    private static readonly ScalarFactorization Squared = new(scale: 1); // (1 − xy)²

    [Claim("lin.crit-example")]
    public void CriticalPointsOfTheSquaredToy()
    {
        // ∇L = −2(1 − xy)(y, x) = 0 ⟺ xy = 1 or x = y = 0. Test the equivalence exactly on points on and off the hyperbola, the axes and the origin.
        var rng = new Random(200);
        Evidence.Seed(200);
        var points = new List<(Rational X, Rational Y)> { (0, 0), (1, 1), (-1, -1), (0, 3), (2, 0) };
        for (int s = 0; s < 200; s++)
        {
            var a = RandomRational(rng, 20, 9);
            if (a.IsZero) continue;
            points.Add((a, 1 / a));
            points.Add((a, RandomRational(rng, 20, 9)));
            points.Add((0, a));
        }
        bool Holds(Func<Rational, Rational, bool> claimedCritical, Func<Rational, Rational, bool> claimedMinimum) => points.All(p =>
        {
            var g = Squared.Gradient<Rational>([p.X, p.Y]);
            bool critical = g[0].IsZero && g[1].IsZero;
            bool minimum = Squared.Value<Rational>([p.X, p.Y]).IsZero; // L ≥ 0, so L = 0 is a global minimum
            return critical == claimedCritical(p.X, p.Y) && minimum == claimedMinimum(p.X, p.Y);
        });
        Holds((x, y) => x * y == 1 || (x.IsZero && y.IsZero), (x, y) => x * y == 1).ShouldBeTrue();
        // The origin is critical but not a minimum: L(0, 0) = 1 > 0 = min L; it is a saddle (Hessian [[0, −2], [−2, 0]]).
        var h0 = Squared.Hessian<Rational>([0, 0]);
        var det0 = h0[0, 0] * h0[1, 1] - h0[0, 1] * h0[1, 0];
        det0.ShouldBe((Rational)(-4));
        Evidence.Number("L(0, 0)", (double)Squared.Value<Rational>([0, 0]), 1)
                .Number("det H_L(0, 0) (< 0: saddle)", (double)det0)
                .Note($"Exact rational check at {points.Count} points (on xy = 1, off it, on the axes, the origin): ∇L = 0 exactly when xy = 1 or (x, y) = 0; L = 0 exactly on xy = 1.");
        Evidence.NegativeControl("Crit(L) = {xy = 1} (the origin left out)", Holds((x, y) => x * y == 1, (x, y) => x * y == 1));
    }

    [Claim("lin.dG")]
    public void LinearizationOfGradientDescentAtAMinimum()
    {
        var rng = new Random(210);
        Evidence.Seed(210);
        // dG by forward-mode differentiation of the GD step itself (independent of the closed-form Hessian), exactly.
        static ScalarMatrix<Rational> JacobianOfStep(Objective f, Rational[] theta, Rational eta)
        {
            int d = theta.Length;
            var columns = new Rational[d][];
            for (int j = 0; j < d; j++)
            {
                var x = theta.Select((v, k) => new Dual<Rational>(v, k == j ? 1 : 0)).ToArray();
                var step = GradientDescent.Step<Dual<Rational>>(f, x, Dual<Rational>.Constant(eta));
                columns[j] = step.Select(z => z.Derivative).ToArray();
            }
            return new ScalarMatrix<Rational>(d, d, (i, j) => columns[j][i]);
        }
        bool Holds(Func<ScalarMatrix<Rational>, Rational, ScalarMatrix<Rational>> claimed)
        {
            var toy = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5);
            var net = DyadicNetwork(new LayerWidths(2, 2, 1), 3, rng);
            foreach (var (f, pointOnM) in new (DeepLinearNetwork, Func<Rational[]>)[] { (toy, () => { var a = RandomRational(rng, 9, 5); if (a.IsZero) a = 1; return [a, 1 / a]; }), (net, () => ExactPointOnMinima(net, rng)) })
                for (int s = 0; s < 5; s++)
                {
                    var theta = pointOnM();
                    Rational eta = new(rng.Next(1, 20), 10);
                    var h = ToScalarMatrix(f.Hessian<Rational>(theta));
                    if (!JacobianOfStep(f, theta, eta).Equals(claimed(h, eta))) return false;
                }
            return true;
        }
        Holds((h, eta) => ScalarMatrix<Rational>.Identity(h.Rows) - eta * h).ShouldBeTrue();
        // Sharpness 2/η ⟷ eigenvalue −1 of dG: on ½(1 − xy)² at (a, 1/a), λ_max = a² + 1/a²; with η = 2/λ_max, det(dG + I) = 0 and det(dG − I) = 0 (the tangent).
        var rows = new List<object[]>();
        foreach (var a in new Rational[] { 1, 2, new(1, 3), new(5, 2) })
        {
            var theta = new[] { a, 1 / a };
            var lam = a * a + 1 / (a * a);
            var eta = 2 / lam;
            var dG = ScalarMatrix<Rational>.Identity(2) - eta * ToScalarMatrix(ScalarFactorization.Instance.Hessian<Rational>(theta));
            var plus = (dG + ScalarMatrix<Rational>.Identity(2)).Determinant();
            var minus = (dG - ScalarMatrix<Rational>.Identity(2)).Determinant();
            rows.Add([a.ToString(), lam.ToString(), eta.ToString(), plus.ToString(), minus.ToString()]);
            plus.ShouldBe(Rational.Zero); minus.ShouldBe(Rational.Zero);
        }
        Evidence.Table("½(1 − xy)² at (a, 1/a) with η = 2/λ_max: eigenvalues −1 and +1 of dG, exactly", ["a", "λ_max = a² + a⁻²", "η = 2/λ_max", "det(dG + I)", "det(dG − I)"], rows);
        Evidence.Note("dG computed by differentiating the GD step with dual rationals (columns of the Jacobian), compared exactly with I − ηH_L at exact points of M of ½(1 − xy)² and of the [2,2,1] network (random gauges, dyadic data).");
        Evidence.NegativeControl("dG = I + ηH_L (sign flipped)", Holds((h, eta) => ScalarMatrix<Rational>.Identity(h.Rows) + eta * h));
    }

    [Claim("lin.thm7-nonsingular")]
    public void GradientDescentMapIsNonSingular()
    {
        // (7) exactly: H_L = dμᵀ d²l dμ + dl(μ) ∘ d²μ, against automatic differentiation (independent of the closed forms), at random rational points.
        var rng = new Random(220);
        Evidence.Seed(220);
        var architectures = new[] { new[] { 1, 1, 1 }, new[] { 2, 3, 2 }, new[] { 3, 2, 2, 2 }, new[] { 2, 1, 2 }, new[] { 1, 2, 1, 1 } };
        foreach (var d in architectures)
        {
            var w = new LayerWidths(d);
            var net = DyadicNetwork(w, 4, rng);
            var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => RandomRational(rng)).ToArray();
            var j = ProductMap.Jacobian<Rational>(w, theta);
            var product = ProductMap.Product<Rational>(w, theta);
            var eq7 = j.Transpose() * net.FunctionalHessian<Rational>() * j + ProductMap.Curvature(w, theta, ScalarMatrix<Rational>.Identity(w.Input), net.FunctionalGradient(product));
            eq7.ShouldBe(ToScalarMatrix(AutoDiff.Hessian<Rational>(net, theta)));
        }
        Evidence.Note("Eq. (7) holds exactly (rational arithmetic) at a random point of each of [1,1,1], [2,3,2], [3,2,2,2], [2,1,2], [1,2,1,1], against forward-mode AD of L.");

        // det(I − ηH_L) is a non-zero polynomial: one exact non-zero value is a proof (a polynomial vanishing identically vanishes everywhere).
        var rows = new List<object[]>();
        bool NonZeroSomewhere(DeepLinearNetwork net, Rational eta, Random r)
        {
            var theta = Enumerable.Range(0, net.Dimension).Select(_ => RandomRational(r)).ToArray();
            return !(ScalarMatrix<Rational>.Identity(net.Dimension) - eta * ToScalarMatrix(net.Hessian<Rational>(theta))).Determinant().IsZero;
        }
        foreach (var d in architectures)
            foreach (var eta in new Rational[] { new(1, 3), new(1, 7) })
            {
                var net = DyadicNetwork(new LayerWidths(d), 4, rng);
                bool ok = NonZeroSomewhere(net, eta, rng);
                rows.Add([$"[{string.Join(",", d)}]", eta.ToString(), ok ? "≠ 0" : "= 0"]);
                ok.ShouldBeTrue();
            }
        Evidence.Table("det(I − ηH_L(θ)) at a random rational θ (exact)", ["architecture", "η", "det"], rows);

        // For every η at once: det(I − ηH_L(θ)) vanishes only when 1/η is an eigenvalue of H_L(θ). Two rational points θ₁, θ₂ whose Hessians
        // share no non-zero eigenvalue (exact: the Sylvester nullity of I ⊗ H₁ − H₂ᵀ ⊗ I) leave, for each η > 0, one point where det ≠ 0:
        // det(I − ηH_L) is a non-zero polynomial for every η > 0, so S(G) is null and G is non-singular (Proposition 27).
        var certificateRows = new List<object[]>();
        bool NoSharedEigenvalue(DeepLinearNetwork net, Random r)
        {
            ScalarMatrix<Rational> RandomHessian() => ToScalarMatrix(net.Hessian<Rational>(Enumerable.Range(0, net.Dimension).Select(_ => RandomRational(r)).ToArray()));
            return SharedEigenvalues.OnlyZeroShared(RandomHessian(), RandomHessian());
        }
        foreach (var d in new[] { new[] { 1, 1, 1 }, new[] { 2, 1, 2 }, new[] { 1, 2, 1, 1 }, new[] { 1, 2, 1, 2 }, new[] { 2, 2, 2 } })
        {
            var net = DyadicNetwork(new LayerWidths(d), d[0] + 1, rng);
            bool ok = NoSharedEigenvalue(net, rng);
            certificateRows.Add([$"[{string.Join(",", d)}]", net.Dimension, ok ? "none" : "some"]);
            ok.ShouldBeTrue();
        }
        Evidence.Table("Non-zero eigenvalues shared by H_L(θ₁) and H_L(θ₂) at two random rational points (exact Sylvester nullity): none, so det(I − ηH_L) ≢ 0 for every η > 0",
            ["architecture", "d_θ", "shared non-zero eigenvalues"], certificateRows);

        // Random hidden-layer architectures and random rational η: det(I − ηH_L) ≢ 0 (an exact non-zero value at a random rational θ).
        var cases = Arb.Zip(Architectures(minDepth: 2, maxDepth: 4, maxWidth: 3), Arb.From(from p in Gen.Choose(1, 40) from q in Gen.Choose(1, 40) select (p, q)));
        Evidence.Holds("h ≥ 2: det(I − ηH_L(θ)) ≠ 0 at a random rational θ (η = p/q)", cases,
            t => NonZeroSomewhere(DyadicNetwork(t.Item1.Layers, t.Item1.Layers.Input + 1, new Random(t.Item1.Seed)), new Rational(t.Item2.p, t.Item2.q), new Random(t.Item1.Seed + 7)),
            seed: 221, maxTest: 40);

        // Reading: Theorem 7 is about networks with hidden layers (h ≥ 2). Its proof sketch says "degree at least 2 (if h ≥ 2)", and Remark 21 treats h = 1
        // (μ = Id) apart, as GD on a quadratic. Without a hidden layer the conclusion indeed fails at isolated step sizes: H_L = 2(XXᵀ ⊗ I) is constant.
        var oneLayer = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }); // L(w) = (1 − w)²
        var g = new[] { -3.0, 0.5, 1, 7 }.Select(wv => GradientDescent.Step(oneLayer, [wv], 0.5)[0]).ToArray();
        g.ShouldAllBe(v => v == 1);
        bool singularEverywhere = !NonZeroSomewhere(oneLayer, new Rational(1, 2), rng);
        singularEverywhere.ShouldBeTrue();
        Evidence.Note("Reading used: \"a linear network\" with at least one hidden layer (h ≥ 2), as the proof sketch assumes (\"of degree at least 2 (if h ≥ 2)\") and as Remark 21 sets " +
                      "h = 1 apart. The hypothesis is needed: for h = 1, d₀ = d₁ = n = 1, X = Y = 1, L(w) = (1 − w)² and η = ½, G(w) = 1 for every w (checked at w = −3, ½, 1, 7), " +
                      "so G⁻¹({1}) = ℝ; in general for h = 1 G is non-singular iff 1/(2η) is not an eigenvalue of XXᵀ.");

        // The zero set in 2-D: for ½(1 − xy)², det(I − ηH_L) = (1 − η² − ηx²) + 4η²x·y − η(1 + 3ηx²)·y², a quadratic in y.
        Evidence.Figure("Singular set S(G) of GD on ½(1 − xy)² for η = 0.4", ZeroSetFigure(0.4), caption:
            "S(G) = {det(I − ηH_L) = 0} (blue): two curves, a null set of the plane; black: the minima xy = 1. Random points never land on S(G): of 10⁵ uniform points in [−3, 3]², the fraction with |det| < ε falls in proportion to ε (table).");
        var toy = ScalarFactorization.Instance;
        var sample = new Random(222);
        var dets = Enumerable.Range(0, 100_000).Select(_ =>
        {
            double x = sample.NextDouble() * 6 - 3, y = sample.NextDouble() * 6 - 3;
            var h = toy.HessianAt([x, y]);
            return Math.Abs((1 - 0.4 * h[0, 0]) * (1 - 0.4 * h[1, 1]) - 0.16 * h[0, 1] * h[1, 0]);
        }).ToArray();
        var epsRows = new[] { 1e-1, 1e-2, 1e-3, 1e-4 }.Select(e => new object[] { e, dets.Count(v => v < e) / 1e5 }).ToList();
        Evidence.Table("Fraction of 10⁵ uniform points of [−3, 3]² with |det(I − 0.4·H_L)| < ε", ["ε", "fraction"], epsRows);
        dets.Min().ShouldBeGreaterThan(0);
        ((double)epsRows[3][1]).ShouldBeLessThan((double)epsRows[1][1]);
        Evidence.Reproduced("With at least one hidden layer, det(I − ηH_L) is a non-zero polynomial for every η > 0 — certified exactly for every η at once on five architectures with random dyadic data " +
                            "(two points with no shared non-zero Hessian eigenvalue) and at random η on 40 random architectures (depth 2–4, widths 1–3) — so S(G) is null and G is non-singular.");
        Evidence.Note("The proof sketch's remark that the entries of H_L are non-zero polynomials is not needed and not always true: for [2,2,2] with X = I the entry ∂²L/∂(W₁)₁₁∂(W₁)₁₂ = 2(W₂ᵀW₂)₁₁(XXᵀ)₁₂ vanishes identically.");
        Evidence.NegativeControl("the same every-η certificate on the constant-Hessian map of (1 − w)² (no hidden layer, where det(I − ½H_L) ≡ 0)", NoSharedEigenvalue(oneLayer, rng));
    }

    [Claim("lin.prop34-analytic")]
    public void NonSingularityForRealAnalyticActivations()
    {
        var rng = new Random(230);
        Evidence.Seed(230);
        var w = new LayerWidths(2, 3, 1);
        var net = new TanhNetwork(w, Gaussian(2, 6, rng), Gaussian(1, 6, rng));
        const double eta = 0.1;
        var dets = new double[200];
        for (int s = 0; s < dets.Length; s++)
        {
            var theta = Enumerable.Range(0, net.Dimension).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray();
            var h = net.HessianAt(theta);
            dets[s] = (MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(net.Dimension) - eta * h).Determinant();
        }
        var sorted = dets.Select(Math.Abs).OrderBy(v => v).ToArray();
        Evidence.Number("parameters of the tanh network [2,3,1] with biases", net.Dimension, 13)
                .Number("min |det(I − 0.1·H_L)| over 200 random θ", sorted[0])
                .Number("median |det(I − 0.1·H_L)|", sorted[100]);
        sorted[0].ShouldBeGreaterThan(1e-8); // far above the rounding error of a 13×13 determinant with entries O(1)
        Evidence.Table("Fraction of the 200 samples with |det| < ε", ["ε", "fraction"], new[] { 1e-1, 1e-2, 1e-3 }.Select(e => new object[] { e, dets.Count(v => Math.Abs(v) < e) / 200.0 }));
        // Every η at once: det(I − ηH_L(θ)) = 0 needs 1/η > 0 to be an eigenvalue of H_L(θ). If the positive eigenvalues at two points are apart by far more
        // than rounding, no η makes both determinants vanish: det(I − ηH_L) ≢ 0 for every η > 0.
        static double PositiveSeparation(Objective f, double[] a, double[] b)
        {
            var sa = Sharpness.Spectrum(f.HessianAt(a)); var sb = Sharpness.Spectrum(f.HessianAt(b));
            double scale = Math.Max(sa.Max(Math.Abs), sb.Max(Math.Abs)), floor = 1e-8 * scale;
            if (sa.Concat(sb).Any(v => Math.Abs(v) <= floor)) return 0; // an eigenvalue too close to 0 to tell its sign
            return sa.Where(v => v > 0).SelectMany(u => sb.Where(v => v > 0).Select(v => Math.Abs(u - v))).DefaultIfEmpty(double.PositiveInfinity).Min() / scale;
        }
        var pair = Enumerable.Range(0, 2).Select(_ => Enumerable.Range(0, net.Dimension).Select(_ => MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1)).ToArray()).ToArray();
        double separation = PositiveSeparation(net, pair[0], pair[1]);
        Evidence.Number("tanh [2,3,1]: smallest gap between positive Hessian eigenvalues at two random θ, relative to ‖H_L‖", separation,
                        note: "far above the ~10⁻¹⁴ rounding of a 13×13 eigensolver: the two spectra share no positive eigenvalue, so for every η > 0 one determinant is non-zero");
        separation.ShouldBeGreaterThan(1e-6);

        // Reading: a network with a hidden layer (h ≥ 2, as for Theorem 7) and l a loss in the paper's sense (§3.1: "a measure of closeness", e.g. the quadratic loss).
        // The conclusion needs det(I − ηH_L) ≢ 0, which the proof does not show; outside that reading it fails:
        // (i) no hidden layer: σ(z) = z, one neuron w·x + b, x = 1, y = 1, squared loss: L = (w + b − 1)², H_L = [[2, 2], [2, 2]] for every θ, det(I − ¼H_L) ≡ 0.
        var linear = new DeepLinearNetwork(new LayerWidths(2, 1), new double[,] { { 1 }, { 1 } }, new double[,] { { 1 } }); // (w₁ + w₂ − 1)²: a neuron w·x + b with x = 1
        var hl = linear.HessianAt([0.3, -0.2]); // [[2, 2], [2, 2]], eigenvalues 0 and 4
        double detAtQuarter = (MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(2) - 0.25 * hl).Determinant();
        detAtQuarter.ShouldBe(0);
        // (ii) a hidden layer, σ(z) = z, but a linear l(ŷ, y) = ŷ − y (real-analytic, not a measure of closeness): with x = 1, y = 1,
        // L(w₁, b₁, w₂, b₂) = w₂(w₁ + b₁) + b₂ − 1 has a constant Hessian and det(I − ηH_L) = 1 − 2η² for every θ (degree ≤ 4 in η: 5 exact values fix it).
        var linearLoss = Polynomial.Of(4, (1, new[] { 1, 0, 1, 0 }), (1, new[] { 0, 1, 1, 0 }), (1, new[] { 0, 0, 0, 1 }), (-1, new[] { 0, 0, 0, 0 }));
        bool LinearLossDeterminant = Enumerable.Range(0, 3).All(_ =>
        {
            var h = ToScalarMatrix(linearLoss.Hessian<Rational>(Enumerable.Range(0, 4).Select(_ => RandomRational(rng)).ToArray()));
            return Enumerable.Range(0, 5).All(k => (ScalarMatrix<Rational>.Identity(4) - (Rational)k * h).Determinant() == 1 - 2 * (Rational)(k * k));
        });
        LinearLossDeterminant.ShouldBeTrue();
        Evidence.Note("Reading used: a network with at least one hidden layer (as for Theorem 7) and l a loss in the paper's sense (§3.1: \"a measure of closeness\", e.g. the quadratic loss). " +
                      "The proof invokes Lemma 32, which needs det(I − ηH_L) ≢ 0, and never shows it; outside this reading it fails: (i) no hidden layer, σ(z) = z (a polynomial activation, " +
                      "as Remark 8 invites), one neuron with bias, x = 1, y = 1, squared loss: L = (w + b − 1)², H_L = [[2, 2], [2, 2]] everywhere, det(I − ¼H_L) ≡ 0, G maps ℝ² onto a line; " +
                      "(ii) one hidden layer, σ(z) = z, the linear l(ŷ, y) = ŷ − y: L = w₂(w₁ + b₁) + b₂ − 1, det(I − ηH_L) = 1 − 2η² for every θ (exact), ≡ 0 at η = 1/√2.");
        Evidence.Reproduced("For the tanh network [2,3,1] with biases and squared loss (13 parameters), det(I − 0.1·H_L) is non-zero at all 200 random points, and the positive Hessian eigenvalues " +
                            "at two random points are disjoint, so det(I − ηH_L) ≢ 0 for every η > 0: its zero set is null (Lemma 32) and G is non-singular (Proposition 27).");
        Evidence.NegativeControl("the same check (min |det| over samples above rounding) on the linear one-layer neuron at η = ¼", Math.Abs(detAtQuarter) > 1e-8);
        var twoSamples = new DeepLinearNetwork(new LayerWidths(2, 1), new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 1 } }); // (1 − w₁)² + (1 − w₂)², H_L = 2I
        Evidence.NegativeControl("the every-η separation check on a one-layer linear model with constant H_L = 2I (det(I − ½H_L) ≡ 0)", PositiveSeparation(twoSamples, [0.3, -0.2], [1.5, 0.7]) > 1e-6);
    }

    [Claim("lin.thm52")]
    public void GradientDescentIsInvertibleAlmostEverywhereOnTheMinima()
    {
        var rng = new Random(240);
        Evidence.Seed(240);
        // ½(1 − xy)²: on M the Hessian has eigenvalues 0 and x² + y², so det(I − ηH_L) = 1 − η(x² + y²) there — exactly, at random rational (a, 1/a) and η.
        bool ToyIdentity(Func<Rational, Rational, Rational> claimed)
        {
            for (int s = 0; s < 100; s++)
            {
                var a = RandomRational(rng, 30, 7); if (a.IsZero) a = 1;
                Rational eta = new(rng.Next(1, 30), rng.Next(1, 30));
                var h = ToScalarMatrix(ScalarFactorization.Instance.Hessian<Rational>([a, 1 / a]));
                if ((ScalarMatrix<Rational>.Identity(2) - eta * h).Determinant() != claimed(a * a + 1 / (a * a), eta)) return false;
            }
            return true;
        }
        ToyIdentity((s, eta) => 1 - eta * s).ShouldBeTrue();
        Evidence.Note("½(1 − xy)²: det(I − ηH_L) = 1 − η(x² + y²) on M (exact, 100 random rational points and η), so S(G) ∩ M = {x² + y² = 1/η} ∩ {xy = 1}: at most 4 points of the 1-dimensional M.");
        // Networks: an exact non-zero value of det(I − ηH_L) at an exact point of M shows it is not identically zero on M (Lemma 54 then gives codimension ≥ 1).
        var rows = new List<object[]>();
        foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 1, 2, 1, 2 }, new[] { 2, 2, 2 } })
            foreach (var eta in new Rational[] { new(1, 3), new(1, 10) })
            {
                var net = DyadicNetwork(new LayerWidths(d), d[0] + 2, rng);
                var theta = ExactPointOnMinima(net, rng);
                net.FunctionalGradient(ProductMap.Product<Rational>(net.Widths, theta)).IsZero().ShouldBeTrue(); // θ ∈ M (filling: W̄₀ is the critical point of l)
                var det = (ScalarMatrix<Rational>.Identity(net.Dimension) - eta * ToScalarMatrix(net.Hessian<Rational>(theta))).Determinant();
                rows.Add([$"[{string.Join(",", d)}]", eta.ToString(), det.IsZero ? "0" : ((double)det).ToString("G4", System.Globalization.CultureInfo.InvariantCulture)]);
                det.IsZero.ShouldBeFalse();
            }
        Evidence.Table("det(I − ηH_L) at an exact rational point of M (random integer gauges)", ["architecture", "η", "det"], rows);
        // Every η at once: two exact points of M whose Hessians share no non-zero eigenvalue (exact Sylvester nullity) — for each η > 0 one of them is outside S(G).
        // (Small integer gauges can repeat a point or one of its symmetric images, so a few pairs may be drawn: one pair without a shared eigenvalue is the certificate.)
        int PairsUntilNoSharedEigenvalue(DeepLinearNetwork net, Random r, int maxPairs = 5)
        {
            for (int pair = 1; pair <= maxPairs; pair++)
                if (SharedEigenvalues.OnlyZeroShared(ToScalarMatrix(net.Hessian<Rational>(ExactPointOnMinima(net, r))), ToScalarMatrix(net.Hessian<Rational>(ExactPointOnMinima(net, r)))))
                    return pair;
            return 0;
        }
        var certificateRows = new List<object[]>();
        foreach (var d in new[] { new[] { 1, 1, 1 }, new[] { 1, 1, 2 }, new[] { 1, 2, 1, 2 }, new[] { 2, 2, 2 } })
        {
            var net = DyadicNetwork(new LayerWidths(d), d[0] + 2, rng);
            int pairs = PairsUntilNoSharedEigenvalue(net, rng);
            certificateRows.Add([$"[{string.Join(",", d)}]", net.Dimension, pairs > 0 ? "none" : "some", pairs]);
            pairs.ShouldBeGreaterThan(0);
        }
        Evidence.Table("A pair of exact points of M whose Hessians share no non-zero eigenvalue (exact Sylvester nullity), so det(I − ηH_L) ≢ 0 on M for every η > 0",
            ["architecture", "d_θ", "shared non-zero eigenvalues", "pairs drawn"], certificateRows);
        // Reading: networks with a hidden layer (h ≥ 2), as for Theorem 7. For h = 1, M is the single point W̄₀ and H_L is constant: at η = 1/λ(H_L) all of M lies in S(G).
        var oneLayer = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { 1 } }, new double[,] { { 1 } });
        var detOne = 1 - new Rational(1, 2) * oneLayer.Hessian<Rational>([1])[0, 0];
        detOne.ShouldBe(Rational.Zero);
        Evidence.Note("Reading used: networks with at least one hidden layer (h ≥ 2), the setting of Theorem 7 (its proof sketch assumes h ≥ 2; Remark 21 sets h = 1 apart). " +
                      "The hypothesis is needed: for h = 1, L(w) = (1 − w)², M = {1} and η = ½ give det(I − ηH_L) = 1 − ½·2 = 0 at the only point of M.");
        Evidence.Reproduced("On ½(1 − xy)², det(I − ηH_L) = 1 − η(x² + y²) on M (exact), zero at ≤ 4 points of M; on [1,1,1], [1,1,2], [1,2,1,2], [2,2,2] two exact points of M share no non-zero " +
                            "Hessian eigenvalue, so for every η > 0 det(I − ηH_L) is a polynomial not identically zero on M and S(G) ∩ M is a proper subvariety, null in M.");
        Evidence.NegativeControl("det(I − ηH_L) = 1 − ½η(x² + y²) on M of ½(1 − xy)²", ToyIdentity((s, eta) => 1 - eta * s / 2));
        Evidence.NegativeControl("the same every-η certificate on M of the one-layer (1 − w)² (M a point, H_L constant)", SharedEigenvalues.OnlyZeroShared(
            ToScalarMatrix(oneLayer.Hessian<Rational>([1])), ToScalarMatrix(oneLayer.Hessian<Rational>([1]))));
    }

    [Claim("lin.def-measure-zero")]
    public void DefinitionsOfMeasureZeroAndStability()
    {
        // Def 23 as printed asks for a cover with Σ Vol(Cᵢ) < 0: open rectangles have positive volume, so no set qualifies — not even a point.
        // With "< δ" (the standard definition) a point is null: Cᵢ = (−δ2^{−i−2}, δ2^{−i−2}) covers {0} with Σ Vol = δ/2·(1 − 2^{−N}) < δ.
        static Rational CoverVolume(Rational delta, int terms)
        {
            Rational sum = 0;
            for (int i = 0; i < terms; i++) sum += 2 * delta / new Rational(System.Numerics.BigInteger.Pow(2, i + 2), 1);
            return sum;
        }
        bool PointIsNull(Func<Rational, Rational> bound) =>
            new Rational[] { 1, new(1, 10), new(1, 1000), new(1, 1_000_000) }.All(delta => CoverVolume(delta, 60) < bound(delta) && CoverVolume(delta, 60) > 0);
        PointIsNull(delta => delta).ShouldBeTrue();
        bool printed = PointIsNull(_ => 0);
        printed.ShouldBeFalse();
        Evidence.Counterexample("Definition 23 as printed: for {0} ⊂ ℝ, every cover by open rectangles (aⁱ < bⁱ) has Σ Vol(Cᵢ) > 0, never < 0; so {0} — indeed every set — fails to have measure zero, " +
                                "and the theorems about null sets (Theorems 7, 16) would be vacuous or false.");
        // A set of positive measure is not null under the corrected definition: [0, 1] needs Σ Vol ≥ 1.
        bool IntervalIsNull = new Rational[] { new(1, 2), new(1, 10) }.All(delta => 1 + 2 * (delta / 4) < delta);
        Evidence.Note("A misprint of \"< δ\": the next sentence identifies the notion with Lebesgue measure zero, and every later use (Lemmas 25–29, Theorems 7, 16) needs the standard definition; nothing downstream depends on it.");
        Evidence.Erratum("\"Σᵢ Vol(Cᵢ) < 0\" cannot hold (rectangle volumes are positive).",
            "X has measure zero if for every δ > 0 there is a countable cover by open rectangles with Σᵢ Vol(Cᵢ) < δ (checked: the geometric cover of a point has Σ = δ/2 < δ for δ = 1, 10⁻¹, 10⁻³, 10⁻⁶).");
        Evidence.Note("Definitions 4 (Lyapunov stability), 6/24 (non-singular maps), 22 (volume), 40 (proper maps) and 41 (sequences diverging to infinity) are the standard ones and are used as stated by " +
                      "lin.thm15-stability (stability), lin.thm7-nonsingular (non-singular maps) and lin.thm12-proper (proper maps).");
        Evidence.NegativeControl("[0, 1] is null (its cover (−δ/4, 1 + δ/4) checked against δ)", IntervalIsNull);
    }

    /// <summary>The zero set of det(I − ηH_L) for ½(1 − xy)², both roots y(x) of the quadratic, on [−3, 3]².</summary>
    private static Plot ZeroSetFigure(double eta)
    {
        var plot = Figures.New($"S(G) for ½(1 − xy)², η = {eta}", "x", "y");
        for (int branch = -1; branch <= 1; branch += 2)
        {
            var segments = new List<(List<double> X, List<double> Y)>();
            List<double>? xs = null, ys = null;
            for (int i = 0; i <= 1200; i++)
            {
                double x = -3 + 6.0 * i / 1200;
                double a = -eta * (1 + 3 * eta * x * x), b = 4 * eta * eta * x, c = 1 - eta * eta - eta * x * x;
                double disc = b * b - 4 * a * c;
                double y = disc >= 0 ? (-b + branch * Math.Sqrt(disc)) / (2 * a) : double.NaN;
                if (double.IsFinite(y) && Math.Abs(y) <= 3)
                {
                    if (xs is null) { xs = []; ys = []; segments.Add((xs, ys!)); }
                    xs.Add(x); ys!.Add(y);
                }
                else xs = ys = null;
            }
            bool first = branch == -1;
            foreach (var (sx, sy) in segments) { Figures.Line(plot, sx, sy, first ? "det(I − ηH_L) = 0" : null, Colors.Blue); first = false; }
        }
        foreach (var sign in new[] { 1.0, -1.0 })
        {
            var xs = Enumerable.Range(0, 400).Select(i => sign * (1.0 / 3 + (3 - 1.0 / 3) * i / 399)).ToArray();
            Figures.Line(plot, xs, xs.Select(x => 1 / x).ToArray(), sign > 0 ? "M: xy = 1" : null, Colors.Black);
        }
        plot.Axes.SetLimits(-3, 3, -3, 3);
        return plot;
    }
}
