using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// How well letter n-grams stand in for words — Huang et al. 2013, Table 1: for a word list, the number
/// of distinct words, the n-gram dimension (distinct n-grams), and the collisions (distinct words whose
/// bags of n-grams are identical, so the model cannot tell them apart). The paper: 500K words →
/// 1,607 bigrams with 1,192 collisions, 30,621 trigrams with 22; 40K words → 10,306 trigrams, 2 collisions.
/// </summary>
/// <param name="N">The n-gram length.</param>
/// <param name="Words">Distinct words (after NFKC and lower-casing, as <see cref="WordHasher"/> sees them).</param>
/// <param name="Dimension">Distinct letter n-grams over all words.</param>
/// <param name="Collisions">Words minus distinct bags: the words lost because an earlier word has the same bag.</param>
/// <param name="CollisionGroups">Bags shared by two or more words.</param>
/// <param name="Examples">Up to ten colliding groups, each sorted ordinally, groups in order of their first word.</param>
public sealed record NGramStatistics(int N, int Words, int Dimension, int Collisions, int CollisionGroups, IReadOnlyList<IReadOnlyList<string>> Examples)
{
    /// <summary>
    /// Statistics for one n over a word list: one word per entry, NFKC-normalised, lower-cased and trimmed
    /// (empty entries are skipped; an entry is taken whole, inner punctuation included). The bag of a word
    /// is the multiset of its <see cref="LetterNGrams"/>.
    /// </summary>
    public static NGramStatistics Compute(IEnumerable<string?> words, int n = 3)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (n is < LetterNGrams.MinN or > LetterNGrams.MaxN) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be between {LetterNGrams.MinN} and {LetterNGrams.MaxN}.");
        var distinct = Normalize(words);
        var ngrams = new HashSet<string>(StringComparer.Ordinal);
        var bags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var key = new StringBuilder();
        foreach (var word in distinct)
        {
            var grams = LetterNGrams.Of(word, n).ToArray();
            ngrams.UnionWith(grams);
            Array.Sort(grams, StringComparer.Ordinal);
            key.Clear();
            foreach (var g in grams) key.Append(g).Append('\0');
            var bag = key.ToString();
            if (!bags.TryGetValue(bag, out var group)) bags[bag] = group = [];
            group.Add(word);
        }
        var groups = bags.Values.Where(g => g.Count > 1).ToList();
        var examples = groups.Take(10).Select(g => (IReadOnlyList<string>)g.Order(StringComparer.Ordinal).ToArray()).ToArray();
        return new NGramStatistics(n, distinct.Count, ngrams.Count, distinct.Count - bags.Count, groups.Count, examples);
    }

    /// <summary>The paper's Table 1 for a word list: letter bigrams and letter trigrams.</summary>
    public static IReadOnlyList<NGramStatistics> Table(IEnumerable<string?> words)
    {
        var list = words as IReadOnlyCollection<string?> ?? words.ToList();
        return [Compute(list, 2), Compute(list, 3)];
    }

    private static List<string> Normalize(IEnumerable<string?> words)
    {
        var buffer = new TokenBuffer();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<string>();
        foreach (var raw in words)
        {
            if (string.IsNullOrWhiteSpace(raw)) continue;
            var word = UnicodeText.NormalizeLower(raw.AsSpan().Trim(), buffer, out _).ToString();
            if (word.Length > 0 && seen.Add(word)) ordered.Add(word);
        }
        return ordered;
    }
}
