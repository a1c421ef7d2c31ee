using Verify.Dynamics.Certification;
using static Verify.Dynamics.Tests.Certification.TestMaps;

namespace Verify.Dynamics.Tests.Certification;

public sealed class PeriodicOrbitCertificateTests
{
    private static IMap QuarticGd(Rational eta) => new GradientDescentFamily(QuarticWell.Instance).At(eta);

    [Theory]
    [InlineData(21, 20)]
    [InlineData(11, 10)]
    [InlineData(6, 5)]
    public void ProvesTheStablePeriodTwoOrbitOfGradientDescentOnTheQuartic(long p, long q)
    {
        // ¼(x² − 1)² at η = p/q ∈ (1, √5 − 1): a period-2 orbit with multiplier 7 − 4η − 2η² ∈ (−1, 1).
        var eta = Q(p, q);
        var cert = PeriodicOrbitCertificate.Certify(QuarticGd(eta), 2, QuarticOrbit.Lower((double)p / q));
        cert.IsProven.ShouldBeTrue(cert.Describe());
        cert.LeastPeriodProven.ShouldBeTrue();
        cert.Period.ShouldBe(2);
        cert.Orbit.Count.ShouldBe(2);
        foreach (var point in cert.Orbit)
            SignChange(d => QuarticOrbit.Polynomial(eta, d), point[0]).ShouldBeTrue();
        var multiplier = cert.Multipliers!.Clusters.Single();
        multiplier.Value!.Value.ContainsExact(QuarticOrbit.Multiplier(eta)).ShouldBeTrue();
        multiplier.Value.Value.Width.ShouldBeLessThan(1e-12);
        cert.Stability.ShouldBe(Stability.Stable);
        cert.Describe().ShouldContain("proven period-2 orbit");
        cert.Evaluations.ShouldBe(cert.FixedPoint.Evaluations + 1 + 1); // F(E) and one Dual pass
        cert.Describe().ShouldContain(" → ");
    }

    [Fact]
    public void ProvesTheOrbitUnstableBeyondThePeriodFourBoundary()
    {
        var eta = Q(13, 10); // multiplier −79/50 < −1
        var cert = PeriodicOrbitCertificate.Certify(QuarticGd(eta), 2, QuarticOrbit.Lower(1.3));
        cert.IsProven.ShouldBeTrue();
        cert.Multipliers!.Clusters.Single().Value!.Value.ContainsExact(Q(-79, 50)).ShouldBeTrue();
        cert.Stability.ShouldBe(Stability.Unstable);
    }

    [Fact]
    public void BelowTheThresholdThereIsNoPeriodTwoOrbitToCertify()
    {
        // Negative control: at η = 9/10 the only nearby fixed point of F² is the minimum x = 1, a fixed point of F.
        var cert = PeriodicOrbitCertificate.Certify(QuarticGd(Q(9, 10)), 2, 0.8);
        cert.FixedPoint.IsProven.ShouldBeTrue(); // x = 1 is a fixed point of F², uniquely, in its box …
        cert.LeastPeriodProven.ShouldBeFalse();  // … but F(E) meets E: not a period-2 orbit.
        cert.IsProven.ShouldBeFalse();
        cert.Stability.ShouldBe(Stability.Undecided);
        cert.Describe().ShouldContain("the least period is not proven to be 2");
    }

    [Fact]
    public void AWrongGuessOrAMapWithoutOrbitsIsNotCertified()
    {
        var cert = PeriodicOrbitCertificate.Certify(new NoRootMap(), 2, 0.3);
        cert.IsProven.ShouldBeFalse();
        cert.LeastPeriodProven.ShouldBeFalse();
        cert.Multipliers.ShouldBeNull();
        cert.Stability.ShouldBe(Stability.Undecided);
        cert.Orbit.ShouldBeEmpty();
        cert.Describe().ShouldContain("not proven");
    }

    /// <summary>x ↦ x + 1: no periodic points at all.</summary>
    private sealed class NoRootMap : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [x[0] + T.FromInt(1)];
    }

    [Fact]
    public void ProvesTheLogisticTwoCycleAndItsExactMultiplier()
    {
        // r = 16/5: multiplier −r² + 2r + 4 = 4/25.
        var cert = PeriodicOrbitCertificate.Certify(new Logistic().At(Q(16, 5)), 2, 0.5);
        cert.IsProven.ShouldBeTrue();
        cert.Multipliers!.Clusters.Single().Value!.Value.ContainsExact(Q(4, 25)).ShouldBeTrue();
        cert.Stability.ShouldBe(Stability.Stable);
    }

    [Fact]
    public void ProvesTheBalancedOrbitOfTheTwoDimensionalFactorization()
    {
        // ½(xy − 1)² at η = 11/10: the orbit {(δ₁, δ₁), (δ₂, δ₂)} with the quartic's δ (same map on x = y);
        // multipliers 7 − 4η − 2η² = 9/50 along the diagonal and (1 + η(δ₁² − 1))(1 + η(δ₂² − 1)) = 3 − 2η = 4/5 across.
        var eta = Q(11, 10);
        var map = new GradientDescentFamily(ScalarFactorization.Instance).At(eta);
        double d = QuarticOrbit.Lower(1.1);
        var cert = PeriodicOrbitCertificate.Certify(map, 2, [d, d]);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        foreach (var point in cert.Orbit)
            foreach (var coordinate in point)
                SignChange(x => QuarticOrbit.Polynomial(eta, x), coordinate).ShouldBeTrue();
        var values = cert.Multipliers!.Clusters.Select(c => c.Value!.Value).ToArray();
        values.Length.ShouldBe(2);
        values.Count(v => v.ContainsExact(Q(9, 50))).ShouldBe(1);
        values.Count(v => v.ContainsExact(Q(4, 5))).ShouldBe(1);
        cert.Stability.ShouldBe(Stability.Stable);
        cert.Multipliers.SpectralRadiusBound.ShouldBeLessThan(0.81);
    }

    [Fact]
    public void AFixedPointIsAPeriodOneOrbit()
    {
        // The minimum x = 1 of the quartic at η = 1/2: multiplier 1 − 2η = 0.
        var cert = PeriodicOrbitCertificate.Certify(QuarticGd(Q(1, 2)), 1, 0.9);
        cert.IsProven.ShouldBeTrue();
        cert.Orbit.Count.ShouldBe(1);
        cert.Orbit[0][0].ContainsExact(Rational.One).ShouldBeTrue();
        cert.Multipliers!.Clusters.Single().Value!.Value.ContainsExact(Rational.Zero).ShouldBeTrue();
        cert.Stability.ShouldBe(Stability.Stable);
        Should.Throw<ArgumentOutOfRangeException>(() => PeriodicOrbitCertificate.Certify(QuarticGd(Q(1, 2)), 0, 0.9)).Message.ShouldStartWith("Iterate at least once.");
    }

    [Fact]
    public void ProvesAPeriodTwoOrbitOfAGaugeFreeMatrixFactorization()
    {
        // ¼‖xxᵀ − Y‖² with x ∈ ℝ² (rank one: only the sign symmetry x ↦ −x, so orbits are isolated) and
        // Y = diag(1, 1/4). Along e₁ it is the quartic, so the orbit is (δ, 0); across, the two-step multiplier
        // is (1 − η(δ₁² − ¼))(1 − η(δ₂² − ¼)) = a² − a(η + 1) + 1 with a = 1 + η/4 (δ₁² + δ₂² = (η + 1)/η, δ₁²δ₂² = 1/η²).
        var y = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DiagonalOfDiagonalArray([1, 0.25]);
        var map = new GradientDescentFamily(new SymmetricMatrixFactorization(y, columns: 1)).At(Q(11, 10));
        var cert = PeriodicOrbitCertificate.Certify(map, 2, [QuarticOrbit.Lower(1.1), 0.01]);
        cert.IsProven.ShouldBeTrue(cert.Describe());
        cert.Orbit[0][1].ContainsExact(Rational.Zero).ShouldBeTrue();
        var values = cert.Multipliers!.Clusters.Select(c => c.Value!.Value).ToArray();
        values.Count(v => v.ContainsExact(QuarticOrbit.Multiplier(Q(11, 10)))).ShouldBe(1);
        Rational eta = Q(11, 10), a = 1 + eta / 4;
        values.Count(v => v.ContainsExact(a * a - a * (eta + 1) + 1)).ShouldBe(1); // −83/1600
        cert.Stability.ShouldBe(Stability.Stable);
    }
}
