using FsCheck.Fluent;
using MathNet.Numerics.LinearAlgebra;
using Verify.Dynamics.Certification;
using Verify.Dynamics.LinearAlgebra;
using Verify.Dynamics.Tests.Support;
using Interval = Verify.Dynamics.Numbers.Interval;

namespace Verify.Dynamics.Tests.Certification;

public sealed class EigenvalueBoundsTests
{
    private static Interval I(double lo, double hi) => new(lo, hi);
    private static Interval P(double v) => Interval.FromDouble(v);

    private static ScalarMatrix<Interval> M(double[,] a, double radius = 0)
    {
        var e = new Interval[a.GetLength(0), a.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
            for (int j = 0; j < a.GetLength(1); j++) e[i, j] = Interval.Around(a[i, j], radius);
        return IntervalMatrix.Of(e);
    }

    [Fact]
    public void OneByOneIsTheEntry()
    {
        var s = EigenvalueBounds.Enclose(M(new double[,] { { -0.5 } }));
        s.Clusters.Single().ShouldBe(new EigenvalueCluster(1, P(0.5), P(-0.5)));
        s.Method.ShouldBe("1×1");
        // |λ| = 1 exactly is neither inside nor outside the unit circle.
        EigenvalueBounds.Enclose(M(new double[,] { { 1 } })).Stability.ShouldBe(Stability.Undecided);
        EigenvalueBounds.Enclose(M(new double[,] { { -1 } })).Describe().ShouldEndWith("undecided");
        s.Stability.ShouldBe(Stability.Stable);
        EigenvalueBounds.Enclose(M(new double[,] { { -1.5 } })).Stability.ShouldBe(Stability.Unstable);
        EigenvalueBounds.Enclose(IntervalMatrix.Of(new[,] { { I(-1.5, -0.5) } })).Stability.ShouldBe(Stability.Undecided);
        Should.Throw<ArgumentException>(() => EigenvalueBounds.Enclose(IntervalMatrix.Of(new Interval[1, 2]))).Message.ShouldStartWith("Eigenvalues of a 1×2 matrix.");
    }

    [Fact]
    public void TwoByTwoRealEigenvaluesInClosedForm()
    {
        // [[1, 2], [2, 1]]: eigenvalues 3 and −1 (the closed form is exact here).
        var s = EigenvalueBounds.Enclose(M(new double[,] { { 1, 2 }, { 2, 1 } }));
        s.Method.ShouldContain("real");
        s.Clusters.Select(c => c.Value!.Value).ShouldBe([P(3), P(-1)]);
        s.Stability.ShouldBe(Stability.Unstable);
        s.SpectralRadiusBound.ShouldBe(3);
        s.Describe().ShouldBe("λ ∈ [3, 3]; λ ∈ [-1, -1] (2×2 closed form, real eigenvalues): some |λ| > 1, unstable");
        // A bound over several clusters is NaN as soon as one of them is not finite.
        double.IsNaN(new SpectrumEnclosure([new(1, P(0.5), null), new(1, Interval.Invalid, null)], "test").SpectralRadiusBound).ShouldBeTrue();
        var stable = EigenvalueBounds.Enclose(M(new double[,] { { 0.5, 0.1 }, { 0.1, -0.3 } }, 1e-9));
        stable.Stability.ShouldBe(Stability.Stable);
        stable.Describe().ShouldContain("stable");
    }

    [Fact]
    public void TwoByTwoComplexPairHasModulusRootOfTheDeterminant()
    {
        // 0.6 × rotation: λ = 0.6 e^{±iθ}, |λ|² = 0.36.
        double c = 0.6 * Math.Cos(1), s = 0.6 * Math.Sin(1);
        var e = EigenvalueBounds.Enclose(M(new double[,] { { c, -s }, { s, c } }, 1e-12));
        e.Method.ShouldContain("complex");
        var cluster = e.Clusters.Single();
        cluster.Count.ShouldBe(2);
        cluster.Value.ShouldBeNull();
        cluster.Modulus.Contains(0.6).ShouldBeTrue();
        e.Stability.ShouldBe(Stability.Stable);
        EigenvalueBounds.Enclose(M(new double[,] { { 2 * c, -2 * s }, { 2 * s, 2 * c } }, 1e-12)).Stability.ShouldBe(Stability.Unstable);
        cluster.ToString().ShouldStartWith("2 λ with |λ| ∈");
    }

    [Fact]
    public void TwoByTwoOfUndecidedTypeStillBoundsTheRadius()
    {
        // The discriminant (a − d)² + 4bc straddles 0: real or complex, radius bounded in both cases.
        var e = EigenvalueBounds.Enclose(IntervalMatrix.Of(new[,] { { P(0.5), I(-0.1, 0.1) }, { P(0.1), P(0.5) } }));
        e.Method.ShouldContain("real or complex");
        e.Stability.ShouldBe(Stability.Stable);
        e.SpectralRadiusBound.ShouldBeGreaterThanOrEqualTo(0.6);
        e.SpectralRadiusBound.ShouldBeLessThan(0.7);
        foreach (var (i, j) in new[] { (0, 0), (0, 1), (1, 0) })
        {
            var entries = new[,] { { P(0.5), P(0) }, { P(0), P(1) } };
            entries[i, j] = Interval.Invalid;
            var invalid = EigenvalueBounds.Enclose(IntervalMatrix.Of(entries));
            invalid.Method.ShouldBe("2×2 closed form, not finite");
            invalid.Stability.ShouldBe(Stability.Undecided);
            double.IsNaN(invalid.SpectralRadiusBound).ShouldBeTrue();
        }
    }

    [Fact]
    public void GershgorinAfterDiagonalizationSeparatesKnownEigenvalues()
    {
        // A = V diag(0.9, −0.4, 0.1) V⁻¹ with an integer V: the discs shrink to the eigenvalues.
        var v = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { 0, 1, 3 }, { 1, 0, 1 } });
        var a = v * Matrix<double>.Build.DiagonalOfDiagonalArray([0.9, -0.4, 0.1]) * v.Inverse();
        var e = EigenvalueBounds.Enclose(M(a.ToArray(), 1e-10));
        e.Method.ShouldContain("diagonalizing");
        e.Clusters.Count.ShouldBe(3);
        foreach (var lambda in new[] { 0.9, -0.4, 0.1 })
            e.Clusters.Count(c => c.Value is { } x && x.Contains(lambda)).ShouldBe(1);
        e.Clusters.All(c => c.Value!.Value.Width < 1e-8).ShouldBeTrue();
        e.Stability.ShouldBe(Stability.Stable);
        e.Describe().ShouldContain("λ ∈");
    }

    [Fact]
    public void GershgorinProvesInstabilityFromAnIsolatedDisc()
    {
        var e = EigenvalueBounds.Enclose(M(new double[,] { { -1.5, 0.01, 0 }, { 0.01, 0.2, 0.01 }, { 0, 0.01, 0.3 } }, 1e-9));
        e.Stability.ShouldBe(Stability.Unstable);
        e.Clusters.Count(c => c.Modulus.Lo > 1).ShouldBe(1);
    }

    [Fact]
    public void GershgorinWithComplexMidpointEigenvaluesFallsBackToPlainDiscs()
    {
        // A rotation block plus a real eigenvalue: no real eigenbasis, so the discs are taken as they are.
        var e = EigenvalueBounds.Enclose(M(new double[,] { { 0.1, -0.2, 0 }, { 0.2, 0.1, 0 }, { 0, 0, 0.5 } }));
        e.Method.ShouldBe("Gershgorin discs");
        e.Stability.ShouldBe(Stability.Stable);
        e.Clusters.Sum(c => c.Count).ShouldBe(3);
        e.Clusters.Single(c => c.Count == 1).Value!.Value.ShouldBe(P(0.5));
        e.Clusters.Single(c => c.Count == 2).Value.ShouldBeNull();
    }

    [Fact]
    public void EveryEigenvalueOfEveryMatrixInTheSetIsInAClusterProperty() =>
        // Random 3×3 and 4×4 interval matrices; the eigenvalues of a matrix picked inside (by MathNet, accurate far
        // below the interval radius) must lie in the union of the clusters' modulus ranges, with the counts adding up.
        IntervalGen.Check(Prop.ForAll(IntervalGen.TwoIntervals, t =>
        {
            int n = 3 + t.P % 2;
            var rng = new Random(HashCode.Combine(t.A, t.C, t.Q));
            var a = Matrix<double>.Build.Dense(n, n, (_, _) => Math.Round(rng.NextDouble() * 2 - 1, 3));
            const double radius = 1e-6;
            var e = EigenvalueBounds.Enclose(M(a.ToArray(), radius));
            var picked = Matrix<double>.Build.Dense(n, n, (i, j) => a[i, j] + radius * (rng.NextDouble() * 2 - 1));
            var moduli = picked.Evd().EigenValues.Select(l => l.Magnitude);
            return e.Clusters.Sum(c => c.Count) == n
                   && moduli.All(m => e.Clusters.Any(c => c.Modulus.Lo - 1e-12 <= m && m <= c.Modulus.Hi + 1e-12));
        }), maxTest: 300);

    [Fact]
    public void ClusterText()
    {
        var third = P(1.0 / 3);
        new EigenvalueCluster(1, third, third).ToString().ShouldBe("λ ∈ [0.3333333333, 0.3333333333]");
        new EigenvalueCluster(2, third, third).ToString().ShouldBe("2 real λ ∈ [0.3333333333, 0.3333333333]");
        new EigenvalueCluster(2, third, null).ToString().ShouldBe("2 λ with |λ| ∈ [0.3333333333, 0.3333333333]");
    }

    [Fact]
    public void OverlappingDiscsAwayFromZeroMergeAndSeparatedOnesDoNot()
    {
        // Midpoint eigenvalues 1 ± 0.3i (no real eigenbasis) and 0.2: two discs about 1 of radius 0.3 merge.
        var e = EigenvalueBounds.Enclose(M(new double[,] { { 1, -0.3, 0 }, { 0.3, 1, 0 }, { 0, 0, 0.2 } }));
        e.Method.ShouldBe("Gershgorin discs");
        e.Clusters.Select(c => c.Count).ShouldBe([2, 1]);
        e.Clusters[0].Modulus.ShouldBe(I(0.7, 1.3));
        e.Clusters[1].Value.ShouldBe(P(0.2));
        e.Stability.ShouldBe(Stability.Undecided);
    }

    [Fact]
    public void InvalidOrUnboundedEntriesGiveNoFalseVerdict()
    {
        var entries = new[,] { { P(0.5), P(0), P(0) }, { P(0), P(0.2), P(0) }, { P(0), P(0), Interval.Invalid } };
        var e = EigenvalueBounds.Enclose(IntervalMatrix.Of(entries));
        e.Stability.ShouldBe(Stability.Undecided);
        double.IsNaN(e.SpectralRadiusBound).ShouldBeTrue();
        entries[2, 2] = Interval.Entire;
        var unbounded = EigenvalueBounds.Enclose(IntervalMatrix.Of(entries));
        unbounded.Method.ShouldBe("Gershgorin discs");
        unbounded.Stability.ShouldBe(Stability.Undecided);
    }

    [Fact]
    public void TheSimilarityEnclosureHoldsForAnInexactApproximateInverse()
    {
        // R = V⁻¹ perturbed by 1%: the error term must still cover V⁻¹JV exactly (checked in rationals).
        var v = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 2, 0 }, { 0, 1, 3 }, { 1, 0, 1 } });
        var r = v.Inverse() * 1.01;
        var a = Matrix<double>.Build.DenseOfArray(new double[,] { { 0.5, 0.1, 0 }, { 0.2, -0.3, 0.1 }, { 0, 0.4, 0.2 } });
        var b = EigenvalueBounds.Similar(M(a.ToArray()), v, r)!;
        // V⁻¹ = adj(V)/det(V) exactly: det = 7, adj below.
        var adj = new Rational[,] { { 1, -2, 6 }, { 3, 1, -3 }, { -1, 2, 1 } };
        var exact = new Rational[3, 3];
        for (int i = 0; i < 3; i++)
            for (int j = 0; j < 3; j++)
            {
                Rational s = 0;
                for (int k = 0; k < 3; k++)
                    for (int l = 0; l < 3; l++)
                        s += adj[i, k] / 7 * Rational.FromDouble(a[k, l]) * Rational.FromDouble(v[l, j]);
                b[i, j].ContainsExact(s).ShouldBeTrue();
                b[i, j].Width.ShouldBeLessThan(0.2);
            }
        // A useless R (α ≥ 1) gives no enclosure.
        EigenvalueBounds.Similar(M(a.ToArray()), v, r * 3).ShouldBeNull();
    }
}
