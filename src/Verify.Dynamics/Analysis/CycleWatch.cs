namespace Verify.Dynamics.Analysis;

/// <summary>
/// Watches the iterates of a 2-D map for a cycle without storing the trajectory: a ring buffer of the
/// last window + maxPeriod points and, per period p, the run of consecutive k with
/// max(|x_k − x_{k−p}|, |y_k − y_{k−p}|) ≤ tolerance. A period p is found when its run reaches the window;
/// the smallest such p is reported (a fixed point is period 1).
/// </summary>
public sealed class CycleWatch
{
    private readonly double[] _x, _y;
    private readonly int[] _run;
    private readonly int _maxPeriod, _window;
    private readonly double _tolerance;
    private long _count;

    public CycleWatch(int maxPeriod, int window, double tolerance)
    {
        if (maxPeriod < 1) throw new ArgumentOutOfRangeException(nameof(maxPeriod), maxPeriod, "The maximal period must be at least 1.");
        if (window < 1) throw new ArgumentOutOfRangeException(nameof(window), window, "The window must be at least 1.");
        (_maxPeriod, _window, _tolerance) = (maxPeriod, window, tolerance);
        _x = new double[window + maxPeriod];
        _y = new double[window + maxPeriod];
        _run = new int[maxPeriod + 1];
    }

    /// <summary>Number of points pushed so far.</summary>
    public long Count => _count;

    /// <summary>Adds the next iterate; returns the smallest period found so far, or 0.</summary>
    public int Push(double x, double y)
    {
        int at = (int)(_count % _x.Length);
        _x[at] = x; _y[at] = y;
        _count++;
        int found = 0;
        for (int p = 1; p <= _maxPeriod; p++)
        {
            if (_count <= p) { _run[p] = 0; continue; }
            int back = (int)((_count - 1 - p) % _x.Length);
            bool close = Math.Abs(x - _x[back]) <= _tolerance && Math.Abs(y - _y[back]) <= _tolerance;
            _run[p] = close ? _run[p] + 1 : 0;
            if (found == 0 && _run[p] >= _window) found = p;
        }
        return found;
    }

    /// <summary>The largest range, max − min, of x or of y over the buffered points (+∞ until the buffer is full).</summary>
    public double Spread()
    {
        if (_count < _x.Length) return double.PositiveInfinity;
        return Math.Max(_x.Max() - _x.Min(), _y.Max() - _y.Min());
    }

    /// <summary>
    /// min over p ≤ maxPeriod of max over the last window points of the distance to the point p steps
    /// earlier: how far the tail is from any cycle (+∞ until window + maxPeriod points were pushed).
    /// </summary>
    public double Mismatch()
    {
        if (_count < _x.Length) return double.PositiveInfinity;
        double best = double.PositiveInfinity;
        for (int p = 1; p <= _maxPeriod; p++)
        {
            double worst = 0;
            for (int j = 0; j < _window; j++)
            {
                int k = (int)((_count - 1 - j) % _x.Length), back = (int)((_count - 1 - j - p) % _x.Length);
                double d = Math.Max(Math.Abs(_x[k] - _x[back]), Math.Abs(_y[k] - _y[back]));
                if (!(d <= worst)) worst = double.IsNaN(d) ? double.PositiveInfinity : d;
            }
            best = Math.Min(best, worst);
        }
        return best;
    }
}
