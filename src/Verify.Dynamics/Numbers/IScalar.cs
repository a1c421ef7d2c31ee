using System.Numerics;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// A number type a loss can be written over once, so that the same formula runs in
/// double (<see cref="Real"/>), exact rationals (<see cref="Rational"/>), dual numbers
/// (<see cref="Dual{T}"/>, gradients and Hessians), Taylor jets (<see cref="Taylor{T}"/>,
/// derivatives of any order) and, later, intervals.
/// </summary>
public interface IScalar<T> :
    IAdditionOperators<T, T, T>,
    ISubtractionOperators<T, T, T>,
    IMultiplyOperators<T, T, T>,
    IDivisionOperators<T, T, T>,
    IUnaryNegationOperators<T, T>
    where T : IScalar<T>
{
    /// <summary>An exact integer constant.</summary>
    static abstract T FromInt(int value);

    /// <summary>A double constant (exact for rationals: every double is a dyadic rational).</summary>
    static abstract T FromDouble(double value);

    /// <summary>The value part as a double: for branching (ReLU, sign) and for reading results.</summary>
    static abstract double ToDouble(T value);

    static abstract T Sqrt(T x);
    static abstract T Exp(T x);
    static abstract T Log(T x);
    static abstract T Sin(T x);
    static abstract T Cos(T x);
    static abstract T Tanh(T x);
    static abstract T Atan(T x);
    static abstract T Acos(T x);

    /// <summary>|x|: exact for rationals; for derivatives, the one-sided rule sign(x)·x′ (0 at x = 0 is taken as +).</summary>
    static abstract T Abs(T x);
}

/// <summary>Helpers every scalar type gets for free.</summary>
public static class Scalar
{
    public static T Zero<T>() where T : IScalar<T> => T.FromInt(0);
    public static T One<T>() where T : IScalar<T> => T.FromInt(1);

    /// <summary>x^k for an integer k ≥ 0 by repeated squaring (exact for rationals).</summary>
    public static T Pow<T>(T x, int k) where T : IScalar<T>
    {
        if (k < 0) return T.FromInt(1) / Pow(x, -k);
        T result = T.FromInt(1), b = x;
        while (k > 0)
        {
            if ((k & 1) == 1) result *= b;
            k >>= 1;
            if (k > 0) b *= b;
        }
        return result;
    }

    public static T Square<T>(T x) where T : IScalar<T> => x * x;

    /// <summary>Σ xᵢ yᵢ.</summary>
    public static T Dot<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> y) where T : IScalar<T>
    {
        T s = T.FromInt(0);
        for (int i = 0; i < x.Length; i++) s += x[i] * y[i];
        return s;
    }

    public static T[] FromDoubles<T>(ReadOnlySpan<double> values) where T : IScalar<T>
    {
        var r = new T[values.Length];
        for (int i = 0; i < r.Length; i++) r[i] = T.FromDouble(values[i]);
        return r;
    }

    public static double[] ToDoubles<T>(ReadOnlySpan<T> values) where T : IScalar<T>
    {
        var r = new double[values.Length];
        for (int i = 0; i < r.Length; i++) r[i] = T.ToDouble(values[i]);
        return r;
    }
}
