using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Tests.Objectives;

/// <summary>
/// Behaviour at the edges the main tests do not reach: kinks and branch points (ReLU at 0, w = 0, α = π,
/// the boundary of a flat region), non-unit scales that a unit example cannot tell from their inverse,
/// and the exact closed forms of conserved quantities.
/// </summary>
public sealed class ObjectiveEdgeCaseTests
{
    [Fact]
    public void PopulationLossVanishesWhenTheStudentIsTheTeacherForAnyTeacherNorm()
    {
        // ReLU is positively homogeneous: v·σ(wᵀx) = σ(w̃ᵀx) for (v, w) = (1, w̃) and (2, w̃/2).
        var f = new SingleNeuronPopulationLoss([3, 4]);
        f.ValueAt([1, 3, 4]).ShouldBe(0, 1e-13);
        f.ValueAt([2, 1.5, 2]).ShouldBe(0, 1e-13);
        f.GradientAt([1, 3, 4]).ShouldAllBe(g => Math.Abs(g) < 1e-13);
        // w = −w̃ (α = π): no overlap, L = (½v²‖w‖² + ½‖w̃‖²)/d = (½·25 + ½·25)/2.
        f.ValueAt([1, -3, -4]).ShouldBe(12.5, 1e-12);
        f.Reduce([1, -3, -4]).ShouldBe([1, -5, 0]);
    }

    [Fact]
    public void PopulationLossGradientIsTheDerivativeOfItsValueAwayFromUnitNorm()
    {
        var f = new SingleNeuronPopulationLoss([2, 0, 1]);
        foreach (var x in new[] { new[] { 0.7, 1.5, -0.5, 2 }, [-1.2, -0.3, 0.8, 0.1], [0.5, 4, 0, 2] })
        {
            var auto = AutoDiff.Gradient<Real>(f, x.Select(v => new Real(v)).ToArray());
            var closed = f.GradientAt(x);
            for (int i = 0; i < x.Length; i++) closed[i].ShouldBe(auto[i].Value, 1e-12);
        }
    }

    [Fact]
    public void PopulationLossAtTheOriginAndOnTheTeacherRay()
    {
        // The loss is a cone in w at w = 0 (not differentiable there): the closed form says NaN, not a number.
        var f = new SingleNeuronPopulationLoss([2, 0]);
        f.GradientAt([1.5, 0, 0]).Skip(1).ShouldAllBe(g => double.IsNaN(g));
        // w on the teacher ray (w_⊥ = 0 exactly): derivatives through Sqrt(‖w_⊥‖²) must stay finite.
        var auto = AutoDiff.Gradient<Real>(f, [new Real(1), new Real(3), new Real(0)]);
        auto.ShouldAllBe(g => double.IsFinite(g.Value));
        var reduced = new SingleNeuronReducedLoss(2);
        reduced.GradientAt([1.5, 0, 0]).ShouldAllBe(g => double.IsFinite(g));
    }

    [Fact]
    public void AngleAtPiHasAFiniteDerivative()
    {
        // α(w_x, 0) = π for w_x < 0: read as π − atan(w_y/(−w_x)), never atan of w_x/0.
        var a = SingleNeuronPopulationLoss.Angle(Dual<Real>.Variable(-1), Dual<Real>.Constant(0));
        a.Value.Value.ShouldBe(Math.PI);
        a.Derivative.Value.ShouldBe(0);
        SingleNeuronPopulationLoss.Angle(new Real(0), new Real(0)).Value.ShouldBe(0);
        SingleNeuronPopulationLoss.Angle(new Real(1), new Real(1)).Value.ShouldBe(Math.PI / 4, 1e-15);
        SingleNeuronPopulationLoss.Angle(new Real(-1), new Real(1)).Value.ShouldBe(3 * Math.PI / 4, 1e-15);
        SingleNeuronPopulationLoss.Angle(new Real(0), new Real(2)).Value.ShouldBe(Math.PI / 2, 1e-15);
    }

    [Fact]
    public void SampledLossOfTwoSamplesByHand()
    {
        // Two seeded points x₁, x₂ of the sphere: the estimate is the mean of r², r = vσ(wᵀx) − σ(w̃ᵀx),
        // and the standard error of two values l₁, l₂ is |l₁ − l₂|/(2√2).
        double[] teacher = [2, -1], theta = [1.5, 0.3, 0.9];
        var f = new SingleNeuronPopulationLoss(teacher);
        var est = f.EstimateBySampling(theta, 2, new Random(11));
        var rng = new Random(11);
        var l = new double[2];
        var g = new double[2, 3];
        for (int n = 0; n < 2; n++)
        {
            var x = UniformSphere.Sample(rng, 2);
            double zw = theta[1] * x[0] + theta[2] * x[1], zt = teacher[0] * x[0] + teacher[1] * x[1];
            double r = theta[0] * Math.Max(zw, 0) - Math.Max(zt, 0);
            l[n] = r * r;
            g[n, 0] = 2 * r * Math.Max(zw, 0);
            for (int i = 0; i < 2; i++) g[n, i + 1] = zw > 0 ? 2 * r * theta[0] * x[i] : 0;
        }
        est.Samples.ShouldBe(2);
        est.Value.ShouldBe((l[0] + l[1]) / 2, 1e-14);
        est.ValueStandardError.ShouldBe(Math.Abs(l[0] - l[1]) / (2 * Math.Sqrt(2)), 1e-14);
        for (int i = 0; i < 3; i++)
        {
            est.Gradient[i].ShouldBe((g[0, i] + g[1, i]) / 2, 1e-14);
            est.GradientStandardError[i].ShouldBe(Math.Abs(g[0, i] - g[1, i]) / (2 * Math.Sqrt(2)), 1e-14);
        }
    }

    [Fact]
    public void ReluKinkHasZeroDerivative()
    {
        // Neuron 1 sits on the kink for the only input (w₁ᵀx = 0): σ′(0) = 0, so its gradient and its rows
        // of the Hessian are 0, whatever the residual.
        var f = new TeacherStudent([1, 0], 2, [1, 0], 2);
        var theta = f.Pack([1, 1], [0.5, 0.5, 0, 1]);
        var g = f.GradientAt(theta);
        g[1].ShouldBe(0);
        g[4].ShouldBe(0);
        g[5].ShouldBe(0);
        g[0].ShouldNotBe(0);
        var hu = f.HessianVectorProduct(theta, [1, 2, 3, 4, 5, 6]);
        hu[1].ShouldBe(0);
        hu[4].ShouldBe(0);
        hu[5].ShouldBe(0);
        hu[0].ShouldNotBe(0);
        var h = f.HessianAt(theta);
        for (int j = 0; j < 6; j++) { h[1, j].ShouldBe(0); h[4, j].ShouldBe(0); h[5, j].ShouldBe(0); }
        f.ValueAt(theta).ShouldBe(f.ValueAt(f.Pack([1, 7], [0.5, 0.5, 0, 1])));
    }

    [Fact]
    public void FlatOutsideBallIsFlatFromTheBoundaryOn()
    {
        // On the sphere ‖x‖ = R the value part of the gap is 0: the flat branch, so every derivative is 0
        // (the inside branch (R² − ‖x‖²)³ would have third derivative −48 along the radius here).
        var f = new FlatOutsideBall(1);
        var v = f.Value<Taylor<Real>>([Taylor<Real>.Variable(new Real(1), 3)]);
        for (int k = 0; k <= 3; k++) v[k].Value.ShouldBe(0);
        var inside = f.Value<Taylor<Real>>([Taylor<Real>.Variable(new Real(0.5), 3)]);
        inside[0].Value.ShouldBe(0.75 * 0.75 * 0.75);
    }

    [Fact]
    public void QuadraticWithAMinimizerIsCentredThere()
    {
        var q = new Quadratic([1, 4], Matrix<double>.Build.DenseIdentity(2), [1, -2]);
        q.ValueAt([1, -2]).ShouldBe(0);
        // ½(1·2² + 4·1²) at (3, −1).
        q.ValueAt([3, -1]).ShouldBe(4);
        q.Value<Rational>([0, 0]).ShouldBe(new Rational(17, 2));
    }

    [Fact]
    public void TanhNetworkReadsEachLayersWeightsAndBiases()
    {
        // 2 → 2 → 1 with distinct parameters: W₁ (2×2, row-major), b₁, W₂ (1×2), b₂.
        var net = new TanhNetwork(new LayerWidths(2, 2, 1), new double[,] { { 0.5 }, { -1 } }, new double[,] { { 0.3 } });
        double[] p = [0.1, 0.2, 0.3, 0.4, -0.5, 0.6, 0.7, -0.8, 0.9];
        double h0 = Math.Tanh(0.1 * 0.5 + 0.2 * -1 - 0.5), h1 = Math.Tanh(0.3 * 0.5 + 0.4 * -1 + 0.6);
        double o = Math.Tanh(0.7 * h0 - 0.8 * h1 + 0.9);
        net.ValueAt(p).ShouldBe((o - 0.3) * (o - 0.3), 1e-15);
    }

    [Fact]
    public void FlowInvariantInClosedForm()
    {
        // a = (1, 2), b = (3, −1), Φ = 5: ‖a‖² + ‖b‖² = 15, aᵀb = 1, ε = −4:
        // λ² − 8ε(ε + Φ) + 4ε² = 225 + 32 + 64 = 321 = λ² − 4(aᵀb)² + 4Φ².
        var s = VectorFactorizationState<Rational>.Of(new Rational[] { 1, 2 }, new Rational[] { 3, -1 }, 5);
        s.Residual.ShouldBe((Rational)(-4));
        s.FlowInvariant.ShouldBe((Rational)321);
        s.Gap.ShouldBe((Rational)221);
    }

    [Fact]
    public void ScalarModelsAtTheirExtremes()
    {
        // softplus in the branch that cannot overflow: x + log(1 + e^{−x}) for x > 0, log(1 + eˣ) below.
        ScalarModel.Softplus.At(800).ShouldBe(800);
        ScalarModel.Softplus.At(-800).ShouldBe(0);
        ScalarModel.Softplus.At(0).ShouldBe(Math.Log(2));
        ScalarModel.HyperbolicSine.Inverse(double.PositiveInfinity).ShouldBe(double.NaN);
        ScalarModel.Monomial(3).Inverse(0).ShouldBe(double.NaN);
        ScalarModel.Monomial(3).Inverse(8).ShouldBe(2, 1e-15);
        // Coefficients with numerator or denominator at the int range's end stay exact in rationals.
        var big = ScalarModel.RationalPolynomial(new Rational(int.MaxValue, 3), new Rational(1, int.MaxValue));
        big.Apply(Rational.Zero).ShouldBe(new Rational(int.MaxValue, 3));
        big.Apply(Rational.One).ShouldBe(new Rational(int.MaxValue, 3) + new Rational(1, int.MaxValue));
        // Newton finds a root far from 0 and stops once the step vanishes; 1 + x² = 0 has none: NaN, not a hang.
        ScalarModel.Polynomial(0, 1).Inverse(5).ShouldBe(5);
        ScalarModel.Polynomial(0, 1, 0, 1).Inverse(10).ShouldBe(2, 1e-14);
        ScalarModel.Polynomial(1, 0, 1).Inverse(0).ShouldBe(double.NaN);
    }

    [Fact]
    public void PolynomialsPrintTermByTerm()
    {
        new Monomial(2, [3, 0, 1]).ToString().ShouldBe("2·x1^3·x3");
        new Monomial(-0.5, [0, 1, 0]).ToString().ShouldBe("-0.5·x2");
        new Monomial(5, [0, 0]).ToString().ShouldBe("5");
        Polynomial.Of(2, (1, [1, 0]), (2, [0, 2])).ToString().ShouldBe("1·x1 + 2·x2^2");
        new PerturbedQuadratic(Quadratic.Diagonal(1, 2.5), Polynomial.Of(2, (1, [3, 0]))).ToString()
            .ShouldBe("½xᵀAx (λ = [1, 2.5]) + 1·x1^3");
    }

    [Fact]
    public void HessianNormBoundCountsOnlyCurvedTerms()
    {
        // x₁x₂: ∇² = [[0, 1], [1, 0]], ‖·‖_F = √2; x² alone: 2; constants and linear terms: nothing, even at r = 0
        // (where r^(|α|−2) of a constant would be 0^−2 = ∞).
        Polynomial.Of(2, (1, [1, 1])).HessianNormBound(1).ShouldBe(Math.Sqrt(2));
        Polynomial.Of(1, (1, [2])).HessianNormBound(3).ShouldBe(2);
        Polynomial.Of(1, (5, [0]), (1, [1]), (1, [3])).HessianNormBound(0).ShouldBe(0);
        Polynomial.Of(1, (0, [4]), (1, [3])).HessianNormBound(1).ShouldBe(6);
    }

    [Fact]
    public void RandomSpectrumChecksBothEndsAndTheFit()
    {
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 2, 2, 0.01))
            .Message.ShouldBe("Need 0 < lo < hi, got [2, 2].");
        // 0.3·(3 − 1) = 0.6 ≥ (2 − 1)/2: rejected; in [1, 3] it fits (0.6 < 1).
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 3, 1, 2, 0.3))
            .Message.ShouldStartWith("Gaps of 0.3 between 3 eigenvalues");
        PerturbedQuadratic.RandomSpectrum(new Random(9), 3, 1, 3, 0.3).Length.ShouldBe(3);
    }
}
