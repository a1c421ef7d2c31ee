using Verify.Dynamics.Statistics;

namespace Verify.Specs.EdgeOfStability;

/// <summary>Spec of seeds/002_c339b3cacfa3044e.txt App. B.3.1: 16 planted teacher neurons on S¹⁵.</summary>
public sealed class TeacherStudentSpecs : ClaimSpec
{
    private const int D = 16, M = 16, N = 10_000, Epochs = 100, DecayEpochs = 20, SharpnessEvery = 10;

    private static readonly Lazy<TeacherStudent> Loss = new(() =>
    {
        var data = UniformSphere.Samples(new Random(1), N, D);
        var teacher = new double[M * D];
        for (int i = 0; i < M; i++) teacher[i * D + i] = 1; // f*(x) = Σ σ(eᵢᵀx)
        return new TeacherStudent(data, D, teacher, M);
    });

    private static double SharpnessAt(double[] theta) =>
        TopEigenpair.Lanczos(u => Loss.Value.HessianVectorProduct(theta, u), Loss.Value.Dimension, 20, new Random(2)).Value;

    private static double[] Ratios(double[] theta) =>
        Enumerable.Range(0, M).Select(i => theta[i] / Math.Sqrt(Loss.Value.Neuron(theta, i).Sum(w => w * w))).ToArray();

    private sealed record Run(double Lr, List<double> Loss, List<(int Epoch, double Sharpness)> Sharpness, List<double[]> Ratios, double[] Final);

    /// <summary>Init: wᵢ = eᵢ/vᵢ + N(0, 0.01²I), vᵢ log-uniform in [0.5, 2] (a sharp minimum of (21), slightly off).</summary>
    private static readonly Lazy<double[]> Start = new(() =>
    {
        var rng = new Random(4);
        var v = Enumerable.Range(0, M).Select(_ => Math.Exp(Math.Log(0.5) + rng.NextDouble() * Math.Log(4))).ToArray();
        var w = new double[M * D];
        for (int i = 0; i < M; i++)
            for (int c = 0; c < D; c++) w[i * D + c] = (i == c ? 1 / v[i] : 0) + 0.01 * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
        return Loss.Value.Pack(v, w);
    });

    private static readonly Lazy<Run[]> Runs = new(() =>
    {
        var lrs = new[] { 0.5, 2.6 };
        var runs = new Run[lrs.Length];
        Parallel.For(0, lrs.Length, k =>
        {
            var theta = Start.Value;
            var loss = new List<double> { Loss.Value.ValueAt(theta) };
            var sharp = new List<(int, double)> { (0, SharpnessAt(theta)) };
            var ratios = new List<double[]> { Ratios(theta) };
            for (int e = 1; e <= Epochs + DecayEpochs; e++)
            {
                double lr = e > Epochs ? 0.5 : lrs[k]; // then 20 epochs with the rate decayed to 0.5
                theta = GradientDescent.Step(Loss.Value, theta, lr);
                loss.Add(Loss.Value.ValueAt(theta));
                ratios.Add(Ratios(theta));
                if (e % SharpnessEvery == 0) sharp.Add((e, SharpnessAt(theta)));
            }
            runs[k] = new Run(lrs[k], loss, sharp, ratios, theta);
        });
        return runs;
    });

    /// <summary>Sharpness of the minimizer {vᵢ = v, wᵢ = eᵢ/v} of (21) as a function of the common v (Fig. 8(e, f)).</summary>
    private static double CommonRatioSharpness(double v)
    {
        var w = new double[M * D];
        for (int i = 0; i < M; i++) w[i * D + i] = 1 / v;
        return SharpnessAt(Loss.Value.Pack(Enumerable.Repeat(v, M).ToArray(), w));
    }

    [Claim("eos.b31-teacher-student")]
    public void BeyondTheEdgeOfStabilityTheNeuronsFindTheFlattestMinimum()
    {
        var runs = Runs.Value;
        var small = runs.Single(r => r.Lr == 0.5);
        var large = runs.Single(r => r.Lr == 2.6);
        Evidence.Seed("data: new Random(1); init: new Random(4); Lanczos start: new Random(2)");

        // Fig. 8(e, f): sharpness along the common-ratio minimizers; the flattest ratio v/‖w‖ = v².
        var vs = Enumerable.Range(0, 9).Select(k => 0.8 + 0.025 * k).ToArray();
        var curve = vs.Select(CommonRatioSharpness).ToArray();
        int best = Array.IndexOf(curve, curve.Min());
        double flattestV = vs[best], flattestRatio = flattestV * flattestV, flattestSharpness = curve[best];
        double eosStep = 2 / flattestSharpness;
        Evidence.NumberWithin("EoS learning rate 2/λ_max at the flattest planted minimizer", eosStep, 2.5, 0.1, "printed: \"around 2.5\"")
                .Number("flattest common ratio v/‖w‖ (grid step 0.025 in v)", flattestRatio);

        double initSharp = small.Sharpness[0].Sharpness;
        var initRatios = small.Ratios[0];
        // "Stays at the original ratio": each ratio may move only by what fitting away the init noise (22) changes,
        // at most the noise's share ‖wᵢ − eᵢ/vᵢ‖/‖wᵢ‖ of the neuron.
        var start = Start.Value;
        var noiseShare = Enumerable.Range(0, M).Select(i =>
        {
            var w = Loss.Value.Neuron(start, i);
            double planted = 1 / start[i];
            double noise = Math.Sqrt(w.Select((x, c) => (x - (c == i ? planted : 0)) * (x - (c == i ? planted : 0))).Sum());
            return noise / Math.Sqrt(w.Sum(x => x * x));
        }).ToArray();
        var drift = Enumerable.Range(0, M).Select(i => Math.Abs(small.Ratios[Epochs][i] - initRatios[i]) / initRatios[i]).ToArray();
        double smallDrift = drift.Max();
        bool Stays(double[] d) => Enumerable.Range(0, M).All(i => d[i] <= noiseShare[i]);
        var largeRatios = large.Ratios[Epochs];
        double spreadInit = initRatios.Max() / initRatios.Min(), spreadLarge = largeRatios.Max() / largeRatios.Min();
        double meanLarge = largeRatios.Average();
        double finalSmall = small.Sharpness[^1].Sharpness, finalLarge = large.Sharpness[^1].Sharpness;
        Evidence.Number("sharpness at the initialization", initSharp)
                .Number("lr 0.5: largest relative change of a ratio vᵢ/‖wᵢ‖ over 100 epochs", smallDrift, note: "\"stays at the original ratio\": each within its init noise share")
                .Number("largest init noise share ‖wᵢ − eᵢ/vᵢ‖/‖wᵢ‖", noiseShare.Max())
                .Number("ratio spread max/min at init", spreadInit)
                .Number("ratio spread max/min after 100 epochs at lr 2.6", spreadLarge, note: "all neurons driven towards one ratio")
                .NumberWithin("mean ratio after 100 epochs at lr 2.6 vs the flattest common ratio", meanLarge, flattestRatio, 0.1)
                .Number("final sharpness, lr 0.5 throughout", finalSmall)
                .Number("final sharpness, lr 2.6 then 20 epochs at 0.5", finalLarge, note: "much flatter");
        Stays(drift).ShouldBeTrue("at lr 0.5 every ratio must stay within its init noise share");
        (spreadLarge < 1.1).ShouldBeTrue("lr 2.6 must bring the 16 ratios within 10% of each other");
        (finalLarge < 0.8 * finalSmall).ShouldBeTrue("after the decay the lr 2.6 run must sit at a flatter minimum");
        (Math.Abs(finalLarge - flattestSharpness) < 0.02).ShouldBeTrue("the decayed run reaches (near) the flattest sharpness");
        // While at lr 2.6 the run oscillates beyond the EoS: its sharpness stays above 2/2.6.
        var during = large.Sharpness.Where(s => s.Epoch >= 50 && s.Epoch <= Epochs).Select(s => s.Sharpness).ToArray();
        Evidence.Number("smallest sharpness during epochs 50–100 at lr 2.6", during.Min(), 2 / 2.6, note: "above 2/η: GD is beyond the EoS and oscillates");

        var pa = Figures.New("Fig. 8(a): training loss", "epoch", "log₁₀ loss");
        foreach (var r in runs) Figures.Line(pa, r.Loss.Select((_, e) => (double)e).ToArray(), r.Loss.Select(l => Math.Log10(l)).ToArray(), $"lr {r.Lr}" + (r.Lr == 2.6 ? " (0.5 after epoch 100)" : ""));
        Evidence.Figure("Training loss", pa);
        var pb = Figures.New("Fig. 8(b): sharpness", "epoch", "λ_max(∇²L)");
        foreach (var r in runs) Figures.Line(pb, r.Sharpness.Select(s => (double)s.Epoch).ToArray(), r.Sharpness.Select(s => s.Sharpness).ToArray(), $"lr {r.Lr}");
        Figures.Reference(pb, 2 / 2.6, "2/2.6");
        Figures.Reference(pb, flattestSharpness, "flattest planted minimum", ScottPlot.Colors.Gray);
        Evidence.Figure("Sharpness along training (Lanczos on Hessian-vector products)", pb);
        var pc = Figures.New("Fig. 8(c): ratio vᵢ/‖wᵢ‖ of the 16 neurons", "epoch", "vᵢ/‖wᵢ‖");
        var epochs = Enumerable.Range(0, Epochs + DecayEpochs + 1).Select(e => (double)e).ToArray();
        for (int i = 0; i < M; i++)
        {
            Figures.Line(pc, epochs, small.Ratios.Select(r => r[i]).ToArray(), i == 0 ? "lr 0.5" : null, ScottPlot.Colors.Blue, 1);
            Figures.Line(pc, epochs, large.Ratios.Select(r => r[i]).ToArray(), i == 0 ? "lr 2.6" : null, ScottPlot.Colors.Orange, 1);
        }
        Figures.Reference(pc, flattestRatio, "flattest common ratio");
        Evidence.Figure("Ratios of the 16 neurons", pc);
        var pe = Figures.New("Fig. 8(e, f): sharpness of {vᵢ = v, wᵢ = eᵢ/v}", "ratio v/‖w‖ = v²", "λ_max");
        Figures.Line(pe, vs.Select(v => v * v).ToArray(), curve, "planted minimizers");
        Figures.Points(pe, [meanLarge], [finalLarge], "lr 2.6 run after the decay", ScottPlot.Colors.Orange, 7);
        Evidence.Figure("Sharpness against the common ratio: the lr 2.6 run lands at the flattest", pe);
        Evidence.NegativeControl("the lr 0.5 run reaches the common ratio too (spread < 1.1)", small.Ratios[Epochs].Max() / small.Ratios[Epochs].Min() < 1.1);
    }
}
