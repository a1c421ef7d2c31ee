using Verify.Dynamics.Certification;

namespace Verify.Specs.CrossDocument;

/// <summary>Cross-document checks between seeds/004 (shallow linear networks) and seeds/000 (phase portrait) / Chen &amp; Bruna.</summary>
public sealed class FlatMinimaCrossDocumentSpecs : ClaimSpec
{
    /// <summary>
    /// For d = 1, Φ = 1 and (x, y, η) all variables: blog value − paper value, t − Q₁, n − ε, λ² − (t² + 4(n + 1)²), the blog's
    /// t-update − (8) (or, wrong, (1 − η²n)t) and n-update − (6), after one GD step on the blog's loss.
    /// </summary>
    private sealed class ToyIdentities(bool wrong) : IMap
    {
        public int Dimension => 3;
        public T[] Apply<T>(ReadOnlySpan<T> p) where T : IScalar<T>
        {
            T x = p[0], y = p[1], eta = p[2], one = T.FromInt(1);
            var s = VectorFactorizationState<T>.Of([x], [y], one);
            T t = ScalarFactorization.Imbalance(x, y), n = ScalarFactorization.Residual(x, y);
            var q = GradientDescent.Step<T>(ScalarFactorization.Instance, [x, y], eta);
            return [ScalarFactorization.Instance.Value<T>([x, y]) - new VectorFactorization(1, 1).Value<T>([x, y]),
                    t - s.Imbalances[0], n - s.Residual, s.SquaredNorm * s.SquaredNorm - (t * t + T.FromInt(4) * (n + one) * (n + one)),
                    ScalarFactorization.Imbalance(q[0], q[1]) - (one - eta * eta * n * (wrong ? one : n)) * t,
                    ScalarFactorization.Residual(q[0], q[1]) - n * (one - eta * s.SquaredNorm + eta * eta * n * (n + one))];
        }
    }

    [Claim("xdoc.toy-dynamics")]
    public void BlogCoordinatesAreTheVectorObservables()
    {
        var blog = ScalarFactorization.Instance;
        var paper = new VectorFactorization(1, 1);
        var rng = new Random(139);
        Evidence.Seed(139);
        int checks = 0;
        bool Holds(Func<Rational, Rational, Rational, Rational> tUpdate)
        {
            var r = new Random(139);
            for (int k = 0; k < 500; k++)
            {
                Rational x = new(r.Next(-40, 41), r.Next(1, 12)), y = new(r.Next(-40, 41), r.Next(1, 12)), eta = new(r.Next(1, 40), r.Next(1, 20));
                Rational[] p = [x, y];
                if (blog.Value<Rational>(p) != paper.Value<Rational>(p)) return false;
                var s = VectorFactorizationState<Rational>.Of([x], [y], 1);
                Rational t = ScalarFactorization.Imbalance(x, y), n = ScalarFactorization.Residual(x, y);
                if (t != s.Imbalances[0] || n != s.Residual) return false;
                if (s.SquaredNorm * s.SquaredNorm != t * t + 4 * (n + 1) * (n + 1)) return false;
                var q = GradientDescent.Step<Rational>(blog, p, eta);
                if (ScalarFactorization.Imbalance(q[0], q[1]) != tUpdate(t, n, eta)) return false;                                             // (8)
                if (ScalarFactorization.Residual(q[0], q[1]) != n * (1 - eta * s.SquaredNorm + eta * eta * n * (n + 1))) return false;            // (6)
                checks++;
            }
            return true;
        }
        Holds((t, n, eta) => (1 - eta * eta * n * n) * t).ShouldBeTrue();
        _ = rng;
        // Chen & Bruna: just beyond η = 1 GD cannot converge to xy = 1 and balances: |t| = |x² − y²| → 0.
        var rows = new List<object[]>();
        bool balanced = true;
        var r2 = new Random(140);
        foreach (double eta in new[] { 1.05, 1.1 })
            for (int k = 0; k < 4; k++)
            {
                double x0 = 0.3 + r2.NextDouble(), y0 = 0.3 + r2.NextDouble();
                double[] a = [x0], b = [y0];
                for (int s = 0; s < 20000; s++) FactorizationDescent.Step(a, b, 1, eta);
                double t = a[0] * a[0] - b[0] * b[0];
                balanced &= Math.Abs(t) < 1e-8;
                rows.Add([eta, x0, y0, t, a[0] * b[0] - 1]);
            }
        balanced.ShouldBeTrue();
        Evidence.Number("exact (x, y, η) checks", checks)
            .Table("Beyond η = 1 (½(1 − xy)², 20000 steps): the imbalance t = Q₁ vanishes", ["η", "x₀", "y₀", "t = x² − y² at the end", "n = xy − 1 at the end"], rows)
            .Note("For d = 1, Φ = 1 the paper's objective is the blog's ½(1 − xy)² (value, exactly), Q₁ = t, ε = n, λ² = t² + 4(n + 1)², and one GD step maps t ↦ (1 − η²n²)t (the paper's (8), the blog's t-update) and n ↦ n(1 − ηλ + η²n(n + 1)) (the paper's (6), the blog's n-update), exactly in rationals. Beyond η = 1, where no minimizer is stable, the same shrinking of Q drives GD to the balanced line (Chen & Bruna's a − b → 0; the period-2 orbit of the EoS paper).")
            .Note("Checked exactly at 500 random rational (x, y, η) as well.");
        var proof = Evidence.Timed("polynomial identities in (x, y, η)", () => PolynomialIdentity.Prove(new ToyIdentities(wrong: false)));
        proof.Proven.ShouldBeTrue(proof.Describe());
        Evidence.Certified($"value, t ≡ Q₁, n ≡ ε, λ² = t² + 4(n + 1)² (λ = x² + y² ≥ 0 is the root), the t-update = (8) and the n-update = (6): the differences are {proof.Describe()}. "
            + "Chen & Bruna's balancing is then the same shrinking of Q (shown above by simulation beyond η = 1).");
        Evidence.NegativeControl("t-update t ↦ (1 − η²n)t", Holds((t, n, eta) => (1 - eta * eta * n) * t));
        Evidence.NegativeControl("the same proof with the t-update t ↦ (1 − η²n)t", PolynomialIdentity.Prove(new ToyIdentities(wrong: true)).Proven);
    }
}
