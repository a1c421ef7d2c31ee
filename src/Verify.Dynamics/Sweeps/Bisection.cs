namespace Verify.Dynamics.Sweeps;

/// <summary>
/// Locates the switch of a monotone yes/no property of a parameter by bisection: given
/// holds(lo) ≠ holds(hi), returns an interval [a, b] with b − a ≤ tolerance and holds(a) ≠ holds(b).
/// </summary>
public static class Bisection
{
    public readonly record struct Bracket(double Lower, double Upper, int Evaluations)
    {
        public double Midpoint => (Lower + Upper) / 2;
        public double Width => Upper - Lower;
    }

    public static Bracket Locate(Func<double, bool> holds, double lo, double hi, double tolerance, int maxEvaluations = 200)
    {
        if (!(lo < hi)) throw new ArgumentException($"Need lo < hi, got [{lo}, {hi}].");
        if (!(tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(tolerance), "The tolerance must be positive.");
        bool atLo = holds(lo), atHi = holds(hi);
        int evaluations = 2;
        if (atLo == atHi)
            throw new ArgumentException($"The property is {(atLo ? "true" : "false")} at both ends of [{lo}, {hi}]: no switch to locate.");
        while (hi - lo > tolerance && evaluations < maxEvaluations)
        {
            double mid = (lo + hi) / 2;
            if (mid <= lo || mid >= hi) break; // no double strictly between: the bracket is as tight as it gets
            if (holds(mid) == atLo) lo = mid; else hi = mid;
            evaluations++;
        }
        return new Bracket(lo, hi, evaluations);
    }
}
