using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A two-layer ReLU student f(x) = Σᵢ vᵢ σ(wᵢᵀx) (m neurons) fitted to a teacher f*(x) = Σⱼ cⱼ σ(w̃ⱼᵀx) on
/// N fixed inputs by the mean squared error L = (1/N) Σₙ (f(xₙ) − f*(xₙ))² (no ½). Parameters
/// θ = (v₁..v_m, w₁..w_m), each wᵢ ∈ ℝᵈ, row-major. Positively homogeneous: (cvᵢ, wᵢ/c) computes the same
/// function for c &gt; 0, so every minimizer lies on a curve of minimizers with different curvature.
/// The ReLU's kink is taken with σ′(0) = 0 (the derivative of the piece the value lies on).
/// </summary>
public sealed class TeacherStudent : Objective
{
    private readonly double[] _inputs;   // N×d row-major
    private readonly double[] _targets;  // f*(xₙ)

    /// <param name="inputs">N×d row-major.</param>
    /// <param name="teacherNeurons">k×d row-major: the teacher's first-layer weights w̃ⱼ.</param>
    /// <param name="teacherOutputs">cⱼ; all ones when null.</param>
    /// <param name="width">m: the student's number of neurons.</param>
    public TeacherStudent(double[] inputs, int inputDimension, double[] teacherNeurons, int width, double[]? teacherOutputs = null)
    {
        if (inputDimension < 1 || inputs.Length % inputDimension != 0) throw new ArgumentException("The inputs must be N×d.", nameof(inputs));
        if (teacherNeurons.Length % inputDimension != 0 || teacherNeurons.Length == 0) throw new ArgumentException("The teacher must be k×d with k ≥ 1.", nameof(teacherNeurons));
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), "The student needs at least one neuron.");
        InputDimension = inputDimension;
        Samples = inputs.Length / inputDimension;
        Width = width;
        _inputs = inputs.ToArray();
        int k = teacherNeurons.Length / inputDimension;
        var c = teacherOutputs ?? Enumerable.Repeat(1.0, k).ToArray();
        if (c.Length != k) throw new ArgumentException($"{k} teacher neurons but {c.Length} output weights.", nameof(teacherOutputs));
        _targets = new double[Samples];
        for (int n = 0; n < Samples; n++)
            for (int j = 0; j < k; j++)
            {
                double z = 0;
                for (int i = 0; i < inputDimension; i++) z += teacherNeurons[j * inputDimension + i] * _inputs[n * inputDimension + i];
                _targets[n] += c[j] * Math.Max(z, 0);
            }
    }

    public int InputDimension { get; }
    public int Samples { get; }
    public int Width { get; }
    public IReadOnlyList<double> Targets => _targets;
    public override int Dimension => Width * (InputDimension + 1);

    public override T Value<T>(ReadOnlySpan<T> theta)
    {
        int d = InputDimension, m = Width;
        T s = T.FromInt(0);
        for (int n = 0; n < Samples; n++)
        {
            T f = -T.FromDouble(_targets[n]);
            for (int i = 0; i < m; i++)
            {
                T z = PreActivation(theta, i, n);
                if (T.ToDouble(z) > 0) f += theta[i] * z;
            }
            s += f * f;
        }
        return s / T.FromInt(Samples);
    }

    /// <summary>∂L/∂vᵢ = (2/N)Σ rₙ σ(wᵢᵀxₙ), ∂L/∂wᵢ = (2/N)Σ rₙ vᵢ 1[wᵢᵀxₙ &gt; 0] xₙ, rₙ = f(xₙ) − f*(xₙ).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> theta)
    {
        int d = InputDimension, m = Width;
        var g = new T[Dimension];
        for (int k = 0; k < g.Length; k++) g[k] = T.FromInt(0);
        var z = new T[m];
        T two = T.FromInt(2) / T.FromInt(Samples);
        for (int n = 0; n < Samples; n++)
        {
            T r = -T.FromDouble(_targets[n]);
            for (int i = 0; i < m; i++)
            {
                z[i] = PreActivation(theta, i, n);
                if (T.ToDouble(z[i]) > 0) r += theta[i] * z[i];
            }
            r *= two;
            for (int i = 0; i < m; i++)
            {
                if (!(T.ToDouble(z[i]) > 0)) continue;
                g[i] += r * z[i];
                T rv = r * theta[i];
                int off = m + i * d, xo = n * d;
                for (int c = 0; c < d; c++) g[off + c] += rv * T.FromDouble(_inputs[xo + c]);
            }
        }
        return g;
    }

    /// <summary>
    /// ∇²L·u in closed form, in doubles (the generic <see cref="Analysis.HessianVectorProduct"/> gives the same,
    /// slower): with rₙ the residual, aₙᵢ = σ(zₙᵢ), sₙᵢ = 1[zₙᵢ &gt; 0], daₙᵢ = sₙᵢ uᵢᵀxₙ and
    /// drₙ = Σᵢ (u_{vᵢ} aₙᵢ + vᵢ daₙᵢ): (Hu)_{vᵢ} = (2/N)Σ (drₙ aₙᵢ + rₙ daₙᵢ),
    /// (Hu)_{wᵢ} = (2/N)Σ sₙᵢ (drₙ vᵢ + rₙ u_{vᵢ}) xₙ (σ″ = 0 off the kink).
    /// </summary>
    public double[] HessianVectorProduct(ReadOnlySpan<double> theta, ReadOnlySpan<double> u)
    {
        int d = InputDimension, m = Width;
        if (theta.Length != Dimension || u.Length != Dimension) throw new ArgumentException($"Need {Dimension} coordinates.");
        var hu = new double[Dimension];
        var z = new double[m];
        var dz = new double[m];
        double scale = 2.0 / Samples;
        for (int n = 0; n < Samples; n++)
        {
            var x = _inputs.AsSpan(n * d, d);
            double r = -_targets[n], dr = 0;
            for (int i = 0; i < m; i++)
            {
                double zi = 0, dzi = 0;
                var w = theta.Slice(m + i * d, d);
                var uw = u.Slice(m + i * d, d);
                for (int c = 0; c < d; c++) { zi += w[c] * x[c]; dzi += uw[c] * x[c]; }
                z[i] = zi; dz[i] = dzi;
                if (zi > 0) { r += theta[i] * zi; dr += u[i] * zi + theta[i] * dzi; }
            }
            r *= scale; dr *= scale;
            for (int i = 0; i < m; i++)
            {
                if (!(z[i] > 0)) continue;
                hu[i] += dr * z[i] + r * dz[i];
                double coef = dr * theta[i] + r * u[i];
                var hw = hu.AsSpan(m + i * d, d);
                for (int c = 0; c < d; c++) hw[c] += coef * x[c];
            }
        }
        return hu;
    }

    /// <summary>The student's output weights vᵢ.</summary>
    public static double[] OutputWeights(ReadOnlySpan<double> theta, int width) => theta[..width].ToArray();

    /// <summary>The student's neuron wᵢ.</summary>
    public double[] Neuron(ReadOnlySpan<double> theta, int i) => theta.Slice(Width + i * InputDimension, InputDimension).ToArray();

    /// <summary>θ from output weights v and neurons W (m×d row-major).</summary>
    public double[] Pack(ReadOnlySpan<double> v, ReadOnlySpan<double> neurons)
    {
        if (v.Length != Width || neurons.Length != Width * InputDimension) throw new ArgumentException($"Need {Width} output weights and {Width}×{InputDimension} neuron weights.");
        var theta = new double[Dimension];
        v.CopyTo(theta);
        neurons.CopyTo(theta.AsSpan(Width));
        return theta;
    }

    private T PreActivation<T>(ReadOnlySpan<T> theta, int i, int n) where T : IScalar<T>
    {
        int d = InputDimension, off = Width + i * d, xo = n * d;
        T z = T.FromInt(0);
        for (int c = 0; c < d; c++) z += theta[off + c] * T.FromDouble(_inputs[xo + c]);
        return z;
    }
}
