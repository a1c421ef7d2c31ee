using Verify.Dynamics.Differentiation;

namespace Verify.Dynamics.Tests.Objectives;

public sealed class ValleyObjectivesTests
{
    private static Rational R(int p, int q = 1) => new(p, q);

    [Fact]
    public void SphereWellValueAndClosedFormGradient()
    {
        var f = new SphereWell(3);
        f.Dimension.ShouldBe(3);
        f.Value<Rational>([R(1), R(1), R(1)]).ShouldBe(R(1)); // ¼(3 − 1)²
        f.Value<Rational>([R(3, 5), R(4, 5), R(0)]).ShouldBe(R(0));
        Rational[] w = [R(1, 2), R(-2, 3), R(3)];
        f.Gradient<Rational>(w).ShouldBe(AutoDiff.Gradient<Rational>(f, w));
        f.Gradient<Rational>(w)[2].ShouldBe((R(1, 4) + R(4, 9) + R(9) - 1) * R(3));
        Should.Throw<ArgumentOutOfRangeException>(() => new SphereWell(0));
    }

    [Fact]
    public void ProductFactorizationGeneralizesTheToy()
    {
        var f = new ProductFactorization(3);
        f.Dimension.ShouldBe(3);
        f.Value<Rational>([R(2), R(3), R(1, 6)]).ShouldBe(R(0));
        f.Value<Rational>([R(2), R(3), R(1)]).ShouldBe(R(25, 2));
        foreach (var w in new[] { new[] { R(2), R(-3, 4), R(5, 7) }, new[] { R(0), R(2), R(3) }, new[] { R(1, 2), R(0), R(0) } })
            f.Gradient<Rational>(w).ShouldBe(AutoDiff.Gradient<Rational>(f, w));
        new ProductFactorization(4).Gradient<Rational>([R(1), R(2), R(3), R(4)]).ShouldBe([R(23 * 24), R(23 * 12), R(23 * 8), R(23 * 6)]);
        var two = new ProductFactorization(2);
        two.Value<Rational>([R(2, 3), R(5)]).ShouldBe(ScalarFactorization.Instance.Value<Rational>([R(2, 3), R(5)]));
        Should.Throw<ArgumentOutOfRangeException>(() => new ProductFactorization(1));
    }

    [Fact]
    public void RankOneFactorizationSumsSquaredResiduals()
    {
        var f = new RankOneFactorization(new double[,] { { 1, 2 }, { 3, 4 } });
        (f.Rows, f.Columns, f.Dimension).ShouldBe((2, 2, 4));
        // u = (1, 1), v = (1, 1): residuals 0, −1, −2, −3 → ½(0 + 1 + 4 + 9) = 7.
        f.Value<Rational>([R(1), R(1), R(1), R(1)]).ShouldBe(R(7));
        Rational[] w = [R(1, 2), R(-2), R(3, 5), R(7)];
        f.Gradient<Rational>(w).ShouldBe(AutoDiff.Gradient<Rational>(f, w));
        f.Hessian<Rational>(w).ShouldBe(AutoDiff.Hessian<Rational>(f, w));
        var one = new RankOneFactorization(new double[,] { { 1 } });
        one.Value<Rational>([R(2), R(1, 2)]).ShouldBe(R(0));
        Should.Throw<ArgumentException>(() => new RankOneFactorization(new double[0, 2]));
    }
}
