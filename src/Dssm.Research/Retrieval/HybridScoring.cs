using Dssm.Research.Ranking;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Hybrid ranking: score = α · norm(DSSM) + (1 − α) · norm(lexical), where norm is a per-query min–max scaling
/// of each run's scores onto [0, 1]. Cosines live in [−1, 1] and BM25 scores in [0, ∞) with a query-dependent
/// scale, so raw sums would let BM25 dominate; min–max puts both on the same footing per query.
/// <list type="bullet">
/// <item>Per query, norm(s) = (s − min) / (max − min) over the documents that run returned for that query.</item>
/// <item>When all its scores are equal (including a single document), that run gives each of them 1.</item>
/// <item>A document returned by only one run gets 0 from the other (the bottom of its scale).</item>
/// </list>
/// α = 1 ranks by DSSM alone, α = 0 by the lexical run alone (on the union of their documents). Re-rank both
/// over the same candidates (<see cref="EmbeddingIndex.Rerank"/> and the lexical model's <c>Score</c>) so that
/// each document has both scores.
/// </summary>
public static class HybridScoring
{
    /// <summary>Combines two runs query by query (union of their queries and documents).</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is outside [0, 1].</exception>
    public static RankedRun Combine(RankedRun dssm, RankedRun lexical, double alpha)
    {
        ArgumentNullException.ThrowIfNull(dssm);
        ArgumentNullException.ThrowIfNull(lexical);
        if (!(alpha is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in [0, 1]");
        var run = new RankedRun();
        foreach (var q in dssm.QueryIds.Concat(lexical.QueryIds).Distinct(StringComparer.Ordinal))
        {
            var semantic = MinMax(dssm.Ranked(q));
            var lex = MinMax(lexical.Ranked(q));
            foreach (var d in semantic.Keys.Concat(lex.Keys).Distinct(StringComparer.Ordinal))
                run.Add(q, d, alpha * semantic.GetValueOrDefault(d) + (1 - alpha) * lex.GetValueOrDefault(d));
        }
        return run;
    }

    /// <summary>Min–max scales one query's scores onto [0, 1]; all-equal scores become 1.</summary>
    public static IReadOnlyDictionary<string, double> MinMax(IReadOnlyList<ScoredDoc> docs)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (docs.Count == 0) return result;
        double min = docs.Min(d => d.Score), max = docs.Max(d => d.Score);
        foreach (var d in docs) result[d.DocId] = max > min ? (d.Score - min) / (max - min) : 1;
        return result;
    }
}
