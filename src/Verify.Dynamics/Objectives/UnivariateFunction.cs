namespace Verify.Dynamics.Objectives;

/// <summary>f(x) = g(x): a function of one variable used directly as a loss (sin x, a polynomial, 1 − e^{−x²/2}).</summary>
public sealed class UnivariateFunction(ScalarModel function) : Objective
{
    public ScalarModel Function { get; } = function;

    public override int Dimension => 1;

    public override T Value<T>(ReadOnlySpan<T> x) => Function.Apply(x[0]);

    public override string ToString() => Function.Name;
}
