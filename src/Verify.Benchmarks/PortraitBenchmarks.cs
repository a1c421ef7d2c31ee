using BenchmarkDotNet.Attributes;
using Verify.Dynamics.Sweeps;

namespace Verify.Benchmarks;

/// <summary>
/// One 1001 × 1001 panel of the blog's phase portrait (GD on ½(1 − xy)² from [−3, 3]², at most 320 steps, early
/// exit per point), with the same labelling rule as the 101 × 101 specs. Goal: ≤ 0.5 s per panel on 2 cores.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 2, iterationCount: 8)]
public class PortraitBenchmarks
{
    private readonly PortraitGrid _grid = PortraitGrid.Square(3, 1001);
    private readonly PortraitSettings _settings = new() { Steps = 320 };

    [Params(0.49, 0.55, 0.95, 1.05)]
    public double Eta { get; set; }

    [Benchmark(Baseline = true)]
    public PortraitPanel Scalar() => PhasePortrait.Compute(_grid, Eta, _settings, PortraitEngine.Scalar);

    [Benchmark]
    public PortraitPanel Vectorized() => PhasePortrait.Compute(_grid, Eta, _settings, PortraitEngine.Vectorized);
}
