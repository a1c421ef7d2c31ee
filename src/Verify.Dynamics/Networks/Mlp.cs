using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Networks;

/// <summary>
/// A fully connected ReLU network with one linear output, x ↦ W_L σ(⋯σ(W₁x + b₁)⋯) + b_L, fitted to N
/// fixed (input, target) pairs by the mean squared error L = (1/N) Σₙ (f(xₙ) − yₙ)². Parameters are every
/// layer's W (row-major) then b, layer by layer. Written once over any scalar: in dual numbers the
/// backpropagated gradient gives Hessian-vector products, in Taylor jets any derivative along a line
/// (the ReLU takes the piece its value lies on, σ′(0) = 0).
/// </summary>
public sealed class Mlp : Objective
{
    private readonly int[] _sizes;
    private readonly int[] _offsets; // start of each layer's W in θ
    private readonly double[] _inputs;
    private readonly double[] _targets;

    /// <param name="layerSizes">n₀ (inputs), hidden widths…, 1 (the output).</param>
    public Mlp(IReadOnlyList<int> layerSizes, double[] inputs, double[] targets)
    {
        if (layerSizes.Count < 2 || layerSizes[^1] != 1 || layerSizes.Any(s => s < 1))
            throw new ArgumentException("Need at least an input and an output layer, the output of width 1.", nameof(layerSizes));
        _sizes = layerSizes.ToArray();
        if (inputs.Length != targets.Length * _sizes[0]) throw new ArgumentException($"{targets.Length} targets need {targets.Length}×{_sizes[0]} inputs.", nameof(inputs));
        _inputs = inputs.ToArray();
        _targets = targets.ToArray();
        _offsets = new int[_sizes.Length - 1];
        int off = 0;
        for (int l = 0; l + 1 < _sizes.Length; l++) { _offsets[l] = off; off += _sizes[l + 1] * _sizes[l] + _sizes[l + 1]; }
        Dimension = off;
    }

    public IReadOnlyList<int> LayerSizes => _sizes;
    public int Samples => _targets.Length;
    public override int Dimension { get; }

    /// <summary>Layers of weights (the depth counted as linear maps).</summary>
    public int Depth => _sizes.Length - 1;

    /// <summary>He initialization: W ~ N(0, 2/fan-in), b = 0; seeded.</summary>
    public double[] Initialize(Random rng)
    {
        var theta = new double[Dimension];
        for (int l = 0; l < Depth; l++)
        {
            int fanIn = _sizes[l], outs = _sizes[l + 1];
            double sd = Math.Sqrt(2.0 / fanIn);
            for (int k = 0; k < outs * fanIn; k++) theta[_offsets[l] + k] = sd * MathNet.Numerics.Distributions.Normal.Sample(rng, 0, 1);
        }
        return theta;
    }

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        T s = T.FromInt(0);
        var acts = NewActivations<T>();
        for (int n = 0; n < Samples; n++)
        {
            Forward(theta, n, acts);
            T r = acts[^1][0] - T.FromDouble(_targets[n]);
            s += r * r;
        }
        return s / T.FromInt(Samples);
    }

    /// <summary>The network's output at sample n.</summary>
    public double Output(ReadOnlySpan<double> theta, int n)
    {
        var acts = NewActivations<Real>();
        Forward(MemoryMarshalCast(theta), n, acts);
        return acts[^1][0].Value;
    }

    /// <summary>Backpropagation: δ_L = (2/N) rₙ, δ_{l−1} = σ′(z_{l−1}) ⊙ W_lᵀ δ_l, ∂W_l = δ_l a_{l−1}ᵀ, ∂b_l = δ_l.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        var g = new T[Dimension];
        for (int k = 0; k < g.Length; k++) g[k] = T.FromInt(0);
        var acts = NewActivations<T>();
        var deltas = NewActivations<T>();
        T scale = T.FromInt(2) / T.FromInt(Samples);
        for (int n = 0; n < Samples; n++)
        {
            Forward(theta, n, acts);
            deltas[^1][0] = scale * (acts[^1][0] - T.FromDouble(_targets[n]));
            for (int l = Depth - 1; l >= 0; l--)
            {
                int ins = _sizes[l], outs = _sizes[l + 1], w = _offsets[l], b = w + outs * ins;
                var a = acts[l];
                var delta = deltas[l + 1];
                for (int o = 0; o < outs; o++)
                {
                    T dl = delta[o];
                    g[b + o] += dl;
                    for (int i = 0; i < ins; i++) g[w + o * ins + i] += dl * a[i];
                }
                if (l == 0) break;
                var prev = deltas[l];
                for (int i = 0; i < ins; i++)
                {
                    // a[i] = σ(z) > 0 exactly when z > 0: the ReLU's derivative from the stored activation.
                    if (!(T.ToDouble(a[i]) > 0)) { prev[i] = T.FromInt(0); continue; }
                    T s = T.FromInt(0);
                    for (int o = 0; o < outs; o++) s += theta[w + o * ins + i] * delta[o];
                    prev[i] = s;
                }
            }
        }
        return g;
    }

    private T[][] NewActivations<T>() where T : IScalar<T> => _sizes.Select(s => new T[s]).ToArray();

    private void Forward<T>(ReadOnlySpan<T> theta, int n, T[][] acts) where T : IScalar<T>
    {
        int n0 = _sizes[0];
        for (int i = 0; i < n0; i++) acts[0][i] = T.FromDouble(_inputs[n * n0 + i]);
        for (int l = 0; l < Depth; l++)
        {
            int ins = _sizes[l], outs = _sizes[l + 1], w = _offsets[l], b = w + outs * ins;
            bool hidden = l + 1 < Depth;
            var a = acts[l];
            var next = acts[l + 1];
            for (int o = 0; o < outs; o++)
            {
                T z = theta[b + o];
                for (int i = 0; i < ins; i++) z += theta[w + o * ins + i] * a[i];
                next[o] = hidden && !(T.ToDouble(z) > 0) ? T.FromInt(0) : z;
            }
        }
    }

    private static ReadOnlySpan<Real> MemoryMarshalCast(ReadOnlySpan<double> x) => System.Runtime.InteropServices.MemoryMarshal.Cast<double, Real>(x);
}
