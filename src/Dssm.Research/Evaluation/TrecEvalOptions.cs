namespace Dssm.Research.Evaluation;

/// <summary>
/// How <see cref="TrecEval"/> scores a run, named after trec_eval's flags.
/// </summary>
public sealed record TrecEvalOptions
{
    /// <summary>The measures (trec_eval's <c>-m</c>); trec_eval's <c>official</c> set by default.</summary>
    public IReadOnlyList<TrecMeasure> Measures { get; init; } = TrecMeasure.Official;

    /// <summary>
    /// trec_eval's <c>-c</c>: average over every query of the qrels, a query the run lacks scoring 0. Without it,
    /// only the queries of the qrels that the run has are averaged (trec_eval's documented default).
    /// </summary>
    public bool Complete { get; init; }

    /// <summary>trec_eval's <c>-l</c>: the lowest relevance level that counts as relevant (default 1). NDCG's gains
    /// are the levels themselves whatever this is, as in trec_eval.</summary>
    public int RelevanceLevel { get; init; } = 1;

    /// <summary>trec_eval's <c>-q</c>: also print one block per query.</summary>
    public bool PerQuery { get; init; }

    public TrecEvalOptions Validate() =>
        RelevanceLevel < 0 ? throw new ArgumentException($"relevance level {RelevanceLevel}: expected an integer ≥ 0 (trec_eval's -l; 1 by default)")
        : Measures.Count == 0 ? throw new ArgumentException("no measure given; expected e.g. official, map, P.10 or ndcg@10")
        : this;
}
