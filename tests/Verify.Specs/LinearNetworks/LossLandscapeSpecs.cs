using FsCheck;
using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;
using static Verify.Specs.LinearNetworks.LinearNetworkCases;

namespace Verify.Specs.LinearNetworks;

/// <summary>Specs of 003 §3.1 and Appendices A.1, D.1: the loss, the functional l, its minima, the product map.</summary>
public sealed class LossLandscapeSpecs : ClaimSpec
{
    [Claim("lin.loss")]
    public void LossIsTheFunctionalComposedWithTheProductMap()
    {
        var rng = new Random(99);
        Evidence.Seed(99);
        bool Holds(Func<DeepLinearNetwork, Rational[], Rational> claimed)
        {
            foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 3, 1, 2, 2 }, new[] { 1, 1, 1 } })
            {
                var w = new LayerWidths(d);
                var net = DyadicNetwork(w, 5, rng);
                // d_θ = d₀d₁ + … + d_{h−1}d_h
                if (w.ParameterCount != Enumerable.Range(1, w.Depth).Sum(k => d[k - 1] * d[k])) return false;
                for (int s = 0; s < 10; s++)
                {
                    var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => RandomRational(rng)).ToArray();
                    var value = claimed(net, theta);
                    if (net.Value<Rational>(theta) != value) return false;
                    if (net.FunctionalValue(ProductMap.Product<Rational>(w, theta)) != value) return false; // L = l ∘ μ_d
                }
            }
            return true;
        }
        // (3) as printed: Σᵢ ‖yᵢ − W_h⋯W₁xᵢ‖², one sample at a time, layers applied from W₁ to W_h.
        Rational Printed(DeepLinearNetwork net, Rational[] theta)
        {
            var x = net.Inputs<Rational>(); var y = net.Targets<Rational>();
            var layers = net.Widths.Layers<Rational>(theta);
            Rational sum = 0;
            for (int i = 0; i < net.Samples; i++)
            {
                var v = Enumerable.Range(0, x.Rows).Select(r => x[r, i]).ToArray();
                foreach (var wk in layers) v = wk.Apply(v);
                for (int r = 0; r < v.Length; r++) { var e = y[r, i] - v[r]; sum += e * e; }
            }
            return sum;
        }
        Holds(Printed).ShouldBeTrue();
        Evidence.Note("Exact rational evaluation at 10 random points for each of [2,3,2], [3,1,2,2], [1,1,1] (dyadic data, n = 5): " +
                      "the objective equals Σᵢ‖yᵢ − W_h⋯W₁xᵢ‖² computed sample by sample and equals l(μ_d(θ)) with l(W) = ‖Y − WX‖²; d_θ = Σ d_{k−1}d_k. " +
                      "Verify orders θ = (W₁, …, W_h) (the paper writes (W_h, …, W₁)); the order changes no value or spectrum.");
        Evidence.NegativeControl("L with a factor ½ (½Σᵢ‖yᵢ − W_h⋯W₁xᵢ‖², the toy's scaling, is not (3))", Holds((net, th) => Printed(net, th) / 2));
    }

    [Claim("lin.W0")]
    public void GlobalMinimumOfTheFunctional()
    {
        // Printed: W̄₀ = YXᵀ(XXᵀ)^{−1/2}. In the scalar case d_x = d_y = n = 1 this is Y·X/|X|, exact in rationals.
        var scalar = Arb.Zip(ArbMap.Default.ArbFor<int>().Filter(x => x != 0), ArbMap.Default.ArbFor<int>());
        bool PrintedMinimizes((int X, int Y) d)
        {
            Rational x = d.X, y = d.Y;
            var net = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { d.X } }, new double[,] { { d.Y } });
            var printed = new ScalarMatrix<Rational>(1, 1, (_, _) => y * x / Rational.Abs(x));
            return net.FunctionalGradient(printed).IsZero();
        }
        Evidence.Fails("W̄₀ = YXᵀ(XXᵀ)^{−1/2} is a critical point of l (scalar data)", scalar, PrintedMinimizes, seed: 100, maxTest: 200);

        // The explicit smallest case: X = 2, Y = 2. l(W) = (2 − 2W)² is minimized at W = 1; the printed formula gives 4·4^{−½} = 2.
        var net1 = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { 2 } }, new double[,] { { 2 } });
        var lPrinted = net1.FunctionalValue(new ScalarMatrix<Rational>(1, 1, (_, _) => 2));
        var lTrue = net1.FunctionalValue(net1.LeastSquaresProduct<Rational>()!);
        Evidence.Counterexample($"d_x = d_y = n = 1, X = 2, Y = 2: printed W̄₀ = YXᵀ(XXᵀ)^(−1/2) = 2 with l = {lPrinted}; the minimizer is W = 1 = YXᵀ(XXᵀ)⁻¹ with l = {lTrue}.");
        lPrinted.ShouldBe((Rational)4); lTrue.ShouldBe(Rational.Zero);

        // Matrix case: d_x = 3, n = 10, rows of X scaled by (3, 1, 0.3), d_y = 2.
        var rng = new Random(101);
        Evidence.Seed(101);
        var x = Gaussian(3, 10, rng); var y = Gaussian(2, 10, rng);
        for (int j = 0; j < 10; j++) { x[0, j] *= 3; x[2, j] *= 0.3; }
        var net = new DeepLinearNetwork(new LayerWidths(3, 2), x, y);
        var xm = Matrix<double>.Build.DenseOfArray(x); var ym = Matrix<double>.Build.DenseOfArray(y);
        var printedW = ym * xm.Transpose() * SymmetricFunctions.Power(xm * xm.Transpose(), -0.5);
        var lsW = net.LeastSquaresProduct<Real>()!.ToMatrix();
        double lp = net.FunctionalValue(ScalarMatrix<Real>.FromMatrix(printedW)).Value, ll = net.FunctionalValue(ScalarMatrix<Real>.FromMatrix(lsW)).Value;
        Evidence.Number("l(printed W̄₀), d_x = 3, n = 10", lp).Number("l(YXᵀ(XXᵀ)⁻¹)", ll);
        lp.ShouldBeGreaterThan(ll + 1);

        // Corrected: W̄₀ = YXᵀ(XXᵀ)⁻¹ — exact normal equations, and l(W̄₀ + Δ) − l(W̄₀) = ‖ΔX‖² ≥ 0 (global minimum), on random dyadic data.
        bool CorrectedHolds(Func<DeepLinearNetwork, ScalarMatrix<Rational>> candidate)
        {
            var r = new Random(102);
            foreach (var (dx, dy, n) in new[] { (1, 1, 1), (2, 2, 3), (3, 2, 5), (2, 3, 4), (4, 1, 6) })
            {
                var netE = DyadicNetwork(new LayerWidths(dx, dy), n, r);
                if (netE.LeastSquaresProduct<Rational>() is null) continue;
                var w0 = candidate(netE);
                if (!netE.FunctionalGradient(w0).IsZero()) return false;
                for (int s = 0; s < 5; s++)
                {
                    var delta = RandomRationalMatrix(dy, dx, r);
                    var diff = netE.FunctionalValue(w0 + delta) - netE.FunctionalValue(w0);
                    if (diff != (delta * netE.Inputs<Rational>()).FrobeniusSquared()) return false;
                }
            }
            return true;
        }
        CorrectedHolds(n => n.LeastSquaresProduct<Rational>()!).ShouldBeTrue();

        // Rank: rank W̄₀ = rank(YXᵀ), which is min{d_h, d₀} for generic labels — the hypothesis Proposition 2 and Theorem 38 add (singular values of W̄₀ positive).
        var zeroY = new DeepLinearNetwork(new LayerWidths(1, 1), new double[,] { { 1 } }, new double[,] { { 0 } });
        int rankZero = zeroY.LeastSquaresProduct<Rational>()!.ExactRank();
        Evidence.Note($"The rank statement is read for generic labels Y, as Proposition 2 and Theorem 38 make explicit (the singular values of W̄₀ positive): it needs that hypothesis — " +
                      $"with d_x = d_y = n = 1, X = 1, Y = 0 (XXᵀ = 1 has full rank) W̄₀ = 0 has rank {rankZero}; in general rank W̄₀ = rank(YXᵀ) (table) — and is not counted as the erratum.");
        rankZero.ShouldBe(0);
        var rankRows = new List<object[]>();
        var rr = new Random(103);
        foreach (var (dx, dy, n, yRank) in new[] { (3, 2, 5, 2), (3, 2, 5, 1), (2, 3, 4, 2), (4, 4, 6, 3) })
        {
            var netR = DyadicNetwork(new LayerWidths(dx, dy), n, rr);
            // Y of a chosen rank: a product of random dy×yRank and yRank×n factors.
            var yLow = RandomRationalMatrix(dy, yRank, rr, 4, 1) * RandomRationalMatrix(yRank, n, rr, 4, 1);
            var netLow = new DeepLinearNetwork(netR.Widths, netR.Inputs<Real>().ToDoubles(), yLow.ToDoubles());
            var w0 = netLow.LeastSquaresProduct<Rational>()!;
            int rw = w0.ExactRank(), ryx = (yLow * netLow.Inputs<Rational>().Transpose()).ExactRank();
            rankRows.Add([$"d₀ = {dx}, d_h = {dy}, n = {n}", yRank, rw, ryx, Math.Min(dx, dy)]);
            rw.ShouldBe(ryx);
        }
        Evidence.Table("rank W̄₀ = rank(YXᵀ) (exact), against the printed min{d_h, d₀}", ["data", "rank Y", "rank W̄₀", "rank YXᵀ", "min{d_h, d₀}"], rankRows);
        Evidence.Note("Reading used: W̄₀ is the minimizer of l(W) = ‖Y − WX‖² in the coordinates of W — the paper takes M = μ_d⁻¹(W̄₀) (products of the layers) and Appendix A writes " +
                      "W̄₀ = A⁻¹(0) for a rigid motion A, both in those coordinates. YXᵀ(XXᵀ)^{−½} is the minimizer only in the whitened coordinates V = W(XXᵀ)^{½} of Trager et al.'s reduction, " +
                      "or when XXᵀ = I; the paper assumes only that XXᵀ has full rank (§3.1, Remark 19), never whitened data.");
        Evidence.Erratum(
            "The printed minimizer YXᵀ(XXᵀ)^{−1/2} is not a critical point of l unless XXᵀ = I (whitened data): at X = Y = 2 (d_x = d_y = n = 1) it gives W = 2 with l = 4, while l(1) = 0.",
            "W̄₀ = YXᵀ(XXᵀ)⁻¹ (checked exactly: ∇l(W̄₀) = 0 and l(W̄₀ + Δ) − l(W̄₀) = ‖ΔX‖² ≥ 0), and rank W̄₀ = rank(YXᵀ) (= min{d_h, d₀} for generic Y). " +
            "The printed expression YXᵀ(XXᵀ)^{−1/2} = W̄₀(XXᵀ)^{½} is the minimizer in the whitened coordinates V = W(XXᵀ)^{½}.");
        Evidence.NegativeControl("W̄₀ = YXᵀ(XXᵀ)⁻¹ shifted by E₁₁ (a non-minimizer) passes the same exact check", CorrectedHolds(n =>
        {
            var w0 = n.LeastSquaresProduct<Rational>()!;
            return w0 + new ScalarMatrix<Rational>(w0.Rows, w0.Columns, (i, j) => i == 0 && j == 0 ? 1 : 0);
        }));
    }

    [Claim("lin.def1-filling")]
    public void FillingArchitecturesAndTheImageOfTheProductMap()
    {
        // Check, for an architecture and a claimed largest rank ρ of its image: random exact products never exceed rank ρ and
        // reach it, and random targets of every rank ≤ ρ are products (an explicit factorization through the layers).
        bool ImageIsRankAtMost(LayerWidths w, int rho, Random rng)
        {
            int maxRank = 0;
            for (int s = 0; s < 6; s++)
            {
                var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => (Rational)rng.Next(-30, 31)).ToArray();
                int rank = ProductMap.Product<Rational>(w, theta).ExactRank();
                if (rank > rho) return false;
                maxRank = Math.Max(maxRank, rank);
            }
            if (maxRank != rho) return false;
            for (int k = 1; k <= rho; k++)
            {
                var target = RandomRationalMatrix(w.Output, k, rng, 5, 1) * RandomRationalMatrix(k, w.Input, rng, 5, 1);
                int rank = target.ExactRank();
                if (rank > w.Bottleneck) return false;
                var (c, r) = target.RankFactorization(rank)!.Value;
                if (!ProductMap.Product<Rational>(w, ProductFibre.Chain(w, c, r)).Equals(target)) return false;
            }
            return true;
        }
        Evidence.Holds("image of μ_d = matrices of rank ≤ r; filling ⟺ r = min{d_h, d₀}", Architectures(),
            c => ImageIsRankAtMost(c.Layers, c.Layers.Bottleneck, new Random(c.Seed))
                 && (c.Layers.IsFilling == (c.Layers.Bottleneck == Math.Min(c.Layers.Input, c.Layers.Output))),
            seed: 110, maxTest: 60);
        Evidence.Note("Exact rational ranks. A filling architecture reaches rank min{d_h, d₀} (every matrix), a non-filling one only r < min{d_h, d₀}.");
        // Negative control: call [3,1,3] filling, i.e. its image would reach rank min{d_h, d₀} = 3.
        Evidence.NegativeControl("[3,1,3] is filling (image of rank up to 3)", ImageIsRankAtMost(new LayerWidths(3, 1, 3), 3, new Random(111)));
    }

    [Claim("lin.prop2-trager")]
    public void TruncatingTheSvdOfTheMinimumIsNotTheRankConstrainedMinimum()
    {
        var rows = new List<object[]>();
        bool AllAgree(Func<DeepLinearNetwork, Matrix<double>> candidate, out double worst)
        {
            worst = 0;
            foreach (var (name, net) in Examples())
            {
                var (best, spread) = IndependentRankMinimum(net, starts: 20, seed: 120);
                double l = FunctionalValue(net, candidate(net));
                worst = Math.Max(worst, (l - best) / Math.Max(1, best));
                if (!(spread <= 1e-6 * Math.Max(1, best))) return false; // the independent runs agree: the minimum is unique
                if (!(Math.Abs(l - best) <= 1e-6 * Math.Max(1, best))) return false;
            }
            return true;
        }
        foreach (var (name, net) in Examples())
        {
            var (best, _) = IndependentRankMinimum(net, 20, 120);
            rows.Add([name, FunctionalValue(net, PrintedTruncation(net, printedW0: true)), FunctionalValue(net, PrintedTruncation(net, printedW0: false)),
                FunctionalValue(net, net.BestProductOfRank(net.Widths.Bottleneck)), best]);
        }
        Evidence.Table("l at the rank-r candidates against the minimum of l over rank-r products found by BFGS on W = AB from 20 random starts",
            ["data", "UΣ_rVᵀ of the printed W̄₀ = YXᵀ(XXᵀ)^{−½}", "UΣ_rVᵀ of YXᵀ(XXᵀ)⁻¹", "[YXᵀ(XXᵀ)^{−½}]_r(XXᵀ)^{−½}", "independent minimum"], rows);
        Evidence.Seed(120);
        AllAgree(n => PrintedTruncation(n, printedW0: true), out double worstPrinted).ShouldBeFalse();
        AllAgree(n => PrintedTruncation(n, printedW0: false), out double worstTrue).ShouldBeFalse();
        AllAgree(n => n.BestProductOfRank(n.Widths.Bottleneck), out double worstCorrected).ShouldBeTrue();
        Evidence.Number("largest relative excess of l, truncation of the printed W̄₀", worstPrinted)
                .Number("largest relative excess of l, truncation of YXᵀ(XXᵀ)⁻¹", worstTrue)
                .Number("largest relative excess of l, corrected formula", worstCorrected, 0, 1e-6);
        // The diagonal example exactly: XXᵀ = diag(1, 100) has the rational root S = diag(1, 10), and l(W) = ‖WS − W̄₀′‖² + l(YXᵀ(XXᵀ)⁻¹) with W̄₀′ = YXᵀS⁻¹ = diag(2, 10)
        // (an exact polynomial identity, checked at random rational W). By Eckart–Young the rank-1 minimum of ‖V − diag(2, 10)‖ is V = diag(0, 10), i.e. W = VS⁻¹ = diag(0, 1).
        var diagonal = Examples().First().Net;
        var sRoot = new ScalarMatrix<Rational>(2, 2, (i, j) => i != j ? 0 : i == 0 ? 1 : 10);
        var w0White = new ScalarMatrix<Rational>(2, 2, (i, j) => i != j ? 0 : i == 0 ? 2 : 10);
        var lAtLs = diagonal.FunctionalValue(diagonal.LeastSquaresProduct<Rational>()!);
        var idRng = new Random(123);
        Enumerable.Range(0, 20).All(_ =>
        {
            var w = RandomRationalMatrix(2, 2, idRng);
            return diagonal.FunctionalValue(w) == (w * sRoot - w0White).FrobeniusSquared() + lAtLs;
        }).ShouldBeTrue();
        ScalarMatrix<Rational> Diag(Rational a, Rational b) => new(2, 2, (i, j) => i != j ? 0 : i == 0 ? a : b);
        Rational lPrinted = diagonal.FunctionalValue(Diag(0, 10)), lTruncTrue = diagonal.FunctionalValue(Diag(2, 0)), lMin = diagonal.FunctionalValue(Diag(0, 1));
        lMin.ShouldBe((Diag(0, 10) - w0White).FrobeniusSquared() + lAtLs); // the Eckart–Young value
        (lMin < lTruncTrue && lTruncTrue < lPrinted).ShouldBeTrue();
        Evidence.Counterexample($"d_x = d_y = n = 2, X = diag(1, 10), Y = diag(2, 10), r = 1 ([2,1,2]): the singular values 10, 2 of the printed W̄₀ = YXᵀ(XXᵀ)^(−½) = diag(2, 10) are distinct and positive; " +
                                $"its truncation UΣ_rVᵀ = diag(0, 10) has l = {lPrinted}, the truncation diag(2, 0) of YXᵀ(XXᵀ)⁻¹ = diag(2, 1) has l = {lTruncTrue}, " +
                                $"while the rank-1 minimum is diag(0, 1) with l = {lMin} (exact: l(W) = ‖W·diag(1, 10) − diag(2, 10)‖² + {lAtLs} identically, then Eckart–Young).");
        Evidence.Note("Reading used: both readings of W̄₀ were tried — the printed YXᵀ(XXᵀ)^{−½} (whose singular values carry the hypothesis, correctly: they are those of Trager et al.'s whitened target) " +
                      "and the true minimizer YXᵀ(XXᵀ)⁻¹ of l (lin.W0); the truncation UΣ_rVᵀ fails for both. The statement holds as printed when XXᵀ = I (checked below), which the paper does not assume.");
        // With whitened data (XXᵀ = I) the printed statement holds: all three formulas coincide.
        var whitened = Whitened(new Random(121));
        double lw = FunctionalValue(whitened, PrintedTruncation(whitened, printedW0: true));
        var (bw, _) = IndependentRankMinimum(whitened, 20, 122);
        Evidence.NumberWithin("whitened data (XXᵀ = I): l(UΣ_rVᵀ) − independent minimum", lw - bw, 0, 1e-6);
        Evidence.Erratum(
            "For data with XXᵀ ≠ I the SVD truncation UΣ_rVᵀ of W̄₀ is not the minimum of l|M_r, whichever W̄₀ is meant (the printed YXᵀ(XXᵀ)^{−½} or the true minimizer YXᵀ(XXᵀ)⁻¹): " +
            "Trager et al.'s Theorem 12 is about the Euclidean distance ‖W − W̄₀‖², and l(W) = ‖(W − W̄₀)(XXᵀ)^{½}‖² + const is that distance only in whitened coordinates.",
            "The unique minimum of l|M_r (for distinct positive singular values of YXᵀ(XXᵀ)^{−½}) is W̄_r = [YXᵀ(XXᵀ)^{−½}]_r (XXᵀ)^{−½}, the truncation taken in the whitened coordinates " +
            "V = W(XXᵀ)^{½}; it equals UΣ_rVᵀ when XXᵀ = I. Checked against BFGS minimization of l(AB) from 20 starts (all converge to it).");
        Evidence.NegativeControl("the corrected formula with rank r + 1 instead of r", AllAgree(n => n.BestProductOfRank(n.Widths.Bottleneck + 1), out _));
    }

    [Claim("lin.prop36-minima")]
    public void MinimaOfTheFunctionalRestrictedToTheImage()
    {
        // Filling: min of l|M_r = W̄₀ = YXᵀ(XXᵀ)⁻¹ of rank r (exact, random dyadic data).
        var rng = new Random(130);
        Evidence.Seed(130);
        bool FillingHolds(Func<DeepLinearNetwork, ScalarMatrix<Rational>> candidate)
        {
            foreach (var d in new[] { new[] { 2, 3, 2 }, new[] { 3, 2, 2 }, new[] { 2, 2, 3, 4 } })
            {
                var net = DyadicNetwork(new LayerWidths(d), d[0] + 2, rng);
                var w0 = candidate(net);
                if (!net.FunctionalGradient(w0).IsZero() || w0.ExactRank() != net.Widths.Bottleneck) return false;
            }
            return true;
        }
        FillingHolds(n => n.LeastSquaresProduct<Rational>()!).ShouldBeTrue();
        // Non-filling: the minima differ (l(W̄_r) > l(W̄₀)); the minimum has rank r; but it is not the SVD truncation W̄_{1..r}.
        var rows = new List<object[]>();
        bool nonFillingAsPrinted = true;
        foreach (var (name, net) in Examples())
        {
            var (best, _) = IndependentRankMinimum(net, 20, 131);
            double lFull = net.FunctionalValue(net.LeastSquaresProduct<Real>()!).Value;
            var wr = net.BestProductOfRank(net.Widths.Bottleneck);
            int rank = SpectralGap.Of(wr.Svd(false).S).Rank;
            double lTrunc = FunctionalValue(net, PrintedTruncation(net, printedW0: false));
            rows.Add([name, lFull, best, rank, lTrunc]);
            (best > lFull + 1e-9).ShouldBeTrue();
            rank.ShouldBe(net.Widths.Bottleneck);
            nonFillingAsPrinted &= Math.Abs(lTrunc - best) <= 1e-6 * Math.Max(1, best);
        }
        Evidence.Table("Non-filling: l at the unconstrained minimum, at the rank-r minimum (BFGS on W = AB, 20 starts), its rank, and l at the truncation W̄_{1..r}",
            ["data", "l(W̄₀)", "min l|M_r", "rank of the minimizer (gap)", "l(W̄_{1..r})"], rows);
        nonFillingAsPrinted.ShouldBeFalse();
        Evidence.Erratum(
            "Non-filling case: the minimum of l|M_r differs from that of l and has rank r, as printed, but it is not W̄_{1..r} (the SVD truncation of W̄₀) unless XXᵀ = I — the same error as Proposition 2 (see lin.prop2-trager).",
            "Filling: the minimum is W̄₀ = YXᵀ(XXᵀ)⁻¹ of rank r (exact). Non-filling: the minimum is [YXᵀ(XXᵀ)^{−½}]_r(XXᵀ)^{−½}, of rank r, with l larger than min l.");
        Evidence.NegativeControl("filling minimum claimed to be YXᵀ(XXᵀ)⁻¹ with its first row doubled", FillingHolds(n =>
        {
            var w0 = n.LeastSquaresProduct<Rational>()!;
            return new ScalarMatrix<Rational>(w0.Rows, w0.Columns, (i, j) => i == 0 ? 2 * w0[i, j] : w0[i, j]);
        }));
    }

    [Claim("lin.dim-Mr")]
    public void DimensionOfTheDeterminantalVariety()
    {
        var sizes = from dh in Gen.Choose(1, 6) from d0 in Gen.Choose(1, 6) from r in Gen.Choose(1, Math.Min(dh, d0)) from seed in Gen.Choose(0, 100000) select (dh, d0, r, seed);
        var arb = Arb.From(sizes, t => new[] { t with { dh = t.dh - 1 }, t with { d0 = t.d0 - 1 }, t with { r = t.r - 1 } }.Where(s => s.r >= 1 && s.r <= Math.Min(s.dh, s.d0)));
        bool Holds((int dh, int d0, int r, int seed) t, Func<int, int, int, int> dim)
        {
            var w = new LayerWidths(t.d0, t.r, t.dh);
            var rng = new Random(t.seed);
            var theta = Enumerable.Range(0, w.ParameterCount).Select(_ => (Rational)rng.Next(-50, 51)).ToArray();
            return ProductMap.Jacobian<Rational>(w, theta).ExactRank() == dim(t.dh, t.d0, t.r);
        }
        Evidence.Holds("rank d(A, B ↦ AB) = r(d_h + d₀ − r) at random integer A, B", arb, t => Holds(t, (dh, d0, r) => r * (dh + d0 - r)), seed: 140, maxTest: 100);
        Evidence.Note("The differential of the parametrization (A, B) ↦ AB of the rank-≤r matrices has exact rational rank r(d_h + d₀ − r) at random integer points: the dimension of M_r at its generic (rank-r) points.");
        Evidence.ControlFails("dim M_r = r(d_h + d₀) (the −r² dropped)", arb, t => Holds(t, (dh, d0, r) => r * (dh + d0)), seed: 140, maxTest: 100);
    }

    [Claim("lin.vec-identities")]
    public void VectorizationIdentities()
    {
        var rng = new Random(150);
        Evidence.Seed(150);
        bool Holds(Func<ScalarMatrix<Rational>, ScalarMatrix<Rational>, ScalarMatrix<Rational>> kron)
        {
            for (int s = 0; s < 25; s++)
            {
                var a = RandomRationalMatrix(3, 3, rng); var b = RandomRationalMatrix(3, 3, rng); var c = RandomRationalMatrix(3, 3, rng);
                if (!kron(c, a).Apply(b.Vec()).SequenceEqual((a * b * c).Vec())) return false;
                var w = RandomRationalMatrix(3, 4, rng);
                var x = ScalarMatrix<Rational>.Column(Enumerable.Range(0, 4).Select(_ => RandomRational(rng)).ToArray());
                var y = ScalarMatrix<Rational>.Column(Enumerable.Range(0, 3).Select(_ => RandomRational(rng)).ToArray());
                var i3 = ScalarMatrix<Rational>.Identity(3);
                // (9) Wx = (xᵀ ⊗ I)vec(W)
                if (!x.Transpose().Kronecker(i3).Apply(w.Vec()).SequenceEqual((w * x).Vec())) return false;
                // (10) ‖y − Wx‖² = vec(W)ᵀ(xxᵀ ⊗ I)vec(W) − 2(x ⊗ y)ᵀvec(W) + ‖y‖²
                var vw = ScalarMatrix<Rational>.Column(w.Vec());
                var quad = (vw.Transpose() * (x * x.Transpose()).Kronecker(i3) * vw)[0, 0];
                var lin = (ScalarMatrix<Rational>.Column(x.Kronecker(y).Vec()).Transpose() * vw)[0, 0];
                if ((y - w * x).FrobeniusSquared() != quad - 2 * lin + y.FrobeniusSquared()) return false;
                // xxᵀ has the single non-zero eigenvalue ‖x‖² with eigenvector x: (xxᵀ)x = ‖x‖²x and rank xxᵀ = 1.
                var xx = x * x.Transpose();
                if (!(xx * x).Equals(x.FrobeniusSquared() * x) || xx.ExactRank() != 1 || xx.Trace() != x.FrobeniusSquared()) return false;
            }
            return true;
        }
        // vec(ABC) = (Cᵀ ⊗ A)vec(B): kron(C, A) := Cᵀ ⊗ A.
        Holds((c, a) => c.Transpose().Kronecker(a)).ShouldBeTrue();
        Evidence.Note("25 exact rational instances of each identity, column-major vec (A, B, C 3×3, W 3×4, x ∈ ℚ⁴, y ∈ ℚ³).");
        Evidence.NegativeControl("vec(ABC) = (C ⊗ A)vec(B) (transpose dropped)", Holds((c, a) => c.Kronecker(a)));
    }

    [Claim("lin.appA-decomp")]
    public void DiagonalizingTheQuadraticTerm()
    {
        // Printed: Σᵢ xᵢxᵢᵀ = R D Rᵀ with R "having the xᵢ's as columns" and D = diag(‖xᵢ‖²), then an affine-orthogonal A giving (11). FsCheck over integer inputs; R invertible.
        var inputs = from d in Gen.Choose(1, 3) from entries in Gen.ArrayOf(Gen.Choose(-4, 4), d * d) select entries;
        // Shrink to principal sub-matrices (fewer inputs, each one dimension shorter) and to entries nearer 0.
        IEnumerable<int[]> ShrinkInputs(int[] e)
        {
            int d = (int)Math.Round(Math.Sqrt(e.Length));
            for (int drop = 0; drop < d && d > 1; drop++)
                yield return Enumerable.Range(0, e.Length).Where(k => k % d != drop && k / d != drop).Select(k => e[k]).ToArray();
            for (int k = 0; k < e.Length; k++)
                if (e[k] != 0) { var s = (int[])e.Clone(); s[k] -= Math.Sign(e[k]); yield return s; }
        }
        var arb = Arb.From(inputs, ShrinkInputs).Filter(e => Columns(e).ExactRank() == (int)Math.Round(Math.Sqrt(e.Length)));
        bool PrintedHolds(int[] e)
        {
            var r = Columns(e);
            var d = new ScalarMatrix<Rational>(r.Rows, r.Rows, (i, j) => i == j ? Column(r, i).FrobeniusSquared() : 0);
            return (r * d * r.Transpose()).Equals(r * r.Transpose());
        }
        // Literal reading, R = [x₁ … x_d]: R D Rᵀ = Σᵢ‖xᵢ‖²xᵢxᵢᵀ ≠ Σᵢxᵢxᵢᵀ.
        Evidence.Fails("literal reading (R = [x₁ … x_d]): Σᵢxᵢxᵢᵀ = R·diag(‖xᵢ‖²)·Rᵀ", arb, PrintedHolds, seed: 160, maxTest: 200);
        var ex = Columns([2]);
        var exD = new ScalarMatrix<Rational>(1, 1, (_, _) => Column(ex, 0).FrobeniusSquared());
        Evidence.Note($"Literal reading, R with columns xᵢ: fails already for one input x₁ = 2 (d_i = 1): Σxᵢxᵢᵀ = {ex * ex.Transpose()}, R D Rᵀ = {ex * exD * ex.Transpose()}. " +
                      "Reading used (the most favourable): R has the unit columns xᵢ/‖xᵢ‖, so that R D Rᵀ = Σᵢ‖xᵢ‖²(xᵢ/‖xᵢ‖)(xᵢ/‖xᵢ‖)ᵀ = Σᵢxᵢxᵢᵀ holds for all inputs; with n = d_i inputs, as R square implies.");
        // Favourable reading: the factorization holds, but (11) needs an affine-ORTHOGONAL A, and an orthogonal change of variables keeps the spectrum of the
        // quadratic form: A exists with D = diag(‖xᵢ‖²) iff the spectrum of XXᵀ is {‖xᵢ‖²} (each ⊗ I_{d_o}). Exactly: det(kI − XXᵀ) = Πᵢ(k − ‖xᵢ‖²) at k = 0, …, d
        // (two monic polynomials of degree d). By Hadamard's inequality det XXᵀ = det(R)² ≤ Πᵢ‖xᵢ‖², with equality iff the inputs are orthogonal.
        bool SpectrumIsTheSquaredNorms(int[] e)
        {
            var r = Columns(e);
            var gram = r * r.Transpose();
            return Enumerable.Range(0, r.Rows + 1).All(k =>
                ((Rational)k * ScalarMatrix<Rational>.Identity(r.Rows) - gram).Determinant() ==
                Enumerable.Range(0, r.Rows).Aggregate(Rational.One, (p, i) => p * (k - Column(r, i).FrobeniusSquared())));
        }
        Evidence.Fails("an affine-orthogonal A with D = diag(‖xᵢ‖²) exists (spectrum of XXᵀ = {‖xᵢ‖²})", arb, SpectrumIsTheSquaredNorms, seed: 162, maxTest: 200);
        var skew = Columns([1, 0, 1, 1]); // x₁ = (1, 0), x₂ = (1, 1)
        var skewGram = skew * skew.Transpose();
        SpectrumIsTheSquaredNorms([1, 0, 1, 1]).ShouldBeFalse();
        SpectrumIsTheSquaredNorms([2, 0, 0, 1]).ShouldBeTrue(); // orthogonal inputs: D = diag(‖xᵢ‖²) is right
        Evidence.Counterexample($"x₁ = (1, 0), x₂ = (1, 1) (d_i = n = 2, XXᵀ = {skewGram} of full rank): det XXᵀ = {skewGram.Determinant()} but ‖x₁‖²‖x₂‖² = 2, so the eigenvalues of XXᵀ, " +
                                "(3 ± √5)/2, are not ‖xᵢ‖² = 1, 2, and no rigid motion A brings l to the form (11) with D = diag(1, 2) (an orthogonal change of variables keeps the spectrum of the quadratic form).");

        // Corrected: XXᵀ ⊗ I = (Q ⊗ I)(Λ ⊗ I)(Q ⊗ I)ᵀ with XXᵀ = QΛQᵀ (orthogonal Q, eigenvalues Λ), and (11) exactly:
        // l(W) = ‖(W − W̄₀)X‖² + l(W̄₀) = Σ_k λ_k‖(W − W̄₀)q_k‖² + c′.
        var rng = new Random(161);
        Evidence.Seed(161);
        bool Eq11(Func<DeepLinearNetwork, Rational> constant)
        {
            for (int s = 0; s < 10; s++)
            {
                var net = DyadicNetwork(new LayerWidths(3, 2), 5, rng);
                var w0 = net.LeastSquaresProduct<Rational>()!;
                var w = RandomRationalMatrix(2, 3, rng);
                if (net.FunctionalValue(w) != ((w - w0) * net.Inputs<Rational>()).FrobeniusSquared() + constant(net)) return false;
            }
            return true;
        }
        Eq11(n => n.FunctionalValue(n.LeastSquaresProduct<Rational>()!)).ShouldBeTrue();
        double worst = 0;
        for (int s = 0; s < 10; s++)
        {
            var net = DyadicNetwork(new LayerWidths(3, 2), 5, rng);
            var xm = net.Inputs<Real>().ToMatrix();
            var evd = (xm * xm.Transpose()).Evd(Symmetricity.Symmetric);
            var q = evd.EigenVectors; var lam = Matrix<double>.Build.DiagonalOfDiagonalVector(evd.EigenValues.Map(z => z.Real));
            var i2 = Matrix<double>.Build.DenseIdentity(2);
            var lhs = (xm * xm.Transpose()).KroneckerProduct(i2);
            var rhs = q.KroneckerProduct(i2) * lam.KroneckerProduct(i2) * q.KroneckerProduct(i2).Transpose();
            worst = Math.Max(worst, (lhs - rhs).FrobeniusNorm() / lhs.FrobeniusNorm());
            var w0 = net.LeastSquaresProduct<Real>()!.ToMatrix();
            var w = Matrix<double>.Build.Dense(2, 3, (i, j) => i - 0.5 * j);
            double form = Enumerable.Range(0, 3).Sum(k => evd.EigenValues[k].Real * ((w - w0) * q.Column(k)).DotProduct((w - w0) * q.Column(k)));
            double l = net.FunctionalValue(ScalarMatrix<Real>.FromMatrix(w)).Value - net.FunctionalValue(ScalarMatrix<Real>.FromMatrix(w0)).Value;
            worst = Math.Max(worst, Math.Abs(form - l) / Math.Max(1, Math.Abs(l)));
        }
        Evidence.NumberWithin("relative error of XXᵀ ⊗ I = (Q ⊗ I)(Λ ⊗ I)(Q ⊗ I)ᵀ and of (11) in eigen-coordinates (10 random instances)", worst, 0, 1e-12);
        Evidence.Erratum(
            "Even read with unit columns xᵢ/‖xᵢ‖ in R (so that Σᵢxᵢxᵢᵀ = R·diag(‖xᵢ‖²)·Rᵀ holds), R is orthogonal only for mutually orthogonal inputs, and no affine-orthogonal A " +
            "gives (11) with D = diag(‖xᵢ‖²) otherwise: a rigid change of variables keeps the spectrum of XXᵀ ⊗ I, which is {‖xᵢ‖²} only for orthogonal inputs " +
            "(x₁ = (1, 0), x₂ = (1, 1): det XXᵀ = 1 ≠ 2 = ‖x₁‖²‖x₂‖²). Read literally (columns xᵢ), R·diag(‖xᵢ‖²)·Rᵀ = Σᵢ‖xᵢ‖²xᵢxᵢᵀ ≠ Σᵢxᵢxᵢᵀ already for one input x₁ = 2 (16 ≠ 4).",
            "With XXᵀ = QΛQᵀ (Q orthogonal, Λ the eigenvalues of XXᵀ): XXᵀ ⊗ I = (Q ⊗ I)(Λ ⊗ I)(Q ⊗ I)ᵀ, and (11) holds with D = Λ, W̃ = (W − W̄₀)Q and c′ = l(W̄₀), " +
            "W̄₀ = YXᵀ(XXᵀ)⁻¹ (checked exactly: l(W) = ‖(W − W̄₀)X‖² + l(W̄₀)); D = diag(‖xᵢ‖²) is right exactly when the inputs are mutually orthogonal (checked: x₁ = (2, 0), x₂ = (0, 1)). " +
            "The conclusion W̄₀ = A⁻¹(0) stands.");
        Evidence.NegativeControl("(11) with the constant c′ dropped", Eq11(_ => Rational.Zero));
    }

    [Claim("lin.prop35-trager-rank")]
    public void WhenTheDifferentialOfTheProductMapHasMaximalRank()
    {
        // Exact rational θ whose layers have random ranks (products of random integer factors of random inner size).
        bool Holds(NetworkCase c, bool useOr)
        {
            var w = c.Layers;
            var rng = new Random(c.Seed);
            var layers = new ScalarMatrix<Rational>[w.Depth];
            for (int k = 1; k <= w.Depth; k++)
            {
                int inner = rng.Next(0, Math.Min(w[k], w[k - 1]) + 1);
                layers[k - 1] = inner == 0 ? ScalarMatrix<Rational>.Zero(w[k], w[k - 1])
                    : RandomRationalMatrix(w[k], inner, rng, 3, 1) * RandomRationalMatrix(inner, w[k - 1], rng, 3, 1);
            }
            var theta = w.Pack(layers);
            int rank = ProductMap.Jacobian<Rational>(w, theta).ExactRank();
            bool maximal = rank == w.ImageDimension;
            if (w.IsFilling)
            {
                var suffix = ProductMap.Suffixes<Rational>(w, theta);
                var prefix = ProductMap.Prefixes(w, theta, ScalarMatrix<Rational>.Identity(w.Input));
                bool criterion = Enumerable.Range(1, w.Depth - 1).All(i =>
                    useOr ? suffix[i].ExactRank() == w.Output || prefix[i].ExactRank() == w.Input
                          : suffix[i].ExactRank() == w.Output && prefix[i].ExactRank() == w.Input);
                return maximal == criterion;
            }
            return maximal == (ProductMap.Product<Rational>(w, theta).ExactRank() == w.Bottleneck);
        }
        var arb = Architectures(maxWidth: 4);
        Evidence.Holds("dμ_d has maximal rank dim M_r ⟺ Trager's criterion (filling: rank W_{>i} = d_o or rank W_{<i+1} = d_i; non-filling: rank W̄ = r)", arb, c => Holds(c, true), seed: 170, maxTest: 150);
        Evidence.Note("W_{>i} = W_h⋯W_{i+1}, W_{<i+1} = W_i⋯W₁; exact rational ranks at points with random layer ranks (including zero layers). " +
                      "The proposition's first line \"Let r = min{d_i, d_o}\" would make the non-filling case r < min{d_i, d_o} impossible; it is read with r = min over all widths, as in Definition 1.");
        Evidence.ControlFails("filling criterion with 'and' instead of 'or'", arb, c => Holds(c, false), seed: 170, maxTest: 150);
    }

    // ---- helpers ----

    /// <summary>The two data sets of Proposition 2's check: the inventory's diagonal example and a random non-isotropic one.</summary>
    private static IEnumerable<(string Name, DeepLinearNetwork Net)> Examples()
    {
        yield return ("X = diag(1, 10), Y = diag(2, 10), [2,1,2]", new DeepLinearNetwork(new LayerWidths(2, 1, 2), new double[,] { { 1, 0 }, { 0, 10 } }, new double[,] { { 2, 0 }, { 0, 10 } }));
        var rng = new Random(2);
        var x = Gaussian(3, 10, rng); var y = Gaussian(2, 10, rng);
        for (int j = 0; j < 10; j++) { x[0, j] *= 3; x[2, j] *= 0.3; }
        yield return ("d_x = 3, n = 10, rows of X × (3, 1, 0.3), d_y = 2, [3,1,2]", new DeepLinearNetwork(new LayerWidths(3, 1, 2), x, y));
    }

    private static DeepLinearNetwork Whitened(Random rng)
    {
        // X with orthonormal rows: XXᵀ = I.
        var q = HaarOrthogonal.Sample(6, rng);
        var x = Matrix<double>.Build.Dense(3, 6, (i, j) => q[j, i]);
        return new DeepLinearNetwork(new LayerWidths(3, 1, 2), x.ToArray(), Gaussian(2, 6, rng));
    }

    /// <summary>UΣ_rVᵀ of W̄₀, with W̄₀ the printed YXᵀ(XXᵀ)^{−½} or the true YXᵀ(XXᵀ)⁻¹.</summary>
    private static Matrix<double> PrintedTruncation(DeepLinearNetwork net, bool printedW0)
    {
        var x = net.Inputs<Real>().ToMatrix(); var y = net.Targets<Real>().ToMatrix();
        var w0 = printedW0 ? y * x.Transpose() * SymmetricFunctions.Power(x * x.Transpose(), -0.5) : net.LeastSquaresProduct<Real>()!.ToMatrix();
        return DeepLinearNetwork.TruncatedSvd(w0, net.Widths.Bottleneck);
    }

    private static double FunctionalValue(DeepLinearNetwork net, Matrix<double> w) => net.FunctionalValue(ScalarMatrix<Real>.FromMatrix(w)).Value;

    /// <summary>min of l(AB) over A (d_h×r), B (r×d₀) by BFGS from random starts: the best value and the spread of the converged values near it.</summary>
    internal static (double Best, double Spread) IndependentRankMinimum(DeepLinearNetwork net, int starts, int seed)
    {
        var w = new LayerWidths(net.Widths.Input, net.Widths.Bottleneck, net.Widths.Output);
        var factor = new DeepLinearNetwork(w, net.Inputs<Real>().ToDoubles(), net.Targets<Real>().ToDoubles(), net.Scale);
        var rng = new Random(seed);
        var values = new List<double>();
        for (int s = 0; s < starts; s++)
        {
            var x0 = Vector<double>.Build.Dense(w.ParameterCount, _ => rng.NextDouble() * 2 - 1);
            var f = ObjectiveFunction.Gradient(v => factor.ValueAt(v.ToArray()), v => Vector<double>.Build.DenseOfArray(factor.GradientAt(v.ToArray())));
            try
            {
                var result = new BfgsMinimizer(1e-10, 1e-14, 1e-16, 20000).FindMinimum(f, x0);
                values.Add(result.FunctionInfoAtMinimum.Value);
            }
            catch (OptimizationException) { }
        }
        double best = values.Min();
        var near = values.Where(v => v <= best * (1 + 1e-3) + 1e-9).ToList();
        return (best, near.Max() - near.Min());
    }

    /// <summary>The square matrix with the given entries as columns x₁, …, x_d (column-major).</summary>
    private static ScalarMatrix<Rational> Columns(int[] e) { int d = (int)Math.Round(Math.Sqrt(e.Length)); return new ScalarMatrix<Rational>(d, d, (i, j) => e[j * d + i]); }

    private static ScalarMatrix<Rational> Column(ScalarMatrix<Rational> m, int j) => new(m.Rows, 1, (i, _) => m[i, j]);
}
