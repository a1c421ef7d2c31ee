using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Certification;

/// <summary>What an interval-bisection proof of g ≥ bound over a box found.</summary>
public enum InequalityVerdict
{
    /// <summary>g(x) ≥ bound (&gt; bound if strict) for every x in the box.</summary>
    Proven,

    /// <summary>A point where the inequality provably fails (its interval value is below the bound).</summary>
    Refuted,

    /// <summary>The box budget ran out on an undecided box, or the function branched or left its domain.</summary>
    Inconclusive,
}

/// <summary>
/// The result of <see cref="InequalityProver"/>: the verdict, the bound on g proven over the whole box
/// (the smallest lower bound over the pieces for ProveAtLeast, the largest upper bound for ProveAtMost;
/// NaN unless proven), the counterexample or the undecided piece, and the work done (pieces examined,
/// interval evaluations: deterministic).
/// </summary>
public sealed record InequalityOutcome(
    InequalityVerdict Verdict,
    IReadOnlyList<Interval> Box,
    double Bound,
    bool Strict,
    bool Upper,
    double ProvenBound,
    double[]? Counterexample,
    Interval? ValueAtCounterexample,
    IReadOnlyList<Interval>? UndecidedBox,
    string Reason,
    int Boxes,
    int Evaluations)
{
    public bool IsProven => Verdict == InequalityVerdict.Proven;

    public string Describe()
    {
        string relation = Upper ? (Strict ? "<" : "≤") : (Strict ? ">" : "≥");
        string box = IntervalVector.Format(Box.ToArray());
        return Verdict switch
        {
            InequalityVerdict.Proven => $"proven g {relation} {Bound} on {box}: g {(Upper ? "≤" : "≥")} {ProvenBound:R} throughout ({Boxes} boxes, {Evaluations} interval evaluations)",
            InequalityVerdict.Refuted => $"refuted: g({string.Join(", ", Counterexample!.Select(v => v.ToString("R")))}) ∈ {ValueAtCounterexample} is not {relation} {Bound} ({Boxes} boxes)",
            _ => $"inconclusive on {box}: {Reason}",
        };
    }
}

/// <summary>
/// Proves g(x) ≥ bound (or &gt;, or ≤ with <see cref="ProveAtMost"/>) for every x in a box by interval
/// bisection. On each piece it (1) uses monotonicity: where ∂g/∂xᵢ ≥ 0 on the piece the minimum is on
/// the face xᵢ = lo (≤ 0: xᵢ = hi), so that coordinate is fixed, which proves bounds attained at an
/// end such as s(0) = 2 exactly; (2) encloses g on the reduced piece by the natural interval extension
/// intersected with the mean-value form g(c) + ∇g(X)·(X − c); (3) if the lower end clears the bound
/// the piece is proven, if g at the piece's centre is provably below it the inequality is refuted
/// there, otherwise it bisects the widest coordinate (breadth first). g is an <see cref="Objective"/> (any function
/// written over <see cref="IScalar{T}"/>; gradients by AD in Dual&lt;Interval&gt; unless closed).
/// </summary>
public static class InequalityProver
{
    public static InequalityOutcome ProveAtLeast(Objective g, IReadOnlyList<Interval> box, double bound = 0, bool strict = false, int maxBoxes = 100_000)
    {
        if (box.Count != g.Dimension) throw new ArgumentException($"The box has {box.Count} coordinates, the function {g.Dimension}.", nameof(box));
        if (!double.IsFinite(bound)) throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be finite.");
        if (!IntervalVector.IsBounded(box.ToArray())) throw new ArgumentException("The box must be bounded.", nameof(box));
        var root = box.ToArray();
        // Breadth first: coarse pieces before fine ones, so a counterexample is found at the coarsest level.
        var pending = new Queue<Interval[]>();
        pending.Enqueue(root);
        double lowest = double.PositiveInfinity;
        int boxes = 0, evaluations = 0;
        var audit = MidpointReadAudit.Start();
        InequalityOutcome Result(InequalityVerdict verdict, string reason, double[]? point = null, Interval? value = null, Interval[]? undecided = null) =>
            new(verdict, root, bound, strict, false, verdict == InequalityVerdict.Proven ? lowest : double.NaN, point, value, undecided, reason, boxes, evaluations);

        while (pending.Count > 0)
        {
            var x = pending.Dequeue();
            if (++boxes > maxBoxes) return Result(InequalityVerdict.Inconclusive, $"more than {maxBoxes} boxes needed", undecided: x);
            var enclosure = Enclose(g, x, ref evaluations);
            if (audit.Reads > 0) return Result(InequalityVerdict.Inconclusive, "the function read interval midpoints (a branch on ToDouble): its interval evaluation is not a proof", undecided: x);
            if (Clears(enclosure.Lo, bound, strict))
            {
                lowest = Math.Min(lowest, enclosure.Lo);
                continue;
            }
            var center = IntervalVector.Midpoints(x);
            var atCenter = g.Value<Interval>(IntervalVector.Point(center));
            evaluations++;
            if (atCenter.IsValid && !Clears(atCenter.Hi, bound, strict))
                return Result(InequalityVerdict.Refuted, "the value at a point is below the bound", center, atCenter);
            int widest = Enumerable.Range(0, x.Length).MaxBy(i => x[i].Width);
            double split = x[widest].Midpoint;
            if (!(x[widest].Lo < split && split < x[widest].Hi))
                return Result(InequalityVerdict.Inconclusive, enclosure.IsValid ? "a piece too small to split is undecided" : "the function is not finite or not defined on a piece", undecided: x);
            var left = (Interval[])x.Clone();
            var right = (Interval[])x.Clone();
            left[widest] = new Interval(x[widest].Lo, split);
            right[widest] = new Interval(split, x[widest].Hi);
            pending.Enqueue(left);
            pending.Enqueue(right);
        }
        return Result(InequalityVerdict.Proven, "every piece is proven");
    }

    /// <summary>Proves g(x) ≤ bound (&lt; if strict) on the box: the same bisection on −g (the counterexample's value is g's).</summary>
    public static InequalityOutcome ProveAtMost(Objective g, IReadOnlyList<Interval> box, double bound = 0, bool strict = false, int maxBoxes = 100_000)
    {
        var r = ProveAtLeast(new Negated(g), box, -bound, strict, maxBoxes);
        return r with
        {
            Bound = bound,
            Upper = true,
            ProvenBound = -r.ProvenBound,
            ValueAtCounterexample = r.ValueAtCounterexample is { } v ? -v : null,
        };
    }

    private static bool Clears(double value, double bound, bool strict) => strict ? value > bound : value >= bound;

    // An enclosure of the minimum side of g over x: monotone coordinates fixed at their minimizing end,
    // then the natural extension intersected with the mean-value form.
    private static Interval Enclose(Objective g, Interval[] x, ref int evaluations)
    {
        var gradient = g.Gradient<Interval>(x);
        evaluations += x.Length;
        var face = (Interval[])x.Clone();
        for (int i = 0; i < face.Length; i++)
        {
            if (gradient[i].IsNonNegative) face[i] = Interval.FromDouble(x[i].Lo);
            else if (gradient[i].IsNonPositive) face[i] = Interval.FromDouble(x[i].Hi);
        }
        var natural = g.Value<Interval>(face);
        var center = IntervalVector.Midpoints(face);
        var meanValue = g.Value<Interval>(IntervalVector.Point(center));
        for (int i = 0; i < face.Length; i++) meanValue += gradient[i] * (face[i] - Interval.FromDouble(center[i]));
        evaluations += 2;
        // Both enclose g on the face, so they meet unless one is Invalid. The mean-value form is Invalid
        // whenever the natural one is (its gradient pass evaluates g on the larger box in Dual numbers).
        return Interval.Intersection(natural, meanValue) ?? natural;
    }

    /// <summary>−g, for upper bounds.</summary>
    private sealed class Negated(Objective g) : Objective
    {
        public override int Dimension => g.Dimension;
        public override T Value<T>(ReadOnlySpan<T> x) => -g.Value(x);
        public override T[] Gradient<T>(ReadOnlySpan<T> x) => g.Gradient(x).Select(v => -v).ToArray();
    }
}
