using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// A lexical ranking model over a pre-tokenized corpus (<see cref="Bm25"/>, <see cref="TfIdf"/>): the
/// paper's baselines (Huang et al. 2013, Table 2). Queries must be tokenized the same way as the corpus.
/// Implementations are immutable after construction; concurrent calls are safe.
/// </summary>
public interface ILexicalModel
{
    /// <summary>Number of indexed documents.</summary>
    int DocumentCount { get; }

    /// <summary>The top <paramref name="k"/> documents sharing at least one term with the query, in trec_eval order
    /// (score descending, ties by document id descending). Documents without a query term are not returned.</summary>
    IReadOnlyList<ScoredDoc> Search(IReadOnlyList<string> queryTokens, int k);

    /// <summary>Scores the given documents (re-ranking candidates), in the order given; a document without a
    /// query term scores 0.</summary>
    /// <exception cref="KeyNotFoundException">a document id is not in the corpus.</exception>
    IReadOnlyList<ScoredDoc> Score(IReadOnlyList<string> queryTokens, IEnumerable<string> docIds);
}
