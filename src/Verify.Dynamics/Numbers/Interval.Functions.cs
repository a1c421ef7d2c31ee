namespace Verify.Dynamics.Numbers;

/// <summary>
/// Elementary functions of intervals. Each uses monotonicity (exp, log, tanh, atan increasing;
/// acos decreasing) or the location of the extrema (sin, cos: an interval reaches ±1 exactly when it
/// contains a point π/2 + kπ, decided with a rigorous enclosure of π) to reduce the range to values
/// at the ends, then encloses each end value.
/// <para>What the end enclosures rely on: .NET's Math.Exp, Log, Sin, Cos, Tanh, Atan, Acos call the
/// platform C library (glibc on Linux), which is not correctly rounded. glibc documents (manual,
/// "Known Maximum Errors in Math Functions", x86_64) errors of at most 1 ulp for exp, log, sin, cos,
/// atan, acos and 2 ulps for tanh. Each end is widened by <see cref="LibmUlps"/> = 4 ulps, twice
/// the largest documented error, and clamped to the function's known range. This is an assumption
/// about the library, not a theorem of IEEE 754; the unit tests check it against exact rational
/// Taylor enclosures at thousands of points. Exact values (exp 0 = 1, log 1 = 0, sin 0 = 0, …) are
/// returned exactly. Field operations and √ do not depend on it (IEEE 754 specifies them exactly),
/// so certificates of polynomial and algebraic maps use none of this.</para>
/// </summary>
public readonly partial struct Interval
{
    /// <summary>Ulps by which a C-library function value is widened on each side.</summary>
    public const int LibmUlps = 4;

    /// <summary>An interval containing π: Math.PI is the double just below π.</summary>
    public static Interval Pi => Make(Math.PI, Math.BitIncrement(Math.PI));

    private static Interval HalfPi => Make(Math.PI / 2, Math.BitIncrement(Math.PI) / 2);
    private static Interval TwoPi => Make(2 * Math.PI, 2 * Math.BitIncrement(Math.PI));

    public static Interval Exp(Interval x)
    {
        if (!x.IsValid) return Invalid;
        return Make(Math.Max(0, End(Math.Exp, x.Lo, exactAt: 0, exactValue: 1).Down),
                    End(Math.Exp, x.Hi, exactAt: 0, exactValue: 1).Up);
    }

    /// <summary>log x; Invalid unless x &gt; 0 throughout.</summary>
    public static Interval Log(Interval x)
    {
        if (!x.IsValid || !(x.Lo > 0)) return Invalid;
        return Make(End(Math.Log, x.Lo, exactAt: 1, exactValue: 0).Down, End(Math.Log, x.Hi, exactAt: 1, exactValue: 0).Up);
    }

    public static Interval Tanh(Interval x)
    {
        if (!x.IsValid) return Invalid;
        return Make(Math.Max(-1, End(Math.Tanh, x.Lo, 0, 0).Down), Math.Min(1, End(Math.Tanh, x.Hi, 0, 0).Up));
    }

    public static Interval Atan(Interval x)
    {
        if (!x.IsValid) return Invalid;
        double bound = HalfPi.Hi;
        return Make(Math.Max(-bound, End(Math.Atan, x.Lo, 0, 0).Down), Math.Min(bound, End(Math.Atan, x.Hi, 0, 0).Up));
    }

    /// <summary>acos x (decreasing); Invalid unless −1 ≤ x ≤ 1 throughout.</summary>
    public static Interval Acos(Interval x)
    {
        if (!x.IsValid || x.Lo < -1 || x.Hi > 1) return Invalid;
        return Make(Math.Max(0, End(Math.Acos, x.Hi, 1, 0).Down), Math.Min(Pi.Hi, End(Math.Acos, x.Lo, 1, 0).Up));
    }

    /// <summary>sin x: reaches 1 iff x contains π/2 + 2kπ, −1 iff it contains −π/2 + 2kπ; otherwise monotone.</summary>
    public static Interval Sin(Interval x) => Periodic(Math.Sin, x, valueAtZero: 0, maxAt: HalfPi, minAt: -HalfPi);

    /// <summary>cos x: reaches 1 iff x contains 2kπ, −1 iff it contains π + 2kπ; otherwise monotone.</summary>
    public static Interval Cos(Interval x) => Periodic(Math.Cos, x, valueAtZero: 1, maxAt: Zero, minAt: Pi);

    private static Interval Periodic(Func<double, double> f, Interval x, double valueAtZero, Interval maxAt, Interval minAt)
    {
        if (!x.IsValid) return Invalid;
        if (!x.IsBounded) return Make(-1, 1);
        // x contains maxAt + 2kπ for some integer k iff (x − maxAt)/2π contains an integer; the
        // enclosure of π makes that test conservative (it may report an extremum that is not there).
        bool reachesMax = ContainsInteger((x - maxAt) / TwoPi);
        bool reachesMin = ContainsInteger((x - minAt) / TwoPi);
        var a = End(f, x.Lo, 0, valueAtZero);
        var b = End(f, x.Hi, 0, valueAtZero);
        double lo = reachesMin ? -1 : Math.Max(-1, Math.Min(a.Down, b.Down));
        double hi = reachesMax ? 1 : Math.Min(1, Math.Max(a.Up, b.Up));
        return Make(lo, hi);
    }

    private static bool ContainsInteger(Interval u) => !u.IsBounded || Math.Floor(u.Hi) >= Math.Ceiling(u.Lo);

    // Bounds on f(v) from the library value widened by LibmUlps each way; exact at one known point.
    private static (double Down, double Up) End(Func<double, double> f, double v, double exactAt, double exactValue)
    {
        if (v == exactAt) return (exactValue, exactValue);
        double y = f(v);
        double down = y, up = y;
        for (int k = 0; k < LibmUlps; k++)
        {
            down = Math.BitDecrement(down);
            up = Math.BitIncrement(up);
        }
        return (down, up);
    }
}
