using Verify.Dynamics.Certification;
using Verify.Dynamics.Maps;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Dynamics.Tests.Certification;

public sealed class InequalityProverTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);

    /// <summary>s(t) − c with s(t) = (t² + 4)^½ (the sharpness along xy = 1) and c an exact rational.</summary>
    private sealed class SharpnessMinus(Rational c) : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> t) => T.Sqrt(t[0] * t[0] + T.FromInt(4)) - ScalarConstant.FromRational<T>(c);
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
        outcome.Evaluations.ShouldBeGreaterThan(0);
        outcome.Describe().ShouldStartWith("proven g ≥ 0 on [-10, 10]");
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
        outcome.Describe().ShouldStartWith("refuted: g(");
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
        away.Describe().ShouldContain("g > 0");
    }

    [Fact]
    public void ProvesUpperBounds()
    {
        // s(t) ≤ 2/η on the stable part |t| ≤ ((2/η)² − 4)^½: at η = 1/2, 2/η = 4 and the end is √12.
        var end = Interval.Sqrt(Interval.Square(ScalarConstant.FromRational<Interval>(Q(4))) - Interval.FromInt(4));
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
        InequalityProver.ProveAtLeast(new RootOfShifted(), [I(1, 2)]).IsProven.ShouldBeTrue();
    }

    [Fact]
    public void ArgumentsAreChecked()
    {
        Should.Throw<ArgumentException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, 1), I(0, 1)]));
        Should.Throw<ArgumentException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, double.PositiveInfinity)]));
        Should.Throw<ArgumentOutOfRangeException>(() => InequalityProver.ProveAtLeast(new SharpnessMinus(2), [I(0, 1)], bound: double.NaN));
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
