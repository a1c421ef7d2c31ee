namespace Verify.Dynamics.Numbers;

/// <summary>
/// A scalar that computes no value, only an upper bound on the degree of a polynomial in each of its
/// variables: evaluating a generic formula over it gives the formula's degrees (sums add bounds by
/// max, products by sum, division only by constants). Anything else (√ of a variable, exp, |x|, a
/// division by a non-constant) marks the result "not a polynomial". Branches on <see cref="ToDouble"/>
/// cannot be followed, so every call is counted in <see cref="ValueReads"/> and invalidates a proof.
/// </summary>
public readonly struct DegreeBound : IScalar<DegreeBound>
{
    private readonly int[]? _degrees; // per variable; missing trailing entries are 0
    private readonly bool _notPolynomial;

    private DegreeBound(int[]? degrees, bool notPolynomial)
    {
        _degrees = degrees;
        _notPolynomial = notPolynomial;
    }

    /// <summary>The variable number <paramref name="index"/> (degree 1 in it).</summary>
    public static DegreeBound Variable(int index)
    {
        var d = new int[index + 1];
        d[index] = 1;
        return new DegreeBound(d, false);
    }

    public static DegreeBound Constant => default;

    private static DegreeBound NotPolynomial => new(null, true);

    public bool IsPolynomial => !_notPolynomial;

    /// <summary>The bound on the degree in variable i (meaningful only for a polynomial).</summary>
    public int DegreeIn(int i) => _degrees is { } d && i < d.Length ? d[i] : 0;

    private bool IsConstant => IsPolynomial && (_degrees is null || _degrees.All(v => v == 0));

    private static DegreeBound Combine(DegreeBound a, DegreeBound b, Func<int, int, int> op)
    {
        if (!a.IsPolynomial || !b.IsPolynomial) return NotPolynomial;
        int n = Math.Max(a._degrees?.Length ?? 0, b._degrees?.Length ?? 0);
        var r = new int[n];
        for (int i = 0; i < n; i++) r[i] = op(a.DegreeIn(i), b.DegreeIn(i));
        return new DegreeBound(r, false);
    }

    public static DegreeBound operator +(DegreeBound a, DegreeBound b) => Combine(a, b, Math.Max);
    public static DegreeBound operator -(DegreeBound a, DegreeBound b) => Combine(a, b, Math.Max);
    public static DegreeBound operator *(DegreeBound a, DegreeBound b) => Combine(a, b, (x, y) => checked(x + y));
    public static DegreeBound operator /(DegreeBound a, DegreeBound b) => b.IsConstant ? a : NotPolynomial;
    public static DegreeBound operator -(DegreeBound a) => a;

    public static DegreeBound FromInt(int value) => Constant;
    public static DegreeBound FromDouble(double value) => Constant;

    [ThreadStatic] private static long t_valueReads;

    /// <summary>Calls of <see cref="ToDouble"/> on this thread (a branch the degree count cannot follow).</summary>
    public static long ValueReads => t_valueReads;

    /// <summary>There is no value: NaN, and the read is counted in <see cref="ValueReads"/>.</summary>
    public static double ToDouble(DegreeBound value)
    {
        t_valueReads++;
        return double.NaN;
    }

    // A function of a constant is a constant; of anything else, not a polynomial.
    private static DegreeBound Transcendental(DegreeBound x) => x.IsConstant ? Constant : NotPolynomial;
    public static DegreeBound Sqrt(DegreeBound x) => Transcendental(x);
    public static DegreeBound Exp(DegreeBound x) => Transcendental(x);
    public static DegreeBound Log(DegreeBound x) => Transcendental(x);
    public static DegreeBound Sin(DegreeBound x) => Transcendental(x);
    public static DegreeBound Cos(DegreeBound x) => Transcendental(x);
    public static DegreeBound Tanh(DegreeBound x) => Transcendental(x);
    public static DegreeBound Atan(DegreeBound x) => Transcendental(x);
    public static DegreeBound Acos(DegreeBound x) => Transcendental(x);
    public static DegreeBound Abs(DegreeBound x) => Transcendental(x);

    public override string ToString() =>
        IsPolynomial ? $"degrees ({string.Join(", ", _degrees ?? [])})" : "not a polynomial";
}
