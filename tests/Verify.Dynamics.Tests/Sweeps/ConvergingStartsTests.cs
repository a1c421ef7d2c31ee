using Verify.Dynamics.Sweeps;

namespace Verify.Dynamics.Tests.Sweeps;

public sealed class ConvergingStartsTests
{
    private static readonly ConvergenceCriterion Criterion = new(Budget: 3000, StepTolerance: 1e-12, ValueTolerance: 1e-16, DivergenceRadius: 1e6);
    private static readonly ScalarFactorization Toy = ScalarFactorization.Instance;

    [Fact]
    public void ClassifiesConvergenceDivergenceAndUndecidedRuns()
    {
        ConvergingStarts.Classify(Toy, [1.2, 0.7], 0.4, 0, Criterion, out int steps).ShouldBe(StartOutcome.Converged);
        steps.ShouldBeInRange(2, 3000);
        ConvergingStarts.Classify(Toy, [3, 3], 0.4, 0, Criterion, out steps).ShouldBe(StartOutcome.Diverged);
        steps.ShouldBeLessThan(50);
        // η = 1.05 > 1: no minimizer is stable; the run ends on a bounded oscillation, undecided at the budget.
        ConvergingStarts.Classify(Toy, [1.1, 0.8], 1.05, 0, Criterion, out steps).ShouldBe(StartOutcome.Undecided);
        steps.ShouldBe(3000);
        // A start on the saddle stays there: a fixed point but not a minimizer.
        ConvergingStarts.Classify(Toy, [0, 0], 0.4, 0, Criterion, out _).ShouldBe(StartOutcome.Undecided);
    }

    [Fact]
    public void BoundariesOfTheCriterion()
    {
        // A start on the minimizers converges at the first step (the move is 0 and L = min L).
        ConvergingStarts.Classify(Toy, [1, 1], 0.4, 0, Criterion, out int steps).ShouldBe(StartOutcome.Converged);
        steps.ShouldBe(1);
        // Leaving a small ball counts as divergence even when finite.
        ConvergingStarts.Classify(Toy, [1.2, 0.7], 0.4, 0, Criterion with { DivergenceRadius = 1.3 }, out steps).ShouldBe(StartOutcome.Diverged);
        steps.ShouldBe(1);
        // With the minimum value set too low, L − min L stays above the tolerance: not counted as converged.
        ConvergingStarts.Classify(Toy, [1, 1], 0.4, -1, Criterion, out _).ShouldBe(StartOutcome.Undecided);
        // A budget of zero steps decides nothing.
        ConvergingStarts.Classify(Toy, [1, 1], 0.4, 0, Criterion with { Budget = 0 }, out steps).ShouldBe(StartOutcome.Undecided);
        steps.ShouldBe(0);
        // Starts are drawn inside the box: a box on the minimizer (1, 1) converges at once.
        var t = ConvergingStarts.Sample(Toy, 0.4, 0, Criterion, 1, 1, 5, seed: 1);
        t.ShouldBe(new ConvergenceTally(5, 0, 0));
        t.Trials.ShouldBe(5);
    }

    [Fact]
    public void TalliesAreDeterministicAndCarryAWilsonInterval()
    {
        var a = ConvergingStarts.Sample(Toy, 0.4, 0, Criterion, -2, 2, 200, seed: 3);
        var b = ConvergingStarts.Sample(Toy, 0.4, 0, Criterion, -2, 2, 200, seed: 3);
        b.ShouldBe(a);
        a.Trials.ShouldBe(200);
        a.Converged.ShouldBeGreaterThan(100);
        a.Fraction.Estimate.ShouldBe(a.Converged / 200.0);
        a.Fraction.Lower.ShouldBeLessThan(a.Fraction.Estimate);
        var none = ConvergingStarts.Sample(Toy, 1.2, 0, Criterion with { Budget = 300 }, -2, 2, 100, seed: 3);
        none.Converged.ShouldBe(0);
        (none.Diverged + none.Undecided).ShouldBe(100);
    }
}
