using System.Numerics;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// A smooth model g: ℝ → ℝ of one parameter, written once over any <see cref="IScalar{T}"/> so that
/// Taylor jets give g′, g″, g‴ (and the loss (g − y)² its f‴, f⁗). <see cref="Inverse"/> gives the
/// parameter x̄ with g(x̄) = y on the branch a target range is read on; models compose.
/// </summary>
public abstract class ScalarModel
{
    /// <summary>A short name such as "tanh" or "x^3".</summary>
    public abstract string Name { get; }

    /// <summary>The open interval of targets y the inverse branch covers.</summary>
    public abstract (double Lower, double Upper) Targets { get; }

    public abstract T Apply<T>(T x) where T : IScalar<T>;

    /// <summary>x̄ with g(x̄) = y on the model's branch; NaN for y outside <see cref="Targets"/>.</summary>
    public abstract double Inverse(double y);

    public double At(double x) => Apply(new Real(x)).Value;

    public override string ToString() => Name;

    /// <summary>sin x; branch [−π/2, π/2], targets (−1, 1).</summary>
    public static ScalarModel Sine { get; } = new Sin();

    /// <summary>tanh x; targets (−1, 1).</summary>
    public static ScalarModel Tanh { get; } = new TanhModel();

    /// <summary>eˣ; targets (0, ∞).</summary>
    public static ScalarModel Exponential { get; } = new ExpModel();

    /// <summary>log x on x &gt; 0; every real target.</summary>
    public static ScalarModel Logarithm { get; } = new LogModel();

    /// <summary>1/(1 + e^{−x}); targets (0, 1).</summary>
    public static ScalarModel Sigmoid { get; } = new SigmoidModel();

    /// <summary>log(1 + eˣ); targets (0, ∞).</summary>
    public static ScalarModel Softplus { get; } = new SoftplusModel();

    /// <summary>e^{−x²/2} on the branch x &gt; 0; targets (0, 1).</summary>
    public static ScalarModel Gaussian { get; } = new GaussianModel();

    /// <summary>sinh x; targets ℝ (a model whose loss has no stable oscillation at y = 0).</summary>
    public static ScalarModel HyperbolicSine { get; } = new SinhModel();

    /// <summary>xⁿ (n ≥ 1) on the branch x &gt; 0; targets (0, ∞).</summary>
    public static ScalarModel Monomial(int n) => new MonomialModel(n);

    /// <summary>c₀ + c₁x + … + c_k x^k; the inverse is Newton's method from x = 0 (NaN if it fails).</summary>
    public static ScalarModel Polynomial(params double[] coefficients) => new PolynomialModel(coefficients.Select(Rational.FromDouble).ToArray());

    /// <summary>A polynomial with exact rational coefficients (lowest degree first).</summary>
    public static ScalarModel RationalPolynomial(params Rational[] coefficients) => new PolynomialModel(coefficients);

    /// <summary>outer ∘ inner: x ↦ outer(inner(x)); inverse inner⁻¹(outer⁻¹(y)).</summary>
    public static ScalarModel Compose(ScalarModel outer, ScalarModel inner) => new Composition(outer, inner);

    private sealed class Sin : ScalarModel
    {
        public override string Name => "sin x";
        public override (double, double) Targets => (-1, 1);
        public override T Apply<T>(T x) => T.Sin(x);
        public override double Inverse(double y) => Math.Abs(y) < 1 ? Math.Asin(y) : double.NaN;
    }

    private sealed class TanhModel : ScalarModel
    {
        public override string Name => "tanh x";
        public override (double, double) Targets => (-1, 1);
        public override T Apply<T>(T x) => T.Tanh(x);
        public override double Inverse(double y) => Math.Abs(y) < 1 ? Math.Atanh(y) : double.NaN;
    }

    private sealed class ExpModel : ScalarModel
    {
        public override string Name => "exp x";
        public override (double, double) Targets => (0, double.PositiveInfinity);
        public override T Apply<T>(T x) => T.Exp(x);
        public override double Inverse(double y) => y > 0 ? Math.Log(y) : double.NaN;
    }

    private sealed class LogModel : ScalarModel
    {
        public override string Name => "log x";
        public override (double, double) Targets => (double.NegativeInfinity, double.PositiveInfinity);
        public override T Apply<T>(T x) => T.Log(x);
        public override double Inverse(double y) => double.IsFinite(y) ? Math.Exp(y) : double.NaN;
    }

    private sealed class SigmoidModel : ScalarModel
    {
        public override string Name => "sigmoid x";
        public override (double, double) Targets => (0, 1);
        public override T Apply<T>(T x) => T.FromInt(1) / (T.FromInt(1) + T.Exp(-x));
        public override double Inverse(double y) => y > 0 && y < 1 ? Math.Log(y / (1 - y)) : double.NaN;
    }

    private sealed class SoftplusModel : ScalarModel
    {
        public override string Name => "softplus x";
        public override (double, double) Targets => (0, double.PositiveInfinity);
        // For x > 0, x + log(1 + e^{−x}): the same function, but 1 + eˣ no longer swallows the curvature
        // (g″ = σ(1 − σ) ≈ e^{−x} survives in the jet's higher coefficients).
        public override T Apply<T>(T x) => T.ToDouble(x) > 0 ? x + T.Log(T.FromInt(1) + T.Exp(-x)) : T.Log(T.FromInt(1) + T.Exp(x));
        // eʸ − 1 = 2e^{y/2} sinh(y/2) keeps full precision for small y (MathNet's Expm1 does not).
        public override double Inverse(double y) => y > 0 ? Math.Log(2 * Math.Exp(y / 2) * Math.Sinh(y / 2)) : double.NaN;
    }

    private sealed class GaussianModel : ScalarModel
    {
        public override string Name => "exp(−x²/2)";
        public override (double, double) Targets => (0, 1);
        public override T Apply<T>(T x) => T.Exp(-(x * x) / T.FromInt(2));
        public override double Inverse(double y) => y > 0 && y < 1 ? Math.Sqrt(-2 * Math.Log(y)) : double.NaN;
    }

    private sealed class SinhModel : ScalarModel
    {
        public override string Name => "sinh x";
        public override (double, double) Targets => (double.NegativeInfinity, double.PositiveInfinity);
        public override T Apply<T>(T x) => (T.Exp(x) - T.Exp(-x)) / T.FromInt(2);
        public override double Inverse(double y) => double.IsFinite(y) ? Math.Asinh(y) : double.NaN;
    }

    private sealed class MonomialModel : ScalarModel
    {
        private readonly int _n;
        public MonomialModel(int n) => _n = n >= 1 ? n : throw new ArgumentOutOfRangeException(nameof(n), n, "The degree must be at least 1.");
        public override string Name => $"x^{_n}";
        public override (double, double) Targets => (0, double.PositiveInfinity);
        public override T Apply<T>(T x) => Scalar.Pow(x, _n);
        public override double Inverse(double y) => y > 0 ? Math.Pow(y, 1.0 / _n) : double.NaN;
    }

    private sealed class PolynomialModel(Rational[] c) : ScalarModel
    {
        private readonly Rational[] _c = c.Length > 0 ? c.ToArray() : throw new ArgumentException("A polynomial needs a coefficient.", nameof(c));
        public override string Name => string.Join(" + ", _c.Select((a, k) => a.ToString() + (k == 0 ? "" : $"x^{k}")));
        public override (double, double) Targets => (double.NegativeInfinity, double.PositiveInfinity);

        // p/q with small parts is built as FromInt(p)/FromInt(q), exact in every number type; larger
        // ones (dyadic doubles) through FromDouble, still exact for rationals. Decided once, not per call.
        private readonly (int Num, int Den)?[] _small = c.Select(a =>
            BigInteger.Abs(a.Numerator) <= int.MaxValue && a.Denominator <= int.MaxValue ? ((int)a.Numerator, (int)a.Denominator) : ((int, int)?)null).ToArray();
        private readonly double[] _double = c.Select(a => (double)a).ToArray();

        private T Coefficient<T>(int k) where T : IScalar<T> =>
            _small[k] is var (n, d) ? (d == 1 ? T.FromInt(n) : T.FromInt(n) / T.FromInt(d)) : T.FromDouble(_double[k]);

        public override T Apply<T>(T x)
        {
            T r = Coefficient<T>(_c.Length - 1);
            for (int k = _c.Length - 2; k >= 0; k--) r = r * x + Coefficient<T>(k);
            return r;
        }

        public override double Inverse(double y)
        {
            double x = 0;
            for (int i = 0; i < 100; i++)
            {
                var d = Apply(Dual<Real>.Variable(x));
                double step = (d.Value.Value - y) / d.Derivative.Value;
                if (!double.IsFinite(step)) return double.NaN;
                x -= step;
                if (Math.Abs(step) <= 1e-15 * (1 + Math.Abs(x))) return x;
            }
            return double.NaN;
        }
    }

    private sealed class Composition(ScalarModel outer, ScalarModel inner) : ScalarModel
    {
        public override string Name => $"({outer.Name}) ∘ ({inner.Name})";
        public override (double, double) Targets => outer.Targets;
        public override T Apply<T>(T x) => outer.Apply(inner.Apply(x));
        public override double Inverse(double y) => inner.Inverse(outer.Inverse(y));
    }
}
