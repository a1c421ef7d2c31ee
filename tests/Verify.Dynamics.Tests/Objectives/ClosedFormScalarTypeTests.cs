using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Geometry;

namespace Verify.Dynamics.Tests.Objectives;

/// <summary>
/// The closed-form gradients and Hessians run in every <see cref="IScalar{T}"/>, including a reference
/// type (Taylor jets, whose default is null): every entry is initialised, and the value parts agree
/// with the double computation.
/// </summary>
public sealed class ClosedFormScalarTypeTests
{
    public static TheoryData<string> Names => new(Cases.Keys);

    private static readonly Dictionary<string, (Objective F, double[] X)> Cases = new()
    {
        ["polynomial"] = (Polynomial.Of(3, (2, [3, 0, 0]), (-1, [1, 1, 1]), (0.5, [0, 2, 0])), [0.5, -1.5, 2]),
        ["matrix factorization"] = (new MatrixFactorization(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { -1, 0.5, 3 } }), 2),
            [0.3, -0.7, 1.1, 0.2, -0.4, 0.9, 0.6, -1.2, 0.8, 0.5]),
        ["symmetric matrix factorization"] = (new SymmetricMatrixFactorization(Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 3 } }), 2),
            [0.3, -0.7, 1.1, 0.2]),
        ["rank one"] = (new RankOneFactorization(new double[,] { { 1, 2 }, { 3, 4 } }), [0.5, -1, 1.5, 2]),
        ["quadratic"] = (Quadratic.WithRandomBasis([1, 2, 5], new Random(4)), [0.2, -0.4, 0.9]),
        ["perturbed quadratic"] = (new PerturbedQuadratic(Quadratic.Diagonal(1, 3), Polynomial.Of(2, (1, [3, 0]), (-2, [1, 2]))), [0.4, -0.3]),
        ["teacher student"] = (new TeacherStudent([1, 2, -1, 0.5, 0.3, -2], 2, [1, -1], 2), [0.5, -0.8, 0.7, -0.2, 0.4, 1.1]),
        ["deep linear"] = (new DeepLinearNetwork(new LayerWidths(2, 2, 1), new double[,] { { 1, 2, 0 }, { 0, 1, 3 } }, new double[,] { { 1, -1, 2 } }),
            [0.3, -0.7, 1.1, 0.2, -0.4, 0.9]),
        ["product"] = (new ProductFactorization(3), [0.5, 1.5, -2]),
        ["quartic well"] = (QuarticWell.Instance, [0.7]),
        ["sphere well"] = (new SphereWell(3), [0.5, 1.5, -2]),
        ["vector factorization"] = (new VectorFactorization(2, 1.5), [0.5, 1.5, -2, 0.25]),
        ["population loss"] = (new SingleNeuronPopulationLoss([1, 2]), [0.5, 1.5, -2]),
        ["scalar factorization"] = (ScalarFactorization.Instance, [0.5, 3]),
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void GradientAndHessianInTaylorJetsMatchDoubles(string name)
    {
        var (f, x) = Cases[name];
        var jets = x.Select(v => Taylor<Real>.Constant(new Real(v))).ToArray();
        var g = f.Gradient<Taylor<Real>>(jets);
        var h = f.Hessian<Taylor<Real>>(jets);
        var gd = f.GradientAt(x);
        var hd = f.HessianAt(x);
        g.Length.ShouldBe(f.Dimension);
        for (int i = 0; i < g.Length; i++)
        {
            g[i][0].Value.ShouldBe(gd[i], 1e-12 * (1 + Math.Abs(gd[i])));
            for (int j = 0; j < g.Length; j++) h[i, j][0].Value.ShouldBe(hd[i, j], 1e-12 * (1 + Math.Abs(hd[i, j])));
        }
    }
}
