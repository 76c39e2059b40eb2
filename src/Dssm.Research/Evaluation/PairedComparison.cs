using System.Globalization;

namespace Dssm.Research.Evaluation;

/// <summary>
/// Two systems on the same queries, by one measure: per-query wins, ties and losses of A against B, both means
/// and their difference, and two paired tests of that difference — the randomization test
/// (<see cref="RandomizationTest"/>) and Student's paired t-test (<see cref="PairedTTest"/>) — as IR papers
/// report them (ranx's and trectools' comparison tables hold the same figures).
/// </summary>
public sealed record PairedComparison(string Metric, int Queries, int Wins, int Ties, int Losses, double MeanA, double MeanB,
    double RandomizationP, int Permutations, bool Exact, long Seed, double T, int DegreesOfFreedom, double TTestP)
{
    /// <summary>Mean of A minus mean of B (= the mean per-query difference).</summary>
    public double Difference => MeanA - MeanB;

    /// <summary>Per-query values differing by less than this are a tie (the same ranking can give sums that differ in the last bits).</summary>
    const double TieTolerance = 1e-12;

    /// <summary>
    /// Compares per-query values of one measure; <paramref name="a"/> and <paramref name="b"/> must hold the same
    /// queries. Queries are taken in ordinal order of their ids, so the same seed gives the same p-value.
    /// </summary>
    /// <exception cref="ArgumentException">the two hold different queries, or none.</exception>
    public static PairedComparison Of(IReadOnlyDictionary<string, double> a, IReadOnlyDictionary<string, double> b, string metric, ComparisonOptions? options = null)
    {
        options = (options ?? new ComparisonOptions()).Validate();
        var onlyA = a.Keys.Where(q => !b.ContainsKey(q)).ToArray();
        var onlyB = b.Keys.Where(q => !a.ContainsKey(q)).ToArray();
        if (onlyA.Length + onlyB.Length > 0)
            throw new ArgumentException($"the two systems were evaluated on different queries ({onlyA.Length} only in A, e.g. '{onlyA.FirstOrDefault()}'; {onlyB.Length} only in B, e.g. '{onlyB.FirstOrDefault()}'); a paired test needs the same queries");
        if (a.Count == 0) throw new ArgumentException("no queries to compare");
        var queries = a.Keys.Order(StringComparer.Ordinal).ToArray();
        var d = queries.Select(q => a[q] - b[q]).Select(x => Math.Abs(x) < TieTolerance ? 0 : x).ToArray();
        var p = RandomizationTest.TwoSided(d, options.Permutations, options.Seed, out var exact);
        var (t, df, tp) = PairedTTest.TwoSided(d);
        return new PairedComparison(metric, queries.Length, d.Count(x => x > 0), d.Count(x => x == 0), d.Count(x => x < 0),
            queries.Average(q => a[q]), queries.Average(q => b[q]), p, exact ? 1 << queries.Length : options.Permutations, exact, options.Seed, t, df, tp);
    }

    /// <summary>Compares two evaluations of the same qrels by one of their measures (the queries <see cref="RankingMetrics.Evaluate"/> averaged).</summary>
    public static PairedComparison Of(EvaluationResult a, EvaluationResult b, RankingMetric metric, ComparisonOptions? options = null) =>
        Of(a.EvaluatedQueries.ToDictionary(q => q, q => a.For(q, metric), StringComparer.Ordinal),
           b.EvaluatedQueries.ToDictionary(q => q, q => b.For(q, metric), StringComparer.Ordinal), metric.ToString(), options);

    /// <summary>How the randomization p-value was obtained, in words.</summary>
    public string RandomizationMethod => Exact
        ? string.Create(CultureInfo.InvariantCulture, $"two-sided; all {Permutations:N0} sign flips of the per-query differences enumerated: exact")
        : string.Create(CultureInfo.InvariantCulture, $"two-sided; {Permutations:N0} random sign flips of the per-query differences, seed {Seed}; p = (count + 1) / (N + 1)");

    /// <summary>A p-value for a table: four decimals, or three significant digits below 0.001.</summary>
    public static string FormatP(double p) =>
        double.IsNaN(p) ? "n/a" : p >= 0.001 || p == 0 ? p.ToString("F4", CultureInfo.InvariantCulture) : p.ToString("0.00e+0", CultureInfo.InvariantCulture);
}
