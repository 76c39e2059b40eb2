namespace Dssm.Research.Data;

/// <summary>
/// Turns the clicks of a BEIR split into pointwise rows <c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c>: each click as
/// a row labelled 1 followed by J rows labelled 0 with documents drawn uniformly among those not clicked
/// under the query (the paper's random negatives, §3.3, written out). With <c>rows</c> larger than one pass
/// gives, the clicks are cycled, each pass in a new seeded order — how a large file for streaming is made
/// from a small dataset. Written as it goes: memory does not grow with <c>rows</c>.
/// <para>
/// Hard negatives: with <c>hardRatio</c> &gt; 0, round(J·ratio) of the J are drawn instead from the click's
/// <c>hardCandidates</c> (its query's BM25 top results, best first: the unclicked documents that share its words,
/// the negatives a lexical matcher confuses), the rest uniformly as before — the mix Tevatron trains with, since hard
/// negatives alone make a set no scorer can learn from. A candidate that was clicked, or whose text equals the
/// clicked document's (a duplicate page), is never written as a 0. Every choice is seeded by (seed, pass, click):
/// the same seed writes the same file, and each split draws from its own clicks.
/// </para>
/// <para>
/// <c>splitNegatives</c> draws the 0s only among the documents judged relevant in the same split. Where every
/// document belongs to one query (a known-item set such as the man pages), negatives from the whole corpus put each
/// dev and test document into the training file labelled 0 — a pointwise model then learns those very documents
/// as "never relevant" and is judged on them as positives. Drawing within the split keeps the splits' documents apart.
/// </para>
/// </summary>
public static class PairExport
{
    public static long Write(BeirDataset data, string split, string path, long rows = 0, int negatives = 4, long seed = 42,
        double hardRatio = 0, Func<string, IReadOnlyList<string>>? hardCandidates = null, bool splitNegatives = false)
    {
        if (negatives < 0) throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "J must be ≥ 0");
        if (hardRatio is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(hardRatio), hardRatio, "the share of hard negatives must be in [0, 1]");
        var hardPerClick = (int)Math.Round(negatives * hardRatio, MidpointRounding.AwayFromZero);
        if (hardPerClick > 0 && hardCandidates is null) throw new ArgumentException("hard negatives need each query's candidates (its BM25 top results)", nameof(hardCandidates));
        var qrels = data.Qrels(split);
        var clicks = qrels.QueryIds.SelectMany(q => qrels.Relevant(q).Select(d => (Query: q, Doc: d))).ToArray();
        if (clicks.Length == 0) throw new ArgumentException($"split '{split}' has no judgement with score > 0: no clicks to write");
        var docs = data.Documents;
        if (docs.Count <= 1 && negatives > 0) throw new ArgumentException("the corpus has one document: nothing to sample as a negative");
        var index = docs.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        // The documents negatives are drawn from: the corpus, or the split's judged documents (in corpus order).
        var pool = splitNegatives
            ? clicks.Select(c => index[c.Doc]).Distinct().Order().ToArray()
            : Enumerable.Range(0, docs.Count).ToArray();
        if (splitNegatives && pool.Length <= 1 && negatives > 0) throw new ArgumentException($"split '{split}' judges one document: nothing to sample as a negative within it");
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
                var hard = hardPerClick == 0 ? [] : Hard(hardCandidates!(query), clicked, docs[index[positive]].FullText,
                    hardPerClick, Rng.For(seed, 5, pass * order.Length + c), docs, index);
                foreach (var d in hard)
                {
                    if (written >= rows) break;
                    w.Write($"0\t{queryText}\t{Clean(docs[d].FullText)}\n");
                    written++;
                }
                for (var k = hard.Count; k < negatives && written < rows; k++)
                {
                    int d;
                    var tries = 0;
                    do d = pool[rng.Next(pool.Length)]; while ((clicked.Contains(docs[d].Id) || hard.Contains(d)) && ++tries < 1000);
                    if (clicked.Contains(docs[d].Id)) throw new ArgumentException($"query '{query}' is relevant to (nearly) every document: no unclicked document to write as a negative");
                    w.Write($"0\t{queryText}\t{Clean(docs[d].FullText)}\n");
                    written++;
                }
            }
        }
        return written;
    }

    /// <summary>Up to <paramref name="count"/> distinct candidates drawn uniformly, skipping clicked ones and copies of the clicked text.</summary>
    static List<int> Hard(IReadOnlyList<string> candidates, HashSet<string> clicked, string positiveText, int count, Rng rng,
        IReadOnlyList<BeirDocument> docs, Dictionary<string, int> index)
    {
        var left = candidates.Where(id => !clicked.Contains(id) && index.ContainsKey(id)).Select(id => index[id])
            .Where(d => docs[d].FullText != positiveText).Distinct().ToList();
        var picked = new List<int>(count);
        while (picked.Count < count && left.Count > 0)
        {
            var i = rng.Next(left.Count);
            picked.Add(left[i]);
            left.RemoveAt(i);
        }
        return picked;
    }

    /// <summary>Tabs and line breaks cannot live in the TSV; they become spaces (as in most public pair files).</summary>
    static string Clean(string text) => text.Replace('\t', ' ').Replace('\r', ' ').Replace('\n', ' ');
}
