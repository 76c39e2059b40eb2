namespace Dssm.Research.Evaluation;

/// <summary>The ranking measures of <see cref="RankingMetrics"/>, with their trec_eval names.</summary>
public enum MetricKind
{
    /// <summary>Normalised discounted cumulative gain at a cutoff (trec_eval <c>ndcg_cut.k</c>).</summary>
    Ndcg,
    /// <summary>Reciprocal rank of the first relevant document (trec_eval <c>recip_rank</c>); its mean is MRR.</summary>
    Mrr,
    /// <summary>Average precision over the whole list (trec_eval <c>map</c>).</summary>
    Map,
    /// <summary>Precision at a cutoff (trec_eval <c>P.k</c>).</summary>
    Precision,
    /// <summary>Recall at a cutoff (trec_eval <c>recall.k</c>).</summary>
    Recall,
}
