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
}
