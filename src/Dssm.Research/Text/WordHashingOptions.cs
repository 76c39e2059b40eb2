namespace Dssm.Research.Text;

/// <summary>
/// Everything that decides which input ids and weights a text gets — the word hashing layer of
/// Huang et al. 2013 (§3.2) and its ablations, e.g. <c>baseline with { N = 2 }</c>. Saved with a fitted
/// vocabulary, so a model is always fed the features it was trained on.
/// </summary>
public sealed record WordHashingOptions
{
    /// <summary>Letter n-gram length, 2–5. The paper uses trigrams: 30,621 of them cover a 500K-word vocabulary with 22 collisions (Table 1).</summary>
    public int N { get; init; } = 3;

    /// <summary>Fitted vocabulary (the paper) or hashing trick.</summary>
    public WordHashingMode Mode { get; init; } = WordHashingMode.Vocabulary;

    /// <summary>
    /// Number of hash buckets — the input dimension in <see cref="WordHashingMode.Hashing"/> mode. 2^15 =
    /// 32,768 is about the paper's 30K trigram dimension. At most 2^24 (the featurizer keeps an int per
    /// bucket per thread).
    /// </summary>
    public int Buckets { get; init; } = 1 << 15;

    /// <summary>Vocabulary mode: features seen fewer times than this in the corpus become unknown (id 0).</summary>
    public int MinCount { get; init; } = 1;

    /// <summary>Vocabulary mode: keep only the most frequent features (null = all that pass <see cref="MinCount"/>).</summary>
    public int? MaxFeatures { get; init; }

    /// <summary>Also add every English word itself as a feature (a word unigram next to its letter n-grams).</summary>
    public bool WordUnigrams { get; init; }

    /// <summary>
    /// Chinese words (those containing a Han character) are never cut into letter n-grams: following the
    /// seed ("for Chinese, segment into words and use the bag of words") the word itself is the feature.
    /// With this on, each of its Han characters is added as a feature too, which shares evidence between
    /// words such as 北京 and 北京市.
    /// </summary>
    public bool ChineseCharacters { get; init; }

    /// <summary>Counts (the paper) or binary weights.</summary>
    public FeatureWeighting Weighting { get; init; } = FeatureWeighting.Counts;

    /// <summary>Which tokenizer cuts texts into words.</summary>
    public TokenizerKind Tokenizer { get; init; } = TokenizerKind.English;

    /// <summary>
    /// Vocabulary mode: unknown features are counted on id 0, so the model sees how much of a text it
    /// could not read (EmbeddingBag row 0 learns an "unknown" vector). Off: they are dropped.
    /// </summary>
    public bool CountUnknown { get; init; } = true;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field that is out of range.</summary>
    public void Validate()
    {
        if (N is < LetterNGrams.MinN or > LetterNGrams.MaxN)
            throw new ArgumentException($"WordHashingOptions.N is {N}; expected {LetterNGrams.MinN} to {LetterNGrams.MaxN} (the paper uses 3).");
        if (!Enum.IsDefined(Mode)) throw new ArgumentException($"WordHashingOptions.Mode is {Mode}; expected Vocabulary or Hashing.");
        if (Buckets is < 1 or > 1 << 24) throw new ArgumentException($"WordHashingOptions.Buckets is {Buckets}; expected 1 to 16,777,216 (2^24).");
        if (MinCount < 1) throw new ArgumentException($"WordHashingOptions.MinCount is {MinCount}; expected at least 1.");
        if (MaxFeatures is < 1 or > (1 << 24) - 1) throw new ArgumentException($"WordHashingOptions.MaxFeatures is {MaxFeatures}; expected null or 1 to 16,777,215.");
        if (!Enum.IsDefined(Weighting)) throw new ArgumentException($"WordHashingOptions.Weighting is {Weighting}; expected Counts or Binary.");
        if (!Enum.IsDefined(Tokenizer)) throw new ArgumentException($"WordHashingOptions.Tokenizer is {Tokenizer}; expected one of {string.Join(", ", TokenizerFactory.Names)}.");
    }
}
