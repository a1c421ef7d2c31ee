using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Verify.Dynamics.LinearAlgebra;

/// <summary>Haar-random (uniformly distributed) orthogonal matrices.</summary>
public static class HaarOrthogonal
{
    /// <summary>
    /// Q of the QR decomposition of an n × n standard Gaussian matrix, with the signs of R's diagonal moved into
    /// Q (without that correction the distribution is not uniform). The Gaussian entries are drawn from
    /// <paramref name="rng"/> column by column.
    /// </summary>
    public static Matrix<double> Sample(int n, Random rng)
    {
        var g = Matrix<double>.Build.Dense(n, n, (_, _) => Normal.Sample(rng, 0, 1));
        var qr = g.QR();
        var q = qr.Q.Clone();
        for (int j = 0; j < n; j++)
            if (qr.R[j, j] < 0) q.SetColumn(j, q.Column(j).Negate());
        return q;
    }
}
