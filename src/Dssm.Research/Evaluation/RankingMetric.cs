using System.Globalization;

namespace Dssm.Research.Evaluation;

/// <summary>
/// One named ranking measure, e.g. <c>ndcg@10</c>, <c>mrr</c>, <c>map</c>, <c>p@5</c>, <c>recall@100</c>.
/// <see cref="Cutoff"/> is null for measures over the whole list (MRR, MAP; also <c>ndcg</c> without a cutoff).
/// </summary>
public sealed record RankingMetric(MetricKind Kind, int? Cutoff = null)
{
    /// <summary>The paper's measures (Huang et al. 2013, Table 2) plus MRR and MAP.</summary>
    public static readonly IReadOnlyList<RankingMetric> Default = ParseList("ndcg@1,ndcg@3,ndcg@10,mrr,map");

    /// <summary>
    /// Parses a measure name, case-insensitively: <c>ndcg@k</c> (or <c>ndcg</c>), <c>mrr</c>
    /// (alias <c>recip_rank</c>), <c>map</c>, <c>p@k</c> (alias <c>precision@k</c>), <c>recall@k</c>
    /// (alias <c>r@k</c>). trec_eval's dotted forms (<c>ndcg_cut.10</c>, <c>P.5</c>, <c>recall.100</c>) are accepted too.
    /// </summary>
    /// <exception cref="FormatException">unknown name or bad cutoff; the message lists what is accepted.</exception>
    public static RankingMetric Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var text = name.Trim().ToLowerInvariant();
        var at = text.IndexOfAny(['@', '.']);
        var head = at < 0 ? text : text[..at];
        int? cutoff = null;
        if (at >= 0)
        {
            if (!int.TryParse(text[(at + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var k) || k <= 0)
                throw new FormatException($"metric '{name}': the cutoff after '{text[at]}' must be a positive integer");
            cutoff = k;
        }
        MetricKind? kind = head switch
        {
            "ndcg" or "ndcg_cut" => MetricKind.Ndcg,
            "mrr" or "recip_rank" => MetricKind.Mrr,
            "map" => MetricKind.Map,
            "p" or "precision" => MetricKind.Precision,
            "recall" or "r" => MetricKind.Recall,
            _ => null,
        };
        if (kind is null) throw new FormatException($"unknown metric '{name}'; expected one of ndcg@k, mrr, map, p@k, recall@k (case-insensitive)");
        if (kind is MetricKind.Precision or MetricKind.Recall && cutoff is null)
            throw new FormatException($"metric '{name}' needs a cutoff, e.g. {head}@10");
        if (kind is MetricKind.Mrr or MetricKind.Map && cutoff is not null)
            throw new FormatException($"metric '{name}': {head} takes no cutoff in this library (it is computed over the whole ranked list, as trec_eval does)");
        return new RankingMetric(kind.Value, cutoff);
    }

    /// <summary>Parses a comma-separated list such as <c>ndcg@1,ndcg@3,ndcg@10,mrr,map</c>.</summary>
    public static IReadOnlyList<RankingMetric> ParseList(string names) =>
        names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Parse).ToArray();

    /// <summary>The canonical name, e.g. <c>ndcg@10</c>, <c>p@5</c>, <c>mrr</c>.</summary>
    public override string ToString()
    {
        var head = Kind switch
        {
            MetricKind.Ndcg => "ndcg",
            MetricKind.Mrr => "mrr",
            MetricKind.Map => "map",
            MetricKind.Precision => "p",
            _ => "recall",
        };
        return Cutoff is { } k ? string.Create(CultureInfo.InvariantCulture, $"{head}@{k}") : head;
    }
}
