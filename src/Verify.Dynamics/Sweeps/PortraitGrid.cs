namespace Verify.Dynamics.Sweeps;

/// <summary>
/// A rectangular grid of initial points, <see cref="Columns"/> × <see cref="Rows"/>, corners included.
/// Coordinates are computed as (min·(N−1−i) + max·i)/(N−1), so a grid symmetric about 0 is exactly
/// symmetric in floating point: it contains 0, the diagonal x = y and the anti-diagonal x = −y bit for
/// bit (those lines are invariant under GD on ½(1 − xy)², so exactness matters).
/// Point index = row · Columns + column; the row runs along y, the column along x.
/// </summary>
public sealed record PortraitGrid
{
    public double XMin { get; }
    public double XMax { get; }
    public double YMin { get; }
    public double YMax { get; }
    public int Columns { get; }
    public int Rows { get; }

    public PortraitGrid(double xMin, double xMax, double yMin, double yMax, int columns, int rows)
    {
        if (columns < 1 || rows < 1) throw new ArgumentOutOfRangeException(nameof(columns), $"A grid needs at least one column and one row, got {columns} × {rows}.");
        if (!double.IsFinite(xMin) || !double.IsFinite(xMax) || !double.IsFinite(yMin) || !double.IsFinite(yMax))
            throw new ArgumentException("Grid bounds must be finite.");
        if (xMin > xMax || yMin > yMax || (columns > 1 && xMin == xMax) || (rows > 1 && yMin == yMax))
            throw new ArgumentException($"Empty or reversed grid [{xMin}, {xMax}] × [{yMin}, {yMax}].");
        (XMin, XMax, YMin, YMax, Columns, Rows) = (xMin, xMax, yMin, yMax, columns, rows);
    }

    /// <summary>The n × n grid on [−range, range]².</summary>
    public static PortraitGrid Square(double range, int resolution)
    {
        if (!(range > 0) || !double.IsFinite(range)) throw new ArgumentOutOfRangeException(nameof(range), range, "The range must be positive and finite.");
        return new PortraitGrid(-range, range, -range, range, resolution, resolution);
    }

    public int Count => Columns * Rows;

    public double X(int column) => Coordinate(XMin, XMax, Columns, column);

    public double Y(int row) => Coordinate(YMin, YMax, Rows, row);

    public (double X, double Y) Point(int index) => (X(index % Columns), Y(index / Columns));

    public double[] XValues() => Enumerable.Range(0, Columns).Select(X).ToArray();

    public double[] YValues() => Enumerable.Range(0, Rows).Select(Y).ToArray();

    private static double Coordinate(double min, double max, int n, int i) =>
        n == 1 ? (min + max) / 2 : (min * (n - 1 - i) + max * i) / (n - 1);
}
