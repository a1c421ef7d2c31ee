using Verify.Dynamics.Tests.Maps;
using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Sweeps;

public sealed class BifurcationDiagramTests
{

    private static readonly double[] Rs = [2.8, 3.2, 3.5, 3.9, 4.5];

    [Fact]
    public void ClassifiesTheLogisticCascade()
    {
        var columns = BifurcationDiagram.Sweep(Rs, (r, x) => r * x * (1 - x), 0.3, 5000, 128, 16, 1e-9);
        columns.Select(c => c.Parameter).ShouldBe(Rs);
        columns.Select(c => c.Period).ShouldBe(new int?[] { 1, 2, 4, null, null });
        columns.Select(c => c.Diverged).ShouldBe([false, false, false, false, true]);
        columns[1].Attractor.Length.ShouldBe(128);
        columns[1].Attractor.Distinct().Count().ShouldBeLessThanOrEqualTo(4);
        columns[4].Attractor.ShouldBeEmpty();
    }

    [Fact]
    public void TheMapOverloadAgreesWithTheScalarOne()
    {
        var fast = BifurcationDiagram.Sweep(Rs, (r, x) => r * x * (1 - x), 0.3, 3000, 64, 8, 1e-9);
        var slow = BifurcationDiagram.Sweep(Rs, r => new LogisticMap(r), [0.3], x => x[0], 3000, 64, 8, 1e-9);
        slow.Select(c => c.Period).ShouldBe(fast.Select(c => c.Period));
        slow.Select(c => c.Diverged).ShouldBe(fast.Select(c => c.Diverged));
        slow[2].Attractor.ShouldBe(fast[2].Attractor);
    }

    [Fact]
    public void GridIsEvenlySpacedAndInclusive()
    {
        BifurcationDiagram.Grid(1, 2, 5).ShouldBe([1, 1.25, 1.5, 1.75, 2]);
        BifurcationDiagram.Grid(3, 7, 1).ShouldBe([3.0]);
    }

    /// <summary>x ↦ p·x as a map of ℝ¹.</summary>
    private sealed class Scaling(double p) : IMap
    {
        public int Dimension => 1;
        public T[] Apply<T>(ReadOnlySpan<T> x) where T : IScalar<T> => [T.FromDouble(p) * x[0]];
    }

    [Fact]
    public void BurnInAndKeepCountStepsExactly()
    {
        // x ↦ −x from 1: after an odd burn-in the kept points start at −1; 5 points are kept.
        var fast = BifurcationDiagram.Sweep([-1.0], (p, x) => p * x, 1, 3, 5, 2, 1e-12);
        fast[0].Attractor.ShouldBe([-1, 1, -1, 1, -1]);
        fast[0].Period.ShouldBe(2);
        var slow = BifurcationDiagram.Sweep([-1.0], p => new Scaling(p), [1.0], x => x[0], 3, 5, 2, 1e-12);
        slow[0].Attractor.ShouldBe([-1, 1, -1, 1, -1]);
        slow[0].Period.ShouldBe(2);
    }

    [Fact]
    public void ReachingTheEscapeRadiusIsNotEscaping()
    {
        // |x| = escape stays bounded; just beyond it diverges (in the burn-in, the kept points, or after them).
        BifurcationDiagram.Sweep([1.0], (p, x) => p * x, 4, 2, 3, 1, 1e-12, escape: 4)[0].Diverged.ShouldBeFalse();
        BifurcationDiagram.Sweep([1.0], p => new Scaling(p), [4.0], x => x[0], 2, 3, 1, 1e-12, escape: 4)[0].Diverged.ShouldBeFalse();
        // x ↦ 2x from 1 with escape 8: 1, 2 burn-in; kept 4, 8; next 16 > 8 escapes after the kept window.
        var late = BifurcationDiagram.Sweep([2.0], (p, x) => p * x, 1, 2, 2, 1, 1e-12, escape: 8)[0];
        late.Diverged.ShouldBeTrue();
        late.Attractor.ShouldBeEmpty();
        late.Period.ShouldBeNull();
        BifurcationDiagram.Sweep([2.0], p => new Scaling(p), [1.0], x => x[0], 2, 2, 1, 1e-12, escape: 8)[0].Diverged.ShouldBeTrue();
        // One more kept point than fits: 4, 8, 16 — the third is beyond the radius.
        BifurcationDiagram.Sweep([2.0], (p, x) => p * x, 1, 2, 3, 1, 1e-12, escape: 16)[0].Diverged.ShouldBeTrue();
        BifurcationDiagram.Sweep([2.0], (p, x) => p * x, 1, 2, 2, 1, 1e-12, escape: 16)[0].Diverged.ShouldBeFalse();
    }
}
