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
/// <para>
/// <see cref="FusionKind.Rrf"/> is the second fusion, reciprocal rank fusion (Cormack, Clarke and Büttcher,
/// SIGIR 2009): score = α / (k + r_DSSM) + (1 − α) / (k + r_lex), ranks from 1, a run that did not return the
/// document contributing 0. k = 60 is the paper's constant; α = ½ is their unweighted RRF (halved, which does
/// not change a ranking). It needs no normalisation, which is why it is the usual fusion when scores are on
/// scales as different as a cosine's and BM25's.
/// </para>
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

    /// <summary>The constant k of reciprocal rank fusion (Cormack et al. 2009).</summary>
    public const int RrfK = 60;

    /// <summary>Fuses two runs by <paramref name="fusion"/> with weight α on the DSSM side (see the class comment).</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is outside [0, 1], or k &lt; 1.</exception>
    public static RankedRun Fuse(RankedRun dssm, RankedRun lexical, FusionKind fusion, double alpha, int k = RrfK) => fusion switch
    {
        FusionKind.Linear => Combine(dssm, lexical, alpha),
        FusionKind.Rrf => ReciprocalRank(dssm, lexical, alpha, k),
        _ => throw new ArgumentOutOfRangeException(nameof(fusion)),
    };

    /// <summary>Reciprocal rank fusion of two runs, query by query (union of their queries and documents).</summary>
    /// <exception cref="ArgumentOutOfRangeException">α is outside [0, 1], or k &lt; 1.</exception>
    public static RankedRun ReciprocalRank(RankedRun dssm, RankedRun lexical, double alpha, int k = RrfK)
    {
        ArgumentNullException.ThrowIfNull(dssm);
        ArgumentNullException.ThrowIfNull(lexical);
        if (!(alpha is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "α must lie in [0, 1]");
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        var run = new RankedRun();
        foreach (var q in dssm.QueryIds.Concat(lexical.QueryIds).Distinct(StringComparer.Ordinal))
        {
            var scores = new Dictionary<string, double>(StringComparer.Ordinal);
            void AddRanks(IReadOnlyList<ScoredDoc> ranked, double weight)
            {
                for (var r = 0; r < ranked.Count; r++)
                    scores[ranked[r].DocId] = scores.GetValueOrDefault(ranked[r].DocId) + weight / (k + r + 1);
            }
            AddRanks(dssm.Ranked(q), alpha);
            AddRanks(lexical.Ranked(q), 1 - alpha);
            foreach (var (d, s) in scores) run.Add(q, d, s);
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
