using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Text;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm data pairs</c>: a BEIR split as pointwise rows (<see cref="PairExport"/>), with BM25-hard negatives
/// when <c>hardRatio</c> &gt; 0. On the man-page benchmark a query is a page's own one-line description
/// and its one relevant document the page, so the rows are (description, its page) 1 and (description, another page) 0,
/// the hard ones being the pages BM25 ranks highest for the description. The BM25 is the baselines' (Lucene's
/// stemmed analysis by default), over the whole corpus, or over the split's judged documents with <c>splitNegatives</c>.
/// </summary>
public static class PairExporter
{
    public static long Write(BeirDataset data, string split, string path, long rows = 0, int negatives = 4, long seed = 42,
        double hardRatio = 0, int hardPool = 20, AnalyzerKind analyzer = AnalyzerFactory.Default, bool splitNegatives = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hardPool, 1);
        Func<string, IReadOnlyList<string>>? candidates = null;
        if (hardRatio > 0)
        {
            var tokenizer = AnalyzerFactory.Create(analyzer);
            var qrels = data.Qrels(split);
            // Within the split, BM25 indexes the split's judged documents only, so its top results are all allowed.
            var judged = qrels.QueryIds.SelectMany(qrels.Relevant).ToHashSet(StringComparer.Ordinal);
            var bm25 = new Bm25(data.Documents.Where(d => !splitNegatives || judged.Contains(d.Id))
                .AsParallel().AsOrdered().Select(d => (d.Id, tokenizer.Tokenize(d.FullText))));
            var queries = qrels.QueryIds.Where(data.Queries.ContainsKey).ToList();
            var pools = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
            var found = new IReadOnlyList<string>[queries.Count];
            // The pool is the top hardPool once the query's own clicks are set aside.
            Parallel.For(0, queries.Count, i => found[i] = bm25.Search(tokenizer.Tokenize(data.Queries[queries[i]]), hardPool + qrels.Relevant(queries[i]).Count())
                .Select(h => h.DocId).Where(d => !qrels.Relevant(queries[i]).Contains(d)).Take(hardPool).ToList());
            for (var i = 0; i < queries.Count; i++) pools[queries[i]] = found[i];
            candidates = q => pools.TryGetValue(q, out var p) ? p : [];
        }
        return PairExport.Write(data, split, path, rows, negatives, seed, hardRatio, candidates, splitNegatives);
    }
}
