namespace Verify.Dynamics.Numbers;

/// <summary>Euclidean norms of double vectors that neither underflow nor overflow in the squares.</summary>
public static class Norms
{
    /// <summary>‖v‖₂, computed as max|vᵢ|·‖v/max|vᵢ|‖₂ (so 1e-200 and 1e200 entries are fine); NaN if any entry is NaN.</summary>
    public static double Euclidean(ReadOnlySpan<double> v)
    {
        double max = 0;
        foreach (var x in v)
        {
            double a = Math.Abs(x);
            if (double.IsNaN(a)) return double.NaN;
            if (a > max) max = a;
        }
        if (max == 0 || double.IsInfinity(max)) return max;
        double s = 0;
        foreach (var x in v) { double r = x / max; s += r * r; }
        return max * Math.Sqrt(s);
    }

    /// <summary>‖a − b‖₂.</summary>
    public static double Distance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"Vectors of lengths {a.Length} and {b.Length}.");
        var d = new double[a.Length];
        for (int i = 0; i < d.Length; i++) d[i] = a[i] - b[i];
        return Euclidean(d);
    }
}
