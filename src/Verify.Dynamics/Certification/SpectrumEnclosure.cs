using Verify.Dynamics.Numbers;

namespace Verify.Dynamics.Certification;

/// <summary>Linear stability of a fixed point or periodic orbit, from its multipliers (eigenvalues of the derivative of F^p).</summary>
public enum Stability
{
    /// <summary>Every multiplier is proven to satisfy |λ| &lt; 1.</summary>
    Stable,

    /// <summary>Some multiplier is proven to satisfy |λ| &gt; 1.</summary>
    Unstable,

    /// <summary>The enclosures reach the unit circle: neither is proven.</summary>
    Undecided,
}

/// <summary>
/// <paramref name="Count"/> eigenvalues (with multiplicity) whose moduli lie in <paramref name="Modulus"/>;
/// when they are proven real, <paramref name="Value"/> encloses them.
/// </summary>
public readonly record struct EigenvalueCluster(int Count, Interval Modulus, Interval? Value)
{
    public override string ToString() => Value is { } v
        ? (Count == 1 ? $"λ ∈ {v.ToString("G10")}" : $"{Count} real λ ∈ {v.ToString("G10")}")
        : $"{Count} λ with |λ| ∈ {Modulus.ToString("G10")}";
}

/// <summary>
/// A rigorous enclosure of the eigenvalues of every matrix in an interval matrix, grouped into
/// clusters; it decides stability when every cluster is inside the unit disk, or one is outside.
/// Built by <see cref="EigenvalueBounds.Enclose"/>.
/// </summary>
public sealed record SpectrumEnclosure(IReadOnlyList<EigenvalueCluster> Clusters, string Method)
{
    public Stability Stability =>
        Clusters.All(c => c.Modulus.Hi < 1) ? Stability.Stable
        : Clusters.Any(c => c.Modulus.Lo > 1) ? Stability.Unstable
        : Stability.Undecided;

    /// <summary>An upper bound on the spectral radius (NaN if any enclosure is Invalid: LINQ's Max would skip a NaN).</summary>
    public double SpectralRadiusBound => Clusters.Any(c => !c.Modulus.IsValid) ? double.NaN : Clusters.Max(c => c.Modulus.Hi);

    public string Describe() =>
        $"{string.Join("; ", Clusters)} ({Method}): {Stability switch
        {
            Stability.Stable => "every |λ| < 1, stable",
            Stability.Unstable => "some |λ| > 1, unstable",
            _ => "undecided",
        }}";
}
