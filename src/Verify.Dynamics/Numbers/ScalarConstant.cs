using System.Numerics;

namespace Verify.Dynamics.Numbers;

/// <summary>
/// A rational constant in any scalar type, built from integers only: exact in <see cref="Rational"/>,
/// a rigorous enclosure in <see cref="Interval"/> (and in Dual&lt;Interval&gt;, …), the nearest
/// double or close to it in <see cref="Real"/>. Use it for a parameter a statement gives as a
/// decimal or a fraction (η = 1.1 is 11/10, not the double 1.1), so that generic code evaluated in
/// intervals proves the statement for the exact value.
/// </summary>
public static class ScalarConstant
{
    private const int DigitBits = 30;

    public static T FromRational<T>(Rational value) where T : IScalar<T>
    {
        var numerator = FromInteger<T>(value.Numerator);
        return value.Denominator <= BigInteger.One ? numerator : numerator / FromInteger<T>(value.Denominator);
    }

    /// <summary>The exact value of a decimal (0.1m is one tenth).</summary>
    public static T FromDecimal<T>(decimal value) where T : IScalar<T> => FromRational<T>(Interval.ToRational(value));

    // An integer by Horner's rule in base 2³⁰ (each digit and the base are exact ints).
    private static T FromInteger<T>(BigInteger n) where T : IScalar<T>
    {
        if (n >= int.MinValue && n <= int.MaxValue) return T.FromInt((int)n);
        bool negative = n.Sign < 0;
        var magnitude = BigInteger.Abs(n);
        var digits = new List<int>();
        for (; !magnitude.IsZero; magnitude >>= DigitBits) digits.Add((int)(magnitude & ((1 << DigitBits) - 1)));
        T baseValue = T.FromInt(1 << DigitBits), result = T.FromInt(0);
        for (int i = digits.Count - 1; i >= 0; i--) result = result * baseValue + T.FromInt(digits[i]);
        return negative ? -result : result;
    }
}
