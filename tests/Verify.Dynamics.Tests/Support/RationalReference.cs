using System.Numerics;

namespace Verify.Dynamics.Tests.Support;

/// <summary>
/// Independent reference enclosures of exp, sin, cos, tanh and π in rational arithmetic: Taylor series
/// with explicit tail bounds, every partial result rounded outward to 128 significant bits. Used to
/// check the library-based interval functions (and the error bound they assume) at many points.
/// </summary>
internal static class RationalReference
{
    // Far more than the ~60 bits needed to judge an error of a few ulps; kept small for speed.
    private const int Bits = 128;

    /// <summary>A pair of rationals Lo ≤ Hi enclosing a real.</summary>
    public readonly record struct Bounds(Rational Lo, Rational Hi)
    {
        public static Bounds Of(Rational r) => new(r, r);
        public static Bounds Of(double v) => Of(Rational.FromDouble(v));
        public static Bounds Of(int v) => Of((Rational)v);
        public static Bounds operator +(Bounds a, Bounds b) => new(Down(a.Lo + b.Lo), Up(a.Hi + b.Hi));
        public static Bounds operator -(Bounds a) => new(-a.Hi, -a.Lo);
        public static Bounds operator -(Bounds a, Bounds b) => a + -b;

        public static Bounds operator *(Bounds a, Bounds b)
        {
            Rational[] p = [a.Lo * b.Lo, a.Lo * b.Hi, a.Hi * b.Lo, a.Hi * b.Hi];
            return new(Down(p.Min()), Up(p.Max()));
        }

        /// <summary>Division by a bound that excludes 0.</summary>
        public static Bounds operator /(Bounds a, Bounds b)
        {
            if (b.Lo.Sign <= 0 && b.Hi.Sign >= 0) throw new DivideByZeroException("Reference division by bounds containing 0.");
            Rational[] p = [a.Lo / b.Lo, a.Lo / b.Hi, a.Hi / b.Lo, a.Hi / b.Hi];
            return new(Down(p.Min()), Up(p.Max()));
        }

        public Bounds Widen(Rational e) => new(Down(Lo - e), Up(Hi + e));
    }

    /// <summary>r rounded down (toward −∞) to <see cref="Bits"/> significant bits.</summary>
    public static Rational Down(Rational r) => Round(r, up: false);

    public static Rational Up(Rational r) => Round(r, up: true);

    private static Rational Round(Rational r, bool up)
    {
        if (r.IsZero) return r;
        long exponent = (long)(BigInteger.Abs(r.Numerator).GetBitLength() - r.Denominator.GetBitLength());
        int shift = (int)(Bits - exponent);
        BigInteger num = shift >= 0 ? r.Numerator << shift : r.Numerator;
        BigInteger den = shift >= 0 ? r.Denominator : r.Denominator << -shift;
        var q = BigInteger.DivRem(num, den, out var rem);
        if (!rem.IsZero)
        {
            if (up && rem.Sign > 0) q += 1;
            if (!up && rem.Sign < 0) q -= 1;
        }
        return shift >= 0 ? new Rational(q, BigInteger.One << shift) : new Rational(q << -shift);
    }

    private static readonly Lazy<Bounds> PiBounds = new(() =>
    {
        // Machin: π = 16 atan(1/5) − 4 atan(1/239); alternating series, tail below the first omitted term.
        Bounds AtanInverse(int m, int terms)
        {
            Bounds sum = Bounds.Of(Rational.Zero);
            for (int k = 0; k < terms; k++)
            {
                var term = new Rational(BigInteger.One, (2 * k + 1) * BigInteger.Pow(m, 2 * k + 1));
                sum += Bounds.Of(k % 2 == 0 ? term : -term);
            }
            return sum.Widen(new Rational(BigInteger.One, (2 * terms + 1) * BigInteger.Pow(m, 2 * terms + 1)));
        }
        return Bounds.Of(16) * AtanInverse(5, 120) - Bounds.Of(4) * AtanInverse(239, 40);
    });

    public static Bounds Pi => PiBounds.Value;

    /// <summary>
    /// Σ ±xᵏ/k! over the terms k = start, start + step, … for |x| ≤ 4, summed until the omitted terms,
    /// bounded by 2·M^(k+1)/(k+1)! with M ≥ |x| (valid once k + 2 ≥ 2M), are below the working precision
    /// relative to the sum (the bound vanishes at x = 0 and is relative for small x).
    /// </summary>
    private static Bounds Series(Bounds x, int start, int step, Func<int, int> sign)
    {
        Bounds sum = Bounds.Of(Rational.Zero);
        Bounds power = Bounds.Of(Rational.One); // xᵏ/k!
        Rational magnitude = Up(Rational.Abs(x.Lo) > Rational.Abs(x.Hi) ? Rational.Abs(x.Lo) : Rational.Abs(x.Hi));
        Rational tail = 2;
        var resolution = new Rational(BigInteger.One, BigInteger.One << (Bits + 4));
        for (int k = 0; k < 400; k++)
        {
            if (k >= start && (k - start) % step == 0) sum += sign(k) > 0 ? power : -power;
            power = power * x * Bounds.Of(new Rational(1, k + 1));
            tail = Up(tail * magnitude / (k + 1));
            if (k >= 8 && k >= start && tail <= Rational.Abs(sum.Lo) * resolution) break;
        }
        return sum.Widen(tail);
    }

    public static Bounds Exp(double x)
    {
        if (x == 0) return Bounds.Of(1);
        // exp(x) = exp(x/2ˢ)^(2ˢ) with |x/2ˢ| ≤ 1/4.
        int s = Math.Max(0, (int)Math.Ceiling(Math.Log2(Math.Abs(x))) + 2);
        var r = Bounds.Of(Rational.FromDouble(x) / new Rational(BigInteger.One << s));
        var e = Series(r, 0, 1, _ => 1);
        for (int i = 0; i < s; i++) e *= e;
        return e;
    }

    // x − 2kπ ∈ [−π, π]-ish, as bounds.
    private static Bounds Reduce(double x)
    {
        double k = Math.Round(x / (2 * Math.PI));
        return Bounds.Of(x) - Bounds.Of(Rational.FromDouble(2 * k)) * Pi;
    }

    public static Bounds Sin(double x) => Series(Reduce(x), 1, 2, k => (k / 2) % 2 == 0 ? 1 : -1);

    public static Bounds Cos(double x) => Series(Reduce(x), 0, 2, k => (k / 2) % 2 == 0 ? 1 : -1);

    public static Bounds Tanh(double x)
    {
        if (Math.Abs(x) <= 0.5)
        {
            var b = Bounds.Of(x);
            var sinh = Series(b, 1, 2, _ => 1);
            var cosh = Series(b, 0, 2, _ => 1);
            return sinh / cosh;
        }
        // tanh x = 1 − 2/(e^{2x} + 1), increasing in e^{2x}.
        var e = Exp(2 * x);
        var one = Bounds.Of(1);
        return one - Bounds.Of(2) / (e + one);
    }
}
