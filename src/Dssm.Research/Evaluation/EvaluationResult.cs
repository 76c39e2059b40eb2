using System.Globalization;
using System.Text;

namespace Dssm.Research.Evaluation;

/// <summary>
/// What <see cref="RankingMetrics.Evaluate"/> found: per-query values, their means, and which queries were
/// left out of the means and why.
/// </summary>
public sealed class EvaluationResult
{
    readonly Dictionary<string, double[]> perQuery;

    internal EvaluationResult(IReadOnlyList<RankingMetric> metrics, Dictionary<string, double[]> perQuery,
        IReadOnlyList<string> skippedNoRelevant, IReadOnlyList<string> missingFromRun, IReadOnlyList<string> unjudgedInRun)
    {
        Metrics = metrics;
        this.perQuery = perQuery;
        SkippedNoRelevant = skippedNoRelevant;
        MissingFromRun = missingFromRun;
        UnjudgedInRun = unjudgedInRun;
        Means = metrics.Select((_, i) => perQuery.Count == 0 ? 0 : perQuery.Values.Average(v => v[i])).ToArray();
    }

    /// <summary>The measures, in the order asked for.</summary>
    public IReadOnlyList<RankingMetric> Metrics { get; }

    /// <summary>Mean of each measure over <see cref="EvaluatedQueries"/> (0 when there are none), aligned with <see cref="Metrics"/>.</summary>
    public IReadOnlyList<double> Means { get; }

    /// <summary>Queries averaged: those of the qrels with at least one relevant document.</summary>
    public IReadOnlyCollection<string> EvaluatedQueries => perQuery.Keys;

    /// <summary>Per evaluated query, its values aligned with <see cref="Metrics"/> (for per-query tables and significance tests).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<double>> PerQuery => perQuery.ToDictionary(p => p.Key, p => (IReadOnlyList<double>)p.Value, StringComparer.Ordinal);

    /// <summary>Queries of the qrels without any relevant document: not averaged.</summary>
    public IReadOnlyList<string> SkippedNoRelevant { get; }

    /// <summary>Evaluated queries the run has no entry for: averaged in with 0 (as <c>trec_eval -c</c>).</summary>
    public IReadOnlyList<string> MissingFromRun { get; }

    /// <summary>Queries of the run without any judgement: ignored (as trec_eval does).</summary>
    public IReadOnlyList<string> UnjudgedInRun { get; }

    /// <summary>Mean of one measure; it must be one of <see cref="Metrics"/>.</summary>
    public double Mean(RankingMetric metric) => Means[IndexOf(metric)];

    /// <summary>Mean of a measure named as <see cref="RankingMetric.Parse"/> accepts, e.g. <c>ndcg@10</c>.</summary>
    public double Mean(string metric) => Mean(RankingMetric.Parse(metric));

    /// <summary>One query's value of one measure.</summary>
    public double For(string queryId, RankingMetric metric) =>
        perQuery.TryGetValue(queryId, out var v) ? v[IndexOf(metric)]
            : throw new KeyNotFoundException($"query '{queryId}' was not evaluated (not in the qrels, or without relevant documents)");

    /// <summary>A plain-text table: one line per measure, then the query counts.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Metrics.Count; i++)
            sb.Append(CultureInfo.InvariantCulture, $"{Metrics[i],-12} {Means[i]:F4}\n");
        sb.Append(CultureInfo.InvariantCulture,
            $"queries: {perQuery.Count} evaluated, {MissingFromRun.Count} of them missing from the run (scored 0), {SkippedNoRelevant.Count} skipped (no relevant document), {UnjudgedInRun.Count} in the run without judgements");
        return sb.ToString();
    }

    int IndexOf(RankingMetric metric)
    {
        for (var i = 0; i < Metrics.Count; i++) if (Metrics[i] == metric) return i;
        throw new ArgumentException($"metric {metric} was not computed; computed: {string.Join(", ", Metrics)}", nameof(metric));
    }
}
