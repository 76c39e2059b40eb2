using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// Ranking measures with trec_eval's (9.x) definitions, per query and averaged over queries.
/// A document is relevant when its judged relevance is ≥ 1; unjudged documents count as not relevant.
/// <list type="bullet">
/// <item><b>NDCG@k</b> (<c>ndcg_cut.k</c>): Σ_{i≤k} gain_i / log2(i + 1) over the ranked list, divided by the
///   same sum over the ideal list — all judged documents of the query sorted by gain, not just the retrieved
///   ones. Gain = relevance (trec_eval's default, not 2^rel − 1 as in Burges et al.; with binary labels the two agree).
///   Negative judgements count as gain 0.</item>
/// <item><b>MRR</b> (<c>recip_rank</c>): 1 / rank of the first relevant document, 0 when none is retrieved.</item>
/// <item><b>MAP</b> (<c>map</c>): Σ over retrieved relevant documents of precision at their rank, divided by the
///   number of relevant documents in the qrels (so unretrieved relevant documents count as precision 0).</item>
/// <item><b>P@k</b> (<c>P.k</c>): relevant documents in the top k, divided by k — also when fewer than k were retrieved.</item>
/// <item><b>Recall@k</b> (<c>recall.k</c>): relevant documents in the top k, divided by all relevant documents of the query.</item>
/// </list>
/// Ties in score are broken by document id descending, as trec_eval does (see <see cref="RankedRun"/>).
/// <para>
/// Which queries are averaged (<see cref="Evaluate"/>) differs from plain <c>trec_eval</c> on purpose:
/// queries of the qrels without any relevant document are <b>skipped and counted</b>
/// (<see cref="EvaluationResult.SkippedNoRelevant"/>; trec_eval would average them in as 0), and queries with
/// relevant documents that the run lacks score 0 and are counted (<see cref="EvaluationResult.MissingFromRun"/>;
/// this is <c>trec_eval -c</c>). Queries of the run without judgements are ignored, as trec_eval does.
/// The means therefore equal <c>trec_eval -c -m ndcg_cut -m recip_rank -m map -m P -m recall</c> run on qrels
/// restricted to queries with at least one relevant document. (trec_eval 10.0-rc3 without <c>-c</c> stops with
/// exit 4 when the run lacks a query of the qrels; 9.x left such queries out. <see cref="TrecEval"/> computes
/// trec_eval's own choice of queries, for <c>dssm score</c>.)
/// </para>
/// <para>
/// Relevance levels: relevant means level ≥ 1 (trec_eval's default <c>-l 1</c>); NDCG's gains are the levels
/// themselves, which trec_eval keeps whatever <c>-l</c> says. Every measure here agrees with trec_eval to four
/// decimals on trec_eval's own test files, graded ones included (<c>TrecEvalAgreementTests</c>).
/// </para>
/// </summary>
public static class RankingMetrics
{
    /// <summary>Evaluates a run against qrels; see the class comment for which queries are averaged.</summary>
    public static EvaluationResult Evaluate(RankedRun run, Qrels qrels, IEnumerable<RankingMetric>? metrics = null)
    {
        var list = (metrics ?? RankingMetric.Default).ToArray();
        if (list.Length == 0) throw new ArgumentException("at least one metric is needed", nameof(metrics));
        var perQuery = new Dictionary<string, double[]>(StringComparer.Ordinal);
        var skipped = new List<string>();
        var missing = new List<string>();
        foreach (var q in qrels.QueryIds)
        {
            var judged = qrels.For(q);
            if (!judged.Values.Any(r => r >= 1)) { skipped.Add(q); continue; }
            if (!run.Contains(q)) missing.Add(q);
            var ranked = run.Ranked(q).Select(d => d.DocId).ToArray();
            perQuery[q] = list.Select(m => Compute(m, ranked, judged)).ToArray();
        }
        var unjudged = run.QueryIds.Where(q => !qrels.For(q).Any()).ToArray();
        return new EvaluationResult(list, perQuery, skipped, missing, unjudged);
    }

    /// <summary>One measure for one query: <paramref name="ranked"/> in rank order, <paramref name="judged"/> its qrels.</summary>
    public static double Compute(RankingMetric metric, IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged) => metric.Kind switch
    {
        MetricKind.Ndcg => Ndcg(ranked, judged, metric.Cutoff),
        MetricKind.Mrr => ReciprocalRank(ranked, judged),
        MetricKind.Map => AveragePrecision(ranked, judged),
        MetricKind.Precision => PrecisionAt(ranked, judged, metric.Cutoff!.Value),
        MetricKind.Recall => RecallAt(ranked, judged, metric.Cutoff!.Value),
        _ => throw new ArgumentOutOfRangeException(nameof(metric)),
    };

    /// <summary>NDCG at cutoff k (whole list when null); 0 when the query has no positive gain.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int? k = null)
    {
        var cut = Math.Min(k ?? int.MaxValue, ranked.Count);
        var dcg = 0.0;
        for (var i = 0; i < cut; i++)
            dcg += Gain(judged, ranked[i]) / Math.Log2(i + 2);
        var ideal = judged.Values.Where(r => r > 0).OrderByDescending(r => r).Take(k ?? int.MaxValue).ToArray();
        var idcg = 0.0;
        for (var i = 0; i < ideal.Length; i++) idcg += ideal[i] / Math.Log2(i + 2);
        return idcg > 0 ? dcg / idcg : 0;
    }

    /// <summary>1 / rank of the first relevant document; 0 when none is retrieved.</summary>
    public static double ReciprocalRank(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        for (var i = 0; i < ranked.Count; i++)
            if (IsRelevant(judged, ranked[i])) return 1.0 / (i + 1);
        return 0;
    }

    /// <summary>Average precision, normalised by all relevant documents in the qrels; 0 when there are none.</summary>
    public static double AveragePrecision(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged)
    {
        var relevant = CountRelevant(judged);
        if (relevant == 0) return 0;
        double sum = 0;
        var found = 0;
        for (var i = 0; i < ranked.Count; i++)
            if (IsRelevant(judged, ranked[i])) sum += ++found / (double)(i + 1);
        return sum / relevant;
    }

    /// <summary>Relevant documents in the top k, divided by k.</summary>
    public static double PrecisionAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        return RelevantInTop(ranked, judged, k) / (double)k;
    }

    /// <summary>Relevant documents in the top k, divided by all relevant documents; 0 when there are none.</summary>
    public static double RecallAt(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var relevant = CountRelevant(judged);
        return relevant == 0 ? 0 : RelevantInTop(ranked, judged, k) / (double)relevant;
    }

    /// <summary>Sorts scored documents into trec_eval order (score descending, ties by id descending) and returns the ids.</summary>
    public static IReadOnlyList<string> TrecOrder(IEnumerable<ScoredDoc> docs)
    {
        var a = docs.ToArray();
        Array.Sort(a, Ranking.TrecOrder.Instance);
        return a.Select(d => d.DocId).ToArray();
    }

    static int RelevantInTop(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> judged, int k)
    {
        var n = 0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
            if (IsRelevant(judged, ranked[i])) n++;
        return n;
    }

    static int CountRelevant(IReadOnlyDictionary<string, int> judged) => judged.Values.Count(r => r >= 1);

    static bool IsRelevant(IReadOnlyDictionary<string, int> judged, string doc) => judged.TryGetValue(doc, out var r) && r >= 1;

    static double Gain(IReadOnlyDictionary<string, int> judged, string doc) => judged.TryGetValue(doc, out var r) && r > 0 ? r : 0;
}
