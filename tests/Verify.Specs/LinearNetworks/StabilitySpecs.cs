using FsCheck;
using FsCheck.Fluent;
using ScottPlot;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Sweeps;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Specs of 003 §1 and §4.4, Appendices F, G, §5: descent lemma, stable sub-manifolds, stability, measure of C, critical step sizes.</summary>
public sealed class StabilitySpecs : ClaimSpec
{
    [Claim("lin.descent-lemma")]
    public void DescentLemma()
    {
        // (a) ½xᵀAx, A = diag(aᵢ) rational: K = max aᵢ; exact inequality at random rational x and η ∈ (0, 2/K).
        var quad = from n in Gen.Choose(1, 4) from a in Gen.ArrayOf(Gen.Choose(1, 40), n) from x in Gen.ArrayOf(Gen.Choose(-20, 20), n) from p in Gen.Choose(1, 99) select (a, x, p);
        var arb = Arb.From(quad, t => Enumerable.Range(0, t.x.Length).Where(i => t.x[i] != 0)
            .Select(i => { var x = (int[])t.x.Clone(); x[i] /= 2; return (t.a, x, t.p); }));
        bool Quadratic((int[] A, int[] X, int P) t, Rational factor)
        {
            if (t.A.Length != t.X.Length) return true;
            var a = t.A.Select(v => new Rational(v, 4)).ToArray();
            Rational k = a.Max();
            Rational eta = new Rational(t.P, 50) / k; // η = (P/50)/K ∈ (0, 2/K)
            Rational[] x = t.X.Select(v => (Rational)v).ToArray();
            Rational L(Rational[] v) => Enumerable.Range(0, v.Length).Aggregate(Rational.Zero, (s, i) => s + a[i] * v[i] * v[i] / 2);
            var g = x.Select((v, i) => a[i] * v).ToArray();
            var next = x.Select((v, i) => v - eta * g[i]).ToArray();
            Rational g2 = g.Aggregate(Rational.Zero, (s, v) => s + v * v);
            return L(next) <= L(x) - eta * (1 - factor * k * eta) * g2;
        }
        Evidence.Holds("½xᵀAx: L(x − η∇L) ≤ L(x) − η(1 − Kη/2)‖∇L‖², exact", arb, t => Quadratic(t, new Rational(1, 2)), seed: 500, maxTest: 300);
        // Tightness: along the top eigenvector of a quadratic the inequality is an equality.
        Rational kk = 3, et = new(1, 2), x0 = 1;
        var lhs = kk * (x0 - et * kk * x0) * (x0 - et * kk * x0) / 2;
        var rhs = kk * x0 * x0 / 2 - et * (1 - kk * et / 2) * kk * kk * x0 * x0;
        lhs.ShouldBe(rhs);
        // (b) ½(1 − xy)² on the convex box B = [−2, 2]²: ‖H‖₂ ≤ ‖H‖_F ≤ √(16 + 16 + 2·81) < 14 =: K; steps that stay in B.
        var rng = new Random(501);
        Evidence.Seed(501);
        int checkedSteps = 0; bool toyHolds = true;
        for (int s = 0; s < 2000; s++)
        {
            Rational[] th = [new(rng.Next(-200, 201), 100), new(rng.Next(-200, 201), 100)];
            Rational eta = new(rng.Next(1, 100), 700); // < 2/14
            var g = ScalarFactorization.Instance.Gradient<Rational>(th);
            Rational[] next = [th[0] - eta * g[0], th[1] - eta * g[1]];
            if (Rational.Abs(next[0]) > 2 || Rational.Abs(next[1]) > 2) continue;
            checkedSteps++;
            toyHolds &= ScalarFactorization.Instance.Value<Rational>(next) <= ScalarFactorization.Instance.Value<Rational>(th) - eta * (1 - 14 * eta / 2) * (g[0] * g[0] + g[1] * g[1]);
        }
        toyHolds.ShouldBeTrue();
        Evidence.Number("½(1 − xy)² steps checked inside [−2, 2]² (K = 14)", checkedSteps)
                .Note("Exact rational arithmetic. On quadratics the bound is attained along the top eigenvector (checked: K = 3, η = ½).");
        Evidence.ControlFails("L(x − η∇L) ≤ L(x) − η(1 − Kη/4)‖∇L‖²", arb, t => Quadratic(t, new Rational(1, 4)), seed: 500, maxTest: 300);
    }

    [Claim("lin.def14-stable")]
    public void StrongAndWeakStableSubmanifolds()
    {
        // ½(1 − xy)²: one non-zero eigenvalue λ(a) = a² + a⁻² ≥ 2 on M (min at a = 1). {a : λ(a) < K} ≠ ∅ ⟺ K > 2.
        static bool NonEmpty(Rational bound) => bound > 2;
        var etas = Enumerable.Range(1, 200).Select(k => new Rational(k, 100)).ToList(); // η ∈ (0, 2]
        bool Consistent(Func<Rational, Rational> weakBound) => etas.All(eta =>
        {
            bool ss = NonEmpty(2 / eta), ws = NonEmpty(weakBound(eta));
            return ss == ws; // App. B: M_SS = M_WS (one non-zero eigenvalue); in general M_SS ⊆ M_WS
        });
        bool printed = Consistent(eta => 2 * eta);
        printed.ShouldBeFalse();
        Consistent(eta => 2 / eta).ShouldBeTrue();
        var rows = new[] { new Rational(1, 4), new Rational(1, 2), new Rational(9, 10), new Rational(11, 10) }.Select(eta => new object[]
            { (double)eta, NonEmpty(2 / eta) ? "≠ ∅" : "∅", NonEmpty(2 * eta) ? "≠ ∅" : "∅", NonEmpty(2 / eta) ? "≠ ∅" : "∅" }).ToList();
        Evidence.Table("½(1 − xy)²: M_SS and M_WS (λ_min = the non-zero eigenvalue a² + a⁻² ≥ 2)", ["η", "M_SS = {λ_max < 2/η}", "printed M_WS = {λ_min < 2η}", "M_WS = {λ_min < 2/η}"], rows);
        // At η = ½ the printed definitions put Theorem 16's two cases in force at once: M_SS ≠ ∅ (C has positive measure) and M_WS = ∅ (C has measure zero).
        var half = ConvergenceSweeps.Toy[0.5];
        Evidence.Number("½(1 − xy)², η = ½: fraction of starts in [−3, 3]² converging to M", half.Fraction.Estimate, note: half.Fraction.ToString());
        half.Fraction.Lower.ShouldBeGreaterThan(0);
        Evidence.Counterexample("½(1 − xy)², η = ½: M_SS = {x² + y² < 4} ∩ M ∋ (1, 1) is non-empty, but the printed M_WS = {λ_min < 2η = 1} is empty (λ ≥ 2 on M): " +
                                "the \"weak\" set is smaller than the \"strong\" one, App. B's M_SS = M_WS fails for every η ≠ 1, and Theorem 16 would call C both of positive measure and null " +
                                $"(Monte Carlo: {half.Fraction} of starts converge).");
        // [1,1,2]: with the corrected definition M_SS ⊆ M_WS always (λ_min ≤ λ_max) — exact at θ(a), and M_WS ≠ ∅ for every η (λ_min = 2a² → 0).
        bool inclusion = Enumerable.Range(1, 40).All(i =>
        {
            Rational a = new(i, 8), eta = new(i, 13);
            Rational lmin = 2 * a * a, lmax = 2 * a * a + 4 / (a * a);
            return !(lmax < 2 / eta) || lmin < 2 / eta;
        });
        inclusion.ShouldBeTrue();
        Evidence.Note("A misprint, as Appendix G's proof (\"M_WS = ∅ … λ_min ≥ 2/η\") and Appendix B (M_SS = M_WS) show: the definition is recorded as printed, and lin.thm16-measure and " +
                      "lin.cor17-critical use the intended 2/η. λ_min is read as the smallest non-zero eigenvalue: the smallest eigenvalue is 0 on M whenever dim M > 0 (Theorem 10), which would make M_WS = M for every η.");
        Evidence.Erratum(
            "M_WS := {λ_min < 2η} has the step size on the wrong side: it grows with η, is smaller than M_SS for small η, and contradicts Appendix B (M_SS = M_WS), Corollary 17 (M_WS = ∅ for large η) " +
            "and the proof of Theorem 16 in Appendix G (\"M_WS = ∅ … λ_min ≥ 2/η\").",
            "M_WS := {θ ∈ M | λ_min(H_L(θ)) < 2/η}, λ_min the smallest non-zero eigenvalue (with the zero eigenvalues of Theorem 10 counted, λ_min = 0 and M_WS = M for every η). " +
            "Then M_SS ⊆ M_WS, and M_SS = M_WS on ½(1 − xy)² for all 200 step sizes η = k/100 ≤ 2 (exact). (For Theorem 16's second statement the boundary λ_min = 2/η must count as weakly stable: see lin.thm16-measure.)");
        Evidence.NegativeControl("M_WS := {λ_min < 1/η} (factor 2 dropped)", Consistent(eta => 1 / eta));
    }

    [Claim("lin.thm15-stability")]
    public void StableAndUnstableMinima()
    {
        const double delta = 1e-6, epsilon = 1e-3;
        const int steps = 20000;
        // Lyapunov: start δ off θ̄ ∈ M along a normal direction; stable when the orbit stays within ε of θ̄ for the whole budget.
        static bool Stable(Objective f, double[] point, double[] normal, double eta)
        {
            var x = point.Select((v, i) => v + delta * normal[i]).ToArray();
            for (int k = 0; k < steps; k++)
            {
                x = GradientDescent.Step(f, x, eta);
                double dist = Math.Sqrt(x.Select((v, i) => (v - point[i]) * (v - point[i])).Sum());
                if (!(dist <= epsilon)) return false;
            }
            return true;
        }
        var toy = ScalarFactorization.Instance;
        bool ToyStable(double a) => Stable(toy, [a, 1 / a], Normalize([1 / a, a]), 0.4); // normal to xy = 1 is ∇(xy) = (y, x)
        var rows = new List<object[]>();
        foreach (var a in new[] { 1, 1.5, 2, 2.1, 2.15, 2.2, 2.3 })
        {
            double lam = a * a + 1 / (a * a);
            bool stable = ToyStable(a);
            rows.Add([a, lam, lam < 5 ? "yes" : "no", stable ? "stable" : "unstable"]);
            stable.ShouldBe(lam < 5);
        }
        Evidence.Table("½(1 − xy)², η = 0.4 (2/η = 5): minimizers (a, 1/a), perturbed by 10⁻⁶ along the normal, 20000 steps, ε = 10⁻³", ["a", "λ_max = a² + a⁻²", "in M_SS", "observed"], rows);
        // The stability boundary by bisection against λ_max(a) = 2/η: a² = (5 + √21)/2.
        var bracket = Bisection.Locate(ToyStable, 1.5, 3, 1e-3);
        double claimedToy = Math.Sqrt((5 + Math.Sqrt(21)) / 2); // λ_max(a) = a² + a⁻² = 2/η = 5 (Theorem 15 with Definition 14)
        Evidence.NumberWithin("½(1 − xy)², η = 0.4: stability boundary in a (bisection)", bracket.Midpoint, claimedToy, 2e-3, note: $"bracket [{bracket.Lower:F5}, {bracket.Upper:F5}]");
        // The [1,1,2] network at η = 0.3 along θ(a) = (a, 1/a, 1/a): λ_max = 2a² + 4/a² < 2/η ⟺ a ∈ (0.886, 1.597); perturb along a random normal direction.
        var net = WideOutput;
        var rng = new Random(510);
        Evidence.Seed(510);
        double[] NormalAt(double a)
        {
            var tangent = Normalize([1, -1 / (a * a), -1 / (a * a)]);
            var v = Enumerable.Range(0, 3).Select(_ => rng.NextDouble() - 0.5).ToArray();
            double dot = v.Select((x, i) => x * tangent[i]).Sum();
            return Normalize(v.Select((x, i) => x - dot * tangent[i]).ToArray());
        }
        bool NetStable(double a) => Stable(net, [a, 1 / a, 1 / a], NormalAt(a), 0.3);
        var netBracket = Bisection.Locate(NetStable, 1.2, 2.5, 1e-3);
        double claimedNet = Math.Sqrt((2 / 0.3 + Math.Sqrt(4 / 0.09 - 32)) / 4); // 2u² − (2/η)u + 4 = 0, u = a²
        Evidence.NumberWithin("[1,1,2], η = 0.3: upper stability boundary in a (bisection)", netBracket.Midpoint, claimedNet, 2e-3, note: $"bracket [{netBracket.Lower:F5}, {netBracket.Upper:F5}]");
        Evidence.Note("M_SS is the open set {a : λ_max(a) < 2/η} of the 1-dimensional M (open intervals of a), so a sub-manifold of M of the same dimension; " +
                      "S(G) ∩ M = {λ = 1/η} is a finite set of a, avoided by the bisection points.");
        // The boundary λ_max = 2/η itself, where dG has the eigenvalue −1 (|−1| = 1, not > 1): the paper's own example at η = 1 and θ = (1, 1).
        // θ ∉ M_SS = {x² + y² < 2} = ∅ and det dG(1, 1) = 1 − η(x² + y²) = −1 ≠ 0, so θ ∉ S(G): Theorem 15 calls it unstable.
        var h11 = toy.Hessian<Rational>([1, 1]);
        var detDg = (ScalarMatrix<Rational>.Identity(2) - ToScalarMatrix(h11)).Determinant();
        detDg.ShouldBe((Rational)(-1));
        (h11[0, 0] + h11[1, 1]).ShouldBe((Rational)2); // λ_max(1, 1) = 2 = 2/η (the other eigenvalue is 0)
        var directionRng = new Random(511);
        var directions = Enumerable.Range(0, 8).Select(_ => { double t = 2 * Math.PI * directionRng.NextDouble(); return new[] { Math.Cos(t), Math.Sin(t) }; }).ToList();
        bool boundaryStable = directions.All(d => Stable(toy, [1, 1], d, 1.0));
        boundaryStable.ShouldBeTrue();
        var excursionRows = new List<object[]>();
        foreach (var size in new[] { 1e-2, 1e-3, 1e-4 })
        {
            double worstExcursion = directions.Max(d => MaxExcursion(toy, [1, 1], d, 1.0, size, steps));
            excursionRows.Add([size, worstExcursion]);
            worstExcursion.ShouldBeLessThan(1.1);
        }
        Evidence.Table("½(1 − xy)², η = 1, θ = (1, 1) (λ_max = 2/η, det dG = −1): largest distance from θ over 20000 steps, relative to the start distance δ, over 8 random directions",
            ["δ", "max ‖θ_k − θ‖ / δ"], excursionRows);
        Evidence.Counterexample("The boundary of M_SS, on the paper's own example: ½(1 − xy)² at η = 1, θ = (1, 1) ∈ M. Here λ_max = 2 = 2/η, so θ ∉ M_SS, and det dG(θ) = −1 ≠ 0, so θ ∉ S(G): " +
                                "Theorem 15 calls θ unstable. But dG(θ) has eigenvalues −1 and 1 (none of modulus > 1) and θ is stable: orbits started δ away in 8 random directions never get further than " +
                                "1.1·δ in 20000 steps for δ = 10⁻², 10⁻³, 10⁻⁴ (table), and every start of [0.95, 1.05]² converges to θ (lin.thm16-measure). On the invariant diagonal x = y the two-step map is " +
                                "n ↦ n − 4n³ + O(n⁴) in n = xy − 1: the cubic term, not the linearization, decides.");
        Evidence.Erratum(
            "\"If θ ∈ M ∖ (M_SS ∪ S(G)) then θ is unstable\" fails on the boundary λ_max(θ) = 2/η, which M ∖ M_SS contains: there dG has the eigenvalue −1, of modulus 1, and the proof's " +
            "\"at least one eigenvalue whose absolute value is greater than one\" does not hold. On ½(1 − xy)² at η = 1 the minimum (1, 1) is stable.",
            "θ ∈ M_SS ∖ S(G) ⇒ stable; θ ∈ M with λ_max(θ) > 2/η ⇒ unstable (the table and the bisections: the stability boundary is λ_max = 2/η to 2·10⁻³ in a, on ½(1 − xy)² at η = 0.4 and on [1,1,2] at η = 0.3); " +
            "at λ_max(θ) = 2/η the linearization does not decide.");
        double wrong = Math.Sqrt((2.5 + Math.Sqrt(2.5 * 2.5 - 4)) / 2); // boundary of λ_max < 1/η
        Evidence.NegativeControl("boundary of {λ_max < 1/η} (a factor 2 dropped) within the same 2·10⁻³", Math.Abs(bracket.Midpoint - wrong) <= 2e-3);
        Evidence.NegativeControl("θ = (1, 1) read as stable at η = 1.1 (λ_max = 2 > 2/η): the same excursion check (≤ 1.1·δ, δ = 10⁻⁴)",
            directions.Max(d => MaxExcursion(toy, [1, 1], d, 1.1, 1e-4, steps)) < 1.1);
    }

    [Claim("lin.thm16-measure")]
    public void MeasureOfTheConvergingSet()
    {
        var toy = ConvergenceSweeps.Toy; var wide = ConvergenceSweeps.Wide;
        double etaCWide = 1 / (2 * Math.Sqrt(2)); // [1,1,2]: min λ_max = 4√2 (lin.cor13)
        var rows = new List<object[]>();
        foreach (var (eta, t) in toy) rows.Add(["½(1 − xy)², [−3, 3]²", eta, eta < 1 ? "≠ ∅" : "∅", eta < 1 ? "≠ ∅" : "∅", t.Converged, t.Diverged, t.Undecided, t.Fraction.ToString()]);
        foreach (var (eta, t) in wide) rows.Add(["[1,1,2], [−2, 2]³", eta, eta < etaCWide ? "≠ ∅" : "∅", "≠ ∅", t.Converged, t.Diverged, t.Undecided, t.Fraction.ToString()]);
        Evidence.Table("Monte Carlo fraction of starts from which GD converges to M", ["loss, starts", "η", "M_SS", "M_WS (λ_min < 2/η)", "converged", "diverged", "undecided", "fraction (Wilson 95%)"], rows);
        Evidence.Note(ConvergenceSweeps.CriterionText);
        // Corrected theorem (M_WS with 2/η): M_SS ≠ ∅ ⇒ a positive fraction (Wilson lower bound > 0); M_WS = ∅ ⇒ no converging start at all
        // (0 of N: the Wilson upper bound ≈ 3.8/N is the most N samples can say about a null set).
        bool Holds(double etaE, IReadOnlyDictionary<double, ConvergenceTally> sweep, double etaC) => sweep.All(kv =>
            (kv.Key >= etaC || kv.Value.Fraction.Lower > 0) && (kv.Key <= etaE || kv.Value.Converged == 0));
        Holds(1, toy, 1).ShouldBeTrue();
        Holds(double.PositiveInfinity, wide, etaCWide).ShouldBeTrue();
        // Beyond η_C on [1,1,2] no start converges although M_WS ≠ ∅ (λ_min → 0 on M): the second hypothesis is sufficient, not necessary (Ahn et al.'s λ_max > 2/η is what matters).
        wide.Where(kv => kv.Key > etaCWide).All(kv => kv.Value.Converged == 0).ShouldBeTrue();
        Evidence.Figure("Fraction of starts converging to a minimum against η", FractionFigure(toy, wide, etaCWide), caption:
            "Wilson 95% intervals. ½(1 − xy)²: positive below η_C = η_E = 1, zero above. [1,1,2]: positive below η_C = 1/(2√2), zero above, although M_WS is never empty there.");
        // As printed (with Definition 14's M_WS = {λ_min < 2η}): at η = ½ on ½(1 − xy)², M_WS = ∅ (λ ≥ 2 > 1) yet a positive fraction converges.
        var half = toy[0.5];
        half.Fraction.Lower.ShouldBeGreaterThan(0);
        Evidence.Note("Reading used: M_WS = {θ ∈ M | λ_min(H_L(θ)) < 2/η}, λ_min the smallest non-zero eigenvalue — the reading of the proof in Appendix G (\"M_WS = ∅ … λ_min ≥ 2/η\"), " +
                      "not Definition 14's misprinted 2η (lin.def14-stable). With the misprint the second statement would fail already at η = ½ on ½(1 − xy)²: M_WS = {λ_min < 1} = ∅, " +
                      $"yet {half.Fraction} of uniform starts in [−3, 3]² converge.");
        // The boundary η = η_E = 1 on ½(1 − xy)²: M_WS = {λ_min < 2/η} = ∅ (λ ≥ 2 = 2/η), yet starts near (1, 1) still converge — algebraically
        // (multiplier −1 across M, cubic contraction): |xy − 1| and |x² − y²| decay like k^(−½) from every start of a neighbourhood.
        var boundary = BoundaryRuns();
        var boundaryRows = boundary.Select(r => new object[] { Show(r.Start), r.N[0], r.N[1], r.T[1], r.SlopeN, r.SlopeT }).ToList();
        Evidence.Table("½(1 − xy)², η = 1 (= η_E): 12 random starts in [0.95, 1.05]²; |n| = |xy − 1| and |t| = |x² − y²| at k = 10⁴ and 10⁵, and their log-log slopes",
            ["start", "|n| at 10⁴", "|n| at 10⁵", "|t| at 10⁵", "slope of |n|", "slope of |t|"], boundaryRows);
        boundary.All(r => r.SlopeN < -0.4 && r.SlopeN > -0.6 && r.N[1] < r.N[0]).ShouldBeTrue();
        Evidence.Counterexample("The paper's own example at the boundary step η = η_E = 1: on ½(1 − xy)² every minimum has λ_min = λ_max = x² + y² ≥ 2 = 2/η, so M_WS = {λ_min < 2/η} = ∅, " +
                                "but every start of [0.95, 1.05]² tried converges to (1, 1), |xy − 1| ≈ 0.7·k^(−½) (table; on the diagonal x = y the two-step map is n ↦ n − 4n³ + O(n⁴), n = xy − 1) — " +
                                "C contains a neighbourhood of (1, 1) and has positive measure. Lemma 58, which the proof invokes, needs λ_max > 2/η strictly, and λ_max(1, 1) = 2 = 2/η.");
        Evidence.Erratum(
            "The second statement fails at the boundary step size: for ½(1 − xy)² at η = η_E = 1, M_WS = {λ_min < 2/η} is empty, yet GD converges (algebraically) from a whole neighbourhood " +
            "of (1, 1), so C has positive measure. The proof's step \"M_WS = ∅ ⇒ λ_min ≥ 2/η ⇒ Lemma 58 applies\" needs λ_max > 2/η strictly.",
            "M_SS ≠ ∅ ⇒ C has positive measure; if {θ ∈ M | λ_min(H_L(θ)) ≤ 2/η} = ∅ (boundary included) then C is null (then λ_max > 2/η and no eigenvalue equals 1/η on M, so Lemma 58 applies). " +
            "Consistent with the Monte Carlo fractions on ½(1 − xy)² (positive for η < 1, zero for η > 1) and on [1,1,2] (positive below η_C; zero above it, although M_WS ≠ ∅ there: " +
            "the hypothesis is sufficient, not necessary).");
        Evidence.NegativeControl("η_E = 0.85 for ½(1 − xy)² (threshold moved below 1: η = 0.9 should have no converging start)", Holds(0.85, toy, 1));
    }

    [Claim("lin.cor17-critical")]
    public void CriticalStepSizesExist()
    {
        var cases = new (string Name, DeepLinearNetwork Net, double ClaimedEtaC, double ClaimedEtaE, string Why)[]
        {
            ("[1,1], ½(1 − w)²", new(new LayerWidths(1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5), 2, 2, "H = 1"),
            ("[1,1,1], ½(1 − xy)²", new(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5), 1, 1, "λ = x² + y² ≥ 2 (App. B)"),
            ("[1,1,1], (1 − xy)²", new(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }), 0.5, 0.5, "λ = 2(x² + y²) ≥ 4"),
            ("[1,2,1], ½(1 − ac − bd)²", new(new LayerWidths(1, 2, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5), 1, 1, "λ = ‖θ‖² ≥ 2"),
            ("[1,1,1,1], ½(1 − xyz)²", new(new LayerWidths(1, 1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5), 2.0 / 3, 2.0 / 3, "λ = x⁻² + y⁻² + z⁻² ≥ 3"),
            ("[1,1,2], (1 − ab)² + (1 − ac)²", WideOutput, 1 / (2 * Math.Sqrt(2)), double.PositiveInfinity, "λ_max = 2a² + 4/a² ≥ 4√2, λ_min = 2a² → 0"),
            ("[2,2,2], ‖I − W₂W₁‖²", new(new LayerWidths(2, 2, 2), new double[,] { { 1, 0 }, { 0, 1 } }, new double[,] { { 1, 0 }, { 0, 1 } }), 0.5, double.PositiveInfinity, "λ = 2(σᵢ(W₁)⁻² + σⱼ(W₁)²): max ≥ 4, min → 0"),
        };
        var computed = cases.AsParallel().AsOrdered().Select((c, i) => CriticalStepSizes.Compute(c.Net, starts: 2, seed: 520 + i, bounds: [1, 2, 4, 8])).ToArray();
        var rows = new List<object[]>();
        bool Agree(Func<int, double> claimedEtaC)
        {
            for (int i = 0; i < cases.Length; i++)
            {
                var c = computed[i];
                if (Math.Abs(c.EtaC - claimedEtaC(i)) > 1e-6 * claimedEtaC(i)) return false;
                if (double.IsPositiveInfinity(cases[i].ClaimedEtaE) ? !double.IsPositiveInfinity(c.EtaE) : Math.Abs(c.EtaE - cases[i].ClaimedEtaE) > 1e-6 * cases[i].ClaimedEtaE) return false;
            }
            return true;
        }
        for (int i = 0; i < cases.Length; i++)
        {
            var c = computed[i];
            rows.Add([cases[i].Name, c.LargestEigenvalue.Value, c.EtaC, cases[i].ClaimedEtaC,
                string.Join(" → ", c.SmallestNonzeroEigenvalue.ByBound.Select(b => b.Value.ToString("G3", System.Globalization.CultureInfo.InvariantCulture))),
                double.IsPositiveInfinity(c.EtaE) ? "∞ (not attained)" : c.EtaE.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), cases[i].Why]);
        }
        Evidence.Table("η_C = 2/min_M λ_max and η_E = 2/inf_M λ_min (Nelder–Mead in the gauge chart of M, chart bounds B = 1, 2, 4, 8)",
            ["network", "min λ_max", "η_C", "η_C closed form", "inf λ_min for B = 1, 2, 4, 8", "η_E", "closed form"], rows);
        Agree(i => cases[i].ClaimedEtaC).ShouldBeTrue();
        Evidence.Seed("520 + case index");
        // Measure-zero convergence beyond η_C on [1,1,2] even though no finite η_E exists.
        var beyond = ConvergenceSweeps.Wide.Where(kv => kv.Key > cases[5].ClaimedEtaC).ToList();
        beyond.All(kv => kv.Value.Converged == 0).ShouldBeTrue();
        Evidence.Counterexample("[1,1,2] (and [2,2,2]): the smallest non-zero eigenvalue has infimum 0 on M (2a² on θ(a) = (a, 1/a, 1/a)), so M_WS = {λ_min < 2/η} is non-empty for every η: " +
                                "no finite η_E exists. Yet no start converges for η > η_C = 1/(2√2): " + string.Join(", ", beyond.Select(kv => $"η = {kv.Key}: {kv.Value.Fraction}")) + ".");
        Evidence.Erratum(
            "Corollary 13 is not available for λ_min (it is not proper — lin.thm12-proper), and indeed η_E need not exist: for [1,1,2] and [2,2,2] M_WS ≠ ∅ for every η.",
            "η_C = 2/min_M λ_max exists (min_M λ_max attained on all seven architectures of the table; λ_max is proper on M — lin.thm12-proper) and M_SS ≠ ∅ exactly for η < η_C; " +
            "a finite η_E = 2/inf_M λ_min ≥ η_C exists when dim M_r = 1 (then η_E = η_C: table), not in general. The abstract's conclusion is observed with η_C in place of η_E: " +
            "no converging start above η_C on [1,1,2] (Monte Carlo). Lemma 58 alone does not give it there, since it also asks dG to be invertible at every minimum, " +
            "which fails on [1,1,2] at the minima with 2a² = 1/η.");
        Evidence.NegativeControl("η_C = ½ for [1,1,1,1] (the value of the two-layer chain (1 − xy)²)", Agree(i => i == 4 ? 0.5 : cases[i].ClaimedEtaC));
    }

    [Claim("lin.lemma58-ahn")]
    public void NoConvergenceWhenEveryMinimumIsTooSharp()
    {
        // ½(1 − xy)² for η > 1: every minimum has λ_max = x² + y² ≥ 2 > 2/η; det(I − ηH_L) = 1 − η(x² + y²) ≤ 1 − 2η < 0 on M (dG invertible there); G non-singular (h = 2).
        bool ConclusionHolds(double eta) => ConvergenceSweeps.Toy[eta].Converged == 0;
        var rows = ConvergenceSweeps.ToyEtas.Where(e => e > 1).Select(e => new object[] { e, 2 / e, 1 - 2 * e, ConvergenceSweeps.Toy[e].Fraction.ToString() }).ToList();
        Evidence.Table("½(1 − xy)², η > 1: the hypotheses (λ_max ≥ 2 > 2/η, det dG ≤ 1 − 2η ≠ 0 on M) and the Monte Carlo fraction of converging starts", ["η", "2/η", "max det dG on M", "converging fraction"], rows);
        ConvergenceSweeps.ToyEtas.Where(e => e > 1).All(ConclusionHolds).ShouldBeTrue();
        Evidence.Note("Cited result (Ahn et al. 2022, Theorem 1), cross-checked on the paper's own example; " + ConvergenceSweeps.CriterionText);
        Evidence.NegativeControl("the conclusion at η = 0.9, where the hypothesis λ_max > 2/η fails near (1, 1)", ConclusionHolds(0.9));
    }

    [Claim("lin.discussion-flatness")]
    public void LossesFlatAtInfinityHaveFlatMinima()
    {
        // L(θ) = (1 − ‖θ‖²)³ inside the unit disc, 0 outside: every point outside is a minimum with H_L = 0.
        var flat = new FlatOutsideBall(2);
        var rng = new Random(530);
        Evidence.Seed(530);
        bool AllZeroAtMinima(Objective f, Func<double[]> minimum) => Enumerable.Range(0, 50).All(_ => Sharpness.Spectrum(f, minimum()).All(v => v == 0));
        double[] OutsidePoint() { double r = 1 + 3 * rng.NextDouble(), t = 2 * Math.PI * rng.NextDouble(); return [r * Math.Cos(t), r * Math.Sin(t)]; }
        AllZeroAtMinima(flat, OutsidePoint).ShouldBeTrue();
        // So no step size is too large: every start outside the disc is already a fixed point. Fraction of starts in [−2, 2]² converging, for any η.
        var criterion = ConvergenceSweeps.Criterion with { ValueTolerance = 0 };
        var rows = new List<object[]>();
        foreach (var eta in new[] { 0.5, 5, 50 })
        {
            var t = ConvergingStarts.Sample(flat, eta, 0, criterion, -2, 2, 2000, 531);
            rows.Add([eta, t.Fraction.ToString()]);
            t.Fraction.Lower.ShouldBeGreaterThan(1 - Math.PI / 16 - 0.05); // at least the starts outside the disc (area fraction 1 − π/16)
        }
        Evidence.Table("(1 − ‖θ‖²)₊³: fraction of starts in [−2, 2]² from which GD converges to a minimum", ["η", "fraction (Wilson 95%)"], rows)
                .Number("area fraction of [−2, 2]² outside the unit disc", 1 - Math.PI / 16)
                .Note("Contrast with linear networks, where the non-zero eigenvalues on M are bounded below (λ_max ≥ 2 on ½(1 − xy)²) and no start converges for η > 1 (lin.thm16-measure).");
        Evidence.NegativeControl("the minima of the linear network ½(1 − xy)² have all Hessian eigenvalues zero", AllZeroAtMinima(ScalarFactorization.Instance, () => { var a = 0.5 + rng.NextDouble(); return [a, 1 / a]; }));
    }

    /// <summary>GD at η = 1 on ½(1 − xy)² from 12 random starts near (1, 1): |n| and |t| at 10⁴ and 10⁵ steps, and their log-log slopes.</summary>
    private static List<(double[] Start, double[] N, double[] T, double SlopeN, double SlopeT)> BoundaryRuns()
    {
        var rng = new Random(540);
        var runs = new List<(double[], double[], double[], double, double)>();
        for (int s = 0; s < 12; s++)
        {
            double[] start = [0.95 + 0.1 * rng.NextDouble(), 0.95 + 0.1 * rng.NextDouble()];
            var x = GradientDescent.Iterate(ScalarFactorization.Instance, start, 1.0, 10_000);
            var y = GradientDescent.Iterate(ScalarFactorization.Instance, x, 1.0, 90_000);
            double[] n = [Math.Abs(x[0] * x[1] - 1), Math.Abs(y[0] * y[1] - 1)], t = [Math.Abs(x[0] * x[0] - x[1] * x[1]), Math.Abs(y[0] * y[0] - y[1] * y[1])];
            runs.Add((start, n, t, Math.Log10(n[1] / n[0]), Math.Log10(t[1] / t[0])));
        }
        return runs;
    }

    /// <summary>The largest distance from <paramref name="point"/> along the GD orbit started δ away in <paramref name="direction"/>, divided by δ.</summary>
    private static double MaxExcursion(Objective f, double[] point, double[] direction, double eta, double delta, int steps)
    {
        var x = point.Select((v, i) => v + delta * direction[i]).ToArray();
        double worst = 1;
        for (int k = 0; k < steps; k++)
        {
            x = GradientDescent.Step(f, x, eta);
            worst = Math.Max(worst, Math.Sqrt(x.Select((v, i) => (v - point[i]) * (v - point[i])).Sum()) / delta);
            if (!double.IsFinite(worst)) return double.PositiveInfinity;
        }
        return worst;
    }

    private static double[] Normalize(double[] v) { double n = Math.Sqrt(v.Sum(x => x * x)); return v.Select(x => x / n).ToArray(); }

    private static Plot FractionFigure(IReadOnlyDictionary<double, ConvergenceTally> toy, IReadOnlyDictionary<double, ConvergenceTally> wide, double etaCWide)
    {
        var plot = Figures.New("Converging starts against η", "η", "fraction of starts converging to M");
        void Series(IReadOnlyDictionary<double, ConvergenceTally> s, string label, Color color)
        {
            var etas = s.Keys.OrderBy(e => e).ToArray();
            Figures.Line(plot, etas, etas.Select(e => s[e].Fraction.Estimate).ToArray(), label, color);
            foreach (var e in etas)
            {
                var line = plot.Add.Line(e, s[e].Fraction.Lower, e, s[e].Fraction.Upper);
                line.Color = color; line.LineWidth = 3;
            }
        }
        Series(toy, "½(1 − xy)², starts in [−3, 3]²", Colors.Blue);
        Series(wide, "[1,1,2], starts in [−2, 2]³", Colors.Red);
        Figures.VerticalReference(plot, 1, "η_C = η_E = 1 (½(1 − xy)²)", Colors.Blue);
        Figures.VerticalReference(plot, etaCWide, "η_C = 1/(2√2) ([1,1,2]; η_E = ∞)", Colors.Red);
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }
}
