namespace Verify.Dynamics.Maps;

/// <summary>A finite sequence of iterates x₀, x₁, …; immutable.</summary>
public sealed class Trajectory(IReadOnlyList<double[]> points)
{
    public IReadOnlyList<double[]> Points { get; } = points;
    public int Count => Points.Count;
    public double[] this[int k] => Points[k];
    public double[] Last => Points[^1];
    public bool Diverged => !Points[^1].All(double.IsFinite);

    /// <summary>The values of an observable along the trajectory.</summary>
    public double[] Select(Func<double[], double> observable) => Points.Select(observable).ToArray();
}
