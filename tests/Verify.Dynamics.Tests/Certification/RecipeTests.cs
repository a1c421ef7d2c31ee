using Verify.Dynamics.Certification;

namespace Verify.Dynamics.Tests.Certification;

/// <summary>The recipe of Certification/README.md, as run (without the evidence calls of a spec).</summary>
public sealed class RecipeTests
{
    private sealed class SharpnessMinusTwo : Objective
    {
        public override int Dimension => 1;
        public override T Value<T>(ReadOnlySpan<T> t) => T.Sqrt(t[0] * t[0] + T.FromInt(4)) - T.FromInt(2);
    }

    [Fact]
    public void TheRecipeCertifiesTheQuarticOrbitItsBoundaryAndTheSharpnessBound()
    {
        var family = new GradientDescentFamily(QuarticWell.Instance);
        var gd = family.At(new Rational(11, 10));
        var guess = QuarticWell.Instance.TwoCycle(1.1)!.Value.Lower;
        var orbit = PeriodicOrbitCertificate.Certify(gd, period: 2, guess);
        orbit.IsProven.ShouldBeTrue(orbit.Describe());
        orbit.Stability.ShouldBe(Stability.Stable);
        var m = orbit.Multipliers!.Clusters.Single().Value!.Value;
        m.ContainsExact(new Rational(9, 50)).ShouldBeTrue();
        PeriodicOrbitCertificate.Certify(family.At(new Rational(9, 10)), 2, 0.8).IsProven.ShouldBeFalse();

        var boundary = CriticalParameter.Certify(family, period: 2, multiplier: -1, point: 0.6, parameter: 1.236);
        var claimed = Interval.Sqrt(Interval.FromInt(5)) - Interval.One;
        (boundary.IsProven && Interval.Intersection(boundary.Parameter, claimed) is not null).ShouldBeTrue();
        CriticalParameter.Certify(family, period: 1, multiplier: -1, point: 0.99, parameter: 0.98).Parameter.ContainsExact(1).ShouldBeTrue();

        InequalityProver.ProveAtLeast(new SharpnessMinusTwo(), [new Interval(-10, 10)]).IsProven.ShouldBeTrue();
    }
}
