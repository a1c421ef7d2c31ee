namespace Verify.Dynamics.Objectives;

/// <summary>
/// L(w) = ½(w₁w₂⋯w_d − 1)²: a chain of d scalar factors fitting the target 1 (d = 2 is
/// <see cref="ScalarFactorization"/>). Minimizers: the level set ∏wᵢ = 1 (codimension 1); on it the Hessian
/// is ∇π∇πᵀ with π = ∏wᵢ, so the curvature across the valley is ‖∇π‖² = Σᵢ ∏_{j≠i} wⱼ².
/// </summary>
public sealed class ProductFactorization(int factors) : Objective
{
    public override int Dimension { get; } = factors >= 2 ? factors : throw new ArgumentOutOfRangeException(nameof(factors), factors, "A product needs at least two factors.");

    public override T Value<T>(ReadOnlySpan<T> w)
    {
        T p = T.FromInt(1);
        foreach (var v in w) p *= v;
        var r = p - T.FromInt(1);
        return r * r / T.FromInt(2);
    }

    /// <summary>∂L/∂wᵢ = (∏w − 1) ∏_{j≠i} wⱼ (prefix and suffix products: no division, exact at wᵢ = 0).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> w)
    {
        int d = w.Length;
        var before = new T[d + 1];
        before[0] = T.FromInt(1);
        for (int i = 0; i < d; i++) before[i + 1] = before[i] * w[i];
        var r = before[d] - T.FromInt(1);
        var g = new T[d];
        T after = T.FromInt(1);
        for (int i = d - 1; i >= 0; i--)
        {
            g[i] = r * before[i] * after;
            after *= w[i];
        }
        return g;
    }
}
