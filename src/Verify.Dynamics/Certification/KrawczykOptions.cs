namespace Verify.Dynamics.Certification;

/// <summary>How <see cref="Krawczyk.Certify"/> looks for a box around an approximate root.</summary>
/// <param name="InitialRadius">Half-width of the first box, relative to max(1, |xᵢ|).</param>
/// <param name="MaxTests">Krawczyk tests (epsilon-inflation steps) before giving up.</param>
/// <param name="Inflation">Each retry tests K(X) widened by this fraction of its radius.</param>
/// <param name="MaxNewtonSteps">Newton steps in double from the guess.</param>
/// <param name="TighteningSteps">After a proof, at most this many steps X ← K(X) ∩ X to tighten the enclosure.</param>
public sealed record KrawczykOptions(
    double InitialRadius = 1e-10,
    int MaxTests = 12,
    double Inflation = 0.1,
    int MaxNewtonSteps = 60,
    int TighteningSteps = 4)
{
    public static KrawczykOptions Default { get; } = new();
}
