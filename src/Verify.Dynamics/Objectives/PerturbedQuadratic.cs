using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Objectives;

/// <summary>
/// f(x) = ½xᵀAx + p(x): a quadratic with its minimum at 0 plus a polynomial p whose terms all have degree
/// ≥ 3. Then ∇f(0) = 0 and ∇²f(0) = A, so 0 is a critical point whose Hessian is the quadratic's: with
/// A ≻ 0 a strict, locally strongly convex minimum whose eigenpairs are known exactly. On the ball
/// ‖x‖ ≤ r every Hessian lies within <see cref="Polynomial.HessianNormBound"/>(r) of A, which certifies
/// convexity and a forward-invariant ball for GD (<see cref="CertifiedRadius"/>).
/// </summary>
public sealed class PerturbedQuadratic : Objective
{
    public PerturbedQuadratic(Quadratic quadratic, Polynomial perturbation)
    {
        if (quadratic.Dimension != perturbation.Dimension)
            throw new ArgumentException($"The quadratic has {quadratic.Dimension} variables, the perturbation {perturbation.Dimension}.");
        if (quadratic.Minimizer.Any(c => c != 0)) throw new ArgumentException("The quadratic's minimizer must be 0.", nameof(quadratic));
        if (perturbation.LowestDegree < 3)
            throw new ArgumentException($"The perturbation must have only terms of degree ≥ 3 (it has degree {perturbation.LowestDegree}), so that ∇f(0) = 0 and ∇²f(0) = A.", nameof(perturbation));
        Quadratic = quadratic;
        Perturbation = perturbation;
    }

    public Quadratic Quadratic { get; }
    public Polynomial Perturbation { get; }

    public override int Dimension => Quadratic.Dimension;

    /// <summary>λ₁ ≤ … ≤ λₙ of ∇²f(0).</summary>
    public IReadOnlyList<double> Eigenvalues => Quadratic.Eigenvalues;

    public double[] Eigenvector(int i) => Quadratic.Eigenvector(i);

    public override T Value<T>(ReadOnlySpan<T> x) => Quadratic.Value(x) + Perturbation.Value(x);

    public override T[] Gradient<T>(ReadOnlySpan<T> x)
    {
        var g = Quadratic.Gradient(x);
        var p = Perturbation.Gradient(x);
        for (int i = 0; i < g.Length; i++) g[i] += p[i];
        return g;
    }

    public override T[,] Hessian<T>(ReadOnlySpan<T> x)
    {
        var h = Quadratic.Hessian(x);
        var p = Perturbation.Hessian(x);
        for (int i = 0; i < Dimension; i++)
            for (int j = 0; j < Dimension; j++) h[i, j] += p[i, j];
        return h;
    }

    /// <summary>
    /// λ_max(∇²f(x)) − λₙ to full relative precision (∇²f(x) = A + ∇²p(x), see <see cref="Analysis.EigenvalueShift"/>).
    /// On a <see cref="Rescaled"/> copy f_m at y it is the shift of f at x = 2ᵐy, since ∇²f_m(y) = ∇²f(2ᵐy).
    /// </summary>
    public double SharpnessShift(ReadOnlySpan<double> x) =>
        Analysis.EigenvalueShift.OfTop(Eigenvalues, Enumerable.Range(0, Dimension).Select(Eigenvector).ToArray(), Perturbation.HessianAt(x));

    /// <summary>
    /// (λ_max(∇²f(2ᵐy)) − λₙ)/2ᵐ: the sharpness shift at x = 2ᵐy divided by the scale, so it stays representable when
    /// the shift itself is below double's range. ∇²p(2ᵐy)/2ᵐ is the Hessian of p rescaled with homogeneity 3 (exact).
    /// </summary>
    public double SharpnessShiftOverScale(ReadOnlySpan<double> y, int log2Scale) =>
        Analysis.EigenvalueShift.OfTop(Eigenvalues, Enumerable.Range(0, Dimension).Select(Eigenvector).ToArray(),
            Perturbation.Scaled(log2Scale, 3).HessianAt(y), Math.ScaleB(1.0, log2Scale));

    /// <summary>y ↦ f(2ˢ·y)/2²ˢ (the quadratic part is unchanged, a term of degree d scales by 2^(s(d−2))); exact.</summary>
    public PerturbedQuadratic Rescaled(int log2Scale) => new(Quadratic, Perturbation.Scaled(log2Scale));

    /// <summary>
    /// A bound on the GD contraction on the ball ‖x‖ ≤ r: x − η∇f(x) = (I − ηH̄)x with H̄ = ∫₀¹∇²f(tx)dt, whose
    /// eigenvalues lie in [λ₁ − B, λₙ + B], B = <see cref="Polynomial.HessianNormBound"/>(r); so
    /// ‖F(x)‖ ≤ q‖x‖ with q = max(|1 − η(λ₁ − B)|, |1 − η(λₙ + B)|).
    /// </summary>
    public double ContractionBound(double eta, double radius)
    {
        double b = Perturbation.HessianNormBound(radius);
        return Math.Max(Math.Abs(1 - eta * (Eigenvalues[0] - b)), Math.Abs(1 - eta * (Eigenvalues[^1] + b)));
    }

    /// <summary>
    /// A radius r such that on ‖x‖ ≤ r the Hessian stays ≥ λ₁/2 (strong convexity) and GD with step η is a
    /// contraction toward 0 (the ball is forward invariant and lies in the basin V_η): the largest r with
    /// B(r) ≤ ½·min(λ₁, 2/η − λₙ). Zero when η ≥ 2/λₙ (no ball is certified there).
    /// </summary>
    public double CertifiedRadius(double eta)
    {
        double margin = 0.5 * Math.Min(Eigenvalues[0], 2 / eta - Eigenvalues[^1]);
        if (!(margin > 0)) return 0;
        if (Perturbation.HessianNormBound(double.MaxValue) <= margin) return double.PositiveInfinity;
        double lo = 0, hi = 1;
        while (Perturbation.HessianNormBound(hi) <= margin) { lo = hi; hi *= 2; }
        for (int i = 0; i < 100 && hi - lo > 1e-15 * hi; i++)
        {
            double mid = (lo + hi) / 2;
            if (Perturbation.HessianNormBound(mid) <= margin) lo = mid; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// n distinct eigenvalues in [lo, hi], sorted, with gaps ≥ minGap: uniform draws, redrawn until the gaps
    /// hold (the caller keeps minGap·(n − 1) well below hi − lo).
    /// </summary>
    public static double[] RandomSpectrum(Random rng, int n, double lo, double hi, double minGap)
    {
        if (!(lo > 0 && hi > lo)) throw new ArgumentException($"Need 0 < lo < hi, got [{lo}, {hi}].");
        if (!(minGap * (n - 1) < (hi - lo) / 2)) throw new ArgumentException($"Gaps of {minGap} between {n} eigenvalues do not fit comfortably in [{lo}, {hi}].");
        while (true)
        {
            var l = Enumerable.Range(0, n).Select(_ => lo + (hi - lo) * rng.NextDouble()).OrderBy(v => v).ToArray();
            if (l.Zip(l.Skip(1), (a, b) => b - a).All(g => g >= minGap)) return l;
        }
    }

    /// <summary>
    /// A random instance: spectrum from <see cref="RandomSpectrum"/> in a Haar-random eigenbasis, plus
    /// <paramref name="cubicTerms"/> random cubic and <paramref name="quarticTerms"/> random quartic monomials
    /// (variables drawn with replacement) with coefficients uniform in ±cubicScale and ±quarticScale.
    /// </summary>
    public static PerturbedQuadratic Random(Random rng, int n, double lo = 0.5, double hi = 5, double minGap = 0.1,
        int cubicTerms = 4, double cubicScale = 1, int quarticTerms = 4, double quarticScale = 1)
    {
        var quadratic = Quadratic.WithRandomBasis(RandomSpectrum(rng, n, lo, hi, minGap), rng);
        var terms = new List<Monomial>();
        void Add(int count, int degree, double scale)
        {
            for (int t = 0; t < count; t++)
            {
                var e = new int[n];
                for (int k = 0; k < degree; k++) e[rng.Next(n)]++;
                terms.Add(new Monomial(scale * (2 * rng.NextDouble() - 1), e));
            }
        }
        Add(cubicTerms, 3, cubicScale);
        Add(quarticTerms, 4, quarticScale);
        return new PerturbedQuadratic(quadratic, new Polynomial(n, terms));
    }

    public override string ToString() =>
        FormattableString.Invariant($"½xᵀAx (λ = [{string.Join(", ", Eigenvalues.Select(l => l.ToString("G6", System.Globalization.CultureInfo.InvariantCulture)))}]) + {Perturbation}");
}
