using System.Globalization;
using System.Numerics;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// An exact rational number p/q (q &gt; 0, gcd(p, q) = 1) on <see cref="BigInteger"/>.
/// Polynomial identities are checked with it at random rational points, with no tolerance.
/// Transcendental functions are not exact and throw; <see cref="Sqrt"/> is exact on squares only.
/// </summary>
public readonly struct Rational : IScalar<Rational>, IEquatable<Rational>, IComparable<Rational>
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Rational(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException("Rational with denominator 0.");
        if (denominator.Sign < 0) { numerator = -numerator; denominator = -denominator; }
        var g = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!g.IsOne && !g.IsZero) { numerator /= g; denominator /= g; }
        Numerator = numerator;
        Denominator = numerator.IsZero ? BigInteger.One : denominator;
    }

    public Rational(BigInteger integer) : this(integer, BigInteger.One) { }

    // default(Rational) has Denominator 0; treat it as 0/1 everywhere.
    private BigInteger Den => Denominator.IsZero ? BigInteger.One : Denominator;

    public static Rational Zero => new(BigInteger.Zero);
    public static Rational One => new(BigInteger.One);
    public int Sign => Numerator.Sign;
    public bool IsZero => Numerator.IsZero;

    public static Rational operator +(Rational a, Rational b) => new(a.Numerator * b.Den + b.Numerator * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a, Rational b) => new(a.Numerator * b.Den - b.Numerator * a.Den, a.Den * b.Den);
    public static Rational operator *(Rational a, Rational b) => new(a.Numerator * b.Numerator, a.Den * b.Den);
    public static Rational operator /(Rational a, Rational b) => new(a.Numerator * b.Den, a.Den * b.Numerator);
    public static Rational operator -(Rational a) => new(-a.Numerator, a.Den);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;
    public static implicit operator Rational(int n) => new(n);

    public static Rational FromInt(int value) => new(value);

    /// <summary>The exact value of a finite double (a dyadic rational).</summary>
    public static Rational FromDouble(double value)
    {
        if (!double.IsFinite(value)) throw new ArgumentOutOfRangeException(nameof(value), value, "Only finite doubles are rational.");
        if (value == 0) return Zero;
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponent = (int)((bits >> 52) & 0x7FF);
        long mantissa = bits & 0xFFFFFFFFFFFFFL;
        if (exponent == 0) exponent++; else mantissa |= 1L << 52;
        exponent -= 1075;
        BigInteger num = mantissa, den = BigInteger.One;
        if (exponent > 0) num <<= exponent; else den <<= -exponent;
        return new Rational(negative ? -num : num, den);
    }

    public static double ToDouble(Rational value) => (double)value;

    public static explicit operator double(Rational r)
    {
        // Scale so the quotient has 63 or 64 significant bits, fold the remainder into its last bit (sticky), and
        // let the hardware ulong → double conversion round to nearest even: correctly rounded (outside the
        // subnormal range). BigInteger → double truncates, which was one ulp off for half of all quotients.
        var num = BigInteger.Abs(r.Numerator);
        if (num.IsZero) return 0.0;
        long shift = (long)(num.GetBitLength() - r.Den.GetBitLength()) - 63;
        BigInteger q = shift >= 0 ? BigInteger.DivRem(num, r.Den << (int)shift, out var rem) : BigInteger.DivRem(num << (int)-shift, r.Den, out rem);
        ulong bits = (ulong)q | (rem.IsZero ? 0UL : 1UL);
        double result = Math.ScaleB((double)bits, (int)shift);
        return r.Numerator.Sign < 0 ? -result : result;
    }

    public static Rational Sqrt(Rational x)
    {
        if (x.Sign < 0) throw new ArgumentOutOfRangeException(nameof(x), "Square root of a negative rational.");
        var p = IntegerSqrt(x.Numerator);
        var q = IntegerSqrt(x.Den);
        if (p * p != x.Numerator || q * q != x.Den)
            throw new NotSupportedException($"√({x}) is not rational: exact arithmetic cannot represent it.");
        return new Rational(p, q);
    }

    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n.IsZero) return n;
        var x = (BigInteger)Math.Sqrt((double)n);
        while (x * x > n) x--;
        while ((x + 1) * (x + 1) <= n) x++;
        return x;
    }

    private static Rational NotExact(string f) => throw new NotSupportedException($"{f} is transcendental: not representable in exact rational arithmetic.");
    public static Rational Exp(Rational x) => NotExact("exp");
    public static Rational Log(Rational x) => NotExact("log");
    public static Rational Sin(Rational x) => NotExact("sin");
    public static Rational Cos(Rational x) => NotExact("cos");
    public static Rational Tanh(Rational x) => NotExact("tanh");
    public static Rational Atan(Rational x) => NotExact("atan");
    public static Rational Acos(Rational x) => NotExact("acos");
    public static Rational Abs(Rational x) => x.Sign < 0 ? -x : x;

    public bool Equals(Rational other) => Numerator == other.Numerator && Den == other.Den;
    public override bool Equals(object? obj) => obj is Rational r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Numerator, Den);
    public int CompareTo(Rational other) => (Numerator * other.Den).CompareTo(other.Numerator * Den);
    public override string ToString() => Den.IsOne ? Numerator.ToString(CultureInfo.InvariantCulture) : $"{Numerator}/{Den}";
}
