using Verify.Claims;
using Verify.Dynamics.Numbers;
using Verify.Dynamics.Objectives;

namespace Verify.Specs.Phase;

/// <summary>Specs of seeds/000_e93ee7fa783263bf.txt (the phase-portrait blog post).</summary>
public sealed class PhasePortraitSpecs : ClaimSpec
{
    private static readonly ScalarFactorization Loss = ScalarFactorization.Instance;

    private static Rational L(Rational x, Rational y) => Loss.Value<Rational>([x, y]);

    [Claim("phase.loss")]
    public void LossValues()
    {
        L(1, 1).ShouldBe(Rational.Zero);
        L(-1, -1).ShouldBe(Rational.Zero);
        L(0, 0).ShouldBe(new Rational(1, 2));
        // Non-convex: the midpoint of two minimizers (1,1), (−1,−1) is the saddle with L = ½ > 0.
        var midpoint = L(0, 0);
        (midpoint > (L(1, 1) + L(-1, -1)) / 2).ShouldBeTrue();
        Evidence.Number("L(1,1)", (double)L(1, 1), 0).Number("L(−1,−1)", (double)L(-1, -1), 0).Number("L(0,0)", (double)L(0, 0), 0.5)
                .Note("Exact rational evaluation; non-convexity shown by L((a+b)/2) > (L(a)+L(b))/2 for a=(1,1), b=(−1,−1).");
        Evidence.NegativeControl("L(0,0) = 1 (dropping the ½)", L(0, 0) == Rational.One);
    }
}
