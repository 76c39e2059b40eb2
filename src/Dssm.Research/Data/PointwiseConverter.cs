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
    public static BeirDataset ToBeir(IEnumerable<PointwisePair> pairs, ConvertOptions? options = null)
    {
        options ??= new ConvertOptions();
        var docs = new Dictionary<string, BeirDocument>(StringComparer.Ordinal);
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        var qrels = new Dictionary<string, Qrels>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var p in pairs)
        {
            var qid = Intern(queries, "q-", p.Query);
            var did = StableId.For("d-", p.Doc);
            if (docs.TryGetValue(did, out var known)) { if (known.Text != p.Doc) throw new InvalidOperationException($"id collision: '{did}' for two different documents"); }
            else docs[did] = new BeirDocument(did, "", p.Doc);
            if (p.Label > 0)
            {
                var split = options.SplitOf(qid);
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
