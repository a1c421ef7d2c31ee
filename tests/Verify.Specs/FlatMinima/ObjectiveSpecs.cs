using MathNet.Numerics.LinearAlgebra;
using Verify.Claims.Properties;
using Verify.Dynamics.Differentiation;
using static Verify.Specs.FlatMinima.FlatSupport;

namespace Verify.Specs.FlatMinima;

/// <summary>Specs of seeds/004 §1, §3 and App. A–B, D.3, E.1: the objective, its minimizers, Hessian and observables.</summary>
public sealed class ObjectiveSpecs : ClaimSpec
{
    [Claim("flat.lemma3-objective")]
    public void DataLossIsARescaledFactorizationPlusAConstant()
    {
        // Exact: L̄ = s·½(aᵀb − c)² + K at random rational (a, b) for random dyadic data sets.
        var rng = new Random(31);
        Evidence.Seed(31);
        int checks = 0;
        bool Holds(Func<FactorizedRegression, Rational> constant)
        {
            var r = new Random(31);
            for (int trial = 0; trial < 60; trial++)
            {
                int d = 1 + trial % 3, n = 1 + r.Next(6);
                var xs = Enumerable.Range(0, n).Select(_ => r.Next(-16, 17) / 8.0).ToArray();
                if (xs.All(x => x == 0)) xs[0] = 1;
                var ys = Enumerable.Range(0, n).Select(_ => r.Next(-32, 33) / 8.0).ToArray();
                var f = new FactorizedRegression(d, xs, ys);
                var p = RandomRationals(r, 2 * d);
                var m = Scalar.Dot<Rational>(p.AsSpan(0, d), p.AsSpan(d)) - f.EffectiveTarget<Rational>();
                var s = f.Curvature<Rational>();
                // Both printed forms: (Σxᵢ²/(2n))(aᵀb − c)² and [(1/n)Σxᵢ²]·L(a, b) with L = ½(aᵀb − c)².
                if (f.Value<Rational>(p) != s * m * m / 2 + constant(f)) return false;
                if (f.Value<Rational>(p) != f.Curvature<Rational>() * (m * m / 2) + constant(f)) return false;
                checks++;
            }
            return true;
        }
        Holds(f => f.Constant<Rational>()).ShouldBeTrue();
        _ = rng;
        Evidence.Number("exact identities checked (d = 1, 2, 3; n = 1…6)", checks)
            .Note("L̄ evaluated in exact rationals from its definition (1/(2n))Σ(aᵀb xᵢ − yᵢ)² against s(aᵀb − c)²/2 + Const with s, c, Const computed exactly from the data (dyadic data, so the doubles are exact).")
            .Reproduced("identity in (a, b) checked exactly at 60 random rational points for random data sets (a check, not a proof)");
        Evidence.NegativeControl("Const = (1/(2n))Σyᵢ² (the −(Σxᵢyᵢ)²/Σxᵢ² term dropped)",
            Holds(f => f.Constant<Rational>() + f.EffectiveTarget<Rational>() * f.EffectiveTarget<Rational>() * f.Curvature<Rational>() / 2));
    }

    [Claim("flat.rescaling")]
    public void GradientDescentOnTheDataLossIsRescaledDescent()
    {
        // Data with Σxᵢ² a power of 4 make c = Σxᵢyᵢ/Σxᵢ² dyadic, so L with Φ = c is held exactly.
        var rng = new Random(37);
        Evidence.Seed(37);
        int checks = 0;
        bool Holds(Func<Rational, Rational, Rational> rescaledStep)
        {
            var r = new Random(37);
            for (int trial = 0; trial < 40; trial++)
            {
                int d = 1 + trial % 3, j = r.Next(-1, 2);
                var xs = Enumerable.Range(0, 4).Select(_ => (r.Next(2) == 0 ? -1 : 1) * Math.Pow(2, j)).ToArray();
                var ys = Enumerable.Range(0, 4).Select(_ => r.Next(-16, 17) / 4.0).ToArray();
                var f = new FactorizedRegression(d, xs, ys);
                var s = f.Curvature<Rational>();
                var c = f.EffectiveTarget<Rational>();
                var x = RandomRationals(r, 2 * d);
                var eta = new Rational(r.Next(1, 20), 40);
                var onData = GradientDescent.Step<Rational>(f, x, eta);
                var onL = Step(x, (double)c, rescaledStep(eta, s));
                if (!onData.SequenceEqual(onL)) return false;
                // The rescaled observables: ε̄ = s·ε, λ̄ = s·λ, Q̄ = s·Q follow (6)–(8) with step η (they are the
                // observables of L̄'s own Hessian): ε̄(t+1) = ε̄[1 − ηλ̄ + η²ε̄(ε̄ + s·c)].
                var st = State(x, c);
                var next = State(onData, c);
                var eBar = s * st.Residual;
                var lBar = s * st.SquaredNorm;
                if (s * next.Residual != eBar * (1 - eta * lBar + eta * eta * eBar * (eBar + s * c))) return false;
                // Φ < 0: flipping a maps GD with target Φ to GD with target −Φ.
                var flipped = x.Select((v, i) => i < d ? -v : v).ToArray();
                var stepFlipped = Step(flipped, -(double)c, eta);
                var stepThenFlip = Step(x, (double)c, eta).Select((v, i) => i < d ? -v : v);
                if (!stepFlipped.SequenceEqual(stepThenFlip)) return false;
                checks++;
            }
            return true;
        }
        Holds((eta, s) => s * eta).ShouldBeTrue();
        _ = rng;
        Evidence.Number("exact step comparisons (d = 1, 2, 3)", checks)
            .Note("GD on L̄ with step η equals GD on ½(aᵀb − c)² with step sη, s = (1/n)Σxᵢ², exactly; the rescaled ε̄ = sε, λ̄ = sλ obey (6) with η; and a ↦ −a conjugates GD with target Φ to GD with target −Φ (the Φ < 0 remark).")
            .Reproduced("exact rational equality of one GD step at 40 random points and data sets (a check, not a proof)");
        Evidence.NegativeControl("GD on L̄ with step η equals GD on L with the same step η (no rescaling)", Holds((eta, _) => eta));
    }

    [Claim("flat.manifold")]
    public void MinimizersFormAHyperboloidWithNeuronSymmetries()
    {
        var rng = new Random(41);
        Evidence.Seed(41);
        var rows = new List<object[]>();
        foreach (int d in new[] { 1, 2, 3, 5 })
        {
            // A random minimizer: pick a, then b with aᵀb = Φ = 1 exactly.
            var a = RandomRationals(rng, d);
            if (a.All(v => v.IsZero)) a[0] = 1;
            var b = RandomRationals(rng, d);
            var aa = Scalar.Dot<Rational>(a, a);
            var shift = (1 - Scalar.Dot<Rational>(a, b)) / aa;
            b = b.Select((v, i) => v + shift * a[i]).ToArray();
            Scalar.Dot<Rational>(a, b).ShouldBe(Rational.One);
            // The constraint's Jacobian [b; a]ᵀ has rank 1 (it is never 0 on aᵀb = 1): tangent space of dimension 2d − 1.
            var jac = Matrix<double>.Build.DenseOfRowArrays([b.Concat(a).Select(v => (double)v).ToArray()]);
            int tangent = 2 * d - jac.Rank();
            tangent.ShouldBe(2 * d - 1);
            rows.Add([d, jac.Rank(), tangent]);
        }
        // Symmetries, exactly at random points.
        bool Symmetric(Func<Rational[], Rational[], Rational, (Rational[], Rational[])> move)
        {
            var r = new Random(43);
            for (int trial = 0; trial < 50; trial++)
            {
                var a = RandomRationals(r, 3);
                var b = RandomRationals(r, 3);
                var c = new Rational(r.Next(1, 9) * (r.Next(2) == 0 ? -1 : 1), r.Next(1, 9));
                var (a2, b2) = move(a, b, c);
                if (Scalar.Dot<Rational>(a2, b2) != Scalar.Dot<Rational>(a, b)) return false;
            }
            return true;
        }
        Symmetric((a, b, _) => (new[] { a[2], a[1], a[0] }, new[] { b[2], b[1], b[0] })).ShouldBeTrue();
        Symmetric((a, b, c) => (a.Select((v, i) => i == 1 ? c * v : v).ToArray(), b.Select((v, i) => i == 1 ? v / c : v).ToArray())).ShouldBeTrue();
        Evidence.Table("Dimension of the minimizer set aᵀb = 1", ["d", "rank of [b; a]ᵀ", "tangent dimension 2d − rank"], rows)
            .Note("aᵀb is invariant (exactly, 50 random rational points each) under swapping neurons 1 ↔ 3 and under (a₂, b₂) → (c a₂, b₂/c), c ≠ 0.");
        Evidence.NegativeControl("aᵀb invariant under (aᵢ, bᵢ) → (c aᵢ, c bᵢ)", Symmetric((a, b, c) => (a.Select((v, i) => i == 1 ? c * v : v).ToArray(), b.Select((v, i) => i == 1 ? v * c : v).ToArray())));
    }

    [Claim("flat.hessian")]
    public void HessianAtAMinimizerIsRankOneWithEigenvalueLambda()
    {
        var rng = new Random(47);
        Evidence.Seed(47);
        int checks = 0;
        double fdError = 0;
        bool Holds(Func<VectorFactorizationState<Rational>, Rational> topEigenvalue)
        {
            var r = new Random(47);
            for (int trial = 0; trial < 40; trial++)
            {
                int d = 1 + trial % 4;
                var phi = 1.0;
                var a = RandomRationals(r, d);
                if (a.All(v => v.IsZero)) a[0] = 1;
                var b = RandomRationals(r, d);
                var shift = (1 - Scalar.Dot<Rational>(a, b)) / Scalar.Dot<Rational>(a, a);
                b = b.Select((v, i) => v + shift * a[i]).ToArray();
                var f = new VectorFactorization(d, phi);
                var x = a.Concat(b).ToArray();
                var h = f.Hessian<Rational>(x);
                var hAd = AutoDiff.Hessian<Rational>(f, x);
                var u = b.Concat(a).ToArray();
                var st = State(x, 1);
                for (int i = 0; i < 2 * d; i++)
                    for (int j = 0; j < 2 * d; j++)
                        if (h[i, j] != u[i] * u[j] || hAd[i, j] != h[i, j]) return false;
                // H u = (uᵀu) u = λ u, and H is rank one and positive semidefinite: λ is the top eigenvalue.
                if (Scalar.Dot<Rational>(u, u) != topEigenvalue(st)) return false;
                // Flattest: λ − 2Φ = ‖a − b‖² ≥ 0 on the minimizers, 0 exactly when a = b.
                var diff = a.Select((v, i) => v - b[i]).ToArray();
                if (st.SquaredNorm - 2 != Scalar.Dot<Rational>(diff, diff)) return false;
                checks++;
            }
            return true;
        }
        Holds(s => s.SquaredNorm).ShouldBeTrue();
        _ = rng;
        // Central finite differences of the gradient at double minimizers against (5).
        var rd = new Random(48);
        for (int trial = 0; trial < 20; trial++)
        {
            int d = 1 + trial % 3;
            var a = Enumerable.Range(0, d).Select(_ => Gaussian(rd)).ToArray();
            var b = Enumerable.Range(0, d).Select(_ => Gaussian(rd)).ToArray();
            double p = a.Zip(b, (x, y) => x * y).Sum(), aa = a.Sum(x => x * x);
            b = b.Select((v, i) => v + (2 - p) / aa * a[i]).ToArray();
            var f = new VectorFactorization(d, 2);
            var x = a.Concat(b).ToArray();
            var u = b.Concat(a).ToArray();
            const double h = 1e-5;
            for (int j = 0; j < 2 * d; j++)
            {
                var xp = (double[])x.Clone(); xp[j] += h;
                var xm = (double[])x.Clone(); xm[j] -= h;
                var gp = f.GradientAt(xp); var gm = f.GradientAt(xm);
                for (int i = 0; i < 2 * d; i++) fdError = Math.Max(fdError, Math.Abs((gp[i] - gm[i]) / (2 * h) - u[i] * u[j]) / (1 + Math.Abs(u[i] * u[j])));
            }
            Sharpness.At(f, x).ShouldBe(x.Sum(v => v * v), 1e-9 * x.Sum(v => v * v));
        }
        fdError.ShouldBeLessThan(1e-7);
        // The flattest minimizer a = b = (1/√d)·(1, …): λ = 2Φ.
        var flat = new VectorFactorization(2, 1);
        double s2 = Math.Sqrt(0.5);
        Sharpness.At(flat, [s2, s2, s2, s2]).ShouldBe(2, 1e-12);
        Evidence.Number("exact Hessians checked at minimizers (d = 1…4)", checks)
            .Number("max relative error, central differences (h = 1e-5) vs [b; a][b; a]ᵀ", fdError, 0, 1e-7)
            .Number("sharpness at the balanced minimizer a = b, Φ = 1", Sharpness.At(flat, [s2, s2, s2, s2]), claimed: 2, tolerance: 1e-12)
            .Note("At aᵀb = Φ the closed form and forward-mode AD give exactly uuᵀ with u = [b; a]; Hu = (uᵀu)u with uᵀu = λ, so λ is the top eigenvalue of this rank-one PSD matrix; λ − 2Φ = ‖a − b‖² exactly (the flattest minimizers are a = b).")
            .Reproduced("exact rational identities at 40 random minimizers (a check, not a proof)");
        Evidence.NegativeControl("top eigenvalue λ/2", Holds(s => s.SquaredNorm / 2));
    }

    [Claim("flat.def1-max-sharpness")]
    public void MaximalSharpness()
    {
        // λ̄ is the bound of Lemmas 1, 6, 8; a definition: check it is what the later claims use.
        var draws = Family(FamilySeed, 200);
        foreach (var d in draws)
        {
            double lbar = Math.Sqrt(Math.Pow(d.A.Sum(x => x * x) + d.B.Sum(x => x * x), 2) + 4 * d.Phi * d.Phi);
            d.MaxSharpness.ShouldBe(lbar, 1e-12 * lbar);
            lbar.ShouldBeGreaterThanOrEqualTo(Math.Max(d.SquaredNorm, 2 * d.Phi));
        }
        var ex = draws[0];
        Evidence.Number("λ̄ of draw #0", ex.MaxSharpness, note: ex.ToString())
            .Note("λ̄ = √((‖a(0)‖² + ‖b(0)‖²)² + 4Φ²) ≥ max{λ(0), 2Φ}: it bounds both the start and the flattest minimizer's sharpness. Used as the bound of flat.lemma1-lambda-bound, flat.lemma5-6-gf, flat.region-A.");
        Evidence.NegativeControl("λ̄ ≥ max{λ(0), 2Φ} with 4Φ in place of 4Φ² (Φ = 2 draws)",
            draws.All(d => Math.Sqrt(d.SquaredNorm * d.SquaredNorm + 4 * d.Phi) >= Math.Max(d.SquaredNorm, 2 * d.Phi)));
    }

    [Claim("flat.lemma10")]
    public void SquaredNormImbalanceAndProduct()
    {
        // Printed: λ² = Q² + 4‖a‖²‖b‖² (n > 1), with Q = Σ|Qᵢ|. Exact check at small integer points, shrunk by FsCheck.
        static Rational[] Point(int[] n, int d) => Enumerable.Range(0, 2 * d).Select(i => new Rational(i < n.Length ? n[i] : 0)).ToArray();
        bool PrintedEquality(int[] n)
        {
            if (n.Length < 2) return true;
            int d = n.Length / 2;
            var s = State(Point(n, d), 0);
            return s.SquaredNorm * s.SquaredNorm == s.Imbalance * s.Imbalance + 4 * s.NormA * s.NormB;
        }
        var outcome = PropertyCheck.Run("λ² = Q² + 4‖a‖²‖b‖² (Q = Σ|Qᵢ|)", IntArrays, PrintedEquality, seed: 53, maxTest: 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeFalse();

        // What holds: d = 1 exactly; for every d, λ² = (ΣQᵢ)² + 4‖a‖²‖b‖², and the printed inequality λ² ≥ Q² + 4|aᵀb|².
        var rng = new Random(53);
        Evidence.Seed(53);
        int checks = 0;
        bool Corrected(Func<VectorFactorizationState<Rational>, bool> holds)
        {
            var r = new Random(53);
            foreach (int d in new[] { 1, 2, 5 })
                for (int t = 0; t < 3000; t++)
                {
                    var s = State(RandomRationals(r, 2 * d), 1);
                    if (!holds(s)) return false;
                    if (d == 1 && s.SquaredNorm * s.SquaredNorm != s.Imbalance * s.Imbalance + 4 * s.Product * s.Product) return false;
                    checks++;
                }
            return true;
        }
        Corrected(s => s.SquaredNorm * s.SquaredNorm == s.SignedImbalance * s.SignedImbalance + 4 * s.NormA * s.NormB
                       && s.SquaredNorm * s.SquaredNorm >= s.Imbalance * s.Imbalance + 4 * s.Product * s.Product
                       && s.SquaredNorm * s.SquaredNorm <= s.Imbalance * s.Imbalance + 4 * s.NormA * s.NormB).ShouldBeTrue();
        _ = rng;
        var ce = State([1, 0, 0, 1], 0);
        Evidence.Counterexample($"a = (1, 0), b = (0, 1): Q₁ = 1, Q₂ = −1, Q = 2, λ² = 4 but Q² + 4‖a‖²‖b‖² = {ce.Imbalance * ce.Imbalance + 4 * ce.NormA * ce.NormB}")
            .Number("exact points checked for the corrected statement (d = 1, 2, 5)", checks)
            .Note("The proof's \"assume w.l.o.g. aᵢ > bᵢ for all i\" is not without loss of generality: the identity holds with the signed sum ΣQᵢ = ‖a‖² − ‖b‖², not with Q = Σ|Qᵢ|. The inequality λ² ≥ Q² + 4|aᵀb|² is still true: λ² − Q² = 4(Σmin(aᵢ², bᵢ²))(Σmax(aᵢ², bᵢ²)) ≥ 4(Σ|aᵢbᵢ|)² by Cauchy–Schwarz.")
            .Erratum("For d > 1 the equality λ² = Q² + 4‖a‖²‖b‖² with Q = Σ|Qᵢ| is false (fails at a = (1, 0), b = (0, 1)); the n = 1 case and the inequality λ² ≥ Q² + 4|aᵀb|² hold.",
                "λ² = (Σᵢ Qᵢ)² + 4‖a‖²‖b‖² (signed sum), hence Q² + 4|aᵀb|² ≤ λ² ≤ Q² + 4‖a‖²‖b‖²; for d = 1, λ² = Q² + 4a²b².");
        Evidence.NegativeControl("λ² ≥ Q² + 4‖a‖²‖b‖² (the printed equality's ≥ half)", Corrected(s => s.SquaredNorm * s.SquaredNorm >= s.Imbalance * s.Imbalance + 4 * s.NormA * s.NormB));
    }

    [Claim("flat.eq35-mu-dot")]
    public void GradientFlowDerivativeOfMu()
    {
        // Exact: along ẋ = −∇L̄, μ = s·λ has μ̇ = s·2⟨x, ẋ⟩ (the chain rule, polynomial), compared with −4s²(aᵀb − c)aᵀb.
        int checks = 0;
        int[] signs = new int[3];
        bool Holds(int power)
        {
            var r = new Random(59);
            for (int trial = 0; trial < 60; trial++)
            {
                int d = 1 + trial % 3;
                var xs = Enumerable.Range(0, 3).Select(_ => r.Next(-8, 9) / 4.0).Append(1.0).ToArray();
                var ys = Enumerable.Range(0, 4).Select(_ => r.Next(-16, 17) / 4.0).ToArray();
                var f = new FactorizedRegression(d, xs, ys);
                var x = RandomRationals(r, 2 * d);
                var g = AutoDiff.Gradient<Rational>(f, x);
                var s = f.Curvature<Rational>();
                Rational muDot = 0;
                for (int i = 0; i < 2 * d; i++) muDot += 2 * s * x[i] * (-g[i]);
                var p = Scalar.Dot<Rational>(x.AsSpan(0, d), x.AsSpan(d));
                var c = f.EffectiveTarget<Rational>();
                if (muDot != -4 * Scalar.Pow(s, power) * (p - c) * p) return false;
                // Sign pattern: decreases when aᵀb > c or aᵀb < 0 (c > 0), grows when 0 < aᵀb < c.
                if (c > 0 && p != 0 && p != c)
                {
                    bool grows = muDot > 0;
                    if (grows != (p > 0 && p < c)) return false;
                    signs[p > c ? 0 : p > 0 ? 1 : 2]++;
                }
                checks++;
            }
            return true;
        }
        Holds(2).ShouldBeTrue();
        Evidence.Seed(59)
            .Number("exact points checked", checks)
            .Table("Sign of μ̇ by region (points with c > 0)", ["aᵀb > c (decreasing)", "0 < aᵀb < c (growing)", "aᵀb < 0 (decreasing)"], [[signs[0], signs[1], signs[2]]])
            .Reproduced("exact rational identity at 60 random points and data sets (a check, not a proof)");
        Evidence.NegativeControl("μ̇ = −4[(1/n)Σxᵢ²](aᵀb − Φ)aᵀb (first power of s)", Holds(1));
    }

    [Claim("flat.lemma4")]
    public void FromResidualsToTheLoss()
    {
        var f = new VectorFactorization(1, 1);
        // The remark "L = ε²" is App. B's convention; with definition (2), L = ½ε². The constant cancels in every
        // rate and in (15), whose L₀ and δ are on the same scale.
        Rational[] x = [3, 1];
        var e = f.Residual<Rational>(x);
        (f.Value<Rational>(x) == e * e / 2).ShouldBeTrue();
        // If |ε_k| ≤ ρᵏ|ε₀| with ρ = 1 − ημ, then L_k ≤ ρ²ᵏL₀, and L_k ≤ δ for every (real) t ≥ t* = log(L₀/δ)/(−2 log ρ),
        // the time (15) solves from √δ ≥ ρᵗ√L₀. Checked on the worst-case sequence |ε_k| = ρᵏ|ε₀| over a grid of ημ, L₀/δ:
        // (i) L_k/L₀ ≤ (rate)ᵏ for k ≤ 200, (ii) t* ≤ (log L₀ − log δ)/(−log ρ) ≤ (log L₀ − log δ)/(ημ).
        var rows = new List<object[]>();
        bool Holds(double ratePower)
        {
            foreach (double rate in new[] { 0.001, 0.01, 0.1, 0.5, 0.9 })
            {
                double rho = 1 - rate;
                for (int k = 0; k <= 200; k++)
                    if (Math.Pow(Math.Pow(rho, k), 2) > Math.Pow(rho, ratePower * k) * (1 + 1e-12)) return false;
                foreach (double ratio in new[] { 1.001, 1.05, 1.5, 10, 1e4, 1e12 })
                {
                    double tStar = Math.Log(ratio) / (-2 * Math.Log(rho));
                    double middle = Math.Log(ratio) / -Math.Log(rho), bound = Math.Log(ratio) / rate;
                    if (!(tStar <= middle && middle <= bound)) return false;
                }
            }
            return true;
        }
        Holds(2).ShouldBeTrue();
        foreach (double rate in new[] { 0.01, 0.5 })
            foreach (double ratio in new[] { 1.001, 1e12 })
            {
                double tStar = Math.Log(ratio) / (-2 * Math.Log(1 - rate));
                rows.Add([rate, ratio, tStar, (int)Math.Ceiling(tStar - 1e-12), Math.Log(ratio) / rate]);
            }
        Evidence.Number("L at (a, b) = (3, 1), Φ = 1 (ε = 2)", (double)f.Value<Rational>(x), claimed: 2, tolerance: 0, note: "L = ½ε² with definition (2); App. B writes L = ε²")
            .Table("Worst case |ε_k| = (1 − ημ)ᵏ|ε₀|: time to L ≤ δ against (15)", ["ημ", "L₀/δ", "t* = log(L₀/δ)/(−2 log(1 − ημ))", "first integer step ⌈t*⌉", "(15): (log L₀ − log δ)/(ημ)"], rows)
            .Note("Reading used (the most favourable the text supports): t in (15) is the real time solving √δ ≥ (1 − ημ)ᵗ√L₀, as App. B's own derivation does; then (15) holds with a factor 2 to spare. Read as an integer step count it needs max{1, ·}: it is below one step when L₀/δ < e^{ημ} (first two rows).")
            .Note("\"L = ε²\" conflicts with definition (2), L = ½(aᵀb − Φ)²; the appendices use it consistently (App. D's PL identity ‖∇L‖² = μL with μ = λ also needs it), and the factor ½ changes no rate. Not counted as an erratum: a change of convention by a constant.")
            .Reproduced("L_k ≤ (1 − ημ)²ᵏL₀ and (15) hold for the real time t of App. B's derivation (worst-case geometric sequences on a grid of ημ and L₀/δ)");
        Evidence.NegativeControl("L converges with rate (1 − ημ)³ (a power too many)", Holds(3));
    }
}
