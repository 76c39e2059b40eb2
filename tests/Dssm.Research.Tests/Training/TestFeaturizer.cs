using Dssm.Research.Text;

namespace Dssm.Research.Tests.Training;

/// <summary>A tiny letter-trigram featurizer for model and trainer tests (the real one is Text.WordHasher).</summary>
sealed class TestFeaturizer(int buckets = 512) : ITextFeaturizer
{
    public int Dimension => buckets;
    public float PoisonWeight { get; set; } = 1;

    public SparseBatch Featurize(IReadOnlyList<string> texts)
    {
        var ids = new List<long>(); var weights = new List<float>(); var offsets = new long[texts.Count];
        for (var t = 0; t < texts.Count; t++)
        {
            offsets[t] = ids.Count;
            foreach (var word in Words(texts[t])) foreach (var g in Grams(word)) { ids.Add(g); weights.Add(PoisonWeight); }
        }
        return new SparseBatch(ids.ToArray(), offsets, weights.ToArray(), texts.Count);
    }

    public SparseBatch FeaturizeWords(string text)
    {
        var words = Words(text).ToList();
        var ids = new List<long>(); var weights = new List<float>(); var offsets = new long[words.Count];
        for (var w = 0; w < words.Count; w++)
        {
            offsets[w] = ids.Count;
            foreach (var g in Grams(words[w])) { ids.Add(g); weights.Add(PoisonWeight); }
        }
        return new SparseBatch(ids.ToArray(), offsets, weights.ToArray(), words.Count);
    }

    public void Save(string directory) { Directory.CreateDirectory(directory); File.WriteAllText(Path.Combine(directory, "test-featurizer.txt"), buckets.ToString()); }

    static IEnumerable<string> Words(string text) => text.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

    IEnumerable<long> Grams(string word)
    {
        var w = "#" + word + "#";
        for (var i = 0; i + 3 <= w.Length; i++)
        {
            uint h = 2166136261;
            foreach (var c in w.AsSpan(i, 3)) h = (h ^ c) * 16777619;
            yield return 1 + h % (uint)(buckets - 1);
        }
    }
}
