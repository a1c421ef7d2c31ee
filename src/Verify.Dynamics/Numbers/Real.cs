using System.Runtime.CompilerServices;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// A double as an <see cref="IScalar{T}"/>. A one-field struct: the JIT compiles generic code
/// over it to plain double arithmetic, and spans of double reinterpret as spans of Real.
/// </summary>
public readonly record struct Real(double Value) : IScalar<Real>
{
    public static implicit operator Real(double v) => new(v);
    public static implicit operator double(Real r) => r.Value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Real operator +(Real a, Real b) => new(a.Value + b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Real operator -(Real a, Real b) => new(a.Value - b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Real operator *(Real a, Real b) => new(a.Value * b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Real operator /(Real a, Real b) => new(a.Value / b.Value);
    [MethodImpl(MethodImplOptions.AggressiveInlining)] public static Real operator -(Real a) => new(-a.Value);

    public static Real FromInt(int value) => new(value);
    public static Real FromDouble(double value) => new(value);
    public static double ToDouble(Real value) => value.Value;
    public static Real Sqrt(Real x) => new(Math.Sqrt(x.Value));
    public static Real Exp(Real x) => new(Math.Exp(x.Value));
    public static Real Log(Real x) => new(Math.Log(x.Value));
    public static Real Sin(Real x) => new(Math.Sin(x.Value));
    public static Real Cos(Real x) => new(Math.Cos(x.Value));
    public static Real Tanh(Real x) => new(Math.Tanh(x.Value));
    public static Real Atan(Real x) => new(Math.Atan(x.Value));
    public static Real Acos(Real x) => new(Math.Acos(x.Value));
    public static Real Abs(Real x) => new(Math.Abs(x.Value));

    public override string ToString() => Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
