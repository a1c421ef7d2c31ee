namespace Verify.Dynamics.Tests.Analysis;

public sealed class BoundingSequencesTests
{
    [Fact]
    public void FirstStepsByHand()
    {
        // z₀ = −2, w₀ = 1, Φ = 1, η = 0.1: M₀ = max{1, 4 − 2} = 2, z₁ = (1 − 0.15)(−2) = −1.7, w₁ = (1 − 0.04)·1 = 0.96.
        var s = BoundingSequences.Generate(-2, 1, 1, 0.1);
        s.M[0].ShouldBe(2);
        s.Z[1].ShouldBe(-1.7, 1e-15);
        s.W[1].ShouldBe(0.96, 1e-15);
        // M₁ = max{0.96, 3.4 − 2} = 1.4.
        s.M[1].ShouldBe(1.4, 1e-15);
        s.Tau1.ShouldBeGreaterThan(1);
        s.Z[s.Tau1].ShouldBeGreaterThan(-1);
        s.Z[s.Tau1 - 1].ShouldBeLessThanOrEqualTo(-1);
        s.Z.Length.ShouldBe(s.Tau1 + 1);
        s.M.Length.ShouldBe(s.Tau1);
    }

    [Fact]
    public void WithoutTheScaleTermMIsW()
    {
        var s = BoundingSequences.Generate(-2, 1, 1, 0.1, scaleTerm: false);
        s.M[0].ShouldBe(1);
        s.Z[1].ShouldBe(-2 * (1 - 0.075), 1e-15);
        s.M.Zip(s.W).All(p => p.First == p.Second).ShouldBeTrue();
    }

    [Fact]
    public void ReportsWhenTheBoundIsNeverPassed()
    {
        var s = BoundingSequences.Generate(-2, 0, 1, 0.1, scaleTerm: false, maxSteps: 50);
        s.Tau1.ShouldBe(-1);
        s.Z.Length.ShouldBe(51);
        BoundingSequences.Generate(-0.5, 1, 1, 0.1).Tau1.ShouldBe(0);
    }

    [Fact]
    public void TheScaleTermAndTheBoundaryZEqualsMinusTarget()
    {
        // Φ = 2, z₀ = −3, w₀ = 0: M₀ = max(w₀, −2z₀ − 2Φ) = 2 (not −2z₀ − 2/Φ = 5).
        var s = BoundingSequences.Generate(-3, 0, 2, 0.1, maxSteps: 1);
        s.M[0].ShouldBe(2);
        s.Z[1].ShouldBe((1 - 0.75 * 0.1 * 2) * -3);
        // z = −Φ exactly has not passed −Φ: the sequence goes on from there…
        var at = BoundingSequences.Generate(-1, 1, 1, 0.5);
        at.Z.Length.ShouldBeGreaterThan(1);
        at.Tau1.ShouldBeGreaterThan(0);
        // …and, with no step allowed, it has not passed.
        BoundingSequences.Generate(-1, 1, 1, 0.5, maxSteps: 0).Tau1.ShouldBe(-1);
    }
}
