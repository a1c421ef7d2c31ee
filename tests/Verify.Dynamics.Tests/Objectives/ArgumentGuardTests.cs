using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Objectives;

/// <summary>
/// The objectives' argument guards: each rejects exactly what it should (the first value past the
/// boundary is rejected, the boundary itself accepted) and says why, in the words a caller reads.
/// </summary>
public sealed class ArgumentGuardTests
{
    private static Matrix<double> M(int rows, int cols) => Matrix<double>.Build.Dense(rows, cols);

    [Fact]
    public void CoupledSeparableModelGuards()
    {
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([], 1, []))
            .Message.ShouldBe("Need at least one direction and width at least 1.");
        new CoupledSeparableModel([2], 1, []).Dimension.ShouldBe(1);
        var wide = new CoupledSeparableModel([1, 4], 3, [(1, 0)]);
        wide.Dimension.ShouldBe(6);
        wide.Pairs.ShouldBe([(1, 0)]);
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [(2, 0)]))
            .Message.ShouldBe("Pair (2, 0) is not a pair of distinct directions among 2. (Parameter 'pairs')");
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [(0, -1)]));
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [(-1, 0)]));
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [], M(2, 3)))
            .Message.ShouldBe("The basis must be 2×2. (Parameter 'basis')");
        Should.Throw<ArgumentException>(() => new CoupledSeparableModel([1, 1], 1, [], M(3, 2)));
        CoupledSeparableModel.AllPairs(3).ShouldBe([(0, 1), (0, 2), (1, 2)]);
    }

    [Fact]
    public void DeepLinearNetworkGuards()
    {
        var w = new LayerWidths(2, 1);
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[1, 3], new double[1, 3]))
            .Message.ShouldBe("X must have d₀ = 2 rows, got 1.");
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[2, 3]))
            .Message.ShouldBe("Y must have d_h = 1 rows, got 2.");
        Should.Throw<ArgumentException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[1, 2]))
            .Message.ShouldBe("X has 3 samples, Y has 2.");
        Should.Throw<ArgumentOutOfRangeException>(() => new DeepLinearNetwork(w, new double[2, 3], new double[1, 3], 0))
            .Message.ShouldStartWith("The scale of the loss must be positive.");
        var net = new DeepLinearNetwork(w, new double[2, 3], new double[1, 3]);
        Should.Throw<ArgumentException>(() => net.ValueAt([1.0])).Message.ShouldBe("θ must have 2 entries, got 1.");
        var singular = new DeepLinearNetwork(w, new double[,] { { 1, 2 }, { 2, 4 } }, new double[,] { { 1, 1 } });
        Should.Throw<InvalidOperationException>(() => singular.OptimalProduct())
            .Message.ShouldBe("XXᵀ is singular: the minimizer of l is not unique.");
    }

    [Fact]
    public void FactorizedRegressionGuards()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FactorizedRegression(0, [1], [1]))
            .Message.ShouldStartWith("The width d must be at least 1.");
        new FactorizedRegression(1, [1], [1]).Width.ShouldBe(1);
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [1, 2], [1]))
            .Message.ShouldBe("2 inputs but 1 outputs.");
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [], []))
            .Message.ShouldBe("The data set is empty.");
        Should.Throw<ArgumentException>(() => new FactorizedRegression(1, [0, 0], [1, 2]))
            .Message.ShouldBe("All inputs are 0: the loss does not depend on a, b.");
        // One zero input among non-zero ones is fine.
        new FactorizedRegression(2, [0, 1], [1, 2]).Dimension.ShouldBe(4);
    }

    [Fact]
    public void ValleysAndWells()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new FlatOutsideBall(1, 0))
            .Message.ShouldStartWith("The radius must be positive.");
        Should.Throw<ArgumentOutOfRangeException>(() => new FlatOutsideBall(0))
            .Message.ShouldStartWith("Need at least one coordinate.");
        new FlatOutsideBall(1).Dimension.ShouldBe(1);
        Should.Throw<ArgumentOutOfRangeException>(() => new ProductFactorization(1))
            .Message.ShouldStartWith("A product needs at least two factors.");
        Should.Throw<ArgumentOutOfRangeException>(() => new SphereWell(0))
            .Message.ShouldStartWith("The dimension must be positive.");
        Should.Throw<ArgumentException>(() => new RankOneFactorization(new double[0, 2]))
            .Message.ShouldBe("The target matrix is empty.");
        Should.Throw<ArgumentException>(() => new RankOneFactorization(new double[2, 0]));
        Should.Throw<ArgumentOutOfRangeException>(() => new QuarticWell(target: 0))
            .Message.ShouldStartWith("μ must be positive.");
        Should.Throw<ArgumentOutOfRangeException>(() => new QuarticWell(scale: 0))
            .Message.ShouldStartWith("The scale must be positive.");
    }

    [Fact]
    public void IsometryPullbackGuards()
    {
        var motion = new AffineIsometry(ScalarMatrix<Rational>.Identity(3), [0, 0, 0]);
        Should.Throw<ArgumentException>(() => new IsometryPullback(ScalarFactorization.Instance, motion))
            .Message.ShouldBe("The loss has dimension 2, the motion 3.");
    }

    [Fact]
    public void MatrixFactorizations()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new MatrixFactorization(M(1, 1), 0))
            .Message.ShouldStartWith("The inner dimension p must be at least 1.");
        var loss = new MatrixFactorization(M(2, 3), 1);
        Should.Throw<ArgumentException>(() => loss.Pack(M(2, 2), M(1, 3)))
            .Message.ShouldBe("Need X 2×1 and Z 1×3, got X 2×2 and Z 1×3.");
        Should.Throw<ArgumentException>(() => new SymmetricMatrixFactorization(M(1, 2), 1))
            .Message.ShouldStartWith("The target must be square.");
        Should.Throw<ArgumentOutOfRangeException>(() => new SymmetricMatrixFactorization(M(2, 2), 0))
            .Message.ShouldStartWith("X needs at least one column.");
    }

    [Fact]
    public void PerturbedQuadraticGuards()
    {
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(3, (1, [3, 0, 0]))))
            .Message.ShouldBe("The quadratic has 2 variables, the perturbation 3.");
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(new Quadratic([1, 2], Matrix<double>.Build.DenseIdentity(2), [1, 0]), Polynomial.Of(2)))
            .Message.ShouldBe("The quadratic's minimizer must be 0. (Parameter 'quadratic')");
        Should.Throw<ArgumentException>(() => new PerturbedQuadratic(Quadratic.Diagonal(1, 2), Polynomial.Of(2, (1, [1, 1]))))
            .Message.ShouldBe("The perturbation must have only terms of degree ≥ 3 (it has degree 2), so that ∇f(0) = 0 and ∇²f(0) = A. (Parameter 'perturbation')");
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 0, 2, 0.01))
            .Message.ShouldBe("Need 0 < lo < hi, got [0, 2].");
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 2, 2, 0.01));
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 4, 1, 2, 0.5))
            .Message.ShouldBe("Gaps of 0.5 between 4 eigenvalues do not fit comfortably in [1, 2].");
        // minGap·(n − 1) = (hi − lo)/2 exactly is already too tight; a hair below fits.
        Should.Throw<ArgumentException>(() => PerturbedQuadratic.RandomSpectrum(new Random(9), 3, 1, 2, 0.25));
        var s = PerturbedQuadratic.RandomSpectrum(new Random(9), 3, 1, 3, 0.24);
        s.Length.ShouldBe(3);
        s.ShouldAllBe(v => v >= 1 && v <= 3);
        s.Zip(s.Skip(1), (x, y) => y - x).ShouldAllBe(g => g >= 0.24);
    }

    [Fact]
    public void PolynomialGuards()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new Polynomial(0, []))
            .Message.ShouldStartWith("A polynomial needs at least one variable.");
        Should.Throw<ArgumentException>(() => Polynomial.Of(2, (1, [1, 0, 0])))
            .Message.ShouldBe("Monomial 1·x1 has 3 exponents, the polynomial 2 variables.");
        Should.Throw<ArgumentException>(() => Polynomial.Of(2, (1, [-1, 2])))
            .Message.ShouldBe("Monomial 1·x1^-1·x2^2 has a negative exponent.");
    }

    [Fact]
    public void QuadraticGuards()
    {
        Should.Throw<ArgumentException>(() => new Quadratic([], M(0, 0)))
            .Message.ShouldStartWith("A quadratic needs at least one variable.");
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], M(2, 3)))
            .Message.ShouldBe("The eigenbasis must be 2×2. (Parameter 'eigenbasis')");
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], M(3, 2)));
        var skew = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, 2 } });
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], skew))
            .Message.ShouldBe("The eigenbasis is not orthonormal (‖QᵀQ − I‖∞ = 3). (Parameter 'eigenbasis')");
        Should.Throw<ArgumentException>(() => new Quadratic([1, 2], Matrix<double>.Build.DenseIdentity(2), [1]))
            .Message.ShouldBe("The minimizer must have 2 coordinates. (Parameter 'minimizer')");
        // Exactly orthonormal is accepted (‖QᵀQ − I‖∞ = 0 ≤ 1e-10).
        new Quadratic([1, 2], Matrix<double>.Build.DenseIdentity(2)).Dimension.ShouldBe(2);
    }

    [Fact]
    public void ScalarModels()
    {
        ScalarModel.Sine.Name.ShouldBe("sin x");
        ScalarModel.Tanh.Name.ShouldBe("tanh x");
        ScalarModel.Exponential.Name.ShouldBe("exp x");
        ScalarModel.Logarithm.Name.ShouldBe("log x");
        ScalarModel.Sigmoid.Name.ShouldBe("sigmoid x");
        ScalarModel.Softplus.Name.ShouldBe("softplus x");
        ScalarModel.Gaussian.Name.ShouldBe("exp(−x²/2)");
        ScalarModel.HyperbolicSine.Name.ShouldBe("sinh x");
        ScalarModel.Monomial(3).Name.ShouldBe("x^3");
        ScalarModel.Monomial(1).At(2).ShouldBe(2);
        Should.Throw<ArgumentOutOfRangeException>(() => ScalarModel.Monomial(0))
            .Message.ShouldStartWith("The degree must be at least 1.");
        Should.Throw<ArgumentException>(() => ScalarModel.Polynomial())
            .Message.ShouldStartWith("A polynomial needs a coefficient.");
    }

    [Fact]
    public void SingleNeuronPopulationLossGuards()
    {
        Should.Throw<ArgumentException>(() => new SingleNeuronPopulationLoss([1]))
            .Message.ShouldStartWith("The input dimension d must be at least 2.");
        new SingleNeuronPopulationLoss([1, 0]).InputDimension.ShouldBe(2);
        Should.Throw<ArgumentException>(() => new SingleNeuronPopulationLoss([0, 0]))
            .Message.ShouldStartWith("The teacher neuron must be non-zero.");
    }

    [Fact]
    public void Networks()
    {
        var widths = new LayerWidths(1, 2, 1);
        Should.Throw<ArgumentException>(() => new TanhNetwork(widths, new double[2, 3], new double[1, 3]))
            .Message.ShouldBe("Need X 1×n and Y 1×n.");
        var net = new TanhNetwork(widths, new double[1, 3], new double[1, 3]);
        Should.Throw<ArgumentException>(() => net.ValueAt([1.0])).Message.ShouldBe($"θ must have {net.Dimension} entries, got 1.");

        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2, 3], 2, [1, 0], 1))
            .Message.ShouldStartWith("The inputs must be N×d.");
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2], 0, [1, 0], 1));
        new TeacherStudent([1, 2], 1, [1], 1).InputDimension.ShouldBe(1);
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2], 2, [1], 1))
            .Message.ShouldStartWith("The teacher must be k×d with k ≥ 1.");
        Should.Throw<ArgumentOutOfRangeException>(() => new TeacherStudent([1, 2], 2, [1, 0], 0))
            .Message.ShouldStartWith("The student needs at least one neuron.");
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2], 2, [1, 0], 1, [1, 1]))
            .Message.ShouldStartWith("1 teacher neurons but 2 output weights.");
        var f = new TeacherStudent([1, 2], 2, [1, 0], 2);
        Should.Throw<ArgumentException>(() => f.Pack([1], new double[4]))
            .Message.ShouldBe("Need 2 output weights and 2×2 neuron weights.");
        var ok = new double[f.Dimension];
        Should.Throw<ArgumentException>(() => f.HessianVectorProduct(ok, new double[1])).Message.ShouldBe($"Need {f.Dimension} coordinates.");
        Should.Throw<ArgumentException>(() => f.HessianVectorProduct(new double[1], ok));
    }

    [Fact]
    public void VectorFactorizations()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new VectorFactorization(0))
            .Message.ShouldStartWith("The width d must be at least 1.");
        Should.Throw<ArgumentOutOfRangeException>(() => new VectorFactorization(1, double.NaN))
            .Message.ShouldStartWith("The target Φ must be finite.");
        Should.Throw<ArgumentException>(() => VectorFactorization.Join<double>([1], [1, 2]))
            .Message.ShouldBe("a has 1 entries, b has 2.");
        Should.Throw<ArgumentException>(() => VectorFactorizationState<Real>.Of(new Real[] { 1 }, new Real[] { 1, 2 }, 1))
            .Message.ShouldBe("a has 1 entries, b has 2.");
    }
}
