using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// Word hashing (Huang et al. 2013, §3.2): a word is marked with <c>#</c> at both ends and cut into
/// letter n-grams — <c>good</c> → <c>#go, goo, ood, od#</c> for n = 3. A word of L letters gives L + 3 − n
/// n-grams; when <c>#word#</c> is shorter than n the whole marked word is the one n-gram (as
/// scikit-learn's <c>char_wb</c> does), so every word has at least one. Letters are Unicode scalars, so a
/// character outside the BMP is never cut in half.
/// </summary>
public static class LetterNGrams
{
    /// <summary>Smallest and largest n accepted.</summary>
    public const int MinN = 2, MaxN = 5;

    /// <summary>The letter n-grams of <paramref name="word"/>, taken as given (no normalisation), in order, with repeats.</summary>
    /// <example><c>Of("good")</c> → <c>["#go", "goo", "ood", "od#"]</c>.</example>
    public static IReadOnlyList<string> Of(string word, int n = 3)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (n is < MinN or > MaxN) throw new ArgumentOutOfRangeException(nameof(n), n, $"n must be between {MinN} and {MaxN}.");
        var sink = new ListSink(new List<string>());
        if (word.Length == 0) return sink.Items;
        var scratch = Array.Empty<char>();
        var starts = Array.Empty<int>();
        Emit(word, n, ref scratch, ref starts, ref sink);
        return sink.Items;
    }

    /// <summary>Emits the n-grams of a non-empty word. <paramref name="scratch"/> and <paramref name="starts"/> are reused buffers.</summary>
    internal static void Emit<TSink>(ReadOnlySpan<char> word, int n, ref char[] scratch, ref int[] starts, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        var m = word.Length + 2;
        if (scratch.Length < m) scratch = new char[Math.Max(m, 2 * scratch.Length)];
        var marked = scratch.AsSpan(0, m);
        marked[0] = '#';
        word.CopyTo(marked[1..]);
        marked[m - 1] = '#';

        if (word.IndexOfAnyInRange('\uD800', '\uDFFF') < 0)
        {
            if (m <= n)
            {
                sink.Add(FeatureKind.NGram, marked);
                return;
            }
            for (var i = 0; i + n <= m; i++) sink.Add(FeatureKind.NGram, marked.Slice(i, n));
            return;
        }

        // Surrogate pairs: n-grams are counted in scalars; starts[k] is where scalar k begins.
        if (starts.Length < m + 1) starts = new int[Math.Max(m + 1, 2 * starts.Length)];
        var count = 0;
        for (var i = 0; i < m;)
        {
            starts[count++] = i;
            Rune.DecodeFromUtf16(marked[i..], out _, out var consumed);
            i += consumed;
        }
        starts[count] = m;
        if (count <= n)
        {
            sink.Add(FeatureKind.NGram, marked);
            return;
        }
        for (var k = 0; k + n <= count; k++) sink.Add(FeatureKind.NGram, marked[starts[k]..starts[k + n]]);
    }

    private readonly struct ListSink(List<string> items) : IFeatureSink
    {
        public List<string> Items { get; } = items;
        public void Add(FeatureKind kind, ReadOnlySpan<char> feature) => Items.Add(feature.ToString());
    }
}
