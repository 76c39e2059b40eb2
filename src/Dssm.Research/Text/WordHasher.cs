using System.Collections.Concurrent;
using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// The word hashing layer of DSSM (Huang et al. 2013, §3.2): a text becomes the bag of the letter n-grams
/// of its words (<c>good</c> → <c>#go goo ood od#</c>), a long sparse vector that is never built densely —
/// the result is a <see cref="SparseBatch"/> that <c>EmbeddingBag(mode: sum)</c> multiplies by the first
/// weight matrix directly. Chinese words (containing a Han character) are kept whole
/// (a bag of words: letter n-grams of Chinese would be single characters), optionally with their characters (<see cref="WordHashingOptions.ChineseCharacters"/>).
/// </summary>
/// <remarks>
/// Two modes (<see cref="WordHashingOptions.Mode"/>): a vocabulary fitted on a corpus
/// (<see cref="Fit"/>, <see cref="Save"/>, <see cref="Load(string)"/>) or the hashing trick
/// (<c>new WordHasher(options with { Mode = Hashing })</c>). Immutable once built: featurize from any
/// number of threads, each with its own <see cref="SparseBatchBuilder"/>.
/// </remarks>
public sealed class WordHasher : ITextFeaturizer
{
    private readonly NGramVocabulary? _vocabulary;
    private readonly ConcurrentBag<SparseBatchBuilder> _pool = new();

    /// <summary>A hasher in <see cref="WordHashingMode.Hashing"/> mode (no corpus needed).</summary>
    /// <exception cref="ArgumentException">The options ask for vocabulary mode (use <see cref="Fit"/>) or are out of range.</exception>
    public WordHasher(WordHashingOptions options)
        : this(options, null)
    {
        if (options.Mode != WordHashingMode.Hashing)
            throw new ArgumentException("WordHashingOptions.Mode is Vocabulary: fit it on a corpus with WordHasher.Fit(texts, options), or load one with WordHasher.Load(path).", nameof(options));
    }

    private WordHasher(WordHashingOptions options, NGramVocabulary? vocabulary)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        Tokenizer = TokenizerFactory.Create(options.Tokenizer);
        _vocabulary = vocabulary;
        Dimension = vocabulary?.Dimension ?? options.Buckets;
        IsHashing = vocabulary is null;
        PackedNGrams = options.N <= 3 && !options.WordUnigrams;
        PackedSeed = StableHash.Seed(FeatureKind.NGram, options.N);
        if (vocabulary is not null && PackedNGrams)
        {
            _packedIds = new Dictionary<ulong, int>();
            for (var id = 1; id < vocabulary.Dimension; id++)
            {
                var e = vocabulary.Entries[id];
                if (e.Kind == FeatureKind.NGram && e.Text.Length == options.N) _packedIds[StableHash.Step(PackedSeed, Pack(e.Text))] = id;
            }
        }
    }

    // Vocabulary mode: n-gram ids by mixed packed n-gram, for the ASCII fast path of SparseBatchBuilder.
    // Keyed by the mix (a bijection, so still exact) because ulong.GetHashCode of a packed trigram
    // (high ^ low 32 bits) collides heavily.
    private readonly Dictionary<ulong, int>? _packedIds;

    /// <summary>Hashing mode (no vocabulary).</summary>
    internal bool IsHashing { get; }

    /// <summary>Vocabulary mode: the fitted features by id (entry 0 is the unknown id); null in hashing mode.</summary>
    internal NGramVocabulary? Vocabulary => _vocabulary;

    /// <summary>Whether <see cref="SparseBatchBuilder"/> may take its packed-n-gram fast path for ASCII text (n ≤ 3, no word unigrams).</summary>
    internal bool PackedNGrams { get; }

    /// <summary>Hash seed of an n-gram of length n.</summary>
    internal ulong PackedSeed { get; }

    /// <summary>Vocabulary mode: the id of a packed n-gram, 0 when unknown and counted, -1 when unknown and dropped.</summary>
    internal int LookUpPacked(ulong gram) =>
        _packedIds!.TryGetValue(StableHash.Step(PackedSeed, gram), out var id) ? id : Options.CountUnknown ? 0 : -1;

    private static ulong Pack(string gram)
    {
        var packed = 0UL;
        foreach (var c in gram) packed = (packed << 16) | c;
        return packed;
    }

    /// <summary>The options this hasher was built (or fitted, or saved) with.</summary>
    public WordHashingOptions Options { get; }

    /// <summary>The tokenizer named by <see cref="WordHashingOptions.Tokenizer"/>.</summary>
    public ITokenizer Tokenizer { get; }

    /// <summary>The input dimension: vocabulary size including the unknown id 0, or the number of buckets.</summary>
    public int Dimension { get; }

    /// <summary>
    /// Builds the hasher for <paramref name="options"/>. In vocabulary mode the n-grams (and words) of
    /// <paramref name="texts"/> are counted; those seen at least <see cref="WordHashingOptions.MinCount"/>
    /// times get ids 1.. by frequency (descending), then ordinal — the same corpus always gives the same
    /// ids. In hashing mode the corpus is not read.
    /// </summary>
    public static WordHasher Fit(IEnumerable<string?> texts, WordHashingOptions options)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.Mode == WordHashingMode.Hashing) return new WordHasher(options);

        var tokenizer = TokenizerFactory.Create(options.Tokenizer);
        var counter = new NGramVocabulary.FeatureCounter();
        var sink = new NGramVocabulary.CountingSink(counter);
        var tokens = new TokenBuffer();
        var scratch = new char[64];
        var starts = Array.Empty<int>();
        foreach (var text in texts)
        {
            tokenizer.Tokenize(text, tokens);
            for (var i = 0; i < tokens.Count; i++) EmitFeatures(options, tokens[i], ref scratch, ref starts, ref sink);
        }
        return new WordHasher(options, NGramVocabulary.FromCounts(counter, options.MinCount, options.MaxFeatures));
    }

    /// <summary>One bag per text, in order. Thread-safe.</summary>
    public SparseBatch Featurize(IReadOnlyList<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var builder = Rent();
        try
        {
            for (var i = 0; i < texts.Count; i++) builder.Append(texts[i]);
            return builder.Build();
        }
        finally { Return(builder); }
    }

    /// <summary>A batch of one bag: the features of <paramref name="text"/>.</summary>
    public SparseBatch Featurize(string? text) => Featurize([text]);

    /// <summary>
    /// One bag per word of <paramref name="text"/>, in order (Count = number of words): the letter n-gram
    /// vector of each word, the input of the convolutional model (CDSSM, Shen et al. 2014), which slides
    /// a window of three words over these. Empty text gives a batch with no bags.
    /// </summary>
    public SparseBatch FeaturizeWords(string? text)
    {
        var builder = Rent();
        try
        {
            builder.AppendWords(text);
            return builder.Build();
        }
        finally { Return(builder); }
    }

    /// <summary>A builder to append texts to with reused buffers; use one per thread.</summary>
    public SparseBatchBuilder CreateBuilder() => new(this);

    /// <summary>What id <paramref name="id"/> stands for: <c>#go</c>, <c>word:北京</c>, <c>char:北</c>, <c>&lt;unk&gt;</c>, or <c>bucket:17</c> in hashing mode.</summary>
    public string FeatureName(int id)
    {
        if ((uint)id >= (uint)Dimension) throw new ArgumentOutOfRangeException(nameof(id), id, $"Ids run from 0 to {Dimension - 1}.");
        if (_vocabulary is null) return $"bucket:{id}";
        if (id == 0) return "<unk>";
        var entry = _vocabulary.Entries[id];
        return entry.Kind switch
        {
            FeatureKind.NGram => entry.Text,
            FeatureKind.Word => $"word:{entry.Text}",
            _ => $"char:{entry.Text}",
        };
    }

    /// <summary>
    /// Writes the options and, in vocabulary mode, every feature with its id and corpus count, as UTF-8
    /// text (<c>id kind count feature</c>, tab-separated). <see cref="Load(string)"/> reads it back into a
    /// hasher that gives identical batches, and saving that again gives an identical file.
    /// </summary>
    public void Save(string path) => WordHasherFile.Save(path, Options, _vocabulary);

    /// <summary>The file name of the hasher inside a run's featurizer folder.</summary>
    public const string FileName = "word-hasher.txt";

    SparseBatch ITextFeaturizer.Featurize(IReadOnlyList<string> texts) => Featurize(texts);
    SparseBatch ITextFeaturizer.FeaturizeWords(string text) => FeaturizeWords(text);
    void ITextFeaturizer.Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Save(Path.Combine(directory, FileName));
    }

    /// <summary>Reads a file written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt; the message names the file, line and field.</exception>
    public static WordHasher Load(string path)
    {
        var (options, vocabulary) = WordHasherFile.Load(path);
        return new WordHasher(options, vocabulary);
    }

    /// <summary>Reads a file written by <see cref="Save"/> and checks it was made with <paramref name="expected"/> options.</summary>
    /// <exception cref="InvalidDataException">The file is corrupt, or one of its options differs (the message names which).</exception>
    public static WordHasher Load(string path, WordHashingOptions expected)
    {
        var hasher = Load(path);
        WordHasherFile.CheckMatches(path, hasher.Options, expected);
        return hasher;
    }

    /// <summary>Adds the features of one word to the current bag of <paramref name="builder"/>; <paramref name="ascii"/>: the word is known to be ASCII.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void EmitWord(ReadOnlySpan<char> word, bool ascii, SparseBatchBuilder builder)
    {
        if (_vocabulary is null)
        {
            var sink = new HashingSink(builder, Dimension);
            EmitFeatures(Options, word, ref builder.Scratch, ref builder.Starts, ref sink);
        }
        else
        {
            var sink = new VocabularySink(builder, _vocabulary, Options.CountUnknown);
            EmitFeatures(Options, word, ref builder.Scratch, ref builder.Starts, ref sink);
        }
    }

    /// <summary>The features of one word: a Chinese word whole (and its characters); any other word's letter n-grams (and itself).</summary>
    private static void EmitFeatures<TSink>(WordHashingOptions options, ReadOnlySpan<char> word, ref char[] scratch, ref int[] starts, ref TSink sink)
        where TSink : struct, IFeatureSink
    {
        if (UnicodeText.ContainsHan(word))
        {
            sink.Add(FeatureKind.Word, word);
            if (!options.ChineseCharacters) return;
            for (var i = 0; i < word.Length;)
            {
                Rune.DecodeFromUtf16(word[i..], out var rune, out var consumed);
                if (UnicodeText.IsHan(rune.Value)) sink.Add(FeatureKind.Character, word.Slice(i, consumed));
                i += consumed;
            }
            return;
        }
        LetterNGrams.Emit(word, options.N, ref scratch, ref starts, ref sink);
        if (options.WordUnigrams) sink.Add(FeatureKind.Word, word);
    }

    private SparseBatchBuilder Rent() => _pool.TryTake(out var builder) ? builder : CreateBuilder();

    private void Return(SparseBatchBuilder builder)
    {
        builder.Clear();
        if (builder.RetainedBytes <= 64L << 20 && _pool.Count < Environment.ProcessorCount) _pool.Add(builder);
    }

    private readonly struct HashingSink(SparseBatchBuilder builder, int buckets) : IFeatureSink
    {
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void Add(FeatureKind kind, ReadOnlySpan<char> feature) =>
            builder.Add(StableHash.Bucket(StableHash.Feature(kind, feature), buckets));
    }

    private readonly struct VocabularySink(SparseBatchBuilder builder, NGramVocabulary vocabulary, bool countUnknown) : IFeatureSink
    {
        public void Add(FeatureKind kind, ReadOnlySpan<char> feature)
        {
            if (vocabulary.TryGetId(kind, feature, out var id)) builder.Add(id);
            else if (countUnknown) builder.Add(0);
        }
    }
}
