using ScottPlot;
using Verify.Claims;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;
using Verify.Specs.Support;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Figure 1 of 003 (§1): GD on (1 − xy)² — iterations to converge, trapping region and stable length against η.</summary>
public sealed class FigureOneSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Squared = new(scale: 1); // (1 − xy)²

    /// <summary>The step sizes of panel (b).</summary>
    private static readonly double[] Etas = Enumerable.Range(1, 11).Select(k => 0.05 * k).ToArray();

    [Claim("lin.fig1")]
    public void Figure1()
    {
        // The stable part for (1 − xy)² (no ½): on M the Hessian 2[[y², 2xy − 1], [2xy − 1, x²]] has eigenvalues 0 and 2(x² + y²) — exact at rational (a, 1/a).
        var rng = new Random(800);
        Evidence.Seed(800);
        for (int s = 0; s < 100; s++)
        {
            var a = RandomRational(rng, 30, 7); if (a.IsZero) a = 1;
            var h = Squared.Hessian<Rational>([a, 1 / a]);
            (h[0, 0] + h[1, 1]).ShouldBe(2 * (a * a + 1 / (a * a)));
            (h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0]).ShouldBe(Rational.Zero);
        }
        // (b), length: the branch x > 0 of xy = 1 inside R = [−4, 4]² is x ∈ [¼, 4] (the other branch is its mirror image); stable where 2(x² + x⁻²) < 2/η.
        static double Speed(double x) => Math.Sqrt(1 + 1 / (x * x * x * x)); // |d/dx (x, 1/x)|
        double total = CurveLength.Of(Speed, 0.25, 4);
        double Ratio(double eta, double factor) => CurveLength.Where(Speed, x => factor * (x * x + 1 / (x * x)) - 2 / eta, 0.25, 4) / total;
        var ratios = Etas.Select(eta => Ratio(eta, 2)).ToArray();
        // Cross-check the located end points against the closed form x² = (1/η ± (1/η² − 4)^½)/2.
        double worst = 0;
        foreach (var eta in Etas.Where(e => e < 0.5))
        {
            double q = 1 / eta, lo = Math.Sqrt((q - Math.Sqrt(q * q - 4)) / 2), hi = Math.Sqrt((q + Math.Sqrt(q * q - 4)) / 2);
            double exact = CurveLength.Of(Speed, Math.Max(lo, 0.25), Math.Min(hi, 4)) / total;
            worst = Math.Max(worst, Math.Abs(exact - Ratio(eta, 2)));
        }
        Evidence.NumberWithin("stable-length ratio: quadrature between located roots against closed-form end points (largest difference)", worst, 0, 1e-10)
                .Number("length of the hyperbola inside R (both branches)", 2 * total);
        bool Shape(double[] r) =>
            r.Zip(r.Skip(1)).All(p => p.Second <= p.First + 1e-12)                                  // non-increasing in η
            && Etas.Select((e, i) => (e, i)).All(t => t.e < 0.5 || r[t.i] == 0)                     // no stable part from η = ½ on
            && Etas.Select((e, i) => (e, i)).All(t => t.e >= 0.5 || r[t.i] > 0)                     // some stable part below ½ (around (1, 1))
            && r[0] == 1;                                                                            // η = 0.05: x² + x⁻² < 20 on all of [¼, 4]
        Shape(ratios).ShouldBeTrue();
        Evidence.Table("Figure 1(b): ratio of the length of the stable part of xy = 1 to its length inside R = [−4, 4]²", ["η", "stable-length ratio"],
            Etas.Select((e, i) => new object[] { e, ratios[i] }));
        Evidence.Figure("Figure 1(b) (length): stable part of the minima of (1 − xy)² inside [−4, 4]²", LengthFigure(ratios), caption:
            "Stable part: 2(x² + y²) < 2/η on xy = 1, by Gauss–Kronrod quadrature of |γ′| between end points found by Brent's method. It fills R's hyperbola for η ≤ 1/(16 + 1/16) ≈ 0.062 and vanishes at η = ½.");
        Evidence.NotReproduced("Figure 1(a) (iterations-to-converge heatmap at η = 0.3) and the trapping-region area ratio of 1(b) need the phase-portrait sweep engine " +
                               "(Sweeps/PhasePortrait, owned by the phase family), which is not on main yet; the stable-length ratio of 1(b) is reproduced above.");
        Evidence.NegativeControl("stable part taken as x² + y² < 2/η (the ½-scaled loss's M_S, vanishing at η = 1 instead of ½)", Shape(Etas.Select(eta => Ratio(eta, 1)).ToArray()));
    }

    private static Plot LengthFigure(double[] ratios)
    {
        var plot = Figures.New("(1 − xy)²: stable part of the minima in R = [−4, 4]²", "η", "ratio");
        Figures.Line(plot, Etas, ratios, "length of stable part / length of hyperbola in R", Colors.Red);
        Figures.Points(plot, Etas, ratios, null, Colors.Red, 5);
        Figures.VerticalReference(plot, 0.5, "η = ½: no stable minimum");
        plot.Legend.Alignment = Alignment.UpperRight;
        return plot;
    }
}
