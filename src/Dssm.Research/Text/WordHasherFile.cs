using System.Globalization;
using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// The file <see cref="WordHasher.Save"/> writes: UTF-8 text, <c>\n</c> line ends, one option per line
/// (<c>key&lt;TAB&gt;value</c>), then one feature per line (<c>id&lt;TAB&gt;kind&lt;TAB&gt;count&lt;TAB&gt;text</c>)
/// in id order. Human-readable (the most frequent trigrams are at the top) and diff-able; a tab, newline
/// or backslash inside a feature is escaped as <c>\t</c>, <c>\n</c>, <c>\r</c>, <c>\\</c>.
/// </summary>
internal static class WordHasherFile
{
    private const string Magic = "# dssm word hashing v1";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private static readonly string[] OptionKeys =
        ["mode", "n", "tokenizer", "word-unigrams", "chinese-characters", "weighting", "count-unknown", "min-count", "max-features", "buckets", "features"];

    public static void Save(string path, WordHashingOptions options, NGramVocabulary? vocabulary)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
        using var writer = new StreamWriter(path, append: false, Utf8) { NewLine = "\n" };
        writer.WriteLine(Magic);
        var count = vocabulary is null ? 0 : vocabulary.Dimension - 1;
        foreach (var (key, value) in Values(options, count)) writer.WriteLine($"{key}\t{value}");
        writer.WriteLine("# id\tkind\tcount\tfeature");
        if (vocabulary is null) return;
        for (var id = 1; id < vocabulary.Dimension; id++)
        {
            var e = vocabulary.Entries[id];
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(KindName(e.Kind));
            writer.Write('\t');
            writer.Write(e.Count.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(Escape(e.Text));
            writer.Write('\n');
        }
    }

    public static (WordHashingOptions Options, NGramVocabulary? Vocabulary) Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Word hashing file '{path}' not found.", path);
        using var reader = new StreamReader(path, Utf8, detectEncodingFromByteOrderMarks: false);
        var line = 0;
        string? Next() { line++; return reader.ReadLine(); }
        InvalidDataException Bad(string message) => new($"{path}:{line}: {message}");

        string? text;
        try { text = Next(); }
        catch (DecoderFallbackException) { throw Bad("not UTF-8 text; expected a word hashing file written by WordHasher.Save."); }
        if (text != Magic) throw Bad($"expected the header '{Magic}', found '{Shorten(text)}'; is this a word hashing file written by WordHasher.Save?");

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in OptionKeys)
        {
            text = Next();
            var tab = text?.IndexOf('\t') ?? -1;
            if (text is null || tab < 0 || text[..tab] != key)
                throw Bad($"expected the option '{key}<TAB>value', found '{Shorten(text)}'.");
            values[key] = text[(tab + 1)..];
        }
        var options = ParseOptions(values, line - OptionKeys.Length + 1, path);
        var features = ParseInt(values["features"], "features", line, path, min: 0);
        text = Next();
        if (text is null || !text.StartsWith('#')) throw Bad($"expected the column header '# id<TAB>kind<TAB>count<TAB>feature', found '{Shorten(text)}'.");

        if (options.Mode == WordHashingMode.Hashing)
        {
            if (features != 0) throw Bad("a hashing-mode file has no features, but 'features' is not 0.");
            if ((text = Next()) is not null) throw Bad($"expected the end of the file (hashing mode keeps no vocabulary), found '{Shorten(text)}'.");
            return (options, null);
        }

        var entries = new List<NGramVocabulary.Entry>(features + 1) { new(FeatureKind.NGram, "", 0) };
        var seen = new HashSet<(FeatureKind, string)>();
        try
        {
            while ((text = Next()) is not null)
            {
                var parts = text.Split('\t');
                if (parts.Length != 4) throw Bad($"expected 4 tab-separated fields (id, kind, count, feature), found {parts.Length}.");
                var expectedId = entries.Count;
                if (parts[0] != expectedId.ToString(CultureInfo.InvariantCulture))
                    throw Bad($"id is '{Shorten(parts[0])}', expected {expectedId} (ids run 1, 2, 3, … without gaps).");
                var kind = ParseKind(parts[1]) ?? throw Bad($"kind is '{Shorten(parts[1])}', expected ngram, word or char.");
                if (!long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
                    throw Bad($"count is '{Shorten(parts[2])}', expected a positive integer.");
                var feature = Unescape(parts[3]) ?? throw Bad($"feature '{Shorten(parts[3])}' has a bad escape; expected \\t, \\n, \\r or \\\\.");
                if (feature.Length == 0) throw Bad("feature is empty.");
                if (!seen.Add((kind, feature))) throw Bad($"{parts[1]} '{Shorten(feature)}' appears twice.");
                entries.Add(new(kind, feature, count));
            }
        }
        catch (DecoderFallbackException) { throw Bad("invalid UTF-8."); }
        line--;
        if (entries.Count - 1 != features)
            throw Bad($"the header says features {features}, but the file holds {entries.Count - 1}; is it truncated?");
        if (options.MaxFeatures is { } max && features > max)
            throw Bad($"the file holds {features} features, more than its max-features {max}.");
        return (options, new NGramVocabulary(entries));
    }

    /// <summary>Throws when a loaded file was made with other options than the caller expects.</summary>
    public static void CheckMatches(string path, WordHashingOptions actual, WordHashingOptions expected)
    {
        foreach (var ((key, a), (_, e)) in Values(actual, 0).Zip(Values(expected, 0)))
            if (key != "features" && a != e)
                throw new InvalidDataException($"{path}:{Array.IndexOf(OptionKeys, key) + 2}: {key} is '{a}' in the file but '{e}' was expected; the file was saved with other word hashing options.");
    }

    private static IEnumerable<(string Key, string Value)> Values(WordHashingOptions o, int features)
    {
        yield return ("mode", o.Mode == WordHashingMode.Vocabulary ? "vocabulary" : "hashing");
        yield return ("n", o.N.ToString(CultureInfo.InvariantCulture));
        yield return ("tokenizer", TokenizerFactory.NameOf(o.Tokenizer));
        yield return ("word-unigrams", o.WordUnigrams ? "true" : "false");
        yield return ("chinese-characters", o.ChineseCharacters ? "true" : "false");
        yield return ("weighting", o.Weighting == FeatureWeighting.Counts ? "counts" : "binary");
        yield return ("count-unknown", o.CountUnknown ? "true" : "false");
        yield return ("min-count", o.MinCount.ToString(CultureInfo.InvariantCulture));
        yield return ("max-features", o.MaxFeatures?.ToString(CultureInfo.InvariantCulture) ?? "none");
        yield return ("buckets", o.Buckets.ToString(CultureInfo.InvariantCulture));
        yield return ("features", features.ToString(CultureInfo.InvariantCulture));
    }

    private static WordHashingOptions ParseOptions(Dictionary<string, string> v, int firstLine, string path)
    {
        InvalidDataException Bad(string key, string expected) =>
            new($"{path}:{firstLine + Array.IndexOf(OptionKeys, key)}: {key} is '{Shorten(v[key])}', expected {expected}.");
        bool Bool(string key) => v[key] switch { "true" => true, "false" => false, _ => throw Bad(key, "true or false") };
        int Int(string key, int min, int max) =>
            int.TryParse(v[key], NumberStyles.None, CultureInfo.InvariantCulture, out var x) && x >= min && x <= max ? x : throw Bad(key, $"an integer from {min} to {max}");

        var options = new WordHashingOptions
        {
            Mode = v["mode"] switch { "vocabulary" => WordHashingMode.Vocabulary, "hashing" => WordHashingMode.Hashing, _ => throw Bad("mode", "vocabulary or hashing") },
            N = Int("n", LetterNGrams.MinN, LetterNGrams.MaxN),
            Tokenizer = TokenizerFactory.Names.Contains(v["tokenizer"]) ? TokenizerFactory.Parse(v["tokenizer"]) : throw Bad("tokenizer", string.Join(", ", TokenizerFactory.Names)),
            WordUnigrams = Bool("word-unigrams"),
            ChineseCharacters = Bool("chinese-characters"),
            Weighting = v["weighting"] switch { "counts" => FeatureWeighting.Counts, "binary" => FeatureWeighting.Binary, _ => throw Bad("weighting", "counts or binary") },
            CountUnknown = Bool("count-unknown"),
            MinCount = Int("min-count", 1, int.MaxValue),
            MaxFeatures = v["max-features"] == "none" ? null : Int("max-features", 1, (1 << 24) - 1),
            Buckets = Int("buckets", 1, 1 << 24),
        };
        return options;
    }

    private static int ParseInt(string value, string key, int line, string path, int min) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var x) && x >= min
            ? x
            : throw new InvalidDataException($"{path}:{line}: {key} is '{Shorten(value)}', expected a non-negative integer.");

    private static string KindName(FeatureKind kind) => kind switch
    {
        FeatureKind.NGram => "ngram",
        FeatureKind.Word => "word",
        _ => "char",
    };

    private static FeatureKind? ParseKind(string name) => name switch
    {
        "ngram" => FeatureKind.NGram,
        "word" => FeatureKind.Word,
        "char" => FeatureKind.Character,
        _ => null,
    };

    private static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny("\t\n\r\\") < 0) return text;
        return text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r");
    }

    private static string? Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\') { sb.Append(text[i]); continue; }
            if (++i >= text.Length) return null;
            switch (text[i])
            {
                case '\\': sb.Append('\\'); break;
                case 't': sb.Append('\t'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                default: return null;
            }
        }
        return sb.ToString();
    }

    private static string Shorten(string? text) => text is null ? "(end of file)" : text.Length <= 60 ? text : text[..57] + "...";
}
