using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;
using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Analysis;

/// <summary>
/// The step η at which a given x₀ is a period-2 point of GD on a 1-D loss: a root in η of
/// R(η) = F_η(F_η(x₀)) − x₀. R is evaluated in the number type T — exactly in <see cref="Rational"/> for
/// polynomial losses (η and x₀ are doubles, hence dyadic rationals), so a sign change between two doubles
/// proves a root between them (R is continuous in η). Such roots can lie within 10⁻¹⁰ of 2/f″, where the
/// sign of R in double precision is noise; exact signs settle it.
/// </summary>
public static class TwoStepRoot
{
    /// <summary>The bracket [Lower, Upper] with the signs of R at its ends (a root inside when they differ).</summary>
    public readonly record struct Bracket(double Lower, double Upper, int SignAtLower, int SignAtUpper, int Evaluations)
    {
        public bool SignChange => SignAtLower * SignAtUpper < 0;
        public double Midpoint => (Lower + Upper) / 2;
    }

    /// <summary>R(η) = F_η²(x₀) − x₀ in T.</summary>
    public static T Residual<T>(Objective f, double x0, double eta) where T : IScalar<T>
    {
        var x = T.FromDouble(x0);
        var map = new GradientDescentMap(f, eta);
        return map.Iterate<T>([x], 2)[0] - x;
    }

    /// <summary>The sign of R(η) in T (0 only when R is exactly 0 in T).</summary>
    public static int Sign<T>(Objective f, double x0, double eta) where T : IScalar<T> =>
        Math.Sign(T.ToDouble(Residual<T>(f, x0, eta)));

    /// <summary>
    /// Bisection on the sign of R over [lo, hi] down to <paramref name="tolerance"/> (0: adjacent doubles).
    /// When R has the same sign at both ends the bracket is returned as is, with <see cref="Bracket.SignChange"/> false.
    /// </summary>
    public static Bracket Locate<T>(Objective f, double x0, double lo, double hi, double tolerance = 0) where T : IScalar<T>
    {
        if (!(lo < hi)) throw new ArgumentException($"Need lo < hi, got [{lo}, {hi}].");
        int sLo = Sign<T>(f, x0, lo), sHi = Sign<T>(f, x0, hi);
        if (sLo * sHi >= 0) return new Bracket(lo, hi, sLo, sHi, 2);
        var b = Bisection.Locate(eta => Sign<T>(f, x0, eta) == sLo, lo, hi, tolerance > 0 ? tolerance : double.Epsilon, maxEvaluations: 2000);
        return new Bracket(b.Lower, b.Upper, sLo, sHi, b.Evaluations);
    }
}
