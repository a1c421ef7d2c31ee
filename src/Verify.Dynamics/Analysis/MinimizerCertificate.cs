using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// A proof, from one iterate (x, y), that GD with step η on ½(1 − xy)² converges to the hyperbola
/// xy = 1, and whether n = xy − 1 keeps its sign from then on or flips it at every step.
/// <para>
/// It rests on two exact one-step identities (t = x² − y², s = x² + y² = (t² + 4(n + 1)²)^½):
/// t' = (1 − η²n²) t and n' = b·n with b = 1 − ηs + η²n(n + 1). Suppose |n_j| ≤ ν := |n_k| for all
/// j ≥ k. Then |t| only shrinks, by at most a factor 1 − η²Σn_j² ≥ 1 − η²ν²/(1 − q²) if |n| contracts
/// by q per step, so s_j ∈ [s_lo, s_hi] with s_hi = (t_k² + 4(1 + ν)²)^½ and s_lo from the shrunk |t| and
/// 1 − ν; hence b_j ∈ [1 − ηs_hi − η²(ν − ν²), 1 − ηs_lo + η²(ν + ν²)]. If that interval lies inside
/// [−q, q] with q &lt; 1, induction gives |n_{j+1}| ≤ q|n_j|: n → 0 geometrically and t converges.
/// If the interval is also on one side of 0, the sign pattern of n is fixed forever.
/// </para>
/// The certificate never uses the stability condition ηs &lt; 2 as an assumption; it is a consequence
/// (since s ≥ 2(1 − ν), no certificate exists once η ≥ 1 + O(ν)). An iterate that rounds exactly onto
/// xy = 1 (computed n = 0, where floating-point GD stops) is treated as lying at distance
/// <see cref="RoundingResidual"/> on an unknown side, so rounding does not decide stability: the exact map
/// would go on from there, attracted or repelled by the same multiplier. Only when that multiplier is within
/// rounding of 0 (so the sign pattern is undecidable) is the landing labelled as what the computation does: it stays.
/// </summary>
public static class MinimizerCertificate
{
    public enum Verdict : byte
    {
        /// <summary>No proof from this iterate.</summary>
        None = 0,

        /// <summary>Converges; n never changes sign again.</summary>
        KeepsSign = 1,

        /// <summary>Converges; n changes sign at every step from now on.</summary>
        AlternatesSign = 2,
    }

    /// <summary>
    /// The certificate is only attempted for |n| ≤ this (so xy &gt; 0 and ην &lt; ¼) and η(1 + |n|) &lt; 1, which it
    /// needs anyway (s_hi ≥ 2(1 + ν), so b_lo &gt; −1 forces η(1 + ν) &lt; 1): a cheap test that skips the square roots.
    /// </summary>
    public const double MaxResidual = 0.25;

    /// <summary>|n| assumed when xy − 1 rounds to 0: 2⁻⁵³, half an ulp of 1.</summary>
    public const double RoundingResidual = 1.0 / (1L << 53);

    public static Verdict Check(double x, double y, double eta)
    {
        double n = x * y - 1;
        double nu = n == 0 ? RoundingResidual : Math.Abs(n);
        if (!(nu <= MaxResidual) || !(eta * (1 + nu) < 1)) return Verdict.None;
        double a = Math.Abs((x - y) * (x + y));
        double up = 1 + nu, down = 1 - nu, e2 = eta * eta, a2 = a * a;
        double sHi = Math.Sqrt(a2 + 4 * (up * up));
        double sLo0 = Math.Sqrt(a2 + 4 * (down * down));
        double bLo = 1 - eta * sHi - e2 * (nu - nu * nu);
        double bHi0 = 1 - eta * sLo0 + e2 * (nu + nu * nu);
        double m0 = Math.Max(Math.Abs(bLo), Math.Abs(bHi0));
        if (!(m0 < 1)) return Verdict.None;
        double q = (1 + m0) * 0.5;
        double drift = e2 * (nu * nu) / (1 - q * q);
        double aLo = a * Math.Max(0, 1 - drift);
        double sLo = Math.Sqrt(aLo * aLo + 4 * (down * down));
        double bHi = 1 - eta * sLo + e2 * (nu + nu * nu);
        double m1 = Math.Max(Math.Abs(bLo), Math.Abs(bHi));
        if (!(m1 <= q)) return Verdict.None;
        // A landing whose multiplier is too close to 0 to tell the sign: it converges, and floating-point GD stays on
        // the curve, so n changes sign no more in the computation being labelled.
        return bLo > 0 ? Verdict.KeepsSign : bHi < 0 ? Verdict.AlternatesSign : n == 0 ? Verdict.KeepsSign : Verdict.None;
    }

    /// <summary>
    /// The same test on four points at once, with the same operations in the same order (so the verdicts
    /// are identical to <see cref="Check(double, double, double)"/>): all-ones lanes where certified, and
    /// where certified with alternating sign.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (Vector256<double> Certified, Vector256<double> Alternates) Check(Vector256<double> x, Vector256<double> y, Vector256<double> eta)
    {
        var one = Vector256<double>.One;
        var four = Vector256.Create(4.0);
        var half = Vector256.Create(0.5);
        var zero = Vector256<double>.Zero;
        var n = x * y - one;
        var nu = Vector256.ConditionalSelect(Vector256.Equals(n, zero), Vector256.Create(RoundingResidual), Vector256.Abs(n));
        var a = Vector256.Abs((x - y) * (x + y));
        var up = one + nu;
        var down = one - nu;
        var e2 = eta * eta;
        var a2 = a * a;
        var sHi = Vector256.Sqrt(a2 + four * (up * up));
        var sLo0 = Vector256.Sqrt(a2 + four * (down * down));
        var bLo = one - eta * sHi - e2 * (nu - nu * nu);
        var bHi0 = one - eta * sLo0 + e2 * (nu + nu * nu);
        var m0 = Vector256.Max(Vector256.Abs(bLo), Vector256.Abs(bHi0));
        var q = (one + m0) * half;
        var drift = e2 * (nu * nu) / (one - q * q);
        var aLo = a * Vector256.Max(zero, one - drift);
        var sLo = Vector256.Sqrt(aLo * aLo + four * (down * down));
        var bHi = one - eta * sLo + e2 * (nu + nu * nu);
        var m1 = Vector256.Max(Vector256.Abs(bLo), Vector256.Abs(bHi));
        var valid = Vector256.LessThanOrEqual(nu, Vector256.Create(MaxResidual))
                    & Vector256.LessThan(eta * (one + nu), one)
                    & Vector256.LessThan(m0, one)
                    & Vector256.LessThanOrEqual(m1, q);
        var keeps = valid & Vector256.GreaterThan(bLo, zero);
        var alternates = valid & ~keeps & Vector256.LessThan(bHi, zero);
        var landed = valid & Vector256.Equals(n, zero);
        return (keeps | alternates | landed, alternates);
    }
}
