using Verify.Dynamics.Differentiation;
using Verify.Dynamics.Statistics;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class TeacherStudentTests
{
    private static TeacherStudent Make(int n = 50, int d = 3, int m = 2)
    {
        var data = UniformSphere.Samples(new Random(1), n, d);
        var teacher = new double[2 * d]; teacher[0] = 1; teacher[d + 1] = 1;
        return new TeacherStudent(data, d, teacher, m);
    }

    [Fact]
    public void ZeroLossAtThePlantedMinimizersAndHomogeneity()
    {
        var f = Make();
        f.Dimension.ShouldBe(2 * 4);
        (f.InputDimension, f.Samples, f.Width).ShouldBe((3, 50, 2));
        f.ValueAt(f.Pack([1, 1], [1, 0, 0, 0, 1, 0])).ShouldBe(0, 1e-30);
        f.ValueAt(f.Pack([2, 0.5], [0.5, 0, 0, 0, 2, 0])).ShouldBe(0, 1e-28);
        f.ValueAt(f.Pack([1, 1], [1, 0, 0, 0, 0.5, 0])).ShouldBeGreaterThan(0);
        f.Targets.Count.ShouldBe(50);
        TeacherStudent.OutputWeights(f.Pack([3, 4], new double[6]), 2).ShouldBe([3.0, 4.0]);
        f.Neuron(f.Pack([3, 4], [1, 2, 3, 4, 5, 6]), 1).ShouldBe([4.0, 5.0, 6.0]);
    }

    [Fact]
    public void ValueIsTheMeanSquaredErrorWithoutAHalf()
    {
        // One point x = e₁, teacher σ(x₁) = 1, student v σ(wᵀx) with v = 3, w = e₁: (3 − 1)² = 4.
        var f = new TeacherStudent([1, 0], 2, [1, 0], 1);
        f.ValueAt([3, 1, 0]).ShouldBe(4);
        f.ValueAt([3, -1, 0]).ShouldBe(1); // inactive neuron: (0 − 1)²
        new TeacherStudent([1, 0], 2, [1, 0], 1, [2]).ValueAt([3, 1, 0]).ShouldBe(1); // teacher output weight 2
    }

    [Fact]
    public void GradientAndHessianVectorProductsMatchAutomaticDifferentiation()
    {
        var f = Make();
        var rng = new Random(7);
        for (int t = 0; t < 5; t++)
        {
            var p = Enumerable.Range(0, f.Dimension).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            var u = Enumerable.Range(0, f.Dimension).Select(_ => rng.NextDouble() * 2 - 1).ToArray();
            var ad = AutoDiff.Gradient<Real>(f, p.Select(x => (Real)x).ToArray());
            f.GradientAt(p).Zip(ad, (a, b) => Math.Abs(a - b.Value)).Max().ShouldBeLessThan(1e-13);
            var h = AutoDiff.Hessian<Real>(f, p.Select(x => (Real)x).ToArray());
            var hu = f.HessianVectorProduct(p, u);
            var generic = HessianVectorProduct.Of(f, p, u);
            for (int i = 0; i < f.Dimension; i++)
            {
                double expected = 0;
                for (int j = 0; j < f.Dimension; j++) expected += h[i, j].Value * u[j];
                hu[i].ShouldBe(expected, 1e-12);
                generic[i].ShouldBe(expected, 1e-12);
            }
        }
        Should.Throw<ArgumentException>(() => f.HessianVectorProduct(new double[3], new double[3]));
    }

    [Fact]
    public void BadShapesAreRejected()
    {
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2, 3], 2, [1, 0], 1));
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2], 2, [1], 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new TeacherStudent([1, 2], 2, [1, 0], 0));
        Should.Throw<ArgumentException>(() => new TeacherStudent([1, 2], 2, [1, 0], 1, [1, 1]));
        var f = Make();
        Should.Throw<ArgumentException>(() => f.Pack([1], new double[6]));
    }
}
