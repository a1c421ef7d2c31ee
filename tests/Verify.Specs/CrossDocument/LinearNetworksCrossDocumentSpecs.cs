using Verify.Dynamics.Geometry;
using Verify.Specs.LinearNetworks;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.CrossDocument;

/// <summary>Cross-document claims owned by the linear-network family (003 against 000, 002, 004).</summary>
public sealed class LinearNetworksCrossDocumentSpecs : ClaimSpec
{
    [Claim("xdoc.stable-set")]
    public void StableMinimizersAgreeAcrossDocuments()
    {
        var rng = new Random(700);
        Evidence.Seed(700);
        // Exact: at the minimizer (a, 1/a) of ½(1 − xy)² with t = a² − a⁻² (000's coordinate along xy = 1) and λ = a² + a⁻² (003's x² + y², 004's ‖a‖² + ‖b‖²):
        //   000: |t| < ((2/η)² − 4)^½  ⟺  003: x² + y² < 2/η  ⟺  004: λ < 2/η, because t² + 4 = λ² exactly.
        bool Agree(Func<Rational, Rational> blogBound)
        {
            for (int s = 0; s < 2000; s++)
            {
                var a = RandomRational(rng, 40, 13); if (a.IsZero) continue;
                Rational eta = new(rng.Next(1, 400), 200); // (0, 2)
                var t = ScalarFactorization.Imbalance(a, 1 / a);
                var h = ScalarFactorization.Instance.Hessian<Rational>([a, 1 / a]);
                var sharpness = h[0, 0] + h[1, 1]; // on M the other eigenvalue is 0 (det = 0), so the trace is λ_max
                if (!(h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]).IsZero) return false;
                var bound = blogBound(eta); // the set |t| < √bound (empty when bound ≤ 0)
                bool blog = bound > 0 && t * t < bound;
                bool paper = a * a + 1 / (a * a) < 2 / eta;
                bool flat = sharpness < 2 / eta;
                if (blog != paper || paper != flat) return false;
            }
            return true;
        }
        Agree(eta => (2 / eta) * (2 / eta) - 4).ShouldBeTrue();
        Evidence.Note("Exact at 2000 random rational minimizers (a, 1/a) and step sizes η ∈ (0, 2): 000's stable arc, 003's M_S and 004's λ < 2/η select the same minimizers (t² + 4 = (x² + y²)² on xy = 1).");
        // All vanish at η = 1: 000's arc is empty iff (2/η)² − 4 ≤ 0 iff η ≥ 1; 003's η_C = η_E = 1 computed by minimizing λ over M.
        var toy = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { 1 } }, 0.5);
        var critical = CriticalStepSizes.Compute(toy, starts: 2, seed: 701, bounds: [1, 2, 4]);
        Evidence.NumberWithin("003: η_C (= 2/min_M λ_max)", critical.EtaC, 1, 1e-8)
                .NumberWithin("003: η_E (= 2/min_M λ_min)", critical.EtaE, 1, 1e-8)
                .NumberWithin("000: where the stable arc |t| < ((2/η)² − 4)^½ vanishes (bisection on η)",
                    Verify.Dynamics.Sweeps.Bisection.Locate(eta => (2 / eta) * (2 / eta) - 4 > 0, 0.5, 2, 1e-12).Midpoint, 1, 1e-11);
        // 002: for ½(xy − μ)², λ = x² + y² ≥ 2μ on xy = μ, so GD can converge only for η < 1/μ (the edge-of-stability step); at μ = 1, η = 1.
        var rows = new List<object[]>();
        foreach (var mu in new[] { 0.5, 1, 2, 3 })
        {
            var net = new DeepLinearNetwork(new LayerWidths(1, 1, 1), new double[,] { { 1 } }, new double[,] { { mu } }, 0.5);
            var c = CriticalStepSizes.Compute(net, starts: 2, seed: 702, bounds: [1, 2, 4]);
            rows.Add([mu, c.EtaC, 1 / mu]);
            Math.Abs(c.EtaC - 1 / mu).ShouldBeLessThan(1e-8);
        }
        Evidence.Table("002: ½(xy − μ)² — η_C computed on M against the edge-of-stability step 1/μ", ["μ", "η_C (computed)", "1/μ"], rows);
        // Monte Carlo (shared sweep of lin.thm16-measure): converging starts exist at η = 0.9, none at η = 1.1.
        ConvergenceSweeps.Toy[0.9].Fraction.Lower.ShouldBeGreaterThan(0);
        ConvergenceSweeps.Toy[1.1].Converged.ShouldBe(0);
        Evidence.Number("fraction of starts in [−3, 3]² converging at η = 0.9", ConvergenceSweeps.Toy[0.9].Fraction.Estimate, note: ConvergenceSweeps.Toy[0.9].Fraction.ToString())
                .Number("fraction of starts in [−3, 3]² converging at η = 1.1", ConvergenceSweeps.Toy[1.1].Fraction.Estimate, note: ConvergenceSweeps.Toy[1.1].Fraction.ToString());
        Evidence.Note("At η = 1 exactly the stable sets are empty in every document, yet GD from a neighbourhood of (1, 1) still converges, only algebraically (|xy − 1| ~ 0.7·k^(−½)): " +
                      "the borderline case 000 sets aside and 003's Theorems 15 and 16 get wrong (lin.thm15-stability, lin.thm16-measure).");
        Evidence.NegativeControl("000's arc with (1/η)² in place of (2/η)²", Agree(eta => (1 / eta) * (1 / eta) - 4));
    }
}
