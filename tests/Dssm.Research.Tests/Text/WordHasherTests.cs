using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Worked examples of the word hashing layer in both modes.</summary>
public class WordHasherTests
{
    private static readonly WordHashingOptions Hashing = new() { Mode = WordHashingMode.Hashing };

    /// <summary>The id of a letter n-gram in hashing mode, computed the slow, obvious way.</summary>
    private static long Bucket(string ngram, int buckets = 1 << 15) => StableHash.Bucket(StableHash.Feature(FeatureKind.NGram, ngram), buckets);

    private static (long Id, float Weight)[] Bag(SparseBatch batch, int bag = 0) => batch.Bag(bag).ToArray();

    [Fact]
    public void Good_is_the_bag_of_its_four_trigrams()
    {
        var batch = new WordHasher(Hashing).Featurize("good");
        Assert.Equal(1, batch.Count);
        Assert.Equal(["#go", "goo", "ood", "od#"], LetterNGrams.Of("good"));
        Assert.Equal(new[] { "#go", "goo", "ood", "od#" }.Select(g => (Bucket(g), 1f)), Bag(batch));
    }

    [Fact]
    public void A_multi_word_query_counts_repeated_trigrams()
    {
        // "good food": ood and od# occur twice; ids appear in order of first occurrence.
        var bag = Bag(new WordHasher(Hashing).Featurize("Good food!"));
        Assert.Equal(
            [(Bucket("#go"), 1f), (Bucket("goo"), 1f), (Bucket("ood"), 2f), (Bucket("od#"), 2f), (Bucket("#fo"), 1f), (Bucket("foo"), 1f)],
            bag);
    }

    [Fact]
    public void Binary_weights_are_one()
    {
        var bag = Bag(new WordHasher(Hashing with { Weighting = FeatureWeighting.Binary }).Featurize("good food"));
        Assert.Equal(6, bag.Length);
        Assert.All(bag, f => Assert.Equal(1f, f.Weight));
    }

    [Fact]
    public void Empty_texts_are_empty_bags_at_their_place()
    {
        var batch = new WordHasher(Hashing).Featurize(["", "good", "   ", null]);
        Assert.Equal(4, batch.Count);
        Assert.Equal([0L, 0L, 4L, 4L], batch.Offsets);
        Assert.Equal(4, batch.NonZeros);
        Assert.Empty(batch.Bag(0));
        Assert.Empty(batch.Bag(3));
    }

    [Fact]
    public void Punctuation_digits_and_accents_follow_the_tokenizer()
    {
        var hasher = new WordHasher(Hashing);
        Assert.Equal(Bag(hasher.Featurize("don t 3 5")), Bag(hasher.Featurize("Don't 3.5")));
        Assert.Equal(new[] { "#ca", "caf", "afé", "fé#" }.Select(g => (Bucket(g), 1f)), Bag(hasher.Featurize("Café")));
        Assert.Equal(new[] { "#3#" }.Select(g => (Bucket(g), 1f)), Bag(hasher.Featurize("3")));
    }

    [Fact]
    public void An_emoji_adds_nothing()
    {
        var hasher = new WordHasher(Hashing);
        Assert.Equal(Bag(hasher.Featurize("good")), Bag(hasher.Featurize("good 👍🏽")));
        Assert.Empty(Bag(hasher.Featurize("😀")));
    }

    [Fact]
    public void Word_unigrams_add_the_word_itself()
    {
        var bag = Bag(new WordHasher(Hashing with { WordUnigrams = true }).Featurize("good"));
        Assert.Equal(5, bag.Length);
        Assert.Equal(StableHash.Bucket(StableHash.Feature(FeatureKind.Word, "good"), 1 << 15), bag[4].Id);
    }

    [Fact]
    public void A_Chinese_word_is_itself_the_feature_optionally_with_its_characters()
    {
        long Word(string w) => StableHash.Bucket(StableHash.Feature(FeatureKind.Word, w), 1 << 15);
        long Char(string c) => StableHash.Bucket(StableHash.Feature(FeatureKind.Character, c), 1 << 15);
        var mixed = Hashing with { Tokenizer = TokenizerKind.Mixed };
        Assert.Equal([(Word("北京"), 1f), (Bucket("#go"), 1f), (Bucket("goo"), 1f), (Bucket("ood"), 1f), (Bucket("od#"), 1f)],
            Bag(new WordHasher(mixed).Featurize("北京good")));
        Assert.Equal([(Word("北京"), 1f), (Char("北"), 1f), (Char("京"), 1f)],
            Bag(new WordHasher(mixed with { ChineseCharacters = true }).Featurize("北京")));
    }

    [Fact]
    public void Featurize_words_gives_one_bag_per_word_for_the_convolutional_model()
    {
        var hasher = new WordHasher(Hashing);
        var words = hasher.FeaturizeWords("Good query");
        Assert.Equal(2, words.Count);
        Assert.Equal(Bag(hasher.Featurize("good")), Bag(words, 0));
        Assert.Equal(new[] { "#qu", "que", "uer", "ery", "ry#" }.Select(g => (Bucket(g), 1f)), Bag(words, 1));
        Assert.Equal(0, hasher.FeaturizeWords("  ").Count);
    }

    [Fact]
    public void Vocabulary_ids_are_sorted_by_frequency_then_ordinal_with_zero_for_unknown()
    {
        // Counts over "good food" + "good": ood 3, od# 3, #go 2, goo 2, #fo 1, foo 1.
        var hasher = WordHasher.Fit(["good food", "good"], new WordHashingOptions());
        Assert.Equal(7, hasher.Dimension);
        Assert.Equal(["<unk>", "od#", "ood", "#go", "goo", "#fo", "foo"], Enumerable.Range(0, 7).Select(hasher.FeatureName));
        // food → #fo foo ood od#; good → #go goo (ood od# again); bad → three unknown trigrams on id 0.
        Assert.Equal([(5L, 1f), (6L, 1f), (2L, 2f), (1L, 2f), (3L, 1f), (4L, 1f), (0L, 3f)], Bag(hasher.Featurize("food good bad")));
    }

    [Fact]
    public void Vocabulary_min_count_max_features_and_dropping_unknowns()
    {
        string[] corpus = ["good food", "good"];
        var options = new WordHashingOptions();
        Assert.Equal(5, WordHasher.Fit(corpus, options with { MinCount = 2 }).Dimension);
        Assert.Equal(4, WordHasher.Fit(corpus, options with { MaxFeatures = 3 }).Dimension);
        var dropping = WordHasher.Fit(corpus, options with { CountUnknown = false });
        Assert.Equal([(3L, 1f), (4L, 1f), (2L, 1f), (1L, 1f)], Bag(dropping.Featurize("good bad")));
    }

    [Fact]
    public void Vocabulary_same_corpus_same_ids_whatever_the_order_of_texts()
    {
        string[] corpus = ["the quick brown fox", "jumps over", "the lazy dog", "quick quick"];
        var a = WordHasher.Fit(corpus, new WordHashingOptions());
        var b = WordHasher.Fit(corpus.Reverse(), new WordHashingOptions());
        Assert.Equal(Enumerable.Range(0, a.Dimension).Select(a.FeatureName), Enumerable.Range(0, b.Dimension).Select(b.FeatureName));
    }

    [Fact]
    public void Hashing_mode_needs_no_corpus_vocabulary_mode_does()
    {
        Assert.Equal(1 << 15, WordHasher.Fit(["ignored"], Hashing).Dimension);
        Assert.Contains("WordHasher.Fit", Assert.Throws<ArgumentException>(() => new WordHasher(new WordHashingOptions())).Message);
    }

    [Theory]
    [InlineData(1, "N")]
    [InlineData(6, "N")]
    public void Out_of_range_options_name_the_field(int n, string field) =>
        Assert.Contains($"WordHashingOptions.{field}", Assert.Throws<ArgumentException>(() => new WordHasher(Hashing with { N = n })).Message);

    [Fact]
    public void Zero_buckets_is_rejected() =>
        Assert.Contains("Buckets", Assert.Throws<ArgumentException>(() => new WordHasher(Hashing with { Buckets = 0 })).Message);

    [Fact]
    public void Append_UTF8_gives_the_bag_of_the_decoded_string()
    {
        var hasher = new WordHasher(Hashing);
        string[] texts = ["Good food", "Café naïve 👍", "深度学习 good", "", "bad\r"];
        var fromStrings = hasher.Featurize(texts);
        var builder = hasher.CreateBuilder();
        foreach (var t in texts) builder.AppendUtf8(System.Text.Encoding.UTF8.GetBytes(t));
        var fromBytes = builder.Build();
        Assert.Equal(fromStrings.Ids, fromBytes.Ids);
        Assert.Equal(fromStrings.Weights, fromBytes.Weights);
        Assert.Equal(fromStrings.Offsets, fromBytes.Offsets);
    }

    [Fact]
    public void Concurrent_featurization_gives_the_sequential_result()
    {
        var hasher = WordHasher.Fit(["good food", "semantic search with deep models"], new WordHashingOptions());
        var texts = Enumerable.Range(0, 200).Select(i => $"text {i} good semantic food {i * 7} café").ToArray();
        var expected = texts.Select(t => hasher.Featurize(t)).ToArray();
        Parallel.For(0, 2000, i =>
        {
            var batch = hasher.Featurize(texts[i % texts.Length]);
            Assert.Equal(expected[i % texts.Length].Ids, batch.Ids);
            Assert.Equal(expected[i % texts.Length].Weights, batch.Weights);
        });
    }
}
