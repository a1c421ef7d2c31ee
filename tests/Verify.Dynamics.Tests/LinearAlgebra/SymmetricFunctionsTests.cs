using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.LinearAlgebra;

namespace Verify.Dynamics.Tests.LinearAlgebra;

public sealed class SymmetricFunctionsTests
{
    [Fact]
    public void PowersAndExponentialsOfSymmetricMatrices()
    {
        var a = Matrix<double>.Build.DenseOfArray(new[,] { { 4.0, 1 }, { 1, 3 } });
        var half = SymmetricFunctions.Power(a, 0.5);
        (half * half - a).FrobeniusNorm().ShouldBeLessThan(1e-13);
        (SymmetricFunctions.Power(a, -0.5) * half - Matrix<double>.Build.DenseIdentity(2)).FrobeniusNorm().ShouldBeLessThan(1e-13);
        var s = Matrix<double>.Build.DenseOfArray(new[,] { { 0.3, -0.2 }, { -0.2, 0.1 } });
        (SymmetricFunctions.Exp(s) * SymmetricFunctions.Exp(-s) - Matrix<double>.Build.DenseIdentity(2)).FrobeniusNorm().ShouldBeLessThan(1e-14);
        SymmetricFunctions.Exp(Matrix<double>.Build.DenseDiagonal(2, 2, 1.0))[0, 0].ShouldBe(Math.E, 1e-14);
    }
}
