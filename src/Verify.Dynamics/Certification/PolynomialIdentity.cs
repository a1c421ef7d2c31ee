using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Certification;

/// <summary>The result of <see cref="PolynomialIdentity.Prove(Objective, int)"/>.</summary>
public sealed record PolynomialIdentityOutcome(
    bool Proven,
    IReadOnlyList<int>? Degrees,
    int Points,
    IReadOnlyList<Rational>? Counterexample,
    string Reason)
{
    public string Describe() => Proven
        ? $"proven identically zero: degree ≤ ({string.Join(", ", Degrees!)}) in the variables, zero at all {Points} points of a grid with degree + 1 values per variable"
        : Counterexample is not null
            ? $"not an identity: the value at ({string.Join(", ", Counterexample)}) is not 0"
            : $"not proven: {Reason}";
}

/// <summary>
/// Proves that a formula written over <see cref="IScalar{T}"/> is identically zero (an identity
/// lhs − rhs ≡ 0), by a proof rather than a sample: the formula is first evaluated over
/// <see cref="DegreeBound"/>, which bounds its degree dᵢ in each variable (and rejects anything that
/// is not a polynomial); then it is evaluated exactly in rationals on the grid S₁ × ⋯ × Sₙ with
/// |Sᵢ| = dᵢ + 1. A polynomial of degree ≤ dᵢ in each variable that vanishes on such a grid is zero
/// (induction on n: a one-variable polynomial of degree ≤ d with d + 1 roots is zero).
/// </summary>
public static class PolynomialIdentity
{
    public static PolynomialIdentityOutcome Prove(Objective difference, int maxPoints = 1_000_000) =>
        Prove(new ValueMap(difference), maxPoints);

    /// <summary>
    /// Several identities at once: every component of <paramref name="differences"/> (a map ℝⁿ → ℝᵐ,
    /// e.g. a vector equation lhs − rhs) is proven identically zero. The degree bound in each variable
    /// is the largest over the components, so one grid serves them all.
    /// </summary>
    public static PolynomialIdentityOutcome Prove(IMap differences, int maxPoints = 1_000_000)
    {
        int n = differences.Dimension;
        long readsBefore = DegreeBound.ValueReads;
        var variables = Enumerable.Range(0, n).Select(DegreeBound.Variable).ToArray();
        var components = differences.Apply<DegreeBound>(variables);
        if (DegreeBound.ValueReads != readsBefore)
            return new(false, null, 0, null, "the formula branches on a value (ToDouble), so its degree cannot be bounded");
        if (!components.All(c => c.IsPolynomial))
            return new(false, null, 0, null, "the formula is not a polynomial (a root, transcendental function, |x| or division by a non-constant)");
        var degrees = Enumerable.Range(0, n).Select(i => components.Select(c => c.DegreeIn(i)).DefaultIfEmpty(0).Max()).ToArray();
        long points = degrees.Aggregate(1L, (p, d) => p * (d + 1));
        if (points > maxPoints)
            return new(false, degrees, 0, null, $"the grid would need {points} points (more than {maxPoints})");

        // Grid values 0, 1, −1, 2, −2, … in each variable.
        var index = new int[n];
        var x = new Rational[n];
        for (long k = 0; k < points; k++)
        {
            for (int i = 0; i < n; i++) x[i] = index[i] % 2 == 1 ? (index[i] + 1) / 2 : -(index[i] / 2);
            if (differences.Apply<Rational>(x).Any(v => !v.IsZero)) return new(false, degrees, (int)k + 1, x.ToArray(), "a grid point where the formula is not 0");
            for (int i = 0; i < n && ++index[i] > degrees[i]; i++) index[i] = 0;
        }
        return new(true, degrees, (int)points, null, "zero on the whole grid");
    }

    /// <summary>A scalar formula as a one-component map (its output dimension differs from its input's: only Apply is used).</summary>
    private sealed class ValueMap(Objective f) : IMap
    {
        public int Dimension => f.Dimension;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [f.Value(x)];
    }
}
