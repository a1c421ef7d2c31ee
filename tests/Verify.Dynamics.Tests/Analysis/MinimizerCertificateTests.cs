using System.Runtime.Intrinsics;
using static Verify.Dynamics.Analysis.MinimizerCertificate;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class MinimizerCertificateTests
{
    /// <summary>The point with coordinates (t, n), x &gt; 0.</summary>
    private static (double X, double Y) At(double t, double n)
    {
        double x = Math.Sqrt((t + Math.Sqrt(t * t + 4 * (1 + n) * (1 + n))) / 2);
        return (x, (1 + n) / x);
    }

    [Theory]
    [InlineData(0.3, Verdict.KeepsSign)]      // ηs = 0.6
    [InlineData(0.7, Verdict.AlternatesSign)] // ηs = 1.4
    [InlineData(0.95, Verdict.AlternatesSign)]
    [InlineData(1.05, Verdict.None)]          // ηs = 2.1: repelled
    public void NearTheBalancedMinimizerTheVerdictFollowsTheMultiplier(double eta, Verdict expected)
    {
        var (x, y) = At(0, 1e-6);
        Check(x, y, eta).ShouldBe(expected);
        (x, y) = At(0, -1e-6);
        Check(x, y, eta).ShouldBe(expected);
    }

    [Fact]
    public void FarFromTheCurveThereIsNoCertificate()
    {
        var (x, y) = At(0, 0.3);
        Check(x, y, 0.3).ShouldBe(Verdict.None);
        Check(x, y, double.NaN).ShouldBe(Verdict.None);
        Check(double.NaN, 1, 0.3).ShouldBe(Verdict.None);
        Check(double.PositiveInfinity, 1, 0.3).ShouldBe(Verdict.None);
    }

    [Fact]
    public void TheCheapNecessaryConditionCutsAtEtaTimesOnePlusNu()
    {
        // η(1 + ν) < 1 is necessary; at ν = 0.1, η = 0.95 fails it although η < 1.
        var (x, y) = At(0, 0.1);
        Check(x, y, 0.95).ShouldBe(Verdict.None);
    }

    [Fact]
    public void AnUndecidedSignIsNotCertified()
    {
        // ηs(0) = 1 exactly at η = ½: the multiplier interval straddles 0 at ν = 1e-3.
        var (x, y) = At(0, 1e-3);
        Check(x, y, 0.5).ShouldBe(Verdict.None);
    }

    [Theory]
    [InlineData(0.1, Verdict.KeepsSign)]      // s = 4.25: ηs = 0.425
    [InlineData(0.3, Verdict.AlternatesSign)] // ηs = 1.275
    [InlineData(0.5, Verdict.None)]           // ηs = 2.125: an unstable point of the curve
    public void ALandingExactlyOnTheCurveIsJudgedByItsMultiplier(double eta, Verdict expected)
    {
        (2.0 * 0.5 - 1).ShouldBe(0);
        Check(2, 0.5, eta).ShouldBe(expected);
        RoundingResidual.ShouldBe(Math.Pow(2, -53));
    }

    [Fact]
    public void ALandingWithAZeroMultiplierStaysPut()
    {
        // η = ½ at (1, 1): 1 − ηs = 0 exactly, the sign pattern is undecidable, and floating-point GD stays there.
        Check(1, 1, 0.5).ShouldBe(Verdict.KeepsSign);
        Check(1, 1, 0.5 + 1e-9).ShouldBe(Verdict.AlternatesSign);
        Check(1, 1, 0.5 - 1e-9).ShouldBe(Verdict.KeepsSign);
    }

    [Fact]
    public void ACertificateIsAProof()
    {
        // Soundness on 4000 random points near the curve: whenever certified, |n| never grows over 2000 steps,
        // and n keeps its sign (KeepsSign) or changes it at every step (AlternatesSign).
        var rng = new Random(1);
        int certified = 0, keeps = 0;
        for (int i = 0; i < 4000; i++)
        {
            double t = rng.NextDouble() * 8 - 4, n = (rng.NextDouble() * 2 - 1) * Math.Pow(10, -rng.Next(1, 7)), eta = rng.NextDouble() * 1.1;
            var (x, y) = At(t, n);
            var v = Check(x, y, eta);
            if (v == Verdict.None) continue;
            certified++;
            if (v == Verdict.KeepsSign) keeps++;
            double last = x * y - 1;
            for (int k = 0; k < 2000 && last != 0; k++)
            {
                double g = eta * (x * y - 1);
                (x, y) = (x - g * y, y - g * x);
                double m = x * y - 1;
                if (m == 0 || Math.Abs(m) < 1e-300) break;
                // Plain comparisons in the loop (the message is only built on failure: this runs ~10⁶ times).
                if (!(Math.Abs(m) <= Math.Abs(last) * (1 + 1e-9) + 1e-15)) Assert.Fail($"|n| grew: t = {t}, n = {n}, η = {eta}, k = {k}");
                if (Math.Abs(m) > 1e-14 && (Math.Sign(m) == Math.Sign(last)) != (v == Verdict.KeepsSign))
                    Assert.Fail($"sign pattern broken: t = {t}, n = {n}, η = {eta}, k = {k}");
                last = m;
            }
        }
        certified.ShouldBeGreaterThan(1000);
        keeps.ShouldBeGreaterThan(100);
        (certified - keeps).ShouldBeGreaterThan(100);
    }

    [Fact]
    public void TheVectorVersionGivesTheSameVerdicts()
    {
        var rng = new Random(2);
        for (int i = 0; i < 2000; i++)
        {
            var xs = new double[4]; var ys = new double[4];
            double eta = rng.NextDouble() * 1.2;
            for (int l = 0; l < 4; l++)
            {
                double n = (rng.NextDouble() * 2 - 1) * Math.Pow(10, -rng.Next(0, 8));
                (xs[l], ys[l]) = l == 3 && i % 5 == 0 ? (2.0, 0.5) : At(rng.NextDouble() * 6 - 3, n);
            }
            var (cert, alt) = Check(Vector256.Create(xs), Vector256.Create(ys), Vector256.Create(eta));
            for (int l = 0; l < 4; l++)
            {
                var v = Check(xs[l], ys[l], eta);
                (cert.GetElement(l) != 0).ShouldBe(v != Verdict.None);
                (alt.GetElement(l) != 0).ShouldBe(v == Verdict.AlternatesSign);
            }
        }
    }

    [Fact]
    public void ScalarAndVectorAgreeOnBothSidesOfEveryBoundary()
    {
        // Random points rarely fall near a boundary of the certificate, where a difference in any one term
        // shows. Along η at fixed (t, n), locate every change of the scalar verdict to adjacent doubles and
        // require the vector version to give the same verdict on both sides.
        int boundaries = 0;
        foreach (double t in new[] { 0, 0.7, -1.9, 3.1 })
            foreach (double n in new[] { 0.2, -0.12, 3e-2, -4e-3, 1e-3, 0 })
            {
                var (x, y) = n == 0 ? (2.0, 0.5) : At(t, n);
                Verdict previous = Check(x, y, 0.005);
                for (int k = 2; k <= 240; k++)
                {
                    double lo = 0.005 * (k - 1), hi = 0.005 * k;
                    Verdict v = Check(x, y, hi);
                    if (v == previous) continue;
                    while (Math.BitIncrement(lo) < hi)
                    {
                        double mid = lo + (hi - lo) / 2;
                        if (Check(x, y, mid) == previous) lo = mid; else hi = mid;
                    }
                    SameVerdict(x, y, lo);
                    SameVerdict(x, y, hi);
                    boundaries++;
                    previous = v;
                }
            }
        boundaries.ShouldBeGreaterThan(40);
    }

    private static void SameVerdict(double x, double y, double eta)
    {
        var v = Check(x, y, eta);
        var (cert, alt) = Check(Vector256.Create(x), Vector256.Create(y), Vector256.Create(eta));
        for (int l = 0; l < 4; l++)
        {
            (cert.GetElement(l) != 0).ShouldBe(v != Verdict.None, $"({x}, {y}), η = {eta:R}");
            (alt.GetElement(l) != 0).ShouldBe(v == Verdict.AlternatesSign, $"({x}, {y}), η = {eta:R}");
        }
    }
}
