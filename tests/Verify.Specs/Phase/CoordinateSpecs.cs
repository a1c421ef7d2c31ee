using Verify.Claims.Properties;
using Verify.Dynamics.Certification;
using Verify.Dynamics.Differentiation;

namespace Verify.Specs.Phase;

/// <summary>
/// seeds/000_e93ee7fa783263bf.txt, section "Coordinates near the minimizer curve": the coordinates
/// n = xy − 1 and t = x² − y², their exact one-step updates, the first-order multiplier 1 − ηs(t), the
/// local regimes, and s(t) ≥ 2.
/// </summary>
public sealed class CoordinateSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Loss = ScalarFactorization.Instance;

    private static Rational N(Rational x, Rational y) => ScalarFactorization.Residual(x, y);
    private static Rational T(Rational x, Rational y) => ScalarFactorization.Imbalance(x, y);

    /// <summary>One exact GD step and the coordinates before and after it.</summary>
    private static (Rational T0, Rational N0, Rational T1, Rational N1) Step(ExactStep s)
    {
        var next = GradientDescent.Step<Rational>(Loss, [s.X, s.Y], s.Eta);
        return (T(s.X, s.Y), N(s.X, s.Y), T(next[0], next[1]), N(next[0], next[1]));
    }

    /// <summary>The point with coordinates (t, n), x &gt; 0: x² − y² = t and xy = 1 + n.</summary>
    internal static (double X, double Y) FromCoordinates(double t, double n)
    {
        double x = Math.Sqrt((t + Math.Sqrt(t * t + 4 * (1 + n) * (1 + n))) / 2);
        return (x, (1 + n) / x);
    }

    private sealed class Coordinate(bool across) : Objective
    {
        public override int Dimension => 2;
        public override TS Value<TS>(ReadOnlySpan<TS> p) => across ? ScalarFactorization.Residual(p[0], p[1]) : ScalarFactorization.Imbalance(p[0], p[1]);
    }

    /// <summary>∇n − (y, x), ∇t − (2x, ±2y) (AD gradients of the coordinates) and ⟨∇n, ∇t⟩, as polynomials in (x, y).</summary>
    private sealed class CoordinateGradients(bool wrong) : IMap
    {
        public int Dimension => 2;
        public TS[] Apply<TS>(ReadOnlySpan<TS> p) where TS : IScalar<TS>
        {
            TS x = p[0], y = p[1], two = TS.FromInt(2);
            var gn = AutoDiff.Gradient<TS>(new Coordinate(across: true), [x, y]);
            var gt = AutoDiff.Gradient<TS>(new Coordinate(across: false), [x, y]);
            return [gn[0] - y, gn[1] - x, gt[0] - two * x, gt[1] - (wrong ? two * y : -two * y), gn[0] * gt[0] + gn[1] * gt[1]];
        }
    }

    /// <summary>
    /// One exact GD step on ½(xy − 1)² with (x, y, η) all variables, and the coordinates t = x² − y², n = xy − 1 before and
    /// after it: <see cref="Differences"/> returns printed update minus actual, polynomials in (x, y, η).
    /// </summary>
    private abstract class StepIdentity : IMap
    {
        public int Dimension => 3;
        public TS[] Apply<TS>(ReadOnlySpan<TS> p) where TS : IScalar<TS>
        {
            TS x = p[0], y = p[1], eta = p[2];
            var next = GradientDescent.Step<TS>(Loss, [x, y], eta);
            return Differences(ScalarFactorization.Imbalance(x, y), ScalarFactorization.Residual(x, y),
                ScalarFactorization.Imbalance(next[0], next[1]), ScalarFactorization.Residual(next[0], next[1]), eta, x, y);
        }

        protected abstract TS[] Differences<TS>(TS t0, TS n0, TS t1, TS n1, TS eta, TS x, TS y) where TS : IScalar<TS>;
    }

    /// <summary>t_{k+1} − (1 − (ηn_k)²)t_k (or, wrong, with η not squared).</summary>
    private sealed class AlongUpdate(bool wrong) : StepIdentity
    {
        protected override TS[] Differences<TS>(TS t0, TS n0, TS t1, TS n1, TS eta, TS x, TS y) =>
            [t1 - (TS.FromInt(1) - (wrong ? eta * n0 * n0 : eta * n0 * eta * n0)) * t0];
    }

    /// <summary>t_{k+1} − t_k + η²n_k²t_k (or, wrong, first order: + ηn_kt_k).</summary>
    private sealed class AlongIncrement(bool wrong) : StepIdentity
    {
        protected override TS[] Differences<TS>(TS t0, TS n0, TS t1, TS n1, TS eta, TS x, TS y) =>
            [t1 - t0 + (wrong ? eta * n0 * t0 : eta * eta * n0 * n0 * t0)];
    }

    /// <summary>
    /// With the root (t² + 4(n + 1)²)^½ replaced by r = x² + y² (≥ 0): r² − (t² + 4(n + 1)²), and n_{k+1} − (n_k − ηn_k r + sign·η²n_k²(n_k + 1)).
    /// </summary>
    private sealed class AcrossUpdate(int sign) : StepIdentity
    {
        protected override TS[] Differences<TS>(TS t0, TS n0, TS t1, TS n1, TS eta, TS x, TS y)
        {
            TS one = TS.FromInt(1), root = x * x + y * y, m = n0 + one;
            return [root * root - (t0 * t0 + TS.FromInt(4) * m * m), n1 - (n0 - eta * n0 * root + TS.FromInt(sign) * eta * eta * n0 * n0 * m)];
        }
    }

    [Claim("phase.coordinates")]
    public void AcrossAndAlongCoordinates()
    {
        const ulong seed = 11;
        bool Holds((Rational X, Rational Y) p, Func<Rational, Rational, Rational[]> gradT)
        {
            var gn = AutoDiff.Gradient<Rational>(new Coordinate(across: true), [p.X, p.Y]);
            var gt = AutoDiff.Gradient<Rational>(new Coordinate(across: false), [p.X, p.Y]);
            var claimedT = gradT(p.X, p.Y);
            return gn[0] == p.Y && gn[1] == p.X                          // ∇n = (y, x)
                && gt[0] == claimedT[0] && gt[1] == claimedT[1]          // ∇t as printed
                && gn[0] * gt[0] + gn[1] * gt[1] == Rational.Zero        // ⟨∇n, ∇t⟩ = 0
                && p.X * p.Y + p.Y * (-p.X) == Rational.Zero              // (x, −y) ⊥ (y, x)
                && gt[0] * (-p.Y) - gt[1] * p.X == Rational.Zero;        // ∇t ∥ (x, −y)
        }
        var outcome = PropertyCheck.Run("∇n = (y, x), ∇t = (2x, −2y) ∥ (x, −y), ⟨∇n, ∇t⟩ = 0", PhaseCases.Points, p => Holds(p, (x, y) => [2 * x, -2 * y]), seed, 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        var proof = Evidence.Timed("polynomial identity: the gradients of n and t", () => PolynomialIdentity.Prove(new CoordinateGradients(wrong: false)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        // Balanced minimizers: x = y and xy = 1 give x = ±1, and t = 0 there.
        T(1, 1).ShouldBe(Rational.Zero); T(-1, -1).ShouldBe(Rational.Zero);
        N(1, 1).ShouldBe(Rational.Zero);
        // Crossing = sign change of n: the two sides of the hyperbola are {n > 0} and {n < 0}.
        (N(2, 1).Sign, N(new Rational(1, 2), 1).Sign).ShouldBe((1, -1));
        Evidence.Note("Gradients by forward-mode AD in exact rationals; t = 0 at (±1, ±1); the curve xy = 1 is {n = 0}, separating n > 0 from n < 0.")
            .Certified($"∇n − (y, x), ∇t − (2x, −2y) (AD gradients) and ⟨∇n, ∇t⟩ are {proof.Describe()}");
        Evidence.NegativeControl("the same proof for ∇t = (2x, 2y)", PolynomialIdentity.Prove(new CoordinateGradients(wrong: true)).Proven);
        Evidence.NegativeControl("t = x² + y² (∇t = (2x, 2y), not orthogonal to ∇n)",
            PropertyCheck.Run("t = x² + y²", PhaseCases.Points, p => Holds(p, (x, y) => [2 * x, 2 * y]), seed, 300).Passed);
    }

    [Claim("phase.t-update")]
    public void AlongCoordinateUpdate()
    {
        const ulong seed = 12;
        bool Holds(ExactStep s, Func<Rational, Rational, Rational, Rational> claimed) { var (t0, n0, t1, _) = Step(s); return t1 == claimed(t0, n0, s.Eta); }
        var outcome = PropertyCheck.Run("t_{k+1} = (1 − (ηn_k)²)t_k, exactly", PhaseCases.Steps, s => Holds(s, (t, n, e) => (1 - (e * n) * (e * n)) * t), seed, 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        double worst = FloatCheck(13, (x, y, eta, t0, n0, t1, _) => Math.Abs(t1 - (1 - (eta * n0) * (eta * n0)) * t0) / Scale(x, y, eta, n0));
        Evidence.NumberWithin("max scaled error in double, 10⁴ points of [−3, 3]², η ∈ (0, 1.5)", worst, 0, 1e-13);
        var proof = Evidence.Timed("polynomial identity in (x, y, η)", () => PolynomialIdentity.Prove(new AlongUpdate(wrong: false)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        Evidence.Certified($"t_{{k+1}} − (1 − (ηn_k)²)t_k, with (x, y, η) all variables, is {proof.Describe()}");
        Evidence.NegativeControl("the same proof for t_{k+1} = (1 − ηn_k²)t_k", PolynomialIdentity.Prove(new AlongUpdate(wrong: true)).Proven);
        Evidence.NegativeControl("t_{k+1} = (1 − ηn_k²)t_k (η not squared)",
            PropertyCheck.Run("η not squared", PhaseCases.Steps, s => Holds(s, (t, n, e) => (1 - e * n * n) * t), seed, 300).Passed);
    }

    [Claim("phase.n-update")]
    public void AcrossCoordinateUpdate()
    {
        const ulong seed = 14;
        // Printed: n_{k+1} = n_k − ηn_k(t_k² + 4(n_k + 1)²)^½ + η²n_k²(n_k + 1). The root is exact: t² + 4(n + 1)² = (x² + y²)².
        bool Holds(ExactStep s, int sign)
        {
            var (t0, n0, _, n1) = Step(s);
            var root = Rational.Sqrt(t0 * t0 + 4 * (n0 + 1) * (n0 + 1));
            return root == s.X * s.X + s.Y * s.Y && n1 == n0 - s.Eta * n0 * root + sign * s.Eta * s.Eta * n0 * n0 * (n0 + 1);
        }
        var outcome = PropertyCheck.Run("n_{k+1} as printed, exactly", PhaseCases.Steps, s => Holds(s, +1), seed, 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        // Proof: (x² + y²)² = t² + 4(n + 1)² and x² + y² ≥ 0 make the root x² + y², and then the update is a polynomial identity.
        var proof = Evidence.Timed("polynomial identities in (x, y, η)", () => PolynomialIdentity.Prove(new AcrossUpdate(+1)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        Evidence.Certified($"(x² + y²)² − (t² + 4(n + 1)²) and n_{{k+1}} − (n_k − ηn_k(x² + y²) + η²n_k²(n_k + 1)) are {proof.Describe()}; "
            + "since x² + y² ≥ 0 it is the root (t² + 4(n + 1)²)^½, which gives the printed update");
        Evidence.NegativeControl("the same proof with the sign of η²n_k²(n_k + 1) flipped", PolynomialIdentity.Prove(new AcrossUpdate(-1)).Proven);
        double worst = FloatCheck(15, (x, y, eta, t0, n0, _, n1) =>
            Math.Abs(n1 - (n0 - eta * n0 * Math.Sqrt(t0 * t0 + 4 * (n0 + 1) * (n0 + 1)) + eta * eta * n0 * n0 * (n0 + 1))) / Scale(x, y, eta, n0));
        Evidence.NumberWithin("max scaled error in double, 10⁴ points of [−3, 3]², η ∈ (0, 1.5)", worst, 0, 1e-13)
            .Note("The square root is the rational x² + y² (the post's note (t² + 4(n + 1)²)^½ = x² + y², checked in the same property).");
        Evidence.NegativeControl("+η²n_k²(n_k + 1) with the sign flipped",
            PropertyCheck.Run("sign flipped", PhaseCases.Steps, s => Holds(s, -1), seed, 300).Passed);
    }

    [Claim("phase.t-increment")]
    public void AlongCoordinateBarelyMovesNearTheCurve()
    {
        const ulong seed = 16;
        bool Holds(ExactStep s, bool firstOrder) { var (t0, n0, t1, _) = Step(s); return t1 - t0 == (firstOrder ? -s.Eta * n0 * t0 : -(s.Eta * s.Eta) * n0 * n0 * t0); }
        var outcome = PropertyCheck.Run("t_{k+1} − t_k = −η²n_k²t_k, exactly", PhaseCases.Steps, s => Holds(s, false), seed, 300);
        Evidence.Property(outcome);
        outcome.Passed.ShouldBeTrue(outcome.Describe());
        var proof = Evidence.Timed("polynomial identity in (x, y, η)", () => PolynomialIdentity.Prove(new AlongIncrement(wrong: false)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        Evidence.Certified($"t_{{k+1}} − t_k + η²n_k²t_k, with (x, y, η) all variables, is {proof.Describe()}");
        Evidence.NegativeControl("the same proof for t_{k+1} − t_k = −ηn_kt_k", PolynomialIdentity.Prove(new AlongIncrement(wrong: true)).Proven);
        // Near the curve the step moves across, not along: |Δt| / |Δn| → 0 like |n| (exactly, at t = 3/2, η = 1/2).
        var rows = new List<object[]>();
        Rational x0 = Rational.FromDouble(FromCoordinates(1.5, 0).X), eta = new(1, 2);
        double previous = double.PositiveInfinity;
        for (int j = 1; j <= 6; j++)
        {
            var n = new Rational(1, (int)Math.Pow(10, j));
            var s = new ExactStep(x0, (1 + n) / x0, eta);
            var (t0, n0, t1, n1) = Step(s);
            double ratio = Math.Abs((double)((t1 - t0) / (n1 - n0)));
            rows.Add([$"1e-{j}", (double)(t1 - t0), (double)(n1 - n0), ratio]);
            ratio.ShouldBeLessThan(previous / 5);
            previous = ratio;
        }
        Evidence.Table("One exact step from (t, n) ≈ (1.5, 10^−j), η = ½: the move along vs across", ["n_k", "Δt", "Δn", "|Δt| / |Δn|"], rows);
        Evidence.NegativeControl("t_{k+1} − t_k = −ηn_kt_k (first order in n)",
            PropertyCheck.Run("first order", PhaseCases.Steps, s => Holds(s, true), seed, 300).Passed);
    }

    [Claim("phase.n-linearization")]
    public void FirstOrderMultiplier()
    {
        // Remainder R = n_{k+1} − (1 − ηs(t))n_k of a double GD step from the point with coordinates (t, n_k);
        // expanding the exact update, R/n_k² → C = η² − 4η/s(t) (derived), so R = O(n_k²) and not O(n_k³).
        double[] ts = [0, 0.5, -0.5, 2, -2], etas = [0.2, 0.45, 0.7, 0.95];
        var rows = new List<object[]>();
        double worstRelative = 0, maxRatio = 0, cubicGrowth = double.PositiveInfinity, wrongMultiplierGrowth = double.PositiveInfinity;
        foreach (var t in ts)
            foreach (var eta in etas)
            {
                double s = ScalarFactorization.SharpnessOnMinimizers(t), c = eta * eta - 4 * eta / s;
                var ratios = new List<double>();
                foreach (var sign in new[] { 1.0, -1.0 })
                    for (int j = 2; j <= 6; j++)
                    {
                        double n = sign * Math.Pow(10, -j);
                        double r = Remainder(t, n, eta, 1 - eta * s);
                        ratios.Add(r / (n * n));
                        if (j >= 4) worstRelative = Math.Max(worstRelative, Math.Abs(r / (n * n) - c) / Math.Max(1, Math.Abs(c)));
                        cubicGrowth = Math.Min(cubicGrowth, j == 6 ? Math.Abs(r / (n * n * n)) : double.PositiveInfinity);
                        wrongMultiplierGrowth = Math.Min(wrongMultiplierGrowth, j == 6 ? Math.Abs(Remainder(t, n, eta, 1 - eta * s / 2) / (n * n)) : double.PositiveInfinity);
                    }
                maxRatio = Math.Max(maxRatio, ratios.Max(Math.Abs));
                if (t >= 0) rows.Add([t, eta, ratios[0], ratios[2], ratios[4], c]);
            }
        Evidence.Table("R / n_k² for n_k = 10⁻², 10⁻⁴, 10⁻⁶ (n_k > 0) against the derived limit C = η² − 4η/s(t)", ["t", "η", "n = 1e-2", "n = 1e-4", "n = 1e-6", "C"], rows);
        Evidence.NumberWithin("max |R/n² − C| / max(1, |C|) for |n| ≤ 1e-4 (all t, η, signs)", worstRelative, 0, 1e-3);
        Evidence.Number("fitted constant: max |R| / n² over all cases", maxRatio, note: "bounded as n → 0: R = O(n²)");
        maxRatio.ShouldBeLessThan(5);
        Evidence.NegativeControl("R = O(n³) (|R|/|n|³ bounded by 100 at n = 1e-6)", cubicGrowth <= 100);
        Evidence.NegativeControl("multiplier 1 − ηs(t)/2 (|R|/n² bounded by 100 at n = 1e-6)", wrongMultiplierGrowth <= 100);
    }

    [Claim("phase.local-regimes")]
    public void LocalRegimes()
    {
        // Starts next to the curve, (t, n₀) with n₀ = ±1e-4, η chosen so that ηs(t) is 0.6, 1.4 or 2.2.
        double[] ts = [0, 0.5, -0.5, 2, -2, 3, -3];
        var rows = new List<object[]>();
        bool allMatch = true, swappedMatch = true;
        foreach (var target in new[] { 0.6, 1.4, 2.2 })
        {
            int attracted = 0, alternating = 0, cases = 0;
            foreach (var t in ts)
                foreach (var n0 in new[] { 1e-4, -1e-4 })
                {
                    double eta = target / ScalarFactorization.SharpnessOnMinimizers(t);
                    var (x, y) = FromCoordinates(t, n0);
                    var (converged, flips, steps) = Follow(x, y, eta);
                    cases++;
                    if (converged) attracted++;
                    if (flips >= steps / 2 && steps > 0) alternating++;
                    bool expected = target switch
                    {
                        < 1 => converged && flips == 0,
                        < 2 => converged && flips >= steps - 1,
                        _ => !converged,
                    };
                    allMatch &= expected;
                    // Swapped table: attraction without crossing for ηs < 2.
                    swappedMatch &= target < 2 ? converged && flips == 0 : !converged;
                }
            rows.Add([target, cases, attracted, alternating]);
        }
        Evidence.Table("Starts at (t, ±1e-4), t ∈ {0, ±0.5, ±2, ±3}: attracted (|n| < 1e-12 within 4000 steps) / sign of n alternating", ["ηs(t)", "starts", "attracted", "n alternates every step"], rows);
        allMatch.ShouldBeTrue();

        // The colours: on portraits labelled by residual only (|xy − 1| ≤ 1e-12, no local theory in the rule),
        // every green point ends where ηs(t) < 1, every point converging where 1 < ηs(t) < 2 is orange, and no
        // point converges where ηs(t) > 2.
        var table = new List<object[]>();
        int violations = 0, swappedViolations = 0;
        foreach (var panel in PhaseSweeps.ResidualPortraits.Value)
        {
            int green = 0, orange = 0, where2 = 0;
            for (int i = 0; i < panel.Count; i++)
            {
                if (!panel.Outcomes[i].ReachesMinimizers()) continue;
                double t = panel.FinalX[i] * panel.FinalX[i] - panel.FinalY[i] * panel.FinalY[i];
                double es = panel.Eta * ScalarFactorization.SharpnessOnMinimizers(t);
                bool isGreen = panel.Outcomes[i] == TrajectoryOutcome.ConvergedWithoutCrossing;
                if (isGreen) green++; else orange++;
                if (es > 2) where2++;
                if ((isGreen && !(es < 1)) || (es > 1 && es < 2 && isGreen) || es > 2) violations++;
                if (es < 2 && !isGreen) swappedViolations++; // the swapped table says: no crossing below 2
            }
            table.Add([panel.Eta, green, orange, where2]);
        }
        Evidence.Table("Residual-labelled portraits (101 × 101 on [−3, 3]², |xy − 1| ≤ 1e-12 within 20000 steps)", ["η", "green", "orange", "converged where ηs > 2"], table);
        Evidence.Number("points contradicting the table", violations, 0);
        violations.ShouldBe(0);
        Evidence.Figure("The first-order multiplier 1 − ηs(t) along the curve", Multiplier([0.3, 0.45, 0.7, 0.9, 1.05]), 900, 480,
            "Between the bands 0 and 1: attraction without crossing; between −1 and 0: attraction with crossing; below −1: repulsion. The curves touch their maximum 1 − 2η at t = 0, the balanced minimizer.");
        Evidence.NegativeControl("regimes with the thresholds swapped (ηs < 2 ⇒ attraction without crossing), on the starts next to the curve", swappedMatch);
        Evidence.NegativeControl("regimes with the thresholds swapped, on the portraits", swappedViolations == 0);
    }

    /// <summary>s(t) = (t² + 4)^½, the sharpness along xy = 1.</summary>
    private sealed class Sharpness : Objective
    {
        public override int Dimension => 1;
        public override TS Value<TS>(ReadOnlySpan<TS> t) => TS.Sqrt(t[0] * t[0] + TS.FromInt(4));
    }

    /// <summary>The tail |t| ≥ 100 with u = 1/|t| ∈ (0, 1/100]: s(t) = |t|(1 + 4u²)^½, so s(t) ≥ c ⟺ (1 + 4u²)^½ − c·u ≥ 0.</summary>
    private sealed class SharpnessTail(int c) : Objective
    {
        public override int Dimension => 1;
        public override TS Value<TS>(ReadOnlySpan<TS> u) => TS.Sqrt(TS.FromInt(1) + TS.FromInt(4) * u[0] * u[0]) - TS.FromInt(c) * u[0];
    }

    /// <summary>(x² + y²)² − ((x² − y²)² + 4(xy)²): on xy = 1 it says s(t)² = t² + 4 = (x² + y²)².</summary>
    private sealed class SharpnessOnTheCurve : Objective
    {
        public override int Dimension => 2;
        public override TS Value<TS>(ReadOnlySpan<TS> p)
        {
            TS x = p[0], y = p[1], s = x * x + y * y, t = ScalarFactorization.Imbalance(x, y), xy = x * y;
            return s * s - (t * t + TS.FromInt(4) * xy * xy);
        }
    }

    [Claim("phase.s-min")]
    public void SharpnessIsSmallestAtTheBalancedMinimizer()
    {
        // s(t)² − 4 = t² ≥ 0 exactly at random rationals; on the curve s = x² + y² (exact), 2 at x = y = 1.
        var rng = new Random(17);
        Evidence.Seed(17);
        bool Holds(Func<Rational, Rational> sSquared)
        {
            for (int i = 0; i < 200; i++)
            {
                var x = PhaseCases.RandomRational(rng);
                if (x.IsZero) continue;
                var y = 1 / x;
                var t = T(x, y);
                if (sSquared(t) != (x * x + y * y) * (x * x + y * y) || sSquared(t) - 4 < Rational.Zero) return false;
            }
            return sSquared(0) == 4;
        }
        Holds(t => t * t + 4).ShouldBeTrue();

        // The proof: interval bisection on [−100, 100] and on the tail |t| ≥ 100 (u = 1/|t| ∈ [0, 1/100]); s(0) = √4 = 2 exactly;
        // and s(t)² = (x² + y²)² on xy = 1 as a polynomial identity (so t = 0 ⟺ x² = y² ⟺ x = y on the curve, where xy = 1 > 0).
        var core = Evidence.Timed("s(t) ≥ 2 on [−100, 100]", () => InequalityProver.ProveAtLeast(new Sharpness(), [new Interval(-100, 100)], 2));
        var tail = Evidence.Timed("s(t) ≥ 2 for |t| ≥ 100", () => InequalityProver.ProveAtLeast(new SharpnessTail(2), [new Interval(0, 0.01)]));
        var atZero = new Sharpness().Value<Interval>([Interval.Zero]);
        var identity = Evidence.Timed("s² = (x² + y²)² on xy = 1", () => PolynomialIdentity.Prove(new SharpnessOnTheCurve()));
        core.IsProven.ShouldBeTrue(core.Describe());
        tail.IsProven.ShouldBeTrue(tail.Describe());
        (atZero.IsPoint && atZero.Lo == 2).ShouldBeTrue();
        identity.Proven.ShouldBeTrue(identity.Describe());
        Evidence.Table("Certificates: s(t) = (t² + 4)^½ ≥ 2", ["quantity", "box", "enclosure", "verdict"],
        [
            ["s(t) on |t| ≤ 100", "t ∈ [−100, 100]", $"s ≥ {core.ProvenBound:R}", core.Describe()],
            ["(1 + 4u²)^½ − 2u, u = 1/|t| (|t| ≥ 100)", "u ∈ [0, 0.01]", $"≥ {tail.ProvenBound:R}", tail.Describe()],
            ["s(0)", "t = 0", atZero.ToString(), "exactly 2 (√ is correctly rounded; √4 = 2)"],
            ["(x² + y²)² − ((x² − y²)² + 4(xy)²)", "all (x, y)", "≡ 0", identity.Describe()],
        ]);
        Evidence.Number("s(0)", ScalarFactorization.SharpnessOnMinimizers(0), claimed: 2)
            .Number("x² + y² at the balanced minimizer (1, 1)", 2, claimed: 2)
            .Note("Also exactly at 200 random points (a, 1/a) of the curve: s(t)² = t² + 4 = (x² + y²)² ≥ 4, with equality iff t = 0 iff x = y.")
            .Certified("s(t) ≥ 2 for every real t (interval proofs on [−100, 100] and on the tail |t| ≥ 100 through u = 1/|t|), s(0) = 2 exactly, "
                + "and s(t) = x² + y² on xy = 1 by a polynomial identity, so the minimum 2 is reached where t = 0, i.e. x = y");
        Evidence.NegativeControl("s(t)² = t² + 3", Holds(t => t * t + 3));
        var moved = InequalityProver.ProveAtLeast(new Sharpness(), [new Interval(-100, 100)], 2.1);
        Evidence.Note($"Bound moved 5% (s ≥ 2.1): {moved.Describe()}");
        Evidence.NegativeControl("s(t) ≥ 2.1 (bound moved 5%) on [−100, 100]", moved.IsProven);
    }

    private static ScottPlot.Plot Multiplier(double[] etas)
    {
        var plot = Support.Figures.New("Local multiplier of n: 1 − ηs(t), s(t) = (t² + 4)^½", "t = x² − y²", "1 − ηs(t)");
        var ts = Enumerable.Range(0, 401).Select(i => -4 + 8.0 * i / 400).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (int k = 0; k < etas.Length; k++)
            Support.Figures.Line(plot, ts, ts.Select(t => 1 - etas[k] * ScalarFactorization.SharpnessOnMinimizers(t)).ToArray(), $"η = {etas[k]}", palette.GetColor(k), 2);
        Support.Figures.Reference(plot, 1, "+1");
        Support.Figures.Reference(plot, 0, "0: no crossing above, crossing below", ScottPlot.Colors.Gray);
        Support.Figures.Reference(plot, -1, "−1: attraction above, repulsion below", ScottPlot.Colors.Red);
        plot.Axes.SetLimits(-4, 4, -3.5, 1.5);
        plot.ShowLegend(ScottPlot.Edge.Right);
        return plot;
    }

    /// <summary>n' − multiplier·n for a double GD step from the point with coordinates (t, n).</summary>
    private static double Remainder(double t, double n, double eta, double multiplier)
    {
        var (x, y) = FromCoordinates(t, n);
        double nExact = x * y - 1; // the n the point actually has (rounding)
        var next = GradientDescent.Step(Loss, [x, y], eta);
        return next[0] * next[1] - 1 - multiplier * nExact;
    }

    /// <summary>Runs GD from (x, y) until |n| &lt; 1e-12 (converged), |n| &gt; 1e-2 (left) or 4000 steps; counts sign flips of n.</summary>
    private static (bool Converged, int Flips, int Steps) Follow(double x, double y, double eta)
    {
        double n = x * y - 1;
        int flips = 0;
        for (int k = 1; k <= 4000; k++)
        {
            double g = eta * n;
            (x, y) = (x - g * y, y - g * x);
            double m = x * y - 1;
            if (m * n < 0) flips++;
            n = m;
            if (Math.Abs(n) < 1e-12) return (true, flips, k);
            if (!(Math.Abs(n) <= 1e-2)) return (false, flips, k);
        }
        return (false, flips, 4000);
    }

    private static double Scale(double x, double y, double eta, double n) => 1 + (x * x + y * y) * (x * x + y * y) * (1 + eta * Math.Abs(n)) * (1 + eta * Math.Abs(n));

    /// <summary>Max of an error over 10⁴ double GD steps from random (x, y) ∈ [−3, 3]², η ∈ (0, 1.5).</summary>
    private double FloatCheck(int seed, Func<double, double, double, double, double, double, double, double> error)
    {
        var rng = new Random(seed);
        Evidence.Seed(seed);
        double worst = 0;
        for (int i = 0; i < 10_000; i++)
        {
            double x = rng.NextDouble() * 6 - 3, y = rng.NextDouble() * 6 - 3, eta = rng.NextDouble() * 1.5;
            var next = GradientDescent.Step(Loss, [x, y], eta);
            worst = Math.Max(worst, error(x, y, eta, x * x - y * y, x * y - 1, next[0] * next[0] - next[1] * next[1], next[0] * next[1] - 1));
        }
        return worst;
    }
}
