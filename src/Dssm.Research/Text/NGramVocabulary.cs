using System.Runtime.InteropServices;

namespace Dssm.Research.Text;

/// <summary>
/// The fitted features of <see cref="WordHashingMode.Vocabulary"/> mode: id 0 is the unknown feature,
/// ids 1.. are sorted by corpus frequency (descending), then kind, then ordinal text — deterministic for a
/// given corpus, whatever the order of dictionary enumeration. Read-only after construction, so
/// look-ups from many threads are safe.
/// </summary>
internal sealed class NGramVocabulary
{
    /// <summary>One feature: its kind, text and corpus count. Entry 0 is the unknown feature.</summary>
    internal readonly record struct Entry(FeatureKind Kind, string Text, long Count);

    private readonly Dictionary<string, int>[] _byKind;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;

    public IReadOnlyList<Entry> Entries { get; }

    public NGramVocabulary(IReadOnlyList<Entry> entries)
    {
        Entries = entries;
        _byKind = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        for (var id = 1; id < entries.Count; id++) _byKind[(int)entries[id].Kind].Add(entries[id].Text, id);
        _lookups = [.. _byKind.Select(d => d.GetAlternateLookup<ReadOnlySpan<char>>())];
    }

    /// <summary>Number of ids, unknown included: the input dimension.</summary>
    public int Dimension => Entries.Count;

    public bool TryGetId(FeatureKind kind, ReadOnlySpan<char> text, out int id) => _lookups[(int)kind].TryGetValue(text, out id);

    public bool Contains(FeatureKind kind, string text) => _byKind[(int)kind].ContainsKey(text);

    /// <summary>Sorts counted features into ids; drops those below <paramref name="minCount"/>, keeps at most <paramref name="maxFeatures"/>.</summary>
    public static NGramVocabulary FromCounts(FeatureCounter counter, int minCount, int? maxFeatures)
    {
        var kept = new List<Entry>();
        for (var kind = 0; kind < counter.ByKind.Length; kind++)
            foreach (var (text, count) in counter.ByKind[kind])
                if (count >= minCount) kept.Add(new Entry((FeatureKind)kind, text, count));
        kept.Sort(static (a, b) =>
        {
            var byCount = b.Count.CompareTo(a.Count);
            if (byCount != 0) return byCount;
            var byKind = a.Kind.CompareTo(b.Kind);
            return byKind != 0 ? byKind : string.CompareOrdinal(a.Text, b.Text);
        });
        if (maxFeatures is { } max && kept.Count > max) kept.RemoveRange(max, kept.Count - max);
        if (kept.Count + 1 > 1 << 24)
            throw new InvalidOperationException($"The vocabulary has {kept.Count:N0} features; at most 16,777,215 are supported. Raise WordHashingOptions.MinCount or set MaxFeatures.");
        kept.Insert(0, new Entry(FeatureKind.NGram, "", 0));
        return new NGramVocabulary(kept);
    }

    /// <summary>Counts features over a corpus while fitting (one string per distinct feature, none per occurrence).</summary>
    internal sealed class FeatureCounter
    {
        public readonly Dictionary<string, long>[] ByKind = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];
        private readonly Dictionary<string, long>.AlternateLookup<ReadOnlySpan<char>>[] _lookups;

        public FeatureCounter() => _lookups = [.. ByKind.Select(d => d.GetAlternateLookup<ReadOnlySpan<char>>())];

        public void Add(FeatureKind kind, ReadOnlySpan<char> text)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(_lookups[(int)kind], text, out _);
            count++;
        }
    }

    internal readonly struct CountingSink(FeatureCounter counter) : IFeatureSink
    {
        public void Add(FeatureKind kind, ReadOnlySpan<char> feature) => counter.Add(kind, feature);
    }
}
