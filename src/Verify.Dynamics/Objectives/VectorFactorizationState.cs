using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// The observables of ½(aᵀb − Φ)² at one point, in any number type: the product aᵀb, the residual
/// ε = aᵀb − Φ, the squared norm λ = ‖a‖² + ‖b‖² (the sharpness on the minimizers), the imbalances
/// Qᵢ = aᵢ² − bᵢ² (each conserved by gradient flow) and their absolute sum Q.
/// </summary>
public sealed record VectorFactorizationState<T>(T Target, T Product, T SquaredNorm, T[] Imbalances, T NormA, T NormB)
    where T : IScalar<T>
{
    /// <summary>ε = aᵀb − Φ.</summary>
    public T Residual => Product - Target;

    /// <summary>Q = Σ|Qᵢ|.</summary>
    public T Imbalance
    {
        get
        {
            T s = T.FromInt(0);
            foreach (var q in Imbalances) s += T.Abs(q);
            return s;
        }
    }

    /// <summary>ΣQᵢ = ‖a‖² − ‖b‖².</summary>
    public T SignedImbalance => NormA - NormB;

    /// <summary>λ² − 4(aᵀb)² = (‖a‖² − ‖b‖²)² + 4(‖a‖²‖b‖² − (aᵀb)²) ≥ 0; equals Q² when d = 1.</summary>
    public T Gap => SquaredNorm * SquaredNorm - T.FromInt(4) * Product * Product;

    /// <summary>λ² − 8ε(ε + Φ) + 4ε² = λ² − 4(aᵀb)² + 4Φ²: conserved by gradient flow.</summary>
    public T FlowInvariant
    {
        get
        {
            var e = Residual;
            return SquaredNorm * SquaredNorm - T.FromInt(8) * e * (e + Target) + T.FromInt(4) * e * e;
        }
    }

    public static VectorFactorizationState<T> Of(ReadOnlySpan<T> a, ReadOnlySpan<T> b, T target)
    {
        if (a.Length != b.Length) throw new ArgumentException($"a has {a.Length} entries, b has {b.Length}.");
        T na = T.FromInt(0), nb = T.FromInt(0), p = T.FromInt(0);
        var q = new T[a.Length];
        for (int i = 0; i < a.Length; i++)
        {
            var a2 = a[i] * a[i];
            var b2 = b[i] * b[i];
            na += a2;
            nb += b2;
            p += a[i] * b[i];
            q[i] = a2 - b2;
        }
        return new VectorFactorizationState<T>(target, p, na + nb, q, na, nb);
    }

    /// <summary>The state of x = [a; b] for <paramref name="f"/>.</summary>
    public static VectorFactorizationState<T> Of(VectorFactorization f, ReadOnlySpan<T> x) =>
        Of(x[..f.Width], x[f.Width..], T.FromDouble(f.Target));
}
