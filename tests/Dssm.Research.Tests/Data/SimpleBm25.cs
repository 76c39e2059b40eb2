using Dssm.Research.Data;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// A deliberately plain Okapi BM25 (Robertson et al. 1994; Lucene's idf ln(1 + (N - df + .5)/(df + .5)))
/// and NDCG@10 / MRR@10, kept in the tests so the dataset's baseline can be checked without the
/// Evaluation module. Tokens: lower-cased runs of letters and digits; each Han character is a token.
/// </summary>
internal sealed class SimpleBm25
{
    readonly List<Dictionary<string, int>> tf = [];
    readonly List<int> length = [];
    readonly Dictionary<string, int> df = new(StringComparer.Ordinal);
    readonly double avgdl, k1, b;
    public readonly List<string> Ids = [];

    public SimpleBm25(IEnumerable<BeirDocument> docs, double k1 = 0.9, double b = 0.4)
    {
        this.k1 = k1;
        this.b = b;
        foreach (var d in docs)
        {
            var tokens = Tokens(d.FullText);
            var counts = tokens.GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            foreach (var t in counts.Keys) df[t] = df.GetValueOrDefault(t) + 1;
            tf.Add(counts);
            length.Add(tokens.Count);
            Ids.Add(d.Id);
        }
        avgdl = length.Average();
    }

    public static List<string> Tokens(string text)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            bool han = c >= '\u4e00' && c <= '\u9fff';
            if (char.IsLetterOrDigit(c) && !han) { current.Append(c); continue; }
            if (current.Length > 0) { tokens.Add(current.ToString()); current.Clear(); }
            if (han) tokens.Add(c.ToString());
        }
        if (current.Length > 0) tokens.Add(current.ToString());
        return tokens;
    }

    public List<string> Search(string query, int k)
    {
        int n = tf.Count;
        var scores = new double[n];
        foreach (var t in Tokens(query))
        {
            if (!df.TryGetValue(t, out var f)) continue;
            var idf = Math.Log(1 + (n - f + 0.5) / (f + 0.5));
            for (int i = 0; i < n; i++)
                if (tf[i].TryGetValue(t, out var c))
                    scores[i] += idf * c * (k1 + 1) / (c + k1 * (1 - b + b * length[i] / avgdl));
        }
        // ties broken by corpus order: deterministic
        return Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(k).Select(i => Ids[i]).ToList();
    }

    /// <summary>Mean NDCG@k and MRR@k over the judged queries (binary or graded gains, 2^rel - 1 not used: gain = rel).</summary>
    public static (double Ndcg, double Mrr) Evaluate(Func<string, List<string>> rank, IReadOnlyDictionary<string, string> queries, Qrels qrels, int k = 10)
    {
        double ndcg = 0, mrr = 0;
        int count = 0;
        foreach (var q in qrels.QueryIds)
        {
            var ranked = rank(queries[q]);
            double dcg = 0, rr = 0;
            for (int i = 0; i < Math.Min(k, ranked.Count); i++)
            {
                var rel = qrels.Relevance(q, ranked[i]);
                if (rel <= 0) continue;
                dcg += rel / Math.Log2(i + 2);
                if (rr == 0) rr = 1.0 / (i + 1);
            }
            var ideal = qrels.For(q).Values.Where(r => r > 0).OrderByDescending(r => r).Take(k).Select((r, i) => r / Math.Log2(i + 2)).Sum();
            ndcg += ideal > 0 ? dcg / ideal : 0;
            mrr += rr;
            count++;
        }
        return (ndcg / count, mrr / count);
    }
}
