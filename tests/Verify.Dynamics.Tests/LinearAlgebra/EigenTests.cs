using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class EigenTests
{
    private static readonly Matrix<double> Symmetric = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1, 2 } });

    [Fact]
    public void SymmetricValuesAreAscending()
    {
        var values = Eigen.SymmetricValues(Symmetric);
        values[0].ShouldBe(1, 1e-14);
        values[1].ShouldBe(3, 1e-14);
    }

    [Fact]
    public void SymmetricTopIsTheLargestPairWithAUnitVector()
    {
        var (value, vector) = Eigen.SymmetricTop(Matrix<double>.Build.DenseOfArray(new double[,] { { 5, 0, 0 }, { 0, -7, 0 }, { 0, 0, 1 } }));
        value.ShouldBe(5, 1e-14);
        Math.Abs(vector[0]).ShouldBe(1, 1e-14);
        (Symmetric * Vector<double>.Build.DenseOfArray(Eigen.SymmetricTop(Symmetric).Vector) - 3 * Vector<double>.Build.DenseOfArray(Eigen.SymmetricTop(Symmetric).Vector)).L2Norm().ShouldBeLessThan(1e-14);
    }

    [Fact]
    public void GeneralValuesIncludeComplexPairs()
    {
        var rotation = Eigen.Values(new double[,] { { 0, -1 }, { 1, 0 } });
        rotation.Select(z => z.Imaginary).Order().ShouldBe([-1, 1], tolerance: 1e-14);
        rotation.ShouldAllBe(z => Math.Abs(z.Real) < 1e-14);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void ANonFiniteEntryGivesNaNNotAnException(double bad)
    {
        var m = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 0 }, { 0, bad } });
        Eigen.IsFinite(m).ShouldBeFalse();
        Eigen.IsFinite(Symmetric).ShouldBeTrue();
        Eigen.SymmetricValues(m).ShouldAllBe(v => double.IsNaN(v));
        Eigen.SymmetricValues(m).Length.ShouldBe(2);
        var (value, vector) = Eigen.SymmetricTop(m);
        double.IsNaN(value).ShouldBeTrue();
        vector.Length.ShouldBe(2);
        vector.ShouldAllBe(v => double.IsNaN(v));
        var general = Eigen.Values(m.ToArray());
        general.Length.ShouldBe(2);
        general.ShouldAllBe(z => double.IsNaN(z.Real) && double.IsNaN(z.Imaginary));
    }
}
