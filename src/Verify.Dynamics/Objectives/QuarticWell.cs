using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// f(x) = c(x² − μ)², by default c = ¼: the symmetric scalar factorization (x·x ≈ μ), a double well
/// with minima ±√μ and a maximum at 0. With c = ¼ its GD map is F_η(x) = x − ηx(x² − μ); for another
/// scale c the map is the same with η replaced by 4cη (the "effective" step used by the closed forms).
/// The closed forms below describe the period-2 orbits of F_η (derived from F(a) = b, F(b) = a: adding
/// gives (a + b)(a² − ab + b² − μ) = 0, subtracting gives η = 2/(a² + ab + b² − μ)).
/// </summary>
public sealed class QuarticWell(double target = 1, double scale = 0.25) : Objective
{
    /// <summary>¼(x² − 1)².</summary>
    public static QuarticWell Instance { get; } = new();

    /// <summary>μ: the minima are ±√μ.</summary>
    public double Target { get; } = target > 0 ? target : throw new ArgumentOutOfRangeException(nameof(target), target, "μ must be positive.");

    /// <summary>c: f = c(x² − μ)².</summary>
    public double Scale { get; } = scale > 0 ? scale : throw new ArgumentOutOfRangeException(nameof(scale), scale, "The scale must be positive.");

    public override int Dimension => 1;

    public override T Value<T>(ReadOnlySpan<T> x)
    {
        var r = x[0] * x[0] - T.FromDouble(Target);
        return T.FromDouble(Scale) * r * r;
    }

    /// <summary>f′ = 4c·x(x² − μ).</summary>
    public override T[] Gradient<T>(ReadOnlySpan<T> x) =>
        [T.FromDouble(4 * Scale) * x[0] * (x[0] * x[0] - T.FromDouble(Target))];

    /// <summary>f″ = 4c·(3x² − μ).</summary>
    public override T[,] Hessian<T>(ReadOnlySpan<T> x) =>
        new[,] { { T.FromDouble(4 * Scale) * (T.FromInt(3) * x[0] * x[0] - T.FromDouble(Target)) } };

    /// <summary>One GD step in plain doubles, for long sweeps: x − η·4c·x(x² − μ).</summary>
    public double Step(double x, double eta) => x - eta * 4 * Scale * x * (x * x - Target);

    /// <summary>The GD map's coefficients, lowest degree first: F_η(x) = (1 + η′μ)x − η′x³ with η′ = 4cη.</summary>
    public double[] StepPolynomial(double eta)
    {
        double e = Effective(eta);
        return [0, 1 + e * Target, 0, -e];
    }

    /// <summary>η′ = 4cη: the step of the c = ¼ normalization that gives the same map.</summary>
    public double Effective(double eta) => 4 * Scale * eta;

    /// <summary>2/f″(√μ) = 1/(4cμ): the edge-of-stability step at the minima.</summary>
    public double EdgeOfStability => 1 / (4 * Scale * Target);

    /// <summary>E = η′μ, the step in units of the edge of stability (K in η = K/μ).</summary>
    public double Normalized(double eta) => Effective(eta) * Target;

    /// <summary>
    /// The positive period-2 orbit (δ₁ &lt; √μ &lt; δ₂), or null when E ≤ 1 (no such orbit):
    /// (δ/√μ)² = [(E + 1) ∓ ((E + 1)² − 4)^½]/(2E), the roots of E²r⁴ − E(E + 1)r² + 1 = 0.
    /// </summary>
    public (double Lower, double Upper)? TwoCycle(double eta)
    {
        double e = Normalized(eta);
        if (!(e > 1)) return null;
        double s = Math.Sqrt((e + 1) * (e + 1) - 4);
        // The smaller root from the product r₁²r₂² = 1/E², which avoids cancellation near E = 1.
        double upper2 = ((e + 1) + s) / (2 * e);
        double lower2 = 1 / (e * e * upper2);
        return (Math.Sqrt(Target * lower2), Math.Sqrt(Target * upper2));
    }

    /// <summary>The orbit {a, −a} with a² = μ + 2/η′ (the branch a + b = 0 of the period-2 equation).</summary>
    public double SymmetricTwoCycle(double eta) => Math.Sqrt(Target + 2 / Effective(eta));

    /// <summary>The orbit equation as a polynomial in δ, lowest degree first: η′²δ⁴ − η′(1 + η′μ)δ² + 1.</summary>
    public double[] TwoCycleEquation(double eta)
    {
        double e = Effective(eta);
        return [1, 0, -e * (1 + e * Target), 0, e * e];
    }

    /// <summary>The partner b = a/2 + (μ − 3a²/4)^½ of a on the ellipse a² − ab + b² = μ (NaN off its range).</summary>
    public double Partner(double a) => a / 2 + Math.Sqrt(Target - 3 * a * a / 4);

    /// <summary>
    /// The step whose period-2 orbit passes through δ (eq. (4) of the two-step paper, for c = ¼):
    /// η = 1/(δ²((μ/δ² − 3/4)^½ + ½)), i.e. η = 1/(δ·Partner(δ)); divided by 4c for other scales. NaN beyond δ² = 4μ/3.
    /// </summary>
    public double StepOfTwoCycleThrough(double delta)
    {
        // At δ = 2(μ/3)^½ the square root's argument is 0; rounding can make it −10⁻¹⁶ there, which is 0, not NaN.
        double s = Target / (delta * delta) - 0.75;
        if (s < 0 && s > -1e-12) s = 0;
        return 1 / (delta * delta * (Math.Sqrt(s) + 0.5)) / (4 * Scale);
    }

    /// <summary>The multiplier F′(δ₁)F′(δ₂) = 7 − 4E − 2E² of the positive period-2 orbit.</summary>
    public double TwoCycleMultiplier(double eta)
    {
        double e = Normalized(eta);
        return 7 - 4 * e - 2 * e * e;
    }

    /// <summary>x̂ = (μ(1 + E)/(3E))^½: where F_η′ = 0, the maximum of F_η on (0, √μ) for E &gt; ½.</summary>
    public double CriticalPoint(double eta)
    {
        double e = Normalized(eta);
        return Math.Sqrt(Target * (1 + e) / (3 * e));
    }

    /// <summary>
    /// An exact period-2 orbit of the c = ¼ step for μ = q²: the rational points of the ellipse
    /// a² − ab + b² = μ on the line through (−q, 0) with slope m give a = q(−1 + s), b = q·m·s,
    /// s = (2 − m)/(1 − m + m²), and η = 1/(ab) (so E = ημ = 1/(1 − (a − b)²/μ) &gt; 1 whenever a ≠ b).
    /// Orbits with 0 &lt; a &lt; b need ½ &lt; m &lt; 1 (m → ½ gives E → 1, m → 1 gives E → ∞); null otherwise.
    /// </summary>
    public static (Rational Lower, Rational Upper, Rational Eta)? ExactTwoCycle(Rational slope, Rational sqrtTarget)
    {
        if (!(2 * slope > 1 && slope < 1) || !(sqrtTarget > 0)) return null;
        var s = (2 - slope) / (1 - slope + slope * slope);
        Rational a = sqrtTarget * (s - 1), b = sqrtTarget * slope * s;
        if (!(a > 0 && a < b)) return null;
        return (a, b, 1 / (a * b));
    }
}
