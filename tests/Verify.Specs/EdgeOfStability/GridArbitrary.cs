using FsCheck;
using FsCheck.Fluent;

namespace Verify.Specs.EdgeOfStability;

/// <summary>
/// FsCheck arbitraries over integer grids that shrink: axis i ranges over [Lo, Hi] and shrinks toward
/// Toward (first to it, then halving the distance, then one step). Specs map grid points to parameters
/// (a step K, a start x₀, a coefficient), so a failing case shrinks to the simplest parameters on the grid.
/// </summary>
internal static class GridArbitrary
{
    public static Arbitrary<int[]> Of(params (int Lo, int Hi, int Toward)[] axes)
    {
        var gen = Gen.CollectToArray(axes.Select(a => Gen.Choose(a.Lo, a.Hi)));
        IEnumerable<int[]> Shrink(int[] v)
        {
            for (int i = 0; i < v.Length; i++)
                foreach (var c in Toward(v[i], axes[i].Toward))
                {
                    var w = (int[])v.Clone();
                    w[i] = c;
                    yield return w;
                }
        }
        return Arb.From(gen, Shrink);
    }

    /// <summary>Grid points mapped to a case type (which keeps its grid point for shrinking).</summary>
    public static Arbitrary<T> Of<T>(Func<int[], T> toCase, Func<T, int[]> toGrid, params (int Lo, int Hi, int Toward)[] axes) =>
        Arb.Convert(Of(axes), toCase, toGrid);

    private static IEnumerable<int> Toward(int x, int t)
    {
        if (x == t) yield break;
        yield return t;
        long d = (long)x - t;
        for (long h = d / 2; Math.Abs(h) >= 1; h /= 2) yield return (int)(x - h);
    }
}
