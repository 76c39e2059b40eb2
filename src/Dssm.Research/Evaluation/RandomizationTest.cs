using Dssm.Research.Data;

namespace Dssm.Research.Evaluation;

/// <summary>
/// The paired randomization (permutation) test of IR evaluation (Smucker, Allan and Carterette, CIKM 2007;
/// Fisher's randomization test): under the null hypothesis the two systems are exchangeable on each query, so
/// each per-query difference A − B is as likely to carry either sign. The p-value is the share of sign
/// assignments whose mean difference is, in absolute value, at least the observed one (two-sided).
/// <para>
/// With n queries and 2^n ≤ the permutation budget, all 2^n assignments are enumerated and p is exact
/// (count / 2^n, the observed assignment included). Otherwise N assignments are drawn at random from the seed
/// and p = (count + 1) / (N + 1) (Phipson and Smyth, 2010: the observed assignment counts as one of the
/// draws, so a sampled p is never 0 and the test keeps its size). A p printed as count / N, as some toolkits
/// do, differs from ours by less than 1 / N.
/// </para>
/// </summary>
public static class RandomizationTest
{
    /// <summary>Two-sided p-value of the differences (A − B per query); <paramref name="exact"/> says whether all sign flips were enumerated.</summary>
    /// <exception cref="ArgumentException">no differences.</exception>
    public static double TwoSided(IReadOnlyList<double> differences, int permutations, long seed, out bool exact)
    {
        var n = differences.Count;
        if (n == 0) throw new ArgumentException("no queries to compare", nameof(differences));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permutations);
        var d = differences.ToArray();
        var observed = Math.Abs(d.Sum());
        // A sum of the same numbers in another order may differ in the last bits: such a tie still counts.
        var tolerance = 1e-9 * Math.Max(1, d.Sum(Math.Abs));
        exact = n < 31 && 1L << n <= permutations;
        if (exact)
        {
            long count = 0;
            for (long mask = 0; mask < 1L << n; mask++)
            {
                double s = 0;
                for (var i = 0; i < n; i++) s += (mask >> i & 1) == 0 ? d[i] : -d[i];
                if (Math.Abs(s) >= observed - tolerance) count++;
            }
            return count / (double)(1L << n);
        }
        var rng = new Rng((ulong)seed);
        long hits = 0;
        for (var p = 0; p < permutations; p++)
        {
            double s = 0;
            ulong bits = 0;
            for (var i = 0; i < n; i++)
            {
                if ((i & 63) == 0) bits = rng.NextUInt64();
                s += (bits & 1) == 0 ? d[i] : -d[i];
                bits >>= 1;
            }
            if (Math.Abs(s) >= observed - tolerance) hits++;
        }
        return (hits + 1) / (double)(permutations + 1);
    }
}
