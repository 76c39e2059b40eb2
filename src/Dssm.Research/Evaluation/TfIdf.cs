using Dssm.Research.Ranking;

namespace Dssm.Research.Evaluation;

/// <summary>
/// TF-IDF cosine, the paper's strongest lexical baseline (Huang et al. 2013, Table 2: NDCG@1 .319 vs BM25 .308):
/// <code>
/// w(t, x)   = tf(t, x) · idf(t)                 (tf: raw count, or 1 + ln tf; see <see cref="TfIdfOptions"/>)
/// idf(t)    = ln((1 + N) / (1 + df(t))) + 1      (smoothed, scikit-learn's default)
/// score(q,d) = Σ_t w(t,q)·w(t,d) / (‖w(·,q)‖ · ‖w(·,d)‖)
/// </code>
/// idf comes from the corpus for query and document alike; query tokens absent from the corpus are dropped
/// (they would add the same factor to every document's cosine). An empty document or query scores 0.
/// Immutable after construction; <see cref="Search"/> and <see cref="Score"/> are safe to call concurrently.
/// </summary>
public sealed class TfIdf : ILexicalModel
{
    readonly InvertedIndex index;
    readonly double[] idf;
    readonly double[] docNorm;

    /// <summary>Indexes a corpus of (id, tokens) documents; ids must be unique.</summary>
    public TfIdf(IEnumerable<(string Id, IReadOnlyList<string> Tokens)> docs, TfIdfOptions? options = null)
    {
        Options = options ?? new TfIdfOptions();
        index = new InvertedIndex(docs);
        var n = index.Count;
        idf = index.PostingDocs.Select(p => Options.SmoothIdf ? Math.Log((1.0 + n) / (1.0 + p.Length)) + 1 : Math.Log((double)n / p.Length) + 1).ToArray();
        var squares = new double[n];
        for (var t = 0; t < idf.Length; t++)
        {
            var docs2 = index.PostingDocs[t];
            var freqs = index.PostingFreqs[t];
            for (var i = 0; i < docs2.Length; i++)
            {
                var w = Tf(freqs[i]) * idf[t];
                squares[docs2[i]] += w * w;
            }
        }
        docNorm = squares.Select(Math.Sqrt).ToArray();
    }

    /// <summary>Indexes raw texts with a tokenizer (use the same one for queries).</summary>
    public static TfIdf FromText(IEnumerable<(string Id, string Text)> docs, Func<string, IReadOnlyList<string>> tokenize, TfIdfOptions? options = null) =>
        new(docs.Select(d => (d.Id, tokenize(d.Text))), options);

    /// <summary>The weighting in use.</summary>
    public TfIdfOptions Options { get; }

    /// <inheritdoc/>
    public int DocumentCount => index.Count;

    /// <summary>idf of a token; 0 for a token absent from the corpus.</summary>
    public double Idf(string token) => index.TermIds.TryGetValue(token, out var t) ? idf[t] : 0;

    /// <inheritdoc/>
    public IReadOnlyList<ScoredDoc> Search(IReadOnlyList<string> queryTokens, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var (terms, queryNorm) = QueryWeights(queryTokens);
        var (scores, seen, touched) = index.Accumulators();
        foreach (var (t, wq) in terms)
        {
            var docs = index.PostingDocs[t];
            var freqs = index.PostingFreqs[t];
            for (var i = 0; i < docs.Length; i++)
            {
                var d = docs[i];
                if (!seen[d]) { seen[d] = true; touched.Add(d); }
                scores[d] += wq * Tf(freqs[i]) * idf[t];
            }
        }
        foreach (var d in touched) scores[d] = docNorm[d] > 0 && queryNorm > 0 ? scores[d] / (docNorm[d] * queryNorm) : 0;
        return index.TopK(scores, seen, touched, k);
    }

    /// <inheritdoc/>
    public IReadOnlyList<ScoredDoc> Score(IReadOnlyList<string> queryTokens, IEnumerable<string> docIds)
    {
        var (terms, queryNorm) = QueryWeights(queryTokens);
        return docIds.Select(id =>
        {
            var d = index.Lookup(id);
            double dot = 0;
            foreach (var (t, wq) in terms)
            {
                var tf = index.Frequency(t, d);
                if (tf > 0) dot += wq * Tf(tf) * idf[t];
            }
            return new ScoredDoc(id, docNorm[d] > 0 && queryNorm > 0 ? dot / (docNorm[d] * queryNorm) : 0);
        }).ToArray();
    }

    (List<(int Term, double Weight)> Terms, double Norm) QueryWeights(IReadOnlyList<string> tokens)
    {
        var terms = index.QueryTerms(tokens).Select(p => (p.Term, Tf(p.Count) * idf[p.Term])).ToList();
        return (terms, Math.Sqrt(terms.Sum(p => p.Item2 * p.Item2)));
    }

    double Tf(int count) => Options.SublinearTf ? 1 + Math.Log(count) : count;
}
