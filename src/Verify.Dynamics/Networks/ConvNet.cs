using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Networks;

/// <summary>
/// A small convolutional classifier on an <see cref="ImageDataset"/>: conv 3×3 (F₁ filters, valid) → ReLU →
/// 2×2 average pooling → conv 3×3 (F₂ filters, valid) → ReLU → linear → softmax cross-entropy, averaged over
/// the samples. All weights and biases form one parameter vector θ. The forward pass is written once over
/// any <see cref="IScalar{T}"/> (so automatic differentiation checks it); gradients in double come from
/// backpropagation, summed over fixed chunks of samples in parallel and then in order (deterministic).
/// As an <see cref="Objective"/> it is the full-batch training loss.
/// </summary>
public sealed class ConvNet : Objective
{
    private const int Kernel = 3;
    private readonly int _c, _s, _f1, _f2, _k, _s1, _p, _s2, _flat;
    private readonly int _w1, _b1, _w2, _b2, _w3, _b3, _count;

    public ConvNet(ImageDataset data, int filters1 = 6, int filters2 = 8)
    {
        Data = data;
        (_c, _s, _f1, _f2, _k) = (data.Channels, data.Size, filters1, filters2, data.Classes);
        _s1 = _s - Kernel + 1;
        if (_s1 < 2 || _s1 % 2 != 0) throw new ArgumentException($"Images of size {_s} give a first feature map of size {_s1}; it must be even and ≥ 2 for 2×2 pooling.");
        _p = _s1 / 2;
        _s2 = _p - Kernel + 1;
        if (_s2 < 1) throw new ArgumentException($"Images of size {_s} are too small for two 3×3 convolutions with pooling.");
        _flat = _f2 * _s2 * _s2;
        _w1 = 0; _b1 = _w1 + _f1 * _c * Kernel * Kernel;
        _w2 = _b1 + _f1; _b2 = _w2 + _f2 * _f1 * Kernel * Kernel;
        _w3 = _b2 + _f2; _b3 = _w3 + _k * _flat;
        _count = _b3 + _k;
    }

    public ImageDataset Data { get; }

    /// <summary>The number of parameters.</summary>
    public override int Dimension => _count;

    /// <summary>He-style initialization: weights N(0, 2/fan-in), biases 0.</summary>
    public double[] Initialize(Random rng)
    {
        var theta = new double[_count];
        void Fill(int from, int to, int fanIn)
        {
            double sd = Math.Sqrt(2.0 / fanIn);
            for (int i = from; i < to; i++)
            {
                double u1 = 1 - rng.NextDouble(), u2 = rng.NextDouble();
                theta[i] = sd * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            }
        }
        Fill(_w1, _b1, _c * Kernel * Kernel);
        Fill(_w2, _b2, _f1 * Kernel * Kernel);
        Fill(_w3, _b3, _flat);
        return theta;
    }

    /// <summary>Mean cross-entropy over the whole dataset.</summary>
    public override T Value<T>(ReadOnlySpan<T> theta) => Loss(theta, AllSamples());

    /// <summary>Backpropagation in double; other number types by automatic differentiation of <see cref="Value{T}"/>.</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        if (typeof(T) != typeof(Real)) return AutoDiff.Gradient(this, theta);
        var g = GradientOn(Scalar.ToDoubles(theta), AllSamples());
        return (T[])(object)g.Select(v => new Real(v)).ToArray();
    }

    /// <summary>Mean cross-entropy over the given samples.</summary>
    public T Loss<T>(ReadOnlySpan<T> theta, IReadOnlyList<int> samples) where T : IScalar<T>
    {
        T sum = T.FromInt(0);
        foreach (int s in samples) sum += Forward(theta, Data.Images[s], Data.Labels[s]).Loss;
        return sum / T.FromInt(samples.Count);
    }

    public double LossAt(ReadOnlySpan<double> theta, IReadOnlyList<int> samples) =>
        Loss(System.Runtime.InteropServices.MemoryMarshal.Cast<double, Real>(theta), samples).Value;

    /// <summary>The fraction of the given samples whose largest logit is the label's.</summary>
    public double Accuracy(ReadOnlySpan<double> theta, IReadOnlyList<int> samples)
    {
        var t = System.Runtime.InteropServices.MemoryMarshal.Cast<double, Real>(theta);
        int right = 0;
        foreach (int s in samples)
        {
            var logits = Forward(t, Data.Images[s], Data.Labels[s]).Logits;
            int best = 0;
            for (int k = 1; k < logits.Length; k++) if (logits[k].Value > logits[best].Value) best = k;
            if (best == Data.Labels[s]) right++;
        }
        return (double)right / samples.Count;
    }

    /// <summary>∇θ of the mean cross-entropy over the given samples, by backpropagation.</summary>
    public double[] GradientOn(double[] theta, IReadOnlyList<int> samples)
    {
        const int chunk = 32;
        int chunks = (samples.Count + chunk - 1) / chunk;
        var partial = new double[chunks][];
        Parallel.For(0, chunks, c =>
        {
            var g = new double[_count];
            var t = theta.Select(v => new Real(v)).ToArray();
            for (int i = c * chunk; i < Math.Min(samples.Count, (c + 1) * chunk); i++) Backward(t, samples[i], g);
            partial[c] = g;
        });
        var total = new double[_count];
        foreach (var g in partial)
            for (int i = 0; i < _count; i++) total[i] += g[i];
        for (int i = 0; i < _count; i++) total[i] /= samples.Count;
        return total;
    }

    private int[] AllSamples() => Enumerable.Range(0, Data.Count).ToArray();

    private sealed record Activations<T>(T[] Pre1, T[] Pool, T[] Pre2, T[] Hidden, T[] Logits, T Loss);

    private static T Relu<T>(T x) where T : IScalar<T> => T.ToDouble(x) > 0 ? x : T.FromInt(0);

    private Activations<T> Forward<T>(ReadOnlySpan<T> th, double[] x, int label) where T : IScalar<T>
    {
        var pre1 = new T[_f1 * _s1 * _s1];
        for (int f = 0; f < _f1; f++)
            for (int i = 0; i < _s1; i++)
                for (int j = 0; j < _s1; j++)
                {
                    T a = th[_b1 + f];
                    for (int c = 0; c < _c; c++)
                        for (int u = 0; u < Kernel; u++)
                            for (int v = 0; v < Kernel; v++)
                                a += th[_w1 + ((f * _c + c) * Kernel + u) * Kernel + v] * T.FromDouble(x[(c * _s + i + u) * _s + j + v]);
                    pre1[(f * _s1 + i) * _s1 + j] = a;
                }
        var pool = new T[_f1 * _p * _p];
        T quarter = T.FromInt(1) / T.FromInt(4);
        for (int f = 0; f < _f1; f++)
            for (int i = 0; i < _p; i++)
                for (int j = 0; j < _p; j++)
                {
                    T s = T.FromInt(0);
                    for (int di = 0; di < 2; di++)
                        for (int dj = 0; dj < 2; dj++) s += Relu(pre1[(f * _s1 + 2 * i + di) * _s1 + 2 * j + dj]);
                    pool[(f * _p + i) * _p + j] = s * quarter;
                }
        var pre2 = new T[_flat];
        for (int g = 0; g < _f2; g++)
            for (int i = 0; i < _s2; i++)
                for (int j = 0; j < _s2; j++)
                {
                    T a = th[_b2 + g];
                    for (int f = 0; f < _f1; f++)
                        for (int u = 0; u < Kernel; u++)
                            for (int v = 0; v < Kernel; v++)
                                a += th[_w2 + ((g * _f1 + f) * Kernel + u) * Kernel + v] * pool[(f * _p + i + u) * _p + j + v];
                    pre2[(g * _s2 + i) * _s2 + j] = a;
                }
        var hidden = pre2.Select(Relu).ToArray();
        var logits = new T[_k];
        for (int k = 0; k < _k; k++)
        {
            T a = th[_b3 + k];
            for (int d = 0; d < _flat; d++) a += th[_w3 + k * _flat + d] * hidden[d];
            logits[k] = a;
        }
        // log Σ exp(zₖ) − z_label, shifted by the largest logit (a constant: it cancels in value and derivative).
        T shift = T.FromDouble(logits.Max(T.ToDouble));
        T sumExp = T.FromInt(0);
        foreach (var z in logits) sumExp += T.Exp(z - shift);
        return new Activations<T>(pre1, pool, pre2, hidden, logits, T.Log(sumExp) + shift - logits[label]);
    }

    /// <summary>Adds ∇θ of one sample's cross-entropy into <paramref name="grad"/>.</summary>
    private void Backward(Real[] th, int sample, double[] grad)
    {
        var x = Data.Images[sample];
        var a = Forward<Real>(th, x, Data.Labels[sample]);
        double max = a.Logits.Max(z => z.Value), norm = a.Logits.Sum(z => Math.Exp(z.Value - max));
        var dLogits = a.Logits.Select(z => Math.Exp(z.Value - max) / norm).ToArray();
        dLogits[Data.Labels[sample]] -= 1;

        var dHidden = new double[_flat];
        for (int k = 0; k < _k; k++)
        {
            grad[_b3 + k] += dLogits[k];
            for (int d = 0; d < _flat; d++)
            {
                grad[_w3 + k * _flat + d] += dLogits[k] * a.Hidden[d].Value;
                dHidden[d] += th[_w3 + k * _flat + d].Value * dLogits[k];
            }
        }
        var dPool = new double[_f1 * _p * _p];
        for (int g = 0; g < _f2; g++)
            for (int i = 0; i < _s2; i++)
                for (int j = 0; j < _s2; j++)
                {
                    int o = (g * _s2 + i) * _s2 + j;
                    if (!(a.Pre2[o].Value > 0)) continue;
                    double d = dHidden[o];
                    grad[_b2 + g] += d;
                    for (int f = 0; f < _f1; f++)
                        for (int u = 0; u < Kernel; u++)
                            for (int v = 0; v < Kernel; v++)
                            {
                                int w = _w2 + ((g * _f1 + f) * Kernel + u) * Kernel + v, p = (f * _p + i + u) * _p + j + v;
                                grad[w] += d * a.Pool[p].Value;
                                dPool[p] += th[w].Value * d;
                            }
                }
        for (int f = 0; f < _f1; f++)
            for (int i = 0; i < _s1; i++)
                for (int j = 0; j < _s1; j++)
                {
                    int o = (f * _s1 + i) * _s1 + j;
                    if (!(a.Pre1[o].Value > 0)) continue;
                    double d = dPool[(f * _p + i / 2) * _p + j / 2] / 4;
                    grad[_b1 + f] += d;
                    for (int c = 0; c < _c; c++)
                        for (int u = 0; u < Kernel; u++)
                            for (int v = 0; v < Kernel; v++)
                                grad[_w1 + ((f * _c + c) * Kernel + u) * Kernel + v] += d * x[(c * _s + i + u) * _s + j + v];
                }
    }
}
