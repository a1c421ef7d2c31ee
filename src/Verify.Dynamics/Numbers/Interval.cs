using System.Globalization;
using System.Numerics;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// A closed interval [Lo, Hi] of reals with outward rounding: every operation returns an interval
/// that contains the exact result for every choice of the operands in their intervals. Generic code
/// written over <see cref="IScalar{T}"/> then computes rigorous enclosures (the basis of Krawczyk
/// certificates). The field operations and <see cref="Sqrt"/> round with exact error terms
/// (TwoSum, fused multiply-add residuals on rescaled operands), so an exact result stays a point and
/// an inexact end moves by one ulp in the safe direction, over the whole range including subnormals;
/// the transcendental functions are in Interval.Functions.cs.
/// <para>Conventions, all sound:</para>
/// <list type="bullet">
/// <item>Ends may be ±∞ (unbounded intervals, e.g. <see cref="Entire"/>); an end that overflows
/// becomes ±∞ or ±<see cref="double.MaxValue"/>, never a wrong finite number. In products 0·∞ = 0.</item>
/// <item>Division by an interval that contains 0 gives <see cref="Entire"/> (the quotient is unbounded
/// on the box), which no certificate accepts.</item>
/// <item><see cref="Invalid"/> = [NaN, NaN] is the result of a function applied outside its domain
/// (√ of an interval reaching below 0, log of one reaching 0, acos outside [−1, 1]) or of a NaN or
/// infinite constant. It propagates through every operation and is contained in nothing.</item>
/// <item><see cref="FromDouble"/> is the exact double: a decimal literal such as 0.1 is the double
/// nearest to it, not one tenth. A claimed decimal constant must be entered exactly, with
/// <see cref="FromDecimal"/> (0.1m), <see cref="FromRational"/> or <see cref="Enclose"/>.</item>
/// <item><see cref="ToDouble"/> (the <see cref="IScalar{T}"/> hook generic code uses to branch, e.g.
/// the sign rule of Dual.Abs) returns the midpoint. A branch on it is decided for the midpoint only,
/// not for the whole interval, so every call is counted in <see cref="MidpointReads"/>; a certificate
/// requires that the evaluations it relies on made none (see <see cref="MidpointReadAudit"/>).
/// <see cref="Midpoint"/> reads the midpoint without counting.</item>
/// </list>
/// </summary>
public readonly partial struct Interval : IScalar<Interval>, IEquatable<Interval>
{
    /// <summary>The lower end (−∞ allowed; NaN only for <see cref="Invalid"/>).</summary>
    public double Lo { get; }

    /// <summary>The upper end (+∞ allowed; NaN only for <see cref="Invalid"/>).</summary>
    public double Hi { get; }

    /// <summary>[lo, hi]; throws on NaN, lo &gt; hi, lo = +∞ or hi = −∞ (not a set of reals).</summary>
    public Interval(double lo, double hi)
    {
        if (double.IsNaN(lo) || double.IsNaN(hi) || lo > hi || lo == double.PositiveInfinity || hi == double.NegativeInfinity)
            throw new ArgumentException($"[{lo}, {hi}] is not an interval of reals.");
        Lo = lo;
        Hi = hi;
    }

    // Internal constructor without checks: results of operations (Invalid is [NaN, NaN]).
    private Interval(double lo, double hi, bool _) { Lo = lo; Hi = hi; }

    private static Interval Make(double lo, double hi) => new(lo, hi, true);

    /// <summary>The degenerate interval [v, v] (v finite).</summary>
    public static Interval Point(double v) => double.IsFinite(v) ? Make(v, v) : throw new ArgumentOutOfRangeException(nameof(v), v, "A point interval needs a finite value.");

    public static Interval Zero => default;
    public static Interval One => Make(1, 1);
    public static Interval Entire => Make(double.NegativeInfinity, double.PositiveInfinity);
    public static Interval Invalid => Make(double.NaN, double.NaN);

    /// <summary>False only for <see cref="Invalid"/>.</summary>
    public bool IsValid => !double.IsNaN(Lo);

    /// <summary>Both ends finite.</summary>
    public bool IsBounded => double.IsFinite(Lo) && double.IsFinite(Hi);

    public bool IsPoint => Lo == Hi;

    /// <summary>Hi − Lo rounded up (NaN for Invalid, +∞ if unbounded).</summary>
    public double Width => Sum(Hi, -Lo).Up;

    /// <summary>
    /// A double in [Lo, Hi] near the centre (0 for Entire, ±MaxValue for a half-line, NaN for Invalid).
    /// Reading it is not counted in <see cref="MidpointReads"/>: use it in certificates, not in generic code.
    /// </summary>
    public double Midpoint
    {
        get
        {
            if (!IsValid) return double.NaN;
            if (Lo == double.NegativeInfinity) return Hi == double.PositiveInfinity ? 0 : -double.MaxValue;
            if (Hi == double.PositiveInfinity) return double.MaxValue;
            double m = (Lo + Hi) / 2;
            if (double.IsInfinity(m)) m = Lo / 2 + Hi / 2;
            return Math.Clamp(m, Lo, Hi);
        }
    }

    /// <summary>A bound ≥ max(Midpoint − Lo, Hi − Midpoint), rounded up.</summary>
    public double Radius
    {
        get
        {
            double m = Midpoint;
            return Math.Max(Sum(m, -Lo).Up, Sum(Hi, -m).Up);
        }
    }

    /// <summary>Magnitude max |x| over the interval.</summary>
    public double Mag => Math.Max(Math.Abs(Lo), Math.Abs(Hi));

    /// <summary>Mignitude min |x| over the interval (0 if it contains 0).</summary>
    public double Mig => !IsValid ? double.NaN : Lo > 0 ? Lo : Hi < 0 ? -Hi : 0;

    public bool Contains(double v) => Lo <= v && v <= Hi;

    /// <summary>Exact membership of a rational (no rounding).</summary>
    public bool ContainsExact(Rational r) =>
        IsValid
        && (Lo == double.NegativeInfinity || Rational.FromDouble(Lo) <= r)
        && (Hi == double.PositiveInfinity || r <= Rational.FromDouble(Hi));

    /// <summary>This interval is a subset of <paramref name="outer"/>.</summary>
    public bool IsSubsetOf(Interval outer) => IsValid && outer.Lo <= Lo && Hi <= outer.Hi;

    /// <summary>This interval lies in the interior of <paramref name="outer"/> (both ends strictly inside).</summary>
    public bool IsInteriorOf(Interval outer) => IsValid && outer.Lo < Lo && Hi < outer.Hi;

    /// <summary>Every element is &gt; 0 / ≥ 0 / &lt; 0 / ≤ 0.</summary>
    public bool IsPositive => Lo > 0;
    public bool IsNonNegative => Lo >= 0;
    public bool IsNegative => Hi < 0;
    public bool IsNonPositive => Hi <= 0;

    /// <summary>The smallest interval containing both (Invalid if either is: Math.Min/Max propagate NaN).</summary>
    public static Interval Hull(Interval a, Interval b) => Make(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));

    /// <summary>a ∩ b, or null when they are disjoint (or either is Invalid).</summary>
    public static Interval? Intersection(Interval a, Interval b)
    {
        double lo = Math.Max(a.Lo, b.Lo), hi = Math.Min(a.Hi, b.Hi);
        return lo <= hi ? Make(lo, hi) : null;
    }

    /// <summary>[c − r, c + r] rounded outward.</summary>
    public static Interval Around(double center, double radius)
    {
        if (!(radius >= 0)) throw new ArgumentOutOfRangeException(nameof(radius), radius, "The radius must be ≥ 0.");
        return Make(Sum(center, -radius).Down, Sum(center, radius).Up);
    }

    // ---------------------------------------------------------------- arithmetic

    public static Interval operator +(Interval a, Interval b) => Make(Sum(a.Lo, b.Lo).Down, Sum(a.Hi, b.Hi).Up);

    public static Interval operator -(Interval a, Interval b) => a + -b;

    public static Interval operator -(Interval a) => Make(-a.Hi, -a.Lo);

    public static Interval operator *(Interval a, Interval b)
    {
        if (!a.IsValid || !b.IsValid) return Invalid; // not only NaN propagation: 0·NaN would be taken as 0
        var p1 = Product(a.Lo, b.Lo);
        var p2 = Product(a.Lo, b.Hi);
        var p3 = Product(a.Hi, b.Lo);
        var p4 = Product(a.Hi, b.Hi);
        return Make(Math.Min(Math.Min(p1.Down, p2.Down), Math.Min(p3.Down, p4.Down)),
                    Math.Max(Math.Max(p1.Up, p2.Up), Math.Max(p3.Up, p4.Up)));
    }

    /// <summary>a / b; <see cref="Entire"/> when b contains 0 (the quotient is unbounded there).</summary>
    public static Interval operator /(Interval a, Interval b)
    {
        if (!a.IsValid || !b.IsValid) return Invalid; // not only NaN propagation: 0/NaN would be taken as 0
        if (b.Contains(0)) return Entire;
        // Sign cases: the extreme quotients pair the ends below (never ∞/∞: Lo < +∞ and Hi > −∞).
        if (b.Lo > 0)
        {
            if (a.Lo >= 0) return Make(Quotient(a.Lo, b.Hi).Down, Quotient(a.Hi, b.Lo).Up);
            if (a.Hi <= 0) return Make(Quotient(a.Lo, b.Lo).Down, Quotient(a.Hi, b.Hi).Up);
            return Make(Quotient(a.Lo, b.Lo).Down, Quotient(a.Hi, b.Lo).Up);
        }
        if (a.Lo >= 0) return Make(Quotient(a.Hi, b.Hi).Down, Quotient(a.Lo, b.Lo).Up);
        if (a.Hi <= 0) return Make(Quotient(a.Hi, b.Lo).Down, Quotient(a.Lo, b.Hi).Up);
        return Make(Quotient(a.Hi, b.Hi).Down, Quotient(a.Lo, b.Hi).Up);
    }

    /// <summary>xⁿ for an integer n, tight: odd powers are monotone, even powers are taken of |x| (so [−1, 2]² = [0, 4]).</summary>
    public static Interval Pow(Interval x, int n)
    {
        if (!x.IsValid) return Invalid;
        if (n == int.MinValue) throw new ArgumentOutOfRangeException(nameof(n), n, "The exponent must be > int.MinValue.");
        if (n < 0) return One / Pow(x, -n);
        if (n == 0) return One;
        if (n % 2 == 1) return Make(PointPower(x.Lo, n).Lo, PointPower(x.Hi, n).Hi);
        return Make(PointPower(x.Mig, n).Lo, PointPower(x.Mag, n).Hi);
    }

    /// <summary>x² ≥ 0 (tight, unlike x·x on an interval containing 0).</summary>
    public static Interval Square(Interval x) => Pow(x, 2);

    // vⁿ for one double by repeated squaring of the point interval (each step outward-rounded).
    private static Interval PointPower(double v, int n)
    {
        if (double.IsInfinity(v)) return Make(Math.Pow(v, n), Math.Pow(v, n)); // ±∞ⁿ is the end's limit
        Interval result = One, b = Make(v, v);
        while (n > 0)
        {
            if ((n & 1) == 1) result *= b;
            n >>= 1;
            if (n > 0) b *= b;
        }
        return result;
    }

    // ---------------------------------------------------------------- IScalar

    public static Interval FromInt(int value) => Make(value, value);

    /// <summary>The exact double (a dyadic rational). NaN and ±∞ are not reals: <see cref="Invalid"/>.</summary>
    public static Interval FromDouble(double value) => double.IsFinite(value) ? Make(value, value) : Invalid;

    [ThreadStatic] private static long t_midpointReads;

    /// <summary>How many times <see cref="ToDouble"/> was called on this thread (see <see cref="MidpointReadAudit"/>).</summary>
    public static long MidpointReads => t_midpointReads;

    /// <summary>
    /// The midpoint, for generic code that branches or reads a value. Not sound for branching unless
    /// the branch is decided for the whole interval, so every call is counted in <see cref="MidpointReads"/>.
    /// </summary>
    public static double ToDouble(Interval value)
    {
        t_midpointReads++;
        return value.Midpoint;
    }

    /// <summary>|x|, exact.</summary>
    public static Interval Abs(Interval x)
    {
        if (!x.IsValid) return Invalid;
        if (x.Lo >= 0) return x;
        if (x.Hi <= 0) return -x;
        return Make(0, Math.Max(-x.Lo, x.Hi));
    }

    /// <summary>√x, rounded outward from the correctly rounded IEEE square root; Invalid if x reaches below 0.</summary>
    public static Interval Sqrt(Interval x)
    {
        if (!x.IsValid || x.Lo < 0) return Invalid;
        return Make(Math.Max(0, SqrtBounds(x.Lo).Down), SqrtBounds(x.Hi).Up);
    }

    // ---------------------------------------------------------------- exact constants

    /// <summary>The tightest interval of doubles containing the rational r (a point when r is a double).</summary>
    public static Interval FromRational(Rational r)
    {
        double d = (double)r;
        if (double.IsInfinity(d)) return d > 0 ? Make(double.MaxValue, double.PositiveInfinity) : Make(double.NegativeInfinity, -double.MaxValue);
        double lo = d, hi = d;
        // The conversion is within an ulp; step until the ends bracket r exactly.
        while (lo != double.NegativeInfinity && Rational.FromDouble(lo) > r) lo = Math.BitDecrement(lo);
        while (hi != double.PositiveInfinity && Rational.FromDouble(hi) < r) hi = Math.BitIncrement(hi);
        return Make(lo, hi);
    }

    /// <summary>An interval containing the rationals lo ≤ hi (outward rounded).</summary>
    public static Interval Enclose(Rational lo, Rational hi)
    {
        if (lo > hi) throw new ArgumentException($"Need lo ≤ hi, got [{lo}, {hi}].");
        return Make(FromRational(lo).Lo, FromRational(hi).Hi);
    }

    /// <summary>The exact value of a decimal literal, enclosed: FromDecimal(0.1m) contains one tenth.</summary>
    public static Interval FromDecimal(decimal value) => FromRational(ToRational(value));

    /// <summary>A decimal as an exact rational (its 96-bit integer over 10^scale).</summary>
    public static Rational ToRational(decimal value)
    {
        int[] bits = decimal.GetBits(value);
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        int scale = (bits[3] >> 16) & 0xFF;
        bool negative = bits[3] < 0;
        return new Rational(negative ? -magnitude : magnitude, BigInteger.Pow(10, scale));
    }

    // ---------------------------------------------------------------- directed rounding of one operation

    private static (double Down, double Up) Widened(double r) => (Math.BitDecrement(r), Math.BitIncrement(r));

    // Bounds from a round-to-nearest result r and the sign of its exact error (exact − r).
    private static (double Down, double Up) Directed(double r, double error) =>
        error == 0 ? (r, r) : error > 0 ? (r, Math.BitIncrement(r)) : (Math.BitDecrement(r), r);

    // A finite overflowed operation: the exact value is beyond MaxValue in the direction of r.
    private static (double Down, double Up) Overflow(double r) =>
        r > 0 ? (double.MaxValue, double.PositiveInfinity) : (double.NegativeInfinity, -double.MaxValue);

    /// <summary>Bounds on a + b. Knuth's TwoSum gives the exact rounding error (also for subnormals).</summary>
    internal static (double Down, double Up) Sum(double a, double b)
    {
        double s = a + b;
        if (double.IsNaN(s)) return (double.NaN, double.NaN);
        if (double.IsInfinity(a) || double.IsInfinity(b)) return (s, s);
        if (double.IsInfinity(s)) return Overflow(s);
        double bv = s - a, av = s - bv;
        double error = (a - av) + (b - bv);
        // TwoSum does not overflow when s is finite (no case is known); widen by an ulp if it ever did.
        return double.IsFinite(error) ? Directed(s, error) : Widened(s);
    }

    // The residuals below are computed on the operands scaled to [1, 2) (a = ma·2^ea, exact scalings), so
    // they never underflow and fused multiply-add gives their sign exactly, also for subnormal results.

    /// <summary>Bounds on a·b (0·anything = 0): the sign of ab − p is that of ma·mb − p·2^−(ea+eb).</summary>
    internal static (double Down, double Up) Product(double a, double b)
    {
        if (a == 0 || b == 0) return (0, 0);
        double p = a * b;
        if (double.IsNaN(p)) return (double.NaN, double.NaN);
        if (double.IsInfinity(a) || double.IsInfinity(b)) return (p, p);
        if (double.IsInfinity(p)) return Overflow(p);
        int ea = Math.ILogB(a), eb = Math.ILogB(b);
        return Directed(p, Math.FusedMultiplyAdd(Math.ScaleB(a, -ea), Math.ScaleB(b, -eb), -Math.ScaleB(p, -(ea + eb))));
    }

    /// <summary>Bounds on a / b for b ≠ 0: a/b − q = (a − q·b)/b, with the residual taken on ma, mb, q·2^−(ea−eb).</summary>
    internal static (double Down, double Up) Quotient(double a, double b)
    {
        if (a == 0 || double.IsInfinity(b) && double.IsFinite(a)) return (0, 0);
        double q = a / b;
        if (double.IsNaN(q)) return (double.NaN, double.NaN);
        if (double.IsInfinity(a)) return (q, q);
        if (double.IsInfinity(q)) return Overflow(q);
        int ea = Math.ILogB(a), eb = Math.ILogB(b);
        double residual = Math.FusedMultiplyAdd(-Math.ScaleB(q, eb - ea), Math.ScaleB(b, -eb), Math.ScaleB(a, -ea));
        return Directed(q, b > 0 ? residual : -residual);
    }

    /// <summary>Bounds on √x for x ≥ 0 (IEEE √ is correctly rounded): the sign of x − r², on x·4^−k and r·2^−k.</summary>
    internal static (double Down, double Up) SqrtBounds(double x)
    {
        double r = Math.Sqrt(x);
        if (x == 0 || double.IsPositiveInfinity(x)) return (r, r);
        int k = Math.ILogB(x) >> 1;
        double scaledRoot = Math.ScaleB(r, -k);
        return Directed(r, Math.FusedMultiplyAdd(-scaledRoot, scaledRoot, Math.ScaleB(x, -2 * k)));
    }

    // ---------------------------------------------------------------- equality and text

    public bool Equals(Interval other) => Lo.Equals(other.Lo) && Hi.Equals(other.Hi);
    public override bool Equals(object? obj) => obj is Interval i && Equals(i);
    public override int GetHashCode() => HashCode.Combine(Lo, Hi);
    public static bool operator ==(Interval a, Interval b) => a.Equals(b);
    public static bool operator !=(Interval a, Interval b) => !a.Equals(b);

    /// <summary>[lo, hi] with round-trip doubles ("[NaN, NaN]" for Invalid).</summary>
    public override string ToString() => ToString("R");

    /// <summary>[lo, hi] with each end formatted by <paramref name="format"/>; the ends are printed as doubles, so a rounded format may hide the outward rounding.</summary>
    public string ToString(string format) => $"[{Format(Lo, format)}, {Format(Hi, format)}]";

    private static string Format(double v, string format) =>
        double.IsPositiveInfinity(v) ? "∞" : double.IsNegativeInfinity(v) ? "-∞" : v.ToString(format, CultureInfo.InvariantCulture);
}
