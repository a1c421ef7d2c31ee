namespace Verify.Dynamics.Tests.Certification;

/// <summary>Maps and objectives with known zeros, orbits and bifurcations, written once over IScalar.</summary>
internal static class TestMaps
{
    /// <summary>x² − 2: the zero √2.</summary>
    public sealed class SquareRootOfTwo : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] * x[0] - T.FromInt(2)];
    }

    /// <summary>x − x/2 − 7/10: the zero 7/5; its natural interval extension overestimates (x appears twice).</summary>
    public sealed class Dependent : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> =>
            [x[0] - x[0] / T.FromInt(2) - T.FromInt(7) / T.FromInt(10)];
    }

    /// <summary>|x| − 1 (its Jacobian branches on the sign of x).</summary>
    public sealed class AbsMinusOne : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.Abs(x[0]) - T.FromInt(1)];
    }

    /// <summary>1/x − 1.</summary>
    public sealed class Reciprocal : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromInt(1) / x[0] - T.FromInt(1)];
    }

    /// <summary>x² + 1: no real zero.</summary>
    public sealed class NoRealRoot : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] * x[0] + T.FromInt(1)];
    }

    /// <summary>(x² + y² − 4, x − y): the zeros ±(√2, √2).</summary>
    public sealed class CircleAndDiagonal : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] * x[0] + x[1] * x[1] - T.FromInt(4), x[0] - x[1]];
    }

    /// <summary>(cos x − y, sin y − x/2) (uses the library-based functions).</summary>
    public sealed class Trigonometric : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> =>
            [T.Cos(x[0]) - x[1], T.Sin(x[1]) - x[0] / T.FromInt(2)];
    }

    /// <summary>The logistic family x ↦ r x (1 − x): period 2 is born at r = 3 and doubles to 4 at r = 1 + √6.</summary>
    public sealed class Logistic : IParametricMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x, T r) where T : IScalar<T> => [r * x[0] * (T.FromInt(1) - x[0])];

        /// <summary>r²x² − r(r + 1)x + (r + 1): its roots are the two points of the period-2 orbit.</summary>
        public static Rational PeriodTwoPolynomial(Rational r, Rational x) => r * r * x * x - r * (r + 1) * x + (r + 1);
    }

    /// <summary>x ↦ x + η − x²: its fixed points ±√η merge in a fold at (0, 0), where F′ = 1 (so (F²)′ = 1 too).</summary>
    public sealed class Fold : IParametricMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x, T eta) where T : IScalar<T> => [x[0] + eta - x[0] * x[0]];
    }

    /// <summary>(r x(1 − x), x/2 + y/3): the logistic map driving a contraction. At r = 3 the fixed point
    /// (2/3, 1/2) has the multiplier −1 with eigenvector ∝ (1, −3/8).</summary>
    public sealed class DrivenLogistic : IParametricMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> x, T r) where T : IScalar<T> =>
            [r * x[0] * (T.FromInt(1) - x[0]), x[0] / T.FromInt(2) + x[1] / T.FromInt(3)];
    }

    /// <summary>The period-2 orbit of GD on ¼(x² − 1)² (QuarticWell), in exact rationals.</summary>
    public static class QuarticOrbit
    {
        /// <summary>The orbit points δ satisfy η²δ⁴ − η(η + 1)δ² + 1 = 0.</summary>
        public static Rational Polynomial(Rational eta, Rational delta) =>
            eta * eta * delta * delta * delta * delta - eta * (eta + 1) * delta * delta + 1;

        /// <summary>F′(δ₁)F′(δ₂) = 7 − 4η − 2η².</summary>
        public static Rational Multiplier(Rational eta) => 7 - 4 * eta - 2 * eta * eta;

        /// <summary>The smaller orbit point, in double (QuarticWell's closed form).</summary>
        public static double Lower(double eta) => QuarticWell.Instance.TwoCycle(eta)!.Value.Lower;
    }

    /// <summary>A rational p/q.</summary>
    public static Rational Q(long p, long q = 1) => new(p, q);

    /// <summary>The exact root of a polynomial lies in [lo, hi]: p changes sign between the ends (exact rationals).</summary>
    public static bool SignChange(Func<Rational, Rational> p, Interval x) =>
        p(Rational.FromDouble(x.Lo)).Sign * p(Rational.FromDouble(x.Hi)).Sign < 0;
}
