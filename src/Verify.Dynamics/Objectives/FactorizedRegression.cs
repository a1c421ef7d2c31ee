using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// The data loss L̄(a, b) = (1/(2n))Σᵢ(aᵀb·xᵢ − yᵢ)² of a depth-2 linear network with d hidden units on
/// scalar data (xᵢ, yᵢ). It is s·½(aᵀb − c)² + K with s = (1/n)Σxᵢ², c = Σxᵢyᵢ/Σxᵢ²,
/// K = (1/(2n))(Σyᵢ² − (Σxᵢyᵢ)²/Σxᵢ²): a rescaled <see cref="VectorFactorization"/> with target c.
/// </summary>
public sealed class FactorizedRegression : Objective
{
    private readonly double[] _inputs;
    private readonly double[] _outputs;

    public FactorizedRegression(int width, IReadOnlyList<double> inputs, IReadOnlyList<double> outputs)
    {
        if (width < 1) throw new ArgumentOutOfRangeException(nameof(width), width, "The width d must be at least 1.");
        if (inputs.Count != outputs.Count) throw new ArgumentException($"{inputs.Count} inputs but {outputs.Count} outputs.");
        if (inputs.Count == 0) throw new ArgumentException("The data set is empty.");
        if (inputs.All(x => x == 0)) throw new ArgumentException("All inputs are 0: the loss does not depend on a, b.");
        Width = width;
        _inputs = inputs.ToArray();
        _outputs = outputs.ToArray();
    }

    public int Width { get; }
    public override int Dimension => 2 * Width;
    public int Samples => _inputs.Length;

    public override T Value<T>(ReadOnlySpan<T> p)
    {
        var m = Scalar.Dot(p[..Width], p[Width..]);
        T sum = T.FromInt(0);
        for (int i = 0; i < _inputs.Length; i++)
        {
            var r = m * T.FromDouble(_inputs[i]) - T.FromDouble(_outputs[i]);
            sum += r * r;
        }
        return sum / T.FromInt(2 * _inputs.Length);
    }

    /// <summary>s = (1/n)Σxᵢ², exact in the number type T.</summary>
    public T Curvature<T>() where T : IScalar<T> => Sum<T>(_inputs, _inputs) / T.FromInt(_inputs.Length);

    /// <summary>c = Σxᵢyᵢ/Σxᵢ²: the slope the product aᵀb fits.</summary>
    public T EffectiveTarget<T>() where T : IScalar<T> => Sum<T>(_inputs, _outputs) / Sum<T>(_inputs, _inputs);

    /// <summary>K = (1/(2n))(Σyᵢ² − (Σxᵢyᵢ)²/Σxᵢ²): the loss no a, b can remove.</summary>
    public T Constant<T>() where T : IScalar<T>
    {
        var xy = Sum<T>(_inputs, _outputs);
        return (Sum<T>(_outputs, _outputs) - xy * xy / Sum<T>(_inputs, _inputs)) / T.FromInt(2 * _inputs.Length);
    }

    private static T Sum<T>(double[] u, double[] v) where T : IScalar<T>
    {
        T s = T.FromInt(0);
        for (int i = 0; i < u.Length; i++) s += T.FromDouble(u[i]) * T.FromDouble(v[i]);
        return s;
    }
}
