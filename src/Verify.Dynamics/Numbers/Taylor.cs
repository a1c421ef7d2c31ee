namespace Verify.Dynamics.Numbers;

/// <summary>
/// A truncated Taylor series c₀ + c₁h + … + c_K h^K (normalized coefficients c_k = f⁽ᵏ⁾/k!):
/// forward-mode differentiation of any order for functions of one variable. Constants carry a
/// single coefficient and broadcast; operations keep the longer operand's order.
/// </summary>
public sealed class Taylor<T> : IScalar<Taylor<T>> where T : IScalar<T>
{
    private readonly T[] _c;

    public Taylor(T[] coefficients)
    {
        if (coefficients.Length == 0) throw new ArgumentException("A Taylor series needs at least one coefficient.", nameof(coefficients));
        _c = coefficients;
    }

    /// <summary>The independent variable x + h, expanded to order <paramref name="order"/>.</summary>
    public static Taylor<T> Variable(T x, int order)
    {
        var c = new T[order + 1];
        for (int i = 0; i < c.Length; i++) c[i] = T.FromInt(0);
        c[0] = x;
        if (order >= 1) c[1] = T.FromInt(1);
        return new Taylor<T>(c);
    }

    public static Taylor<T> Constant(T value) => new([value]);

    public int Order => _c.Length - 1;

    /// <summary>The normalized coefficient c_k (zero beyond the order).</summary>
    public T this[int k] => k < _c.Length ? _c[k] : T.FromInt(0);

    /// <summary>The k-th derivative f⁽ᵏ⁾ = k!·c_k.</summary>
    public T Derivative(int k)
    {
        T factorial = T.FromInt(1);
        for (int i = 2; i <= k; i++) factorial *= T.FromInt(i);
        return this[k] * factorial;
    }

    private static int Len(Taylor<T> a, Taylor<T> b) => Math.Max(a._c.Length, b._c.Length);
    private static T[] New(int n) { var r = new T[n]; for (int i = 0; i < n; i++) r[i] = T.FromInt(0); return r; }

    public static Taylor<T> operator +(Taylor<T> a, Taylor<T> b)
    {
        var r = New(Len(a, b));
        for (int k = 0; k < r.Length; k++) r[k] = a[k] + b[k];
        return new(r);
    }

    public static Taylor<T> operator -(Taylor<T> a, Taylor<T> b)
    {
        var r = New(Len(a, b));
        for (int k = 0; k < r.Length; k++) r[k] = a[k] - b[k];
        return new(r);
    }

    public static Taylor<T> operator -(Taylor<T> a)
    {
        var r = New(a._c.Length);
        for (int k = 0; k < r.Length; k++) r[k] = -a._c[k];
        return new(r);
    }

    public static Taylor<T> operator *(Taylor<T> a, Taylor<T> b)
    {
        var r = New(Len(a, b));
        for (int k = 0; k < r.Length; k++)
            for (int j = 0; j <= k; j++) r[k] += a[j] * b[k - j];
        return new(r);
    }

    public static Taylor<T> operator /(Taylor<T> a, Taylor<T> b)
    {
        var q = New(Len(a, b));
        for (int k = 0; k < q.Length; k++)
        {
            T s = a[k];
            for (int j = 1; j <= k; j++) s -= b[j] * q[k - j];
            q[k] = s / b[0];
        }
        return new(q);
    }

    public static Taylor<T> FromInt(int value) => Constant(T.FromInt(value));
    public static Taylor<T> FromDouble(double value) => Constant(T.FromDouble(value));
    public static double ToDouble(Taylor<T> value) => T.ToDouble(value._c[0]);

    public static Taylor<T> Exp(Taylor<T> a)
    {
        var e = New(a._c.Length);
        e[0] = T.Exp(a[0]);
        for (int k = 1; k < e.Length; k++)
        {
            T s = T.FromInt(0);
            for (int j = 1; j <= k; j++) s += T.FromInt(j) * a[j] * e[k - j];
            e[k] = s / T.FromInt(k);
        }
        return new(e);
    }

    public static Taylor<T> Log(Taylor<T> a)
    {
        var l = New(a._c.Length);
        l[0] = T.Log(a[0]);
        for (int k = 1; k < l.Length; k++)
        {
            T s = T.FromInt(0);
            for (int j = 1; j < k; j++) s += T.FromInt(j) * l[j] * a[k - j];
            l[k] = (a[k] - s / T.FromInt(k)) / a[0];
        }
        return new(l);
    }

    public static Taylor<T> Sqrt(Taylor<T> a)
    {
        var r = New(a._c.Length);
        r[0] = T.Sqrt(a[0]);
        for (int k = 1; k < r.Length; k++)
        {
            T s = a[k];
            for (int j = 1; j < k; j++) s -= r[j] * r[k - j];
            r[k] = s / (T.FromInt(2) * r[0]);
        }
        return new(r);
    }

    private static (T[] Sin, T[] Cos) SinCos(Taylor<T> a)
    {
        int n = a._c.Length;
        var s = New(n); var c = New(n);
        s[0] = T.Sin(a[0]); c[0] = T.Cos(a[0]);
        for (int k = 1; k < n; k++)
        {
            T ss = T.FromInt(0), cc = T.FromInt(0);
            for (int j = 1; j <= k; j++)
            {
                ss += T.FromInt(j) * a[j] * c[k - j];
                cc += T.FromInt(j) * a[j] * s[k - j];
            }
            s[k] = ss / T.FromInt(k);
            c[k] = -cc / T.FromInt(k);
        }
        return (s, c);
    }

    public static Taylor<T> Sin(Taylor<T> a) => new(SinCos(a).Sin);
    public static Taylor<T> Cos(Taylor<T> a) => new(SinCos(a).Cos);

    public static Taylor<T> Tanh(Taylor<T> a)
    {
        // t' = (1 − t²)·a'; u = 1 − t² is built alongside.
        int n = a._c.Length;
        var t = New(n); var u = New(n);
        t[0] = T.Tanh(a[0]);
        u[0] = T.FromInt(1) - t[0] * t[0];
        for (int k = 1; k < n; k++)
        {
            T s = T.FromInt(0);
            for (int j = 1; j <= k; j++) s += T.FromInt(j) * a[j] * u[k - j];
            t[k] = s / T.FromInt(k);
            T sq = T.FromInt(0);
            for (int j = 0; j <= k; j++) sq += t[j] * t[k - j];
            u[k] = -sq;
        }
        return new(t);
    }

    /// <summary>
    /// F(a) for F with F′ = g: the series whose value is <paramref name="f0"/> and whose derivative is
    /// g(a)·a′ (kc_k = Σ_{j=1..k} j a_j [g(a)]_{k−j}). Atan and Acos are built on it.
    /// </summary>
    private static Taylor<T> Antiderivative(Taylor<T> a, T f0, Taylor<T> gOfA)
    {
        var r = New(a._c.Length);
        r[0] = f0;
        for (int k = 1; k < r.Length; k++)
        {
            T s = T.FromInt(0);
            for (int j = 1; j <= k; j++) s += T.FromInt(j) * a[j] * gOfA[k - j];
            r[k] = s / T.FromInt(k);
        }
        return new(r);
    }

    public static Taylor<T> Atan(Taylor<T> a) =>
        Antiderivative(a, T.Atan(a[0]), Constant(T.FromInt(1)) / (Constant(T.FromInt(1)) + a * a));

    public static Taylor<T> Acos(Taylor<T> a) =>
        Antiderivative(a, T.Acos(a[0]), -Constant(T.FromInt(1)) / Sqrt(Constant(T.FromInt(1)) - a * a));

    public static Taylor<T> Abs(Taylor<T> a) => T.ToDouble(a[0]) < 0 ? -a : a;

    public override string ToString() => string.Join(" + ", _c.Select((c, k) => $"{c}·h^{k}"));
}
