using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// Pointwise pairs → BEIR. Query and document ids are <see cref="StableId"/>s (<c>q-…</c>, <c>d-…</c>) of
/// their texts; each label-1 pair becomes a judgement of score 1 (the clicked pairs: DSSM's positives).
/// Every document paired with a query, clicked or not, is one of its candidates (<c>candidates.tsv</c>, in
/// first-seen order), so the shown-but-unclicked negatives of Huang et al. (2013, §3.3) are kept for
/// re-ranking and negative sampling. Queries with no positive pair are in no split (there is nothing to
/// evaluate them on) but keep their candidates.
/// </summary>
public static class PointwiseConverter
{
    public static BeirDataset ToBeir(IEnumerable<PointwisePair> pairs, ConvertOptions? options = null) =>
        ToBeir(pairs.Select(p => (p, (string?)null)), options, out _);

    /// <summary>
    /// As <see cref="ToBeir(IEnumerable{PointwisePair}, ConvertOptions?)"/>, with each pair's split given (a release's
    /// train/dev/test files; null = by <paramref name="options"/>). A query clicked in two splits' files goes to the
    /// later of them (test before dev before train) and its clicks from the earlier ones are dropped and counted in
    /// <paramref name="moved"/>: a test query seen in training would report memory, not generalisation.
    /// </summary>
    public static BeirDataset ToBeir(IEnumerable<(PointwisePair Pair, string? Split)> pairs, ConvertOptions? options, out int moved)
    {
        options ??= new ConvertOptions();
        var rows = pairs.ToList();
        var rank = new Dictionary<string, int>(StringComparer.Ordinal) { ["train"] = 0, ["dev"] = 1, ["test"] = 2 };
        var splitOfQuery = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (p, split) in rows)
        {
            if (p.Label <= 0 || split is null) continue;
            var qid = StableId.For("q-", p.Query);
            if (!splitOfQuery.TryGetValue(qid, out var known) || rank.GetValueOrDefault(split, 3) > rank.GetValueOrDefault(known, 3)) splitOfQuery[qid] = split;
        }
        moved = 0;
        var docs = new Dictionary<string, BeirDocument>(StringComparer.Ordinal);
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        var qrels = new Dictionary<string, Qrels>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (p, given) in rows)
        {
            var qid = Intern(queries, "q-", p.Query);
            var did = StableId.For("d-", p.Doc);
            if (docs.TryGetValue(did, out var known)) { if (known.Text != p.Doc) throw new InvalidOperationException($"id collision: '{did}' for two different documents"); }
            else docs[did] = new BeirDocument(did, "", p.Doc);
            if (p.Label > 0 && given is not null && splitOfQuery[qid] != given) moved++;
            else if (p.Label > 0)
            {
                var split = given ?? options.SplitOf(qid);
                if (!qrels.TryGetValue(split, out var set)) qrels[split] = set = new Qrels();
                set.Add(qid, did, 1);
            }
            if (!candidates.TryGetValue(qid, out var list)) candidates[qid] = list = [];
            if (!list.Contains(did)) list.Add(did);
        }
        if (queries.Count == 0) throw new ArgumentException("no pairs to convert");
        return new BeirDataset(docs.Values, queries, qrels,
            candidates.Select(c => KeyValuePair.Create(c.Key, (IReadOnlyList<string>)c.Value)));
    }

    static string Intern(Dictionary<string, string> texts, string prefix, string text)
    {
        var id = StableId.For(prefix, text);
        if (texts.TryGetValue(id, out var known)) { if (known != text) throw new InvalidOperationException($"id collision: '{id}' for two different texts"); }
        else texts[id] = text;
        return id;
    }
}
