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
        // The examples still to place, in order, are the ones an earlier batch skipped (waiting) and then the ones no
        // batch has reached yet (order[next..]): a batch scans only as far as it needs, so an epoch costs O(n) plus
        // the waiting examples it rescans, not a copy of everything left per batch.
        var waiting = new List<int>();
        var next = 0;
        var batches = new List<int[]>(batchCount);
        var documents = new HashSet<int>();
        var queries = new HashSet<int>();
        while (batches.Count < batchCount && (waiting.Count > 0 || next < order.Count))
        {
            documents.Clear(); queries.Clear();
            var batch = new List<int>(batchSize);
            var stillWaiting = new List<int>(waiting.Count);
            bool Take(int example)
            {
                var (document, query) = keys(example);
                if (documents.Contains(document) || queries.Contains(query)) return false;
                documents.Add(document); queries.Add(query);
                batch.Add(example);
                return true;
            }
            foreach (var example in waiting)
                if (batch.Count == batchSize || !Take(example)) stillWaiting.Add(example);
            while (batch.Count < batchSize && next < order.Count)
            {
                var example = order[next++];
                if (!Take(example)) stillWaiting.Add(example);
            }
            batches.Add(batch.ToArray());
            waiting = stillWaiting;
        }
        return (batches, waiting.Count + order.Count - next);
    }

    /// <summary>Trimmed and lower case: texts that differ only so are the same text to a reader (and nearly so to the towers).</summary>
    public static string Normalise(string text) => text.Trim().ToLowerInvariant();

    /// <summary>For each text, an id shared by the texts with the same <see cref="Normalise">normalised</see> form (compared
    /// trimmed and case-insensitively in place, so a corpus's texts are not copied to be compared).</summary>
    public static int[] TextIds(IReadOnlyList<string> texts)
    {
        var ids = new Dictionary<string, int>(SameNormalisedText.Instance);
        var result = new int[texts.Count];
        for (var i = 0; i < texts.Count; i++)
        {
            if (!ids.TryGetValue(texts[i], out var id)) ids[texts[i]] = id = ids.Count;
            result[i] = id;
        }
        return result;
    }

    sealed class SameNormalisedText : IEqualityComparer<string>
    {
        public static readonly SameNormalisedText Instance = new();
        public bool Equals(string? a, string? b) => a is not null && b is not null && a.AsSpan().Trim().Equals(b.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
        public int GetHashCode(string text) => string.GetHashCode(text.AsSpan().Trim(), StringComparison.OrdinalIgnoreCase);
    }
}
