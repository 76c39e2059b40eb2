using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// Term → postings (document index, term frequency), sorted by document index; the shared storage of
/// <see cref="Bm25"/> and <see cref="TfIdf"/>. Immutable after construction, so concurrent reads are safe.
/// </summary>
internal sealed class InvertedIndex
{
    public readonly string[] DocIds;
    public readonly int[] DocLengths;
    public readonly Dictionary<string, int> DocIndex = new(StringComparer.Ordinal);
    public readonly Dictionary<string, int> TermIds = new(StringComparer.Ordinal);
    public readonly int[][] PostingDocs;
    public readonly int[][] PostingFreqs;
    public readonly double AverageLength;

    public InvertedIndex(IEnumerable<(string Id, IReadOnlyList<string> Tokens)> docs)
    {
        ArgumentNullException.ThrowIfNull(docs);
        var ids = new List<string>();
        var lengths = new List<int>();
        var postDocs = new List<List<int>>();
        var postFreqs = new List<List<int>>();
        var counts = new Dictionary<int, int>();
        foreach (var (id, tokens) in docs)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(id);
            ArgumentNullException.ThrowIfNull(tokens);
            var d = ids.Count;
            if (!DocIndex.TryAdd(id, d)) throw new ArgumentException($"document id '{id}' appears twice in the corpus", nameof(docs));
            ids.Add(id);
            lengths.Add(tokens.Count);
            counts.Clear();
            foreach (var token in tokens)
            {
                if (!TermIds.TryGetValue(token, out var t))
                {
                    TermIds[token] = t = postDocs.Count;
                    postDocs.Add([]);
                    postFreqs.Add([]);
                }
                counts[t] = counts.GetValueOrDefault(t) + 1;
            }
            foreach (var (t, tf) in counts)
            {
                postDocs[t].Add(d);
                postFreqs[t].Add(tf);
            }
        }
        DocIds = ids.ToArray();
        DocLengths = lengths.ToArray();
        PostingDocs = postDocs.Select(p => p.ToArray()).ToArray();
        PostingFreqs = postFreqs.Select(p => p.ToArray()).ToArray();
        AverageLength = DocIds.Length == 0 ? 0 : DocLengths.Sum(l => (long)l) / (double)DocIds.Length;
    }

    public int Count => DocIds.Length;

    /// <summary>Distinct query terms known to the corpus, with their counts in the query.</summary>
    public List<(int Term, int Count)> QueryTerms(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var seen = new Dictionary<int, int>();
        foreach (var token in tokens)
            if (TermIds.TryGetValue(token, out var t)) seen[t] = seen.GetValueOrDefault(t) + 1;
        return seen.Select(p => (p.Key, p.Value)).ToList();
    }

    /// <summary>Term frequency of a term in a document (binary search in the postings).</summary>
    public int Frequency(int term, int doc)
    {
        var i = Array.BinarySearch(PostingDocs[term], doc);
        return i >= 0 ? PostingFreqs[term][i] : 0;
    }

    public int Lookup(string docId) =>
        DocIndex.TryGetValue(docId, out var d) ? d : throw new KeyNotFoundException($"document '{docId}' is not in the indexed corpus");

    [ThreadStatic] static double[]? scratchScores;
    [ThreadStatic] static bool[]? scratchSeen;
    [ThreadStatic] static List<int>? scratchTouched;

    /// <summary>
    /// Per-thread accumulators of length ≥ N, all zero/false and empty on return: a search allocates nothing
    /// per document, and concurrent searches on different threads never share them. Callers hand them back
    /// through <see cref="TopK"/>, which clears the touched entries.
    /// </summary>
    public (double[] Scores, bool[] Seen, List<int> Touched) Accumulators()
    {
        if (scratchScores is null || scratchScores.Length < Count)
        {
            scratchScores = new double[Count];
            scratchSeen = new bool[Count];
        }
        scratchTouched ??= [];
        scratchTouched.Clear();
        return (scratchScores, scratchSeen!, scratchTouched);
    }

    /// <summary>Top k of the touched documents, in trec_eval order; then clears the accumulators.</summary>
    public IReadOnlyList<ScoredDoc> TopK(double[] scores, bool[] seen, List<int> touched, int k)
    {
        try { return SelectTop(scores, touched, k); }
        finally
        {
            foreach (var d in touched) { scores[d] = 0; seen[d] = false; }
            touched.Clear();
        }
    }

    /// <summary>Top k of the documents whose accumulated score was touched, in trec_eval order.</summary>
    IReadOnlyList<ScoredDoc> SelectTop(double[] scores, List<int> touched, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var heap = new PriorityQueue<ScoredDoc, ScoredDoc>(Worse);
        foreach (var d in touched)
        {
            var candidate = new ScoredDoc(DocIds[d], scores[d]);
            if (heap.Count < k) heap.Enqueue(candidate, candidate);
            else if (TrecOrder.Instance.Compare(candidate, heap.Peek()) < 0) heap.EnqueueDequeue(candidate, candidate);
        }
        var result = new ScoredDoc[heap.Count];
        for (var i = result.Length - 1; i >= 0; i--) result[i] = heap.Dequeue();
        return result;
    }

    /// <summary>Orders the worst-ranked document first, so a min-heap keeps the best k.</summary>
    static readonly IComparer<ScoredDoc> Worse = Comparer<ScoredDoc>.Create((a, b) => TrecOrder.Instance.Compare(b, a));
}
