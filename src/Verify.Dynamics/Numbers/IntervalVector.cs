namespace Verify.Dynamics.Numbers;

/// <summary>Boxes (vectors of intervals): midpoints, inclusion, intersection, inflation.</summary>
public static class IntervalVector
{
    /// <summary>The box of points [xᵢ, xᵢ].</summary>
    public static Interval[] Point(ReadOnlySpan<double> x)
    {
        var r = new Interval[x.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Interval.FromDouble(x[i]);
        return r;
    }

    /// <summary>The box ∏ [xᵢ − rᵢ, xᵢ + rᵢ], rounded outward.</summary>
    public static Interval[] Around(ReadOnlySpan<double> center, ReadOnlySpan<double> radius)
    {
        var r = new Interval[center.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Interval.Around(center[i], radius[i]);
        return r;
    }

    public static double[] Midpoints(ReadOnlySpan<Interval> box)
    {
        var r = new double[box.Length];
        for (int i = 0; i < r.Length; i++) r[i] = box[i].Midpoint;
        return r;
    }

    /// <summary>The largest width of a coordinate (rounded up).</summary>
    public static double MaxWidth(ReadOnlySpan<Interval> box)
    {
        double w = 0;
        foreach (var x in box) w = Math.Max(w, x.Width);
        return w;
    }

    public static bool IsBounded(ReadOnlySpan<Interval> box)
    {
        foreach (var x in box) if (!x.IsBounded) return false;
        return true;
    }

    public static bool IsSubsetOf(ReadOnlySpan<Interval> inner, ReadOnlySpan<Interval> outer)
    {
        for (int i = 0; i < inner.Length; i++) if (!inner[i].IsSubsetOf(outer[i])) return false;
        return true;
    }

    /// <summary>Every coordinate of <paramref name="inner"/> is in the interior of that of <paramref name="outer"/>.</summary>
    public static bool IsInteriorOf(ReadOnlySpan<Interval> inner, ReadOnlySpan<Interval> outer)
    {
        for (int i = 0; i < inner.Length; i++) if (!inner[i].IsInteriorOf(outer[i])) return false;
        return true;
    }

    /// <summary>a ∩ b, or null when they are disjoint (in some coordinate).</summary>
    public static Interval[]? Intersection(ReadOnlySpan<Interval> a, ReadOnlySpan<Interval> b)
    {
        var r = new Interval[a.Length];
        for (int i = 0; i < r.Length; i++)
        {
            var c = Interval.Intersection(a[i], b[i]);
            if (c is null) return null;
            r[i] = c.Value;
        }
        return r;
    }

    public static Interval[] Hull(ReadOnlySpan<Interval> a, ReadOnlySpan<Interval> b)
    {
        var r = new Interval[a.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Interval.Hull(a[i], b[i]);
        return r;
    }

    /// <summary>Each coordinate widened about its midpoint by the factor (1 + relative) plus an absolute amount (epsilon inflation).</summary>
    public static Interval[] Inflate(ReadOnlySpan<Interval> box, double relative, double absolute)
    {
        var r = new Interval[box.Length];
        for (int i = 0; i < r.Length; i++) r[i] = Interval.Around(box[i].Midpoint, box[i].Radius * (1 + relative) + absolute);
        return r;
    }

    /// <summary>a − b coordinatewise, rounded outward.</summary>
    public static Interval[] Subtract(ReadOnlySpan<Interval> a, ReadOnlySpan<Interval> b)
    {
        var r = new Interval[a.Length];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] - b[i];
        return r;
    }

    public static Interval[] Add(ReadOnlySpan<Interval> a, ReadOnlySpan<Interval> b)
    {
        var r = new Interval[a.Length];
        for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i];
        return r;
    }

    /// <summary>"[a, b] × [c, d]" with round-trip doubles.</summary>
    public static string Format(ReadOnlySpan<Interval> box) => string.Join(" × ", box.ToArray().Select(x => x.ToString()));
}
