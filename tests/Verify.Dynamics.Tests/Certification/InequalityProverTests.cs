using Verify.Dynamics.Certification;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Certification;

public sealed class InequalityProverTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);

    /// <summary>s(t) − c with s(t) = (t² + 4)^½ (the sharpness along xy = 1) and c an exact rational.</summary>
    private sealed class SharpnessMinus(Rational c) : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> t) => T.Sqrt(t[0] * t[0] + T.FromInt(4)) - ExactScalars.FromRational<T>(c);
    }

    /// <summary>x² + y² − 2xy = (x − y)² ≥ 0, with equality on a whole line.</summary>
    private sealed class SquareOfDifference : Objective
    {
        public override int Dimension => 2;
        public override T Value<T>(ReadOnlySpan<T> x) => x[0] * x[0] + x[1] * x[1] - T.FromInt(2) * x[0] * x[1];
    }

    /// <summary>|x| (branches on the midpoint through Dual.Abs).</summary>
    private sealed class Absolute : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> x) => T.Abs(x[0]);
    }

    /// <summary>√(x − 1) (undefined left of 1).</summary>
    private sealed class RootOfShifted : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> x) => T.Sqrt(x[0] - T.FromInt(1));
    }

    [Fact]
    public void ProvesTheSharpnessAlongTheMinimizersIsAtLeastTwo()
    {
        // s(t) ≥ 2 on [−10, 10], with equality at t = 0: monotonicity on each half proves it with 3 boxes.
        var outcome = InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(-10, 10)]);
        outcome.Verdict.ShouldBe(InequalityVerdict.Proven);
        outcome.IsProven.ShouldBeTrue();
        outcome.ProvenBound.ShouldBe(0);
        outcome.Boxes.ShouldBe(3);
        // Per piece: one gradient pass, the natural and mean-value forms (3); plus the centre of the split one.
        outcome.Evaluations.ShouldBe(10);
        outcome.Reason.ShouldBe("every piece is proven");
        outcome.Describe().ShouldBe("proven g ≥ 0 on [-10, 10]: g ≥ 0 throughout (3 boxes, 10 interval evaluations)");
        // The same with exactly the boxes it needs, and one fewer.
        InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(-10, 10)], maxBoxes: 3).IsProven.ShouldBeTrue();
        InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(-10, 10)], maxBoxes: 2).Reason.ShouldBe("more than 2 boxes needed");
    }

    [Fact]
    public void RefutesAThresholdMovedUpByAHairAtTheBalancedPoint()
    {
        // Negative control: s(t) ≥ 2.0001 fails near t = 0.
        var outcome = InequalityProver.ProveAtLeast(new SharpnessMinus(Q(20001, 10000)), [I(-10, 10)]);
        outcome.Verdict.ShouldBe(InequalityVerdict.Refuted);
        outcome.Counterexample.ShouldNotBeNull();
        Math.Abs(outcome.Counterexample![0]).ShouldBeLessThan(0.02);
        outcome.ValueAtCounterexample!.Value.Hi.ShouldBeLessThan(0);
        double.IsNaN(outcome.ProvenBound).ShouldBeTrue();
        outcome.Reason.ShouldBe("the value at a point is below the bound");
        outcome.Describe().ShouldStartWith($"refuted: g({outcome.Counterexample[0]:R}) ∈ [");
        outcome.Describe().ShouldEndWith($"is not ≥ 0 ({outcome.Boxes} boxes)");
    }

    [Fact]
    public void StrictInequalityFailsExactlyWhereEqualityHolds()
    {
        var strict = InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(-10, 10)], strict: true);
        strict.Verdict.ShouldBe(InequalityVerdict.Refuted);
        strict.Counterexample.ShouldBe([0.0]);
        strict.ValueAtCounterexample.ShouldBe(Interval.Zero);
        var away = InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0.5, 10)], strict: true);
        away.IsProven.ShouldBeTrue();
        away.ProvenBound.ShouldBeGreaterThan(0);
        away.Describe().ShouldStartWith("proven g > 0 on [0.5, 10]: g ≥ ");
    }

    [Fact]
    public void ProvesUpperBounds()
    {
        // s(t) ≤ 2/η on the stable part |t| ≤ ((2/η)² − 4)^½: at η = 1/2, 2/η = 4 and the end is √12.
        var end = Interval.Sqrt(Interval.Square(ExactScalars.FromRational<Interval>(Q(4))) - Interval.FromInt(4));
        end.ContainsExact(Q(3464, 1000)).ShouldBeFalse();
        (Rational.FromDouble(end.Lo) * Rational.FromDouble(end.Lo) <= 12 && Rational.FromDouble(end.Hi) * Rational.FromDouble(end.Hi) >= 12).ShouldBeTrue();
        var inside = InequalityProver.ProveAtMost(new SharpnessMinus(4), [I(-end.Lo, end.Lo)]);
        inside.IsProven.ShouldBeTrue();
        inside.ProvenBound.ShouldBeLessThanOrEqualTo(0); // an upper bound of g
        inside.Describe().ShouldContain("g ≤ 0");
        // Negative control: a range 5% past the end point is refuted.
        var past = InequalityProver.ProveAtMost(new SharpnessMinus(4), [I(-1.05 * end.Hi, 1.05 * end.Hi)]);
        past.Verdict.ShouldBe(InequalityVerdict.Refuted);
        past.ValueAtCounterexample!.Value.Lo.ShouldBeGreaterThan(0);
        past.Bound.ShouldBe(0);
        past.Describe().ShouldContain("is not ≤ 0");
        // With a nonzero bound: s(t) ≤ 4 on [−1, 1], and the proven upper bound is near s(1) = √5.
        var s = InequalityProver.ProveAtMost(new SharpnessMinus(0), [I(-1, 1)], bound: 4);
        s.IsProven.ShouldBeTrue();
        s.ProvenBound.ShouldBeInRange(Math.Sqrt(5), 2.3);
        s.Describe().ShouldStartWith("proven g ≤ 4 on [-1, 1]: g ≤ ");
        InequalityProver.ProveAtMost(new SharpnessMinus(0), [I(-1, 1)], bound: 2.2, strict: true).Verdict.ShouldBe(InequalityVerdict.Refuted);
        InequalityProver.ProveAtMost(new SharpnessMinus(0), [I(-1, 1)], bound: 2.3, strict: true).Describe().ShouldStartWith("proven g < 2.3");
    }

    /// <summary>x − x²/2 (written with x twice: the natural extension overestimates), ≥ 0 on [0, 1] with equality at 0.</summary>
    private sealed class Concave(int sign) : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> x)
        {
            var y = T.FromInt(sign) * x[0];
            return y - y * y / T.FromInt(2);
        }
    }

    /// <summary>x² − x + 3/10 (minimum 1/20 at 1/2).</summary>
    private sealed class Parabola : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> x) => x[0] * x[0] - x[0] + T.FromInt(3) / T.FromInt(10);
    }

    /// <summary>x − 3/10 in two variables (y does not matter).</summary>
    private sealed class FirstCoordinate : Objective
    {
        public override int Dimension => 2;
        public override T Value<T>(ReadOnlySpan<T> x) => x[0] - T.FromInt(3) / T.FromInt(10);
    }

    [Fact]
    public void MonotonicityProvesABoundAttainedAtAnEndInOneBox()
    {
        // Increasing on [0, 1] (fix x at its low end) and, mirrored, decreasing on [−1, 0] (fix x at its high end).
        var up = InequalityProver.ProveAtLeast(new Concave(1), [I(0, 1)]);
        up.IsProven.ShouldBeTrue();
        up.Boxes.ShouldBe(1);
        up.ProvenBound.ShouldBe(0);
        var down = InequalityProver.ProveAtLeast(new Concave(-1), [I(-1, 0)]);
        down.IsProven.ShouldBeTrue();
        down.Boxes.ShouldBe(1);
    }

    [Fact]
    public void TheMeanValueFormProvesWhatTheNaturalExtensionCannot()
    {
        // On [0.4, 0.6] the natural extension gives [−0.14, 0.26]; the mean-value form 1/20 ± 0.02 > 0.
        Parabola p = new();
        p.Value<Interval>([I(0.4, 0.6)]).Lo.ShouldBeLessThan(0);
        var outcome = InequalityProver.ProveAtLeast(p, [I(0.4, 0.6)], strict: true);
        outcome.IsProven.ShouldBeTrue();
        outcome.Boxes.ShouldBe(1);
        outcome.ProvenBound.ShouldBeInRange(0.029, 0.031);
    }

    [Fact]
    public void BisectionSplitsTheWidestCoordinateBreadthFirst()
    {
        // x − 3/10 on [0, 1] × [0, 1000]: y is split ten times (to width < 1) before x; the first piece with
        // x ∈ [0, 1/2] has its centre at x = 1/4, where the inequality fails.
        var outcome = InequalityProver.ProveAtLeast(new FirstCoordinate(), [I(0, 1), I(0, 1000)]);
        outcome.Verdict.ShouldBe(InequalityVerdict.Refuted);
        outcome.Counterexample.ShouldBe([0.25, 1000 / 2048.0]);
        outcome.Describe().ShouldStartWith("refuted: g(0.25, 0.48828125) ∈ [");
        outcome.Boxes.ShouldBe(2048);
    }

    [Fact]
    public void AnEqualityAlongALineIsInconclusiveNotAFalseCertificate()
    {
        var outcome = InequalityProver.ProveAtLeast(new SquareOfDifference(), [I(-3, 3), I(-3, 3)], maxBoxes: 500);
        outcome.Verdict.ShouldBe(InequalityVerdict.Inconclusive);
        outcome.Reason.ShouldContain("500 boxes");
        outcome.UndecidedBox.ShouldNotBeNull();
        outcome.Describe().ShouldStartWith("inconclusive");
        // On a box one ulp wide across the diagonal the bisection runs out of doubles.
        var tiny = InequalityProver.ProveAtLeast(new SquareOfDifference(), [I(1, Math.BitIncrement(1.0)), I(1, Math.BitIncrement(1.0))]);
        tiny.Verdict.ShouldBe(InequalityVerdict.Inconclusive);
        tiny.Reason.ShouldContain("too small");
        // Off the diagonal it is proven.
        InequalityProver.ProveAtLeast(new SquareOfDifference(), [I(1, 2), I(-2, 0.5)], bound: 0, strict: true).IsProven.ShouldBeTrue();
    }

    [Fact]
    public void BranchingOrUndefinedFunctionsAreInconclusive()
    {
        var branching = InequalityProver.ProveAtLeast(new Absolute(), [I(-1, 1)]);
        branching.Verdict.ShouldBe(InequalityVerdict.Inconclusive);
        branching.Reason.ShouldContain("midpoints");
        var undefined = InequalityProver.ProveAtLeast(new RootOfShifted(), [I(0.5, 2)], maxBoxes: 200);
        undefined.Verdict.ShouldBe(InequalityVerdict.Inconclusive);
        var edge = InequalityProver.ProveAtLeast(new RootOfShifted(), [I(Math.BitDecrement(1.0), 1)]);
        edge.Reason.ShouldBe("the function is not finite or not defined on a piece");
        InequalityProver.ProveAtLeast(new RootOfShifted(), [I(1, 2)]).IsProven.ShouldBeTrue();
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Should.Throw<ArgumentException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, 1), I(0, 1)])).Message.ShouldStartWith("The box has 2 coordinates, the function 1.");
        Should.Throw<ArgumentException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, double.PositiveInfinity)])).Message.ShouldStartWith("The box must be bounded.");
        Should.Throw<ArgumentOutOfRangeException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, 1)], bound: double.NaN)).Message.ShouldStartWith("The bound must be finite.");
    }

    [Fact]
    public void TheStablePartEndPointIsAlsoAKrawczykRoot()
    {
        // s(t) = 2/η at t = ((2/η)² − 4)^½: at η = 1/2 a proven root enclosing √12.
        var outcome = Krawczyk.Certify(new RootOf(new SharpnessMinus(4)), 3.4);
        outcome.IsProven.ShouldBeTrue();
        var e = outcome.Enclosure![0];
        (Rational.FromDouble(e.Lo) * Rational.FromDouble(e.Lo) < 12 && Rational.FromDouble(e.Hi) * Rational.FromDouble(e.Hi) > 12).ShouldBeTrue();
    }

    /// <summary>An objective g as the 1-D map whose zeros are those of g.</summary>
    private sealed class RootOf(Objective g) : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [g.Value(x)];
    }

    private static Rational Q(long p, long q = 1) => new(p, q);
}
