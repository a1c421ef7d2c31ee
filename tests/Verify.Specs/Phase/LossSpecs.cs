using FsCheck.Fluent;
using Verify.Claims.Properties;
using Verify.Dynamics.Certification;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Sweeps;

namespace Verify.Specs.Phase;

/// <summary>
/// seeds/000_e93ee7fa783263bf.txt, intro and section "Where GD can settle": the loss, its minimizers,
/// gradient, critical points and saddle, and where the toy sits in the hierarchy of factorized losses.
/// </summary>
public sealed class LossSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Loss = ScalarFactorization.Instance;

    private static Rational L(Rational x, Rational y) => Loss.Value<Rational>([x, y]);

    /// <summary>The printed gradient ((xy − 1)y, (xy − 1)x).</summary>
    private static Rational[] PrintedGradient(Rational x, Rational y) => [(x * y - 1) * y, (x * y - 1) * x];

    [Claim("phase.loss")]
    public void LossValues()
    {
        L(1, 1).ShouldBe(Rational.Zero);
        L(-1, -1).ShouldBe(Rational.Zero);
        L(0, 0).ShouldBe(new Rational(1, 2));
        // Non-convex: the midpoint of two minimizers (1,1), (−1,−1) is the saddle with L = ½ > 0.
        (L(0, 0) > (L(1, 1) + L(-1, -1)) / 2).ShouldBeTrue();
        // Quartic: L(sx, sy) is a polynomial of degree 4 in s (its 5th derivative vanishes, its 4th does not).
        var d = AutoDiff.DirectionalDerivatives<Rational>(Loss, [new Rational(1, 3), new Rational(-2, 7)], [new Rational(1, 3), new Rational(-2, 7)], 5);
        d[4].IsZero.ShouldBeFalse();
        d[5].IsZero.ShouldBeTrue();
        Evidence.Number("L(1,1)", (double)L(1, 1), 0).Number("L(−1,−1)", (double)L(-1, -1), 0).Number("L(0,0)", (double)L(0, 0), 0.5)
                .Number("4th derivative of s ↦ L(s·w) at s = 0, w = (1/3, −2/7)", (double)d[4])
                .Note("Exact rational evaluation; non-convexity shown by L((a+b)/2) > (L(a)+L(b))/2 for a=(1,1), b=(−1,−1); degree 4 by the Taylor coefficients along a ray (5th derivative exactly 0).");
        Evidence.NegativeControl("L(0,0) = 1 (dropping the ½)", L(0, 0) == Rational.One);
        Evidence.NegativeControl("L is cubic (4th derivative along a ray vanishes)", d[4].IsZero);
    }

    [Claim("phase.minimizers")]
    public void ZeroSetIsTheHyperbola()
    {
        const ulong seed = 2;
        // L = 0 ⟺ xy = 1, exactly at random rational points and random points of the hyperbola.
        bool ZeroSetIs(Rational target, (Rational X, Rational Y) p)
        {
            var onCurve = p.X.IsZero ? (Rational.Zero, Rational.Zero) : (p.X, target / p.X);
            bool atCurve = onCurve.Item1.IsZero || L(onCurve.Item1, onCurve.Item2).IsZero;
            bool offCurve = (p.X * p.Y == target) == L(p.X, p.Y).IsZero;
            return atCurve && offCurve;
        }
        var outcome = PropertyCheck.Run("L(x, y) = 0 ⟺ xy = 1", PhaseCases.Points, p => ZeroSetIs(1, p), seed, 500);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // Not isolated: next to every minimizer (a, 1/a) there are others, (a + h, 1/(a + h)) for every small h ≠ 0.
        var rng = new Random(7);
        Evidence.Seed(7);
        int checkedMinimizers = 0;
        for (int i = 0; i < 200; i++)
        {
            var a = PhaseCases.RandomRational(rng);
            if (a.IsZero) continue;
            var h = new Rational(1, 1_000_000);
            var b = a + h;
            if (b.IsZero) continue;
            L(b, 1 / b).IsZero.ShouldBeTrue();
            ((b - a) * (b - a) + (1 / b - 1 / a) * (1 / b - 1 / a) > Rational.Zero).ShouldBeTrue();
            checkedMinimizers++;
        }
        Evidence.Number("minimizers with another minimizer within distance ~1e-6 (exact)", checkedMinimizers);
        Evidence.NegativeControl("the zero set is xy = 2", PropertyCheck.Run("L = 0 ⟺ xy = 2", PhaseCases.Points, p => ZeroSetIs(2, p), seed, 500).Passed);
    }

    /// <summary>∂L/∂x − (xy − 1)y and ∂L/∂y − (xy − 1)x, derivatives by forward-mode AD (or, wrong, the components swapped).</summary>
    private sealed class GradientDifference(bool swapped) : IMap
    {
        public int Dimension => 2;
        public TS[] Apply<TS>(ReadOnlySpan<TS> p) where TS : IScalar<TS>
        {
            TS x = p[0], y = p[1], n = x * y - TS.FromInt(1);
            var g = AutoDiff.Gradient<TS>(Loss, [x, y]);
            return swapped ? [g[0] - n * x, g[1] - n * y] : [g[0] - n * y, g[1] - n * x];
        }
    }

    [Claim("phase.gradient")]
    public void GradientClosedForm()
    {
        const ulong seed = 3;
        bool Matches(Func<Rational, Rational, Rational[]> formula, (Rational X, Rational Y) p)
        {
            var ad = AutoDiff.Gradient<Rational>(Loss, [p.X, p.Y]);
            var f = formula(p.X, p.Y);
            return ad[0] == f[0] && ad[1] == f[1];
        }
        var outcome = PropertyCheck.Run("∇L = ((xy − 1)y, (xy − 1)x) against forward-mode AD, exactly", PhaseCases.Points, p => Matches(PrintedGradient, p), seed, 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        var proof = Evidence.Timed("polynomial identity in (x, y)", () => PolynomialIdentity.Prove(new GradientDifference(swapped: false)));
        proof.Proven.ShouldBeTrue(proof.Describe());

        // Float check: central differences at 1000 random points of [−3, 3]².
        var rng = new Random(4);
        Evidence.Seed(4);
        double worst = 0;
        for (int i = 0; i < 1000; i++)
        {
            double x = rng.NextDouble() * 6 - 3, y = rng.NextDouble() * 6 - 3, h = 1e-5;
            double gx = (Loss.ValueAt([x + h, y]) - Loss.ValueAt([x - h, y])) / (2 * h);
            double gy = (Loss.ValueAt([x, y + h]) - Loss.ValueAt([x, y - h])) / (2 * h);
            double n = x * y - 1;
            worst = Math.Max(worst, Math.Max(Math.Abs(gx - n * y), Math.Abs(gy - n * x)) / (1 + Math.Abs(n) * (Math.Abs(x) + Math.Abs(y))));
        }
        Evidence.NumberWithin("max relative error, central differences (h = 1e-5) vs formula, 1000 points", worst, 0, 1e-6)
            .Certified($"∂L/∂x − (xy − 1)y and ∂L/∂y − (xy − 1)x (exact derivatives by forward-mode AD) are {proof.Describe()}");
        Evidence.NegativeControl("the same proof with the components swapped", PolynomialIdentity.Prove(new GradientDifference(swapped: true)).Proven);
        Evidence.NegativeControl("∇L = ((xy − 1)x, (xy − 1)y) (components swapped)",
            PropertyCheck.Run("swapped", PhaseCases.Points, p => Matches((x, y) => [(x * y - 1) * x, (x * y - 1) * y], p), seed, 300).Passed);
        Evidence.NegativeControl("∇L = ((1 − xy)y, (1 − xy)x) (sign flipped)",
            PropertyCheck.Run("sign flipped", PhaseCases.Points, p => Matches((x, y) => [(1 - x * y) * y, (1 - x * y) * x], p), seed, 300).Passed);
    }

    [Claim("phase.critical-points")]
    public void CriticalPointsAreTheMinimizersAndTheSaddle()
    {
        // (xy − 1)y = 0 and (xy − 1)x = 0: either xy = 1, or x = y = 0. Checked exactly on random points and on the
        // families where one factor vanishes (axes, the hyperbola, the origin).
        const ulong seed = 5;
        bool Critical(Rational x, Rational y) => AutoDiff.Gradient<Rational>(Loss, [x, y]).All(g => g.IsZero);
        bool Claimed(Rational x, Rational y) => x * y == 1 || (x.IsZero && y.IsZero);
        var families = Arb.Convert(Arb.Zip(ArbMap.Default.ArbFor<byte>(), PhaseCases.Points),
            t => (t.Item1 % 5) switch
            {
                0 => t.Item2,
                1 => (Rational.Zero, t.Item2.Y),
                2 => (t.Item2.X, Rational.Zero),
                3 => t.Item2.X.IsZero ? (Rational.One, Rational.One) : (t.Item2.X, 1 / t.Item2.X),
                _ => (Rational.Zero, Rational.Zero),
            },
            p => ((byte)0, p));
        var outcome = PropertyCheck.Run("∇L = 0 ⟺ xy = 1 or (x, y) = (0, 0)", families, p => Critical(p.Item1, p.Item2) == Claimed(p.Item1, p.Item2), seed, 500);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // The origin: Hessian [[0, −1], [−1, 0]], eigenvalues ±1, indefinite.
        var h = Loss.Hessian<Rational>([0, 0]);
        (h[0, 0], h[0, 1], h[1, 0], h[1, 1]).ShouldBe((Rational.Zero, (Rational)(-1), (Rational)(-1), Rational.Zero));
        var spectrum = Dynamics.Analysis.Sharpness.Spectrum(Loss, [0, 0]);
        Evidence.Number("Hessian eigenvalue at (0,0), smallest", spectrum[0], -1).Number("Hessian eigenvalue at (0,0), largest", spectrum[1], 1)
            .Note("Symbolically: (xy − 1)y = (xy − 1)x = 0 and xy ≠ 1 force x = y = 0. The exact check runs on random rationals mixed with the axes x = 0, y = 0, points (a, 1/a) and the origin.");
        Evidence.NegativeControl("the only critical points are the minimizers xy = 1",
            PropertyCheck.Run("minimizers only", families, p => Critical(p.Item1, p.Item2) == (p.Item1 * p.Item2 == 1), seed, 500).Passed);
        Evidence.NegativeControl("the axes x = 0 are critical too",
            PropertyCheck.Run("axes too", families, p => Critical(p.Item1, p.Item2) == (Claimed(p.Item1, p.Item2) || p.Item1.IsZero), seed, 500).Passed);
    }

    [Claim("phase.saddle")]
    public void OriginIsASaddle()
    {
        const ulong seed = 6;
        // ½(1 − ε²)² < ½ < ½(1 + ε²)², and both ends are the loss at (ε, ε) and (ε, −ε).
        bool Inequality(Rational e) =>
            !e.IsZero && L(e, e) == (1 - e * e) * (1 - e * e) / 2 && L(e, -e) == (1 + e * e) * (1 + e * e) / 2
            && L(e, e) < new Rational(1, 2) && new Rational(1, 2) < L(e, -e);
        var printed = new[] { new Rational(1, 10_000), new Rational(1, 100), new Rational(1, 10), new Rational(1, 2) };
        var rows = new List<object[]>();
        foreach (var e in printed.Concat(printed.Select(e => -e)))
        {
            Inequality(e).ShouldBeTrue($"ε = {e}");
            rows.Add([e.ToString(), (double)L(e, e), (double)L(e, -e)]);
        }
        Evidence.Table("Loss on both sides of the saddle (exact)", ["ε", "L(ε, ε)", "L(ε, −ε)"], rows);
        // "Small": every rational 0 < |ε| < 1, with shrinking.
        var small = Arb.Filter(PhaseCases.Rationals, e => !e.IsZero && e * e < 1);
        var outcome = PropertyCheck.Run("saddle inequality for 0 < |ε| < 1", small, Inequality, seed, 500);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // How small is small: L(ε, ε) < ½ ⟺ 0 < ε² < 2, located by bisection.
        var edge = Bisection.Locate(e => Inequality(Rational.FromDouble(e)), 0.5, 2, 1e-9);
        Evidence.NumberWithin("largest ε for which the inequality holds (bisection)", edge.Lower, Math.Sqrt(2), 1e-8,
            "derived: (1 − ε²)² < 1 ⟺ 0 < ε² < 2, so the inequality holds for all 0 < |ε| < √2, not only small ε");
        var any = Arb.Filter(PhaseCases.Rationals, e => !e.IsZero);
        var wrong = PropertyCheck.Run("saddle inequality for every ε ≠ 0", any, Inequality, seed, 500);
        Evidence.Counterexample($"(wrong version) {wrong.Describe()}");
        Evidence.NegativeControl("the inequality holds for every ε ≠ 0", wrong.Passed);
        Evidence.NegativeControl("L(ε, −ε) < ½ (the sides swapped)", printed.All(e => L(e, -e) < new Rational(1, 2)));
    }

    [Claim("phase.gd-fixed-points")]
    public void GradientDescentStopsOnlyAtCriticalPoints()
    {
        // F(w) = w − η∇L(w) = w ⟺ η∇L(w) = 0 ⟺ ∇L(w) = 0 for η > 0: exactly, at random points, minimizers and the origin.
        const ulong seed = 8;
        bool Stops(ExactStep s) { var next = GradientDescent.Step<Rational>(Loss, [s.X, s.Y], s.Eta); return next[0] == s.X && next[1] == s.Y; }
        bool Critical(ExactStep s) => s.X * s.Y == 1 || (s.X.IsZero && s.Y.IsZero);
        var cases = Arb.Convert(Arb.Zip(ArbMap.Default.ArbFor<bool>(), PhaseCases.Steps),
            t => t.Item1 && !t.Item2.X.IsZero ? t.Item2 with { Y = 1 / t.Item2.X } : t.Item2,
            s => (false, s));
        var outcome = PropertyCheck.Run("GD fixed point ⟺ critical point", cases, s => Stops(s) == Critical(s), seed, 400);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        Stops(new ExactStep(0, 0, new Rational(1, 2))).ShouldBeTrue();
        Evidence.Note("Both the minimizers (drawn half of the time as (a, 1/a)) and the saddle are fixed points of GD; no other point is.");
        Evidence.NegativeControl("GD also stops at (1, 0)", Stops(new ExactStep(1, 0, new Rational(1, 2))));
    }

    [Claim("phase.hierarchy")]
    public void ToyIsTheScalarCaseOfFactorizedLosses()
    {
        // 1 × 1 matrix factorization ½‖A − UV‖²_F with A = [1] and a depth-3 chain ½(1 − w₃w₂w₁)² with one factor 1.
        var mf = new RankOneFactorization(new double[,] { { 1 } });
        var deep = new ProductFactorization(3);
        var rng = new Random(9);
        Evidence.Seed(9);
        bool Reduces(RankOneFactorization m)
        {
            for (int i = 0; i < 200; i++)
            {
                Rational x = PhaseCases.RandomRational(rng), y = PhaseCases.RandomRational(rng);
                if (m.Value<Rational>([x, y]) != L(x, y) || deep.Value<Rational>([x, y, 1]) != L(x, y)) return false;
            }
            return true;
        }
        Reduces(mf).ShouldBeTrue();
        Evidence.Note("Exact at 200 random rational points: ½‖[1] − [x][y]‖²_F = ½(1 − w₃w₂w₁)² at w = (x, y, 1) = ½(1 − xy)². The deep linear networks and matrix factorizations of the other documents are built by their own specs; this claim only fixes the scalar case.");
        Evidence.NegativeControl("the 1 × 1 factorization with target A = [2] reduces to the toy", Reduces(new RankOneFactorization(new double[,] { { 2 } })));
    }
}
