namespace Dssm.Research.Ranking;

/// <summary>
/// A system's ranking: for each query, its retrieved documents with scores. The in-memory form of a
/// TREC run file (<c>qid Q0 docid rank score tag</c>, see <see cref="TrecRunFile"/>).
/// <para>
/// The order of a query's list is always derived from the scores, as trec_eval does: score descending,
/// ties by document id descending. Two runs with the same scores therefore rank — and evaluate — the
/// same, whatever order the documents were added in or the rank column of a file said.
/// </para>
/// Not thread-safe for writes; concurrent reads after the last <see cref="Add"/> are safe.
/// </summary>
public sealed class RankedRun
{
    readonly Dictionary<string, Dictionary<string, double>> byQuery = new(StringComparer.Ordinal);
    readonly Dictionary<string, ScoredDoc[]> ranked = new(StringComparer.Ordinal);
    readonly object rankGate = new();

    /// <summary>Query ids in first-seen order.</summary>
    public IReadOnlyCollection<string> QueryIds => byQuery.Keys;

    /// <summary>Number of (query, document) entries.</summary>
    public int Count => byQuery.Values.Sum(d => d.Count);

    /// <summary>Adds a scored document. A document may appear once per query (trec_eval rejects duplicates too).</summary>
    /// <exception cref="ArgumentException">the document is already in this query's list, or the score is NaN.</exception>
    public void Add(string queryId, string docId, double score)
    {
        if (!TryAdd(queryId, docId, score))
            throw new ArgumentException($"document '{docId}' appears twice for query '{queryId}'", nameof(docId));
    }

    /// <summary>Adds a scored document; false (and nothing changed) when it is already in the query's list.</summary>
    internal bool TryAdd(string queryId, string docId, double score)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(docId);
        if (double.IsNaN(score)) throw new ArgumentException($"score of query '{queryId}' document '{docId}' is NaN", nameof(score));
        if (!byQuery.TryGetValue(queryId, out var docs)) byQuery[queryId] = docs = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!docs.TryAdd(docId, score)) return false;
        if (ranked.Count > 0) lock (rankGate) ranked.Remove(queryId);
        return true;
    }

    /// <summary>Adds a whole ranked list for one query.</summary>
    public void AddRange(string queryId, IEnumerable<ScoredDoc> docs)
    {
        foreach (var d in docs) Add(queryId, d.DocId, d.Score);
    }

    /// <summary>Whether the run has an entry for the query.</summary>
    public bool Contains(string queryId) => byQuery.ContainsKey(queryId);

    /// <summary>The query's documents in trec_eval order (empty when the run has no entry for it).</summary>
    public IReadOnlyList<ScoredDoc> Ranked(string queryId)
    {
        lock (rankGate)
        {
            if (ranked.TryGetValue(queryId, out var r)) return r;
            if (!byQuery.TryGetValue(queryId, out var docs)) return [];
            r = docs.Select(p => new ScoredDoc(p.Key, p.Value)).ToArray();
            Array.Sort(r, TrecOrder.Instance);
            ranked[queryId] = r;
            return r;
        }
    }

    /// <summary>A run that keeps only each query's top <paramref name="k"/> documents (trec_eval order).</summary>
    public RankedRun Top(int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var top = new RankedRun();
        foreach (var q in QueryIds) top.AddRange(q, Ranked(q).Take(k));
        return top;
    }
}
