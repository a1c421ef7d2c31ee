using Verify.Dynamics.Certification;

namespace Verify.Dynamics.Tests.Certification;

public sealed class PolynomialIdentityTests
{
    /// <summary>A formula of n variables as an objective.</summary>
    private sealed class Formula(int n, Func<DegreeBound[], DegreeBound> degree, Func<Rational[], Rational> exact) : Objective
    {
        public override int Dimension => n;
        public override T Value<T>(ReadOnlySpan<T> x)
        {
            // Only the two number types a proof uses; the tests below write each formula once per type.
            if (typeof(T) == typeof(DegreeBound)) return (T)(object)degree(x.ToArray().Cast<DegreeBound>().ToArray());
            return (T)(object)exact(x.ToArray().Cast<Rational>().ToArray());
        }
    }

    /// <summary>(x − y) after one GD step on ½(xy − 1)² minus (x − y)(1 + η(xy − 1)), with η a third variable.</summary>
    private sealed class DifferenceAfterStep : Objective
    {
        public override int Dimension => 3;
        public override T Value<T>(ReadOnlySpan<T> p)
        {
            var next = new GradientDescentFamily(ScalarFactorization.Instance).Apply<T>([p[0], p[1]], p[2]);
            return next[0] - next[1] - (p[0] - p[1]) * (T.FromInt(1) + p[2] * (p[0] * p[1] - T.FromInt(1)));
        }
    }

    /// <summary>(x + y)² − x² − 2xy − y² written generically, with an optional error term.</summary>
    private sealed class Binomial(bool wrong) : Objective
    {
        public override int Dimension => 2;
        public override T Value<T>(ReadOnlySpan<T> p)
        {
            T x = p[0], y = p[1], s = x + y;
            var twoXy = wrong ? x * y : T.FromInt(2) * x * y;
            return s * s - x * x - twoXy - y * y;
        }
    }

    [Fact]
    public void ProvesAnIdentityOfKnownDegreeOnAGrid()
    {
        var outcome = PolynomialIdentity.Prove(new Binomial(wrong: false));
        outcome.Proven.ShouldBeTrue();
        outcome.Degrees.ShouldBe([2, 2]);
        outcome.Points.ShouldBe(9);
        outcome.Reason.ShouldBe("zero on the whole grid");
        outcome.Describe().ShouldStartWith("proven identically zero: degree ≤ (2, 2)");
        PolynomialIdentity.Prove(new Binomial(wrong: false), maxPoints: 9).Proven.ShouldBeTrue();
        PolynomialIdentity.Prove(new Binomial(wrong: false), maxPoints: 8).Reason.ShouldBe("the grid would need 9 points (more than 8)");
    }

    [Fact]
    public void ProvesTheTwoDimensionalDifferenceIdentityWithTheStepSizeAsAVariable()
    {
        var outcome = PolynomialIdentity.Prove(new DifferenceAfterStep());
        outcome.Proven.ShouldBeTrue();
        outcome.Degrees.ShouldBe([2, 2, 1]);
        outcome.Points.ShouldBe(18);
    }

    [Fact]
    public void AWrongIdentityGetsAnExactCounterexample()
    {
        var outcome = PolynomialIdentity.Prove(new Binomial(wrong: true));
        outcome.Proven.ShouldBeFalse();
        outcome.Counterexample.ShouldNotBeNull();
        var x = outcome.Counterexample!;
        (x[0] * x[1]).IsZero.ShouldBeFalse(); // the residual is xy
        outcome.Points.ShouldBeGreaterThan(0);
        outcome.Describe().ShouldBe($"not an identity: the value at ({x[0]}, {x[1]}) is not 0");
    }

    /// <summary>Π_{j&lt;d} (x − vⱼ) over the first d grid values 0, 1, −1, 2, …: zero there, not identically.</summary>
    private sealed class VanishingOnAllButOne(int d) : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> x)
        {
            T p = T.FromInt(1);
            for (int j = 0; j < d; j++) p *= x[0] - T.FromInt(j % 2 == 1 ? (j + 1) / 2 : -(j / 2));
            return p;
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void APolynomialVanishingOnAllButOneGridValueIsRefutedAtTheLastOne(int d)
    {
        // Degree d: the grid has d + 1 distinct values, and the polynomial is zero on the first d only.
        var outcome = PolynomialIdentity.Prove(new VanishingOnAllButOne(d));
        outcome.Proven.ShouldBeFalse();
        outcome.Degrees.ShouldBe([d]);
        outcome.Points.ShouldBe(d + 1);
    }

    [Fact]
    public void NonPolynomialsBranchesAndHugeGridsAreNotProven()
    {
        var root = new Formula(1, x => DegreeBound.Sqrt(x[0]), x => x[0]);
        var r = PolynomialIdentity.Prove(root);
        r.Proven.ShouldBeFalse();
        r.Reason.ShouldContain("not a polynomial");
        var branch = new Formula(1, x => DegreeBound.ToDouble(x[0]) > 0 ? x[0] : -x[0], x => x[0]);
        var b = PolynomialIdentity.Prove(branch);
        b.Proven.ShouldBeFalse();
        b.Reason.ShouldContain("branches");
        var huge = new Formula(2, x => Scalar.Pow(x[0], 2000) * Scalar.Pow(x[1], 2000), x => x[0]);
        var h = PolynomialIdentity.Prove(huge);
        h.Proven.ShouldBeFalse();
        h.Reason.ShouldContain("points");
        h.Describe().ShouldStartWith("not proven");
    }

    /// <summary>
    /// One GD step on ½(xy − 1)² with η a third variable, against the printed updates of x − y and x + y:
    /// (x − y)(1 + η(xy − 1)) and (x + y)(1 − η(xy − 1)); <paramref name="wrongSecond"/> flips the second sign.
    /// </summary>
    private sealed class SumAndDifferenceAfterStep(bool wrongSecond) : IMap
    {
        public int Dimension => 3;
        public T[] Apply<T>(ReadOnlySpan<T> p) where T : IScalar<T>
        {
            var next = new GradientDescentFamily(ScalarFactorization.Instance).Apply<T>([p[0], p[1]], p[2]);
            T r = p[0] * p[1] - T.FromInt(1), one = T.FromInt(1);
            var secondFactor = wrongSecond ? one + p[2] * r : one - p[2] * r;
            return [next[0] - next[1] - (p[0] - p[1]) * (one + p[2] * r), next[0] + next[1] - (p[0] + p[1]) * secondFactor];
        }
    }

    /// <summary>Components of different degrees: x² − x·x (degree 2 in x) and y³ − y·y·y (degree 3 in y), plus a wrong one if asked.</summary>
    private sealed class MixedDegrees(bool wrong) : IMap
    {
        public int Dimension => 2;
        public T[] Apply<T>(ReadOnlySpan<T> p) where T : IScalar<T>
        {
            T x = p[0], y = p[1];
            T[] ok = [x * x - x * x, y * y * y - y * y * y];
            return wrong ? [.. ok, x * y * y - y] : ok;
        }
    }

    [Fact]
    public void ProvesEveryComponentOfAVectorIdentity()
    {
        var outcome = PolynomialIdentity.Prove(new SumAndDifferenceAfterStep(wrongSecond: false));
        outcome.Proven.ShouldBeTrue();
        outcome.Degrees.ShouldBe([2, 2, 1]);
        outcome.Points.ShouldBe(18);
        // The degree in each variable is the largest over the components (2 in x from the first, 3 in y from the second).
        var mixed = PolynomialIdentity.Prove(new MixedDegrees(wrong: false));
        mixed.Proven.ShouldBeTrue();
        mixed.Degrees.ShouldBe([2, 3]);
        mixed.Points.ShouldBe(12);
    }

    [Fact]
    public void AVectorIdentityFailsIfAnyComponentFails()
    {
        var outcome = PolynomialIdentity.Prove(new SumAndDifferenceAfterStep(wrongSecond: true));
        outcome.Proven.ShouldBeFalse();
        var x = outcome.Counterexample!;
        // The second component is then 2η(xy − 1)(x + y): nonzero exactly off those three zero sets.
        (x[2] * (x[0] * x[1] - 1) * (x[0] + x[1])).IsZero.ShouldBeFalse();
        var mixed = PolynomialIdentity.Prove(new MixedDegrees(wrong: true));
        mixed.Proven.ShouldBeFalse();
        mixed.Degrees.ShouldBe([2, 3]);
        // xy² − y vanishes at x = 0 only where y = 0: the first point off that set is (0, 1) (grid order 0, 1, −1, … in x fastest).
        mixed.Counterexample.ShouldBe([Rational.Zero, Rational.One]);
        mixed.Points.ShouldBe(4);
    }

    [Fact]
    public void DegreeBoundsFollowTheArithmetic()
    {
        DegreeBound x = DegreeBound.Variable(0), y = DegreeBound.Variable(1), c = DegreeBound.FromInt(3);
        var p = (x * x * y + c) / c - y;
        p.IsPolynomial.ShouldBeTrue();
        p.DegreeIn(0).ShouldBe(2);
        p.DegreeIn(1).ShouldBe(1);
        p.DegreeIn(5).ShouldBe(0);
        (-p).DegreeIn(0).ShouldBe(2);
        p.ToString().ShouldBe("degrees (2, 1)");
        (x / y).IsPolynomial.ShouldBeFalse();
        (x / y).ToString().ShouldBe("not a polynomial");
        (DegreeBound.Sqrt(x) + c).IsPolynomial.ShouldBeFalse();
        DegreeBound.Exp(c).IsPolynomial.ShouldBeTrue();
        foreach (var f in new Func<DegreeBound, DegreeBound>[] { DegreeBound.Sqrt, DegreeBound.Exp, DegreeBound.Log, DegreeBound.Sin, DegreeBound.Cos, DegreeBound.Tanh, DegreeBound.Atan, DegreeBound.Acos, DegreeBound.Abs })
        {
            f(x).IsPolynomial.ShouldBeFalse();
            f(DegreeBound.FromDouble(0.5)).IsPolynomial.ShouldBeTrue();
        }
        long before = DegreeBound.ValueReads;
        double.IsNaN(DegreeBound.ToDouble(x)).ShouldBeTrue();
        DegreeBound.ValueReads.ShouldBe(before + 1);
        DegreeBound.Constant.ToString().ShouldBe("degrees ()");
    }
}
