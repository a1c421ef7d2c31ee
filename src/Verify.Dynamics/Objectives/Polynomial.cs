using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>One term c·x₁^e₁⋯xₙ^eₙ of a polynomial.</summary>
public sealed record Monomial(double Coefficient, IReadOnlyList<int> Exponents)
{
    public int Degree => Exponents.Sum();

    public override string ToString()
    {
        var factors = Exponents.Select((e, i) => e == 0 ? "" : e == 1 ? $"x{i + 1}" : $"x{i + 1}^{e}").Where(s => s.Length > 0);
        return FormattableString.Invariant($"{Coefficient:R}") + (Degree == 0 ? "" : "·" + string.Join("·", factors));
    }
}

/// <summary>
/// A polynomial p(x) = Σ c_α x^α in n variables, with closed-form gradient and Hessian (monomials
/// differentiated term by term), so it runs exactly in rationals and cheaply in doubles. Coefficients are
/// doubles, hence dyadic rationals: exact in <see cref="Rational"/> arithmetic.
/// </summary>
public sealed class Polynomial : Objective
{
    private readonly Monomial[] _terms;
    private readonly int _dimension;

    public Polynomial(int dimension, IEnumerable<Monomial> terms)
    {
        if (dimension < 1) throw new ArgumentOutOfRangeException(nameof(dimension), dimension, "A polynomial needs at least one variable.");
        _dimension = dimension;
        _terms = terms.ToArray();
        foreach (var t in _terms)
        {
            if (t.Exponents.Count != dimension) throw new ArgumentException($"Monomial {t} has {t.Exponents.Count} exponents, the polynomial {dimension} variables.");
            if (t.Exponents.Any(e => e < 0)) throw new ArgumentException($"Monomial {t} has a negative exponent.");
        }
    }

    /// <summary>Builds a polynomial from (coefficient, exponents) pairs, e.g. (1, [1, 2]) for x·y².</summary>
    public static Polynomial Of(int dimension, params (double Coefficient, int[] Exponents)[] terms) =>
        new(dimension, terms.Select(t => new Monomial(t.Coefficient, t.Exponents)));

    public override int Dimension => _dimension;

    public IReadOnlyList<Monomial> Terms => _terms;

    /// <summary>The lowest degree of a term with a non-zero coefficient (int.MaxValue for the zero polynomial).</summary>
    public int LowestDegree => _terms.Where(t => t.Coefficient != 0).Select(t => t.Degree).DefaultIfEmpty(int.MaxValue).Min();

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        T sum = T.FromInt(0);
        foreach (var t in _terms) sum += T.FromDouble(t.Coefficient) * Power(x, t.Exponents, -1, -1);
        return sum;
    }

    /// <summary>∂p/∂xᵢ = Σ c_α αᵢ x^(α − eᵢ).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> x)
    {
        var g = new T[_dimension];
        for (int i = 0; i < g.Length; i++) g[i] = T.FromInt(0);
        foreach (var t in _terms)
            for (int i = 0; i < _dimension; i++)
            {
                int e = t.Exponents[i];
                if (e == 0) continue;
                g[i] += T.FromDouble(t.Coefficient * e) * Power(x, t.Exponents, i, -1);
            }
        return g;
    }

    /// <summary>∂²p/∂xᵢ∂xⱼ = Σ c_α αᵢ(αⱼ − δᵢⱼ) x^(α − eᵢ − eⱼ).</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> x)
    {
        var h = new T[_dimension, _dimension];
        for (int i = 0; i < _dimension; i++)
            for (int j = 0; j < _dimension; j++) h[i, j] = T.FromInt(0);
        foreach (var t in _terms)
            for (int i = 0; i < _dimension; i++)
                for (int j = i; j < _dimension; j++)
                {
                    int factor = t.Exponents[i] * (t.Exponents[j] - (i == j ? 1 : 0));
                    if (factor == 0) continue;
                    var v = T.FromDouble(t.Coefficient * factor) * Power(x, t.Exponents, i, j);
                    h[i, j] += v;
                    if (i != j) h[j, i] += v;
                }
        return h;
    }

    /// <summary>
    /// y ↦ p(s·y)/s²: every term of degree d is multiplied by s^(d−2). For s a power of two this is exact
    /// in floating point (until a coefficient underflows, i.e. stops mattering), which lets GD near a
    /// critical point at 0 be followed below the smallest double (see <see cref="Maps.RenormalizedGradientDescent"/>).
    /// </summary>
    public Polynomial Scaled(int log2Scale) => Scaled(log2Scale, 2);

    /// <summary>y ↦ p(2ˢ·y)/2^(s·h): a term of degree d is multiplied by 2^(s(d − h)) (exact, as above).</summary>
    public Polynomial Scaled(int log2Scale, int homogeneity) =>
        new(_dimension, _terms.Select(t => t with { Coefficient = Math.ScaleB(t.Coefficient, log2Scale * (t.Degree - homogeneity)) }));

    /// <summary>
    /// A bound on ‖∇²p(x)‖₂ over the ball ‖x‖₂ ≤ r: ‖∇²p‖₂ ≤ ‖∇²p‖_F ≤ Σ_α |c_α| ‖∇²x^α‖_F and, since
    /// |xᵢ| ≤ r, |x^β| ≤ r^|β|, so ‖∇²x^α‖_F ≤ (Σᵢⱼ αᵢ²(αⱼ − δᵢⱼ)²)^½ r^(|α|−2).
    /// </summary>
    public double HessianNormBound(double radius)
    {
        double bound = 0;
        foreach (var t in _terms)
        {
            if (t.Degree < 2 || t.Coefficient == 0) continue;
            double frob = 0;
            for (int i = 0; i < _dimension; i++)
                for (int j = 0; j < _dimension; j++)
                {
                    double f = t.Exponents[i] * (t.Exponents[j] - (i == j ? 1 : 0));
                    frob += f * f;
                }
            bound += Math.Abs(t.Coefficient) * Math.Sqrt(frob) * Math.Pow(radius, t.Degree - 2);
        }
        return bound;
    }

    /// <summary>x^(α − eᵢ − eⱼ) (an index −1 is no derivative); the caller skips terms whose exponent would go negative.</summary>
    private static T Power<T>(ReadOnlySpan<T> x, IReadOnlyList<int> exponents, int di, int dj) where T : IScalar<T>
    {
        T product = T.FromInt(1);
        for (int k = 0; k < exponents.Count; k++)
        {
            int e = exponents[k] - (k == di ? 1 : 0) - (k == dj ? 1 : 0);
            if (e > 0) product *= e == 1 ? x[k] : Scalar.Pow(x[k], e);
        }
        return product;
    }

    public override string ToString() => _terms.Length == 0 ? "0" : string.Join(" + ", _terms.Select(t => t.ToString()));
}
