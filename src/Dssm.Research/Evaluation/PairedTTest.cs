using MathNet.Numerics.Distributions;

namespace Dssm.Research.Evaluation;

/// <summary>
/// Student's paired t-test on per-query differences, the parametric companion of the randomization test that
/// IR papers print beside it (as scipy.stats.ttest_rel and trectools do): t = mean(d) / (sd(d) / √n) with the
/// sample standard deviation, n − 1 degrees of freedom, two-sided p = 2 · P(T ≤ −|t|). The t distribution is
/// Math.NET Numerics' (<c>StudentT.CDF</c>).
/// </summary>
public static class PairedTTest
{
    /// <summary>t, degrees of freedom and two-sided p. All differences zero: t = 0, p = 1; identical nonzero
    /// differences: t = ±∞, p = 0; fewer than two queries: t and p are NaN (no variance to estimate).</summary>
    public static (double T, int DegreesOfFreedom, double P) TwoSided(IReadOnlyList<double> differences)
    {
        var n = differences.Count;
        if (n < 2) return (double.NaN, Math.Max(0, n - 1), double.NaN);
        var mean = differences.Average();
        var variance = differences.Sum(x => (x - mean) * (x - mean)) / (n - 1);
        if (variance <= 1e-30 * Math.Max(1, mean * mean))
            return mean == 0 ? (0, n - 1, 1) : (mean > 0 ? double.PositiveInfinity : double.NegativeInfinity, n - 1, 0);
        var t = mean / Math.Sqrt(variance / n);
        return (t, n - 1, Math.Min(1, 2 * StudentT.CDF(0, 1, n - 1, -Math.Abs(t))));
    }
}
