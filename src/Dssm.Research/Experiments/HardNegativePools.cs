using Dssm.Research.Evaluation;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// The bm25 sampler's candidates: for each training query, BM25's top <see cref="TrainOptions.HardNegativePool"/>
/// non-positive documents, minus the likely false negatives. A known-item set has one judged document per query,
/// and the corpus often holds an unjudged one as good (a page and its alias, a near copy); sampled as a negative it
/// teaches the model to push apart what should match. Two guards, after sentence-transformers' mine_hard_negatives:
/// a candidate that BM25 scores above <see cref="TrainOptions.HardNegativeMargin"/> times the best positive's score
/// (its <c>relative_margin</c>), and one whose word set has a Jaccard similarity ≥
/// <see cref="TrainOptions.NearDuplicateJaccard"/> with a positive's.
/// </summary>
public static class HardNegativePools
{
    /// <summary>What the guards did: candidates looked at, and those skipped by each.</summary>
    public sealed record Counts(long Candidates, long AboveMargin, long NearDuplicates)
    {
        public IReadOnlyDictionary<string, object?> ToRecord() => new Dictionary<string, object?>
        {
            ["event"] = "hard_negative_guard", ["candidates"] = Candidates, ["skipped_above_margin"] = AboveMargin, ["skipped_near_duplicates"] = NearDuplicates,
        };
    }

    /// <summary>Pools per query index (empty for queries without clicks) and the guards' counts.</summary>
    /// <param name="documents">Document texts, by index.</param>
    /// <param name="queries">Query texts, by index.</param>
    /// <param name="positives">Each query's positive documents.</param>
    public static (IReadOnlyList<int>[] Pools, Counts Counts) Build(IReadOnlyList<string> documents, IReadOnlyList<string> queries,
        IReadOnlyList<IReadOnlySet<int>> positives, TrainOptions options)
    {
        // The BM25 of the baselines (TrainOptions.HardNegativeAnalyzer, by default Lucene's stemmed analysis), not the model's tokenizer.
        var tokenizer = AnalyzerFactory.Create(options.HardNegativeAnalyzer, options.Hashing.Tokenizer);
        var tokens = documents.AsParallel().AsOrdered().Select(tokenizer.Tokenize).ToArray();
        var bm25 = new Bm25(tokens.Select((t, i) => (i.ToString(System.Globalization.CultureInfo.InvariantCulture), t)));
        var words = tokens.Select(t => t.ToHashSet(StringComparer.Ordinal)).ToArray();
        var pools = new IReadOnlyList<int>[queries.Count];
        long candidates = 0, aboveMargin = 0, nearDuplicates = 0;
        Parallel.For(0, queries.Count, q =>
        {
            if (positives[q].Count == 0) { pools[q] = Array.Empty<int>(); return; }
            var queryTokens = tokenizer.Tokenize(queries[q]);
            var hits = bm25.Search(queryTokens, options.HardNegativePool + positives[q].Count + 5);
            var best = options.HardNegativeMargin > 0
                ? bm25.Score(queryTokens, positives[q].Select(p => p.ToString(System.Globalization.CultureInfo.InvariantCulture))).Max(s => s.Score)
                : double.PositiveInfinity;
            var pool = new List<int>(options.HardNegativePool);
            long seen = 0, margin = 0, copies = 0;
            foreach (var hit in hits)
            {
                var d = int.Parse(hit.DocId, System.Globalization.CultureInfo.InvariantCulture);
                if (positives[q].Contains(d)) continue;
                if (pool.Count == options.HardNegativePool) break;
                seen++;
                if (options.HardNegativeMargin > 0 && hit.Score > options.HardNegativeMargin * best) { margin++; continue; }
                if (options.NearDuplicateJaccard > 0 && positives[q].Any(p => Jaccard(words[p], words[d]) >= options.NearDuplicateJaccard)) { copies++; continue; }
                pool.Add(d);
            }
            pools[q] = pool;
            Interlocked.Add(ref candidates, seen); Interlocked.Add(ref aboveMargin, margin); Interlocked.Add(ref nearDuplicates, copies);
        });
        return (pools, new Counts(candidates, aboveMargin, nearDuplicates));
    }

    /// <summary>|A ∩ B| / |A ∪ B| of two word sets; 1 for two empty ones.</summary>
    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 && b.Count == 0) return 1;
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var common = small.Count(large.Contains);
        return (double)common / (a.Count + b.Count - common);
    }
}
