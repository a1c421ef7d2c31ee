using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>
/// The Krawczyk test: a computer-assisted proof that a map G: ℝⁿ → ℝⁿ has exactly one zero in a box X.
/// With c the midpoint of X, C ≈ DG(c)⁻¹ any double matrix and DG(X) an interval enclosure of the
/// Jacobian over X (forward-mode AD in Dual&lt;Interval&gt;),
///     K(X) = c − C·G(c) + (I − C·DG(X))·(X − c)
/// contains every zero of G in X (mean value theorem). Hence K(X) ∩ X = ∅ proves there is none,
/// and K(X) ⊂ int X proves there is exactly one (Krawczyk 1969; uniqueness: Moore 1977, Rump 1983),
/// and it lies in K(X). Every quantity is an outward-rounded enclosure, so the proof holds for the
/// real map, not its floating-point evaluation — provided the map's interval evaluation made no
/// midpoint reads (branches), which is checked.
/// </summary>
public static class Krawczyk
{
    /// <summary>One test on a given box (dimension 1 included): proven unique zero, proven no zero, or inconclusive.</summary>
    public static KrawczykOutcome Test(IMap map, IReadOnlyList<Interval> box)
    {
        var x = box.ToArray();
        if (x.Length != map.Dimension) throw new ArgumentException($"The box has {x.Length} coordinates, the map {map.Dimension}.", nameof(box));
        return Decide(map, x).Outcome;
    }

    // The test on box x, with K(X) for inflation (null when it could not be formed).
    private static (KrawczykOutcome Outcome, Interval[]? K) Decide(IMap map, Interval[] x)
    {
        var step = Operator(map, x);
        if (step.Failure is not null) return (Outcome(KrawczykVerdict.Inconclusive, x, null, step.Failure, step.Evaluations), null);
        if (step.Excluded is not null) return (Outcome(KrawczykVerdict.NoZero, x, null, step.Excluded, step.Evaluations), null);
        var k = step.K!;
        if (IntervalVector.IsInteriorOf(k, x))
            return (Outcome(KrawczykVerdict.ZeroExistsUnique, x, k, "K(X) ⊂ int X", step.Evaluations), k);
        var inside = IntervalVector.Intersection(k, x);
        if (inside is null) return (Outcome(KrawczykVerdict.NoZero, x, null, "K(X) ∩ X = ∅", step.Evaluations), k);
        return (Outcome(KrawczykVerdict.Inconclusive, x, inside, "K(X) ⊄ int X: the box is too large for the contraction, or too small for the rounding errors, or the zero is singular", step.Evaluations), k);
    }

    /// <summary>
    /// Finds a box around the zero near <paramref name="guess"/> and proves it: Newton's method in double,
    /// then Krawczyk tests on a small box grown by epsilon inflation (X ← K(X) widened) until
    /// K(X) ⊂ int X, then tightening of the enclosure (X ← K(X) ∩ X).
    /// </summary>
    public static KrawczykOutcome Certify(IMap map, ReadOnlySpan<double> guess, KrawczykOptions? options = null)
    {
        options ??= KrawczykOptions.Default;
        if (guess.Length != map.Dimension) throw new ArgumentException($"The guess has {guess.Length} coordinates, the map {map.Dimension}.", nameof(guess));
        var root = Newton(map, guess, options.MaxNewtonSteps);
        if (!root.All(double.IsFinite))
            return Outcome(KrawczykVerdict.Inconclusive, IntervalVector.Point(guess), null, "Newton's method in double diverged from the guess", 0).WithWork(0, 0);

        var radius = root.Select(v => options.InitialRadius * Math.Max(1, Math.Abs(v))).ToArray();
        var box = IntervalVector.Around(root, radius);
        int evaluations = 0;
        KrawczykOutcome last = null!;
        for (int test = 1; test <= options.MaxTests; test++)
        {
            (last, var k) = Decide(map, box);
            evaluations += last.Evaluations;
            if (last.Verdict == KrawczykVerdict.ZeroExistsUnique)
                return Tighten(map, last, options.TighteningSteps, ref evaluations).WithWork(evaluations, test);
            if (last.Verdict == KrawczykVerdict.NoZero || k is null) return last.WithWork(evaluations, test);
            // Epsilon inflation (Rump): retry on a box grown to contain K(X), which holds every zero of X.
            box = IntervalVector.Inflate(IntervalVector.Hull(k, box), options.Inflation, double.Epsilon);
        }
        return (last with { Reason = $"{last.Reason} (still after {options.MaxTests} inflation steps)" }).WithWork(evaluations, options.MaxTests);
    }

    /// <inheritdoc cref="Certify(IMap, ReadOnlySpan{double}, KrawczykOptions?)"/>
    public static KrawczykOutcome Certify(IMap map, double guess, KrawczykOptions? options = null) => Certify(map, [guess], options);

    /// <summary>Newton's method in double (Jacobian by AD in Dual&lt;Real&gt;): an approximate zero, or non-finite values if it diverged.</summary>
    public static double[] Newton(IMap map, ReadOnlySpan<double> guess, int maxSteps = 60)
    {
        var x = guess.ToArray();
        for (int step = 0; step < maxSteps; step++)
        {
            var g = Vector<double>.Build.DenseOfArray(Scalar.ToDoubles<Real>(map.Apply<Real>(Scalar.FromDoubles<Real>(x))));
            var jr = Jacobian.Of<Real>(map, Scalar.FromDoubles<Real>(x));
            var j = Matrix<double>.Build.Dense(x.Length, x.Length, (r, c) => jr[r, c].Value);
            var dx = j.Solve(g);
            if (!dx.All(double.IsFinite)) return x.Select(_ => double.NaN).ToArray();
            for (int i = 0; i < x.Length; i++) x[i] -= dx[i];
            if (dx.InfinityNorm() <= 1e-15 * (1 + Math.Abs(x.Max(Math.Abs)))) break;
        }
        return x;
    }

    private sealed record Step(Interval[]? K, string? Excluded, string? Failure, int Evaluations);

    // The Krawczyk operator on box x, or why it cannot be formed, or a proof that G has no zero in x.
    private static Step Operator(IMap map, Interval[] x)
    {
        int n = x.Length;
        if (!IntervalVector.IsBounded(x)) return new Step(null, null, "the box is unbounded", 0);
        var audit = MidpointReadAudit.Start();
        var c = IntervalVector.Midpoints(x);
        var gOverBox = map.Apply<Interval>(x);
        var gAtCenter = map.Apply<Interval>(IntervalVector.Point(c));
        var jacobian = IntervalMatrix.Of(Jacobian.Of<Interval>(map, x));
        int evaluations = 2 + n;
        if (audit.Reads > 0)
            return new Step(null, null, $"the map read interval midpoints {audit.Reads} times (a branch on ToDouble): its interval evaluation is not a proof", evaluations);
        for (int i = 0; i < n; i++)
            if (gOverBox[i].IsValid && !gOverBox[i].Contains(0))
                return new Step(null, $"G(X) excludes 0 in coordinate {i + 1}: {gOverBox[i]}", null, evaluations);
        if (!IntervalVector.IsBounded(gAtCenter) || !jacobian.IsBounded())
            return new Step(null, null, "the map's enclosure is not finite on the box (overflow, a division by an interval containing 0, or an argument outside a function's domain)", evaluations);
        var preconditioner = jacobian.Midpoint().Inverse();
        if (!preconditioner.Enumerate().All(double.IsFinite))
            return new Step(null, null, "the Jacobian at the midpoint is singular", evaluations);
        var pointPreconditioner = ScalarMatrix<Interval>.FromMatrix(preconditioner);
        var residual = pointPreconditioner.Apply(gAtCenter);
        var contraction = ScalarMatrix<Interval>.Identity(n) - pointPreconditioner * jacobian;
        var offset = contraction.Apply(IntervalVector.Subtract(x, IntervalVector.Point(c)));
        var k = IntervalVector.Add(IntervalVector.Subtract(IntervalVector.Point(c), residual), offset);
        return new Step(k, null, null, evaluations);
    }

    // A proven outcome's enclosure E, shrunk by E ← K(E) ∩ E (the zero stays inside; K(E) can always be
    // formed on a subset of a box where the proof succeeded, the fallback only guards that).
    private static KrawczykOutcome Tighten(IMap map, KrawczykOutcome proven, int steps, ref int evaluations)
    {
        var enclosure = proven.Enclosure!.ToArray();
        for (int s = 0; s < steps; s++)
        {
            var k = Operator(map, enclosure);
            evaluations += k.Evaluations;
            enclosure = IntervalVector.Intersection(k.K ?? enclosure, enclosure) ?? enclosure;
        }
        return proven with { Enclosure = enclosure };
    }

    private static KrawczykOutcome Outcome(KrawczykVerdict verdict, Interval[] box, Interval[]? enclosure, string reason, int evaluations) =>
        new(verdict, box, enclosure, reason, evaluations, 1);
}
