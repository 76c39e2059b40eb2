namespace Dssm.Research.Training;

/// <summary>
/// sentence-transformers' NoDuplicatesBatchSampler: walk the shuffled examples, put each into the current batch
/// unless one of its texts is already there (then it waits and is tried again for the next batch), emit the batch
/// when full. Deterministic for a given order. The epoch keeps its ⌈n / B⌉ batches (schedules and resumed runs
/// count on it): examples that still wait when those are full — a text with more examples than there are batches
/// — are left out of that epoch, and counted.
/// </summary>
/// <example>
/// Order a b c d, batch 2, texts a = (d0, q0), b = (d0, q1), c = (d1, q2), d = (d2, q3): batch 1 takes a, skips b
/// (d0 is there), takes c; batch 2 takes b, d. Nothing is left out.
/// </example>
public static class NoDuplicateBatches
{
    /// <summary>The batches (indices of <paramref name="order"/>'s examples) and how many examples are left out.</summary>
    /// <param name="keys">An example's texts as ids (equal ids, equal <see cref="Normalise">normalised</see> texts); two
    /// examples clash when they share a document text or a query text.</param>
    public static (IReadOnlyList<int[]> Batches, int LeftOut) Plan(IReadOnlyList<int> order, int batchSize, Func<int, (int Document, int Query)> keys)
    {
        var batchCount = (order.Count + batchSize - 1) / batchSize;
        var remaining = new List<int>(order);
        var batches = new List<int[]>(batchCount);
        var documents = new HashSet<int>();
        var queries = new HashSet<int>();
        while (batches.Count < batchCount && remaining.Count > 0)
        {
            documents.Clear(); queries.Clear();
            var batch = new List<int>(batchSize);
            var waiting = new List<int>(remaining.Count);
            foreach (var example in remaining)
            {
                if (batch.Count == batchSize) { waiting.Add(example); continue; }
                var (document, query) = keys(example);
                if (documents.Contains(document) || queries.Contains(query)) { waiting.Add(example); continue; }
                documents.Add(document); queries.Add(query);
                batch.Add(example);
            }
            batches.Add(batch.ToArray());
            remaining = waiting;
        }
        return (batches, remaining.Count);
    }

    /// <summary>Trimmed and lower case: texts that differ only so are the same text to a reader (and nearly so to the towers).</summary>
    public static string Normalise(string text) => text.Trim().ToLowerInvariant();

    /// <summary>For each text, an id shared by the texts with the same <see cref="Normalise">normalised</see> form.</summary>
    public static int[] TextIds(IReadOnlyList<string> texts)
    {
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var result = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            var key = Normalise(texts[i]);
            if (!ids.TryGetValue(key, out var id)) ids[key] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }
}
