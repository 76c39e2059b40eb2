namespace Dssm.Research.Data;

/// <summary>
/// Turns the clicks of a BEIR split into pointwise rows <c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c>: each click as
/// a row labelled 1 followed by J rows labelled 0 with documents drawn uniformly among those not clicked
/// under the query (the paper's random negatives, §3.3, written out). With <c>rows</c> larger than one pass
/// gives, the clicks are cycled, each pass in a new seeded order — how a large file for streaming is made
/// from a small dataset. Written as it goes: memory does not grow with <c>rows</c>.
/// </summary>
public static class PairExport
{
    public static long Write(BeirDataset data, string split, string path, long rows = 0, int negatives = 4, long seed = 42)
    {
        if (negatives < 0) throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "J must be ≥ 0");
        var qrels = data.Qrels(split);
        var clicks = qrels.QueryIds.SelectMany(q => qrels.Relevant(q).Select(d => (Query: q, Doc: d))).ToArray();
        if (clicks.Length == 0) throw new ArgumentException($"split '{split}' has no judgement with score > 0: no clicks to write");
        var docs = data.Documents;
        if (docs.Count <= 1 && negatives > 0) throw new ArgumentException("the corpus has one document: nothing to sample as a negative");
        var index = docs.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var perPass = (long)clicks.Length * (1 + negatives);
        if (rows <= 0) rows = perPass;
        long written = 0;
        using var w = BeirWriter.Open(path);
        for (var pass = 0L; written < rows; pass++)
        {
            var order = (ValueTuple<string, string>[])clicks.Clone();
            Rng.For(seed, 3, pass).Shuffle(order);
            for (var c = 0; c < order.Length && written < rows; c++)
            {
                var (query, positive) = order[c];
                var queryText = Clean(data.Queries[query]);
                w.Write($"1\t{queryText}\t{Clean(docs[index[positive]].FullText)}\n");
                written++;
                var rng = Rng.For(seed, 4, pass * order.Length + c);
                var clicked = qrels.Relevant(query).ToHashSet(StringComparer.Ordinal);
                for (var k = 0; k < negatives && written < rows; k++)
                {
                    int d;
                    var tries = 0;
                    do d = rng.Next(docs.Count); while (clicked.Contains(docs[d].Id) && ++tries < 1000);
                    if (clicked.Contains(docs[d].Id)) throw new ArgumentException($"query '{query}' is relevant to (nearly) every document: no unclicked document to write as a negative");
                    w.Write($"0\t{queryText}\t{Clean(docs[d].FullText)}\n");
                    written++;
                }
            }
        }
        return written;
    }

    /// <summary>Tabs and line breaks cannot live in the TSV; they become spaces (as in most public pair files).</summary>
    static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
