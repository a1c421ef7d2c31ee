using Verify.Dynamics.Maps;
using Verify.Dynamics.Tests.Maps;
using Verify.Dynamics.Numbers;
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
}
