namespace Dssm.Research.Evaluation;

/// <summary>
/// Relevance judgements: for each query id, the judged document ids and their graded relevance
/// (0 = judged not relevant). The in-memory form of TREC qrels (<c>qid 0 docid rel</c>) and of BEIR's
/// <c>qrels/{split}.tsv</c> (<c>query-id corpus-id score</c>).
/// </summary>
public sealed class Qrels
{
    readonly Dictionary<string, Dictionary<string, int>> byQuery = new(StringComparer.Ordinal);

    /// <summary>Query ids in first-seen order.</summary>
    public IReadOnlyCollection<string> QueryIds => byQuery.Keys;

    /// <summary>Number of (query, document) judgements.</summary>
    public int Count => byQuery.Values.Sum(d => d.Count);

    /// <summary>Adds or replaces one judgement.</summary>
    public void Add(string queryId, string docId, int relevance)
    {
        if (!byQuery.TryGetValue(queryId, out var docs)) byQuery[queryId] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
        docs[docId] = relevance;
    }

    /// <summary>The judged documents of a query (empty when the query has none).</summary>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        byQuery.TryGetValue(queryId, out var docs) ? docs : EmptyDocs;

    /// <summary>Relevance of a document for a query; unjudged counts as 0 (trec_eval's convention).</summary>
    public int Relevance(string queryId, string docId) =>
        byQuery.TryGetValue(queryId, out var docs) && docs.TryGetValue(docId, out var rel) ? rel : 0;

    /// <summary>Document ids with relevance &gt; 0 for a query.</summary>
    public IEnumerable<string> Relevant(string queryId) => For(queryId).Where(p => p.Value > 0).Select(p => p.Key);

    static readonly IReadOnlyDictionary<string, int> EmptyDocs = new Dictionary<string, int>();
}
