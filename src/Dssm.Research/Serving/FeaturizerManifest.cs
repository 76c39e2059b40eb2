using System.Globalization;
using System.Text;
using Dssm.Research.Text;

namespace Dssm.Research.Serving;

/// <summary>
/// <c>featurizer.json</c>: how a text becomes the <c>(ids, weights)</c> the ONNX towers read, said in words and
/// numbers any language can implement — the tokenizer, the letter n-grams of each word with <c>#</c> at both ends
/// (Huang et al. 2013, §3.2: <c>good</c> → <c>#go goo ood od#</c>), Chinese words kept whole (and optionally their
/// characters), word unigrams, counts or binary weights, and then either the vocabulary file (<c>vocabulary.tsv</c>:
/// <c>id TAB kind TAB feature</c>, unknown features → id 0 when <c>count_unknown</c>) or the hashing trick's
/// parameters (the exact 64-bit hash of <c>Text/StableHash</c>). The kit's C# featurizer (<c>Text/WordHasher</c>)
/// is the reference; the tests compare the ONNX output on its ids with the kit's vectors.
/// </summary>
public static class FeaturizerManifest
{
    /// <summary>The manifest as a JSON-ready tree.</summary>
    public static Dictionary<string, object?> Describe(WordHasher hasher, TowerWeights tower, bool sharedTowers)
    {
        var o = hasher.Options;
        var features = new Dictionary<string, object?>
        {
            ["mode"] = o.Mode == WordHashingMode.Vocabulary ? "vocabulary" : "hashing",
            ["letter_ngrams"] = new Dictionary<string, object?>
            {
                ["n"] = o.N,
                ["boundary"] = "#",
                ["unit"] = "Unicode scalar (a surrogate pair is one letter)",
                ["rule"] = $"mark the word as #word# and take every run of {o.N} consecutive letters, left to right, repeats kept; when #word# has {o.N} letters or fewer it is itself the one n-gram",
                ["example"] = string.Join(' ', LetterNGrams.Of("good", o.N)),
                ["applies_to"] = "every word without a Han character",
            },
            ["word_unigrams"] = o.WordUnigrams,
            ["chinese"] = new Dictionary<string, object?>
            {
                ["words_whole"] = "a word containing a Han character (CJK unified ideograph, any extension, compatibility ideographs, U+3007) is one feature of kind 'word', never cut into n-grams",
                ["characters"] = o.ChineseCharacters,
                ["characters_rule"] = "when true, each Han character of such a word is also a feature of kind 'char'",
            },
            ["weighting"] = o.Weighting == FeatureWeighting.Counts ? "counts" : "binary",
            ["weighting_rule"] = o.Weighting == FeatureWeighting.Counts
                ? "the weight of an id is the number of times it occurs in the text"
                : "the weight of an id is 1 however often it occurs",
        };
        if (o.Mode == WordHashingMode.Vocabulary)
            features["vocabulary"] = new Dictionary<string, object?>
            {
                ["file"] = OnnxExport.VocabularyFile,
                ["columns"] = new[] { "id", "kind", "feature" },
                ["kinds"] = new Dictionary<string, string> { ["ngram"] = "letter n-gram", ["word"] = "word (Chinese word or word unigram)", ["char"] = "Han character" },
                ["escapes"] = "inside a feature, \\t \\n \\r \\\\ stand for tab, newline, carriage return, backslash",
                ["size"] = hasher.Dimension,
                ["unknown_id"] = 0,
                ["count_unknown"] = o.CountUnknown,
                ["unknown_rule"] = o.CountUnknown ? "a feature not in the file adds to id 0" : "a feature not in the file is dropped",
            };
        else
            features["hashing"] = new Dictionary<string, object?>
            {
                ["buckets"] = o.Buckets,
                ["code_units"] = "UTF-16",
                ["seed"] = "h = fmix64(0x243F6A8885A308D3 ^ (kind_byte << 56) ^ length_in_code_units), kind_byte 'g' (0x67) n-gram, 'w' (0x77) word, 'c' (0x63) char",
                ["step"] = "for each block of up to 4 code units, packed first unit highest (\"goo\" → 0x0067006F006F): h = fmix64((h ^ block) * 0x9E3779B97F4A7C15 mod 2^64)",
                ["fmix64"] = "k ^= k >> 33; k *= 0xFF51AFD7ED558CCD; k ^= k >> 33; k *= 0xC4CEB9FE1A85EC53; k ^= k >> 33 (MurmurHash3's finaliser)",
                ["bucket"] = "((h >> 32) * buckets) >> 32",
            };

        return new Dictionary<string, object?>
        {
            ["format"] = "dssm-featurizer/1",
            ["reference"] = "Dssm.Research Text/WordHasher (C#); this file describes it",
            ["tokenizer"] = Tokenizer(o.Tokenizer),
            ["features"] = features,
            ["towers"] = new Dictionary<string, object?>
            {
                ["query"] = OnnxExport.QueryFile,
                ["document"] = sharedTowers ? OnnxExport.QueryFile : OnnxExport.DocumentFile,
                ["shared"] = sharedTowers,
                ["inputs"] = new Dictionary<string, string>
                {
                    [OnnxTowerGraph.IdsInput] = "int64 (batch, length): the text's distinct feature ids, padded with 0",
                    [OnnxTowerGraph.WeightsInput] = "float32 (batch, length): each id's weight, 0 on padding",
                },
                ["output"] = $"{OnnxTowerGraph.EmbeddingOutput}: float32 (batch, {tower.Output}), unit length; cosine = dot product",
                ["input_dimension"] = tower.Inputs,
                ["opset"] = OnnxTowerGraph.Opset,
            },
        };
    }

    static Dictionary<string, object?> Tokenizer(TokenizerKind kind)
    {
        const string normalise = "NFKC, then invariant lower-casing";
        const string words = "a word is a maximal run of letters and numbers (Unicode L*, Nd, Nl, No), continued by combining marks (Mn, Mc); everything else separates words";
        var t = new Dictionary<string, object?> { ["name"] = TokenizerFactory.NameOf(kind), ["normalise"] = normalise, ["words"] = words };
        t["chinese"] = kind switch
        {
            TokenizerKind.English => "none: a run of Han characters is one word",
            TokenizerKind.Chinese => "jieba precise mode with HMM (jieba's default cut, jieba.NET 0.42.2's dictionary) on the normalised text; each piece is then split into words as above",
            TokenizerKind.ChineseChars => "each Han character is a word; the other runs of a word are words as above",
            _ => "each run of Han characters is cut by jieba (precise mode with HMM); the other runs of a word are words as above",
        };
        return t;
    }

    /// <summary><c>id TAB kind TAB feature</c>, one line per feature, ids 1.. in order (id 0 is the unknown feature and has no line).</summary>
    internal static void WriteVocabulary(NGramVocabulary vocabulary, string path)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
        for (var id = 1; id < vocabulary.Dimension; id++)
        {
            var e = vocabulary.Entries[id];
            var kind = e.Kind switch { FeatureKind.NGram => "ngram", FeatureKind.Word => "word", _ => "char" };
            writer.Write(id.ToString(CultureInfo.InvariantCulture));
            writer.Write('\t');
            writer.Write(kind);
            writer.Write('\t');
            writer.Write(e.Text.Replace("\\", "\\\\").Replace("\t", "\\t").Replace("\n", "\\n").Replace("\r", "\\r"));
            writer.Write('\n');
        }
    }
}
