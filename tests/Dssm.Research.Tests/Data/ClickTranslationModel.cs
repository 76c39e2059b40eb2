using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// A tiny learned baseline that proves the embedded dataset's signal is learnable from its train clicks:
/// a word-translation table p(u | w) from the co-occurrence of query word w and clicked-document word u
/// (IBM model 1 without EM), scoring a document by Σ_w Σ_{u ∈ d} p(u|w)·idf(u) / |d|. No neural network.
/// </summary>
internal sealed class ClickTranslationModel
{
    readonly Dictionary<string, Dictionary<string, double>> table = new(StringComparer.Ordinal);
    readonly Dictionary<string, double> idf = new(StringComparer.Ordinal);
    readonly List<(string Id, HashSet<string> Words)> docs;

    public ClickTranslationModel(BeirDataset ds)
    {
        docs = ds.Documents.Select(d => (d.Id, SimpleBm25.Tokens(d.FullText).ToHashSet(StringComparer.Ordinal))).ToList();
        foreach (var (_, words) in docs) foreach (var w in words) idf[w] = idf.GetValueOrDefault(w) + 1;
        foreach (var w in idf.Keys.ToList()) idf[w] = Math.Log(docs.Count / idf[w]);
        var byId = docs.ToDictionary(d => d.Id, d => d.Words, StringComparer.Ordinal);
        var train = ds.Qrels("train");
        foreach (var q in train.QueryIds)
            foreach (var w in SimpleBm25.Tokens(ds.Queries[q]).Distinct())
            {
                if (!table.TryGetValue(w, out var row)) table[w] = row = new(StringComparer.Ordinal);
                foreach (var d in train.Relevant(q))
                    foreach (var u in byId[d]) row[u] = row.GetValueOrDefault(u) + 1;
            }
        foreach (var row in table.Values)
        {
            var total = row.Values.Sum();
            foreach (var u in row.Keys.ToList()) row[u] /= total;
        }
    }

    public Func<string, List<string>> Ranker(int k) => query =>
    {
        var weight = new Dictionary<string, double>(StringComparer.Ordinal);   // Σ_w p(u|w) · idf(u)
        foreach (var w in SimpleBm25.Tokens(query).Distinct())
            if (table.TryGetValue(w, out var row))
                foreach (var (u, p) in row) weight[u] = weight.GetValueOrDefault(u) + p * idf[u];
        return docs.Select((d, i) => (d.Id, i, Score: d.Words.Sum(u => weight.GetValueOrDefault(u)) / d.Words.Count))
            .OrderByDescending(x => x.Score).ThenBy(x => x.i).Take(k).Select(x => x.Id).ToList();
    };
}
