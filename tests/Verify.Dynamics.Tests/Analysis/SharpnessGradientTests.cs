using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.Tests.Analysis;

public sealed class SharpnessGradientTests
{
    private static readonly PerturbedQuadratic Example = new(Quadratic.Diagonal(2, 1), Polynomial.Of(2, (1, [2, 1]), (1, [3, 0])));

    [Fact]
    public void GradientOfTheTopEigenvalueAtTheMinimum()
    {
        // ∇²f = [[2 + 2y + 6x, 2x], [2x, 1]]: top eigenvector (1, 0), so ω = (∂ₓH₀₀, ∂ᵧH₀₀) = (6, 2).
        SharpnessGradient.At(Example, [0, 0]).ShouldBe([6, 2], tolerance: 1e-12);
        var (value, vector) = SharpnessGradient.TopEigenpair(Example, [0, 0]);
        value.ShouldBe(2, 1e-14);
        Math.Abs(vector[0]).ShouldBe(1, 1e-14);
        SharpnessGradient.HessianDerivative(Example, [0.1, 0.2], 0).ShouldBe(Matrix<double>.Build.DenseOfArray(new double[,] { { 6, 2 }, { 2, 0 } }));
    }

    [Fact]
    public void MatchesCentralDifferencesAwayFromTheMinimum()
    {
        var f = PerturbedQuadratic.Random(new Random(10), 4);
        double[] x = [0.03, -0.02, 0.01, 0.04];
        var omega = SharpnessGradient.At(f, x);
        for (int j = 0; j < 4; j++)
        {
            double h = 1e-6;
            var p = x.ToArray(); p[j] += h; var m = x.ToArray(); m[j] -= h;
            omega[j].ShouldBe((Sharpness.At(f, p) - Sharpness.At(f, m)) / (2 * h), 1e-6);
        }
    }

    [Fact]
    public void EigenvalueShiftEqualsTheDifferenceOfEigenvalues()
    {
        var rng = new Random(11);
        var q = Quadratic.WithRandomBasis([1, 2, 3], rng);
        var e = Matrix<double>.Build.Dense(3, 3, (i, j) => 0.01 * (i + j + 1));
        var vectors = Enumerable.Range(0, 3).Select(q.Eigenvector).ToArray();
        double mu = EigenvalueShift.OfTop(q.Eigenvalues, vectors, e);
        mu.ShouldBe(Sharpness.Spectrum(q.Matrix + e)[^1] - 3, 1e-13);
        EigenvalueShift.OfTop(q.Eigenvalues, vectors, e / 1e-3, 1e-3).ShouldBe(mu / 1e-3 / 1e-3 * 1e-3, 1e-9);
        // Scale 0: the first-order term vᵀE′v.
        var v = Vector<double>.Build.DenseOfArray(vectors[2]);
        EigenvalueShift.OfTop(q.Eigenvalues, vectors, e, 0).ShouldBe(e.Multiply(v).DotProduct(v), 1e-15);
        EigenvalueShift.OfTop([5], [new[] { 1.0 }], Matrix<double>.Build.Dense(1, 1, 0.25)).ShouldBe(0.25);
        // Too large a perturbation for the top eigenvalue to stay separated: NaN, not an exception.
        double.IsNaN(EigenvalueShift.OfTop([1, 1.0001], [new[] { 1.0, 0 }, [0, 1.0]], Matrix<double>.Build.DenseOfArray(new double[,] { { 0, 50 }, { 50, 0 } })))
            .ShouldBeTrue();
    }
}
