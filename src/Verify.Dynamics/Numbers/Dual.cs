namespace Verify.Dynamics.Numbers;

/// <summary>
/// A dual number a + bε with ε² = 0: forward-mode automatic differentiation.
/// Generic over its parts, so Dual&lt;Dual&lt;T&gt;&gt; gives second derivatives (Hessians)
/// and Dual&lt;Rational&gt; gives exact gradients of polynomial losses.
/// </summary>
public readonly record struct Dual<T>(T Value, T Derivative) : IScalar<Dual<T>> where T : IScalar<T>
{
    public static Dual<T> Constant(T value) => new(value, T.FromInt(0));
    public static Dual<T> Variable(T value) => new(value, T.FromInt(1));

    public static Dual<T> operator +(Dual<T> a, Dual<T> b) => new(a.Value + b.Value, a.Derivative + b.Derivative);
    public static Dual<T> operator -(Dual<T> a, Dual<T> b) => new(a.Value - b.Value, a.Derivative - b.Derivative);
    public static Dual<T> operator *(Dual<T> a, Dual<T> b) => new(a.Value * b.Value, a.Derivative * b.Value + a.Value * b.Derivative);
    public static Dual<T> operator /(Dual<T> a, Dual<T> b)
    {
        var q = a.Value / b.Value;
        return new(q, (a.Derivative - q * b.Derivative) / b.Value);
    }
    public static Dual<T> operator -(Dual<T> a) => new(-a.Value, -a.Derivative);

    public static Dual<T> FromInt(int value) => Constant(T.FromInt(value));
    public static Dual<T> FromDouble(double value) => Constant(T.FromDouble(value));
    public static double ToDouble(Dual<T> value) => T.ToDouble(value.Value);

    // Chain rule: f(a + bε) = f(a) + f'(a) b ε.
    private static Dual<T> Chain(Dual<T> x, T f, T fPrime) => new(f, fPrime * x.Derivative);
    public static Dual<T> Sqrt(Dual<T> x) { var s = T.Sqrt(x.Value); return Chain(x, s, T.FromInt(1) / (T.FromInt(2) * s)); }
    public static Dual<T> Exp(Dual<T> x) { var e = T.Exp(x.Value); return Chain(x, e, e); }
    public static Dual<T> Log(Dual<T> x) => Chain(x, T.Log(x.Value), T.FromInt(1) / x.Value);
    public static Dual<T> Sin(Dual<T> x) => Chain(x, T.Sin(x.Value), T.Cos(x.Value));
    public static Dual<T> Cos(Dual<T> x) => Chain(x, T.Cos(x.Value), -T.Sin(x.Value));
    public static Dual<T> Tanh(Dual<T> x) { var t = T.Tanh(x.Value); return Chain(x, t, T.FromInt(1) - t * t); }
    public static Dual<T> Atan(Dual<T> x) => Chain(x, T.Atan(x.Value), T.FromInt(1) / (T.FromInt(1) + x.Value * x.Value));
    public static Dual<T> Acos(Dual<T> x) => Chain(x, T.Acos(x.Value), -T.FromInt(1) / T.Sqrt(T.FromInt(1) - x.Value * x.Value));
    public static Dual<T> Abs(Dual<T> x) => T.ToDouble(x.Value) < 0 ? -x : x;
}
