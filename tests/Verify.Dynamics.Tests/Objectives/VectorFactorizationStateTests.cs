namespace Verify.Dynamics.Tests.Objectives;

public sealed class VectorFactorizationStateTests
{
    [Fact]
    public void ObservablesByHand()
    {
        // a = (1, 2), b = (3, −1), Φ = 2: aᵀb = 1, ε = −1, λ = 5 + 10 = 15, Qᵢ = (−8, 3), Q = 11.
        var s = VectorFactorizationState<Rational>.Of([1, 2], [3, -1], 2);
        s.Product.ShouldBe((Rational)1);
        s.Residual.ShouldBe((Rational)(-1));
        s.SquaredNorm.ShouldBe((Rational)15);
        s.Imbalances.ShouldBe(new Rational[] { -8, 3 });
        s.Imbalance.ShouldBe((Rational)11);
        s.SignedImbalance.ShouldBe((Rational)(-5));
        s.NormA.ShouldBe((Rational)5);
        s.NormB.ShouldBe((Rational)10);
        s.Target.ShouldBe((Rational)2);
        // λ² − 8ε(ε + Φ) + 4ε² = 225 + 8 + 4 = 237 = λ² − 4(aᵀb)² + 4Φ².
        s.FlowInvariant.ShouldBe((Rational)237);
        s.Gap.ShouldBe((Rational)(225 - 4));
    }

    [Fact]
    public void GapIsTheSquaredImbalanceInOneDimension()
    {
        var s = VectorFactorizationState<Rational>.Of([3], [new Rational(1, 2)], 1);
        s.Gap.ShouldBe(s.Imbalance * s.Imbalance);
        var t = VectorFactorizationState<Rational>.Of([1, 0], [0, 1], 1);
        t.Gap.ShouldBe((Rational)4); // (ΣQᵢ)² + 4(‖a‖²‖b‖² − (aᵀb)²) = 0 + 4
        t.Imbalance.ShouldBe((Rational)2);
    }

    [Fact]
    public void FromTheParameterVectorOfAnObjective()
    {
        var f = new VectorFactorization(2, target: 0.5);
        var s = VectorFactorizationState<Real>.Of(f, new Real[] { 1, 2, 3, 4 });
        s.Product.Value.ShouldBe(11);
        s.Residual.Value.ShouldBe(10.5);
        Should.Throw<ArgumentException>(() => VectorFactorizationState<Real>.Of(new Real[] { 1 }, new Real[] { 1, 2 }, 1));
    }
}
