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
    public void Good_IsTheBagOfItsFourTrigrams()
    {
        var batch = new WordHasher(Hashing).Featurize("good");
        Assert.Equal(1, batch.Count);
        Assert.Equal(["#go", "goo", "ood", "od#"], LetterNGrams.Of("good"));
        Assert.Equal(new[] { "#go", "goo", "ood", "od#" }.Select(g => (Bucket(g), 1f)), Bag(batch));
    }

    [Fact]
    public void AMultiWordQuery_CountsRepeatedTrigrams()
    {
        // "good food": ood and od# occur twice; ids appear in order of first occurrence.
        var bag = Bag(new WordHasher(Hashing).Featurize("Good food!"));
        Assert.Equal(
            [(Bucket("#go"), 1f), (Bucket("goo"), 1f), (Bucket("ood"), 2f), (Bucket("od#"), 2f), (Bucket("#fo"), 1f), (Bucket("foo"), 1f)],
            bag);
    }

    [Fact]
    public void BinaryWeights_AreOne()
    {
        var bag = Bag(new WordHasher(Hashing with { Weighting = FeatureWeighting.Binary }).Featurize("good food"));
        Assert.Equal(6, bag.Length);
        Assert.All(bag, f => Assert.Equal(1f, f.Weight));
    }

    [Fact]
    public void EmptyTexts_AreEmptyBags_AtTheirPlace()
    {
        var batch = new WordHasher(Hashing).Featurize(["", "good", "   ", null]);
        Assert.Equal(4, batch.Count);
        Assert.Equal([0L, 0L, 4L, 4L], batch.Offsets);
        Assert.Equal(4, batch.NonZeros);
        Assert.Empty(batch.Bag(0));
        Assert.Empty(batch.Bag(3));
    }

    [Fact]
    public void PunctuationDigitsAndAccents_FollowTheTokenizer()
    {
        var hasher = new WordHasher(Hashing);
        Assert.Equal(Bag(hasher.Featurize("don t 3 5")), Bag(hasher.Featurize("Don't 3.5")));
        Assert.Equal(new[] { "#ca", "caf", "afé", "fé#" }.Select(g => (Bucket(g), 1f)), Bag(hasher.Featurize("Café")));
        Assert.Equal(new[] { "#3#" }.Select(g => (Bucket(g), 1f)), Bag(hasher.Featurize("3")));
    }

    [Fact]
    public void AnEmoji_AddsNothing()
    {
        var hasher = new WordHasher(Hashing);
        Assert.Equal(Bag(hasher.Featurize("good")), Bag(hasher.Featurize("good 👍🏽")));
        Assert.Empty(Bag(hasher.Featurize("😀")));
    }

    [Fact]
    public void WordUnigrams_AddTheWordItself()
    {
        var bag = Bag(new WordHasher(Hashing with { WordUnigrams = true }).Featurize("good"));
        Assert.Equal(5, bag.Length);
        Assert.Equal(StableHash.Bucket(StableHash.Feature(FeatureKind.Word, "good"), 1 << 15), bag[4].Id);
    }

    [Fact]
    public void AChineseWord_IsItselfTheFeature_OptionallyWithItsCharacters()
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
    public void FeaturizeWords_GivesOneBagPerWord_ForTheConvolutionalModel()
    {
        var hasher = new WordHasher(Hashing);
        var words = hasher.FeaturizeWords("Good query");
        Assert.Equal(2, words.Count);
        Assert.Equal(Bag(hasher.Featurize("good")), Bag(words, 0));
        Assert.Equal(new[] { "#qu", "que", "uer", "ery", "ry#" }.Select(g => (Bucket(g), 1f)), Bag(words, 1));
        Assert.Equal(0, hasher.FeaturizeWords("  ").Count);
    }

    [Fact]
    public void Vocabulary_IdsAreSortedByFrequencyThenOrdinal_WithZeroForUnknown()
    {
        // Counts over "good food" + "good": ood 3, od# 3, #go 2, goo 2, #fo 1, foo 1.
        var hasher = WordHasher.Fit(["good food", "good"], new WordHashingOptions());
        Assert.Equal(7, hasher.Dimension);
        Assert.Equal(["<unk>", "od#", "ood", "#go", "goo", "#fo", "foo"], Enumerable.Range(0, 7).Select(hasher.FeatureName));
        // food → #fo foo ood od#; good → #go goo (ood od# again); bad → three unknown trigrams on id 0.
        Assert.Equal([(5L, 1f), (6L, 1f), (2L, 2f), (1L, 2f), (3L, 1f), (4L, 1f), (0L, 3f)], Bag(hasher.Featurize("food good bad")));
    }

    [Fact]
    public void Vocabulary_MinCountMaxFeaturesAndDroppingUnknowns()
    {
        string[] corpus = ["good food", "good"];
        var options = new WordHashingOptions();
        Assert.Equal(5, WordHasher.Fit(corpus, options with { MinCount = 2 }).Dimension);
        Assert.Equal(4, WordHasher.Fit(corpus, options with { MaxFeatures = 3 }).Dimension);
        var dropping = WordHasher.Fit(corpus, options with { CountUnknown = false });
        Assert.Equal([(3L, 1f), (4L, 1f), (2L, 1f), (1L, 1f)], Bag(dropping.Featurize("good bad")));
    }

    [Fact]
    public void Vocabulary_SameCorpus_SameIds_WhateverTheOrderOfTexts()
    {
        string[] corpus = ["the quick brown fox", "jumps over", "the lazy dog", "quick quick"];
        var a = WordHasher.Fit(corpus, new WordHashingOptions());
        var b = WordHasher.Fit(corpus.Reverse(), new WordHashingOptions());
        Assert.Equal(Enumerable.Range(0, a.Dimension).Select(a.FeatureName), Enumerable.Range(0, b.Dimension).Select(b.FeatureName));
    }

    [Fact]
    public void HashingMode_NeedsNoCorpus_VocabularyModeDoes()
    {
        Assert.Equal(1 << 15, WordHasher.Fit(["ignored"], Hashing).Dimension);
        Assert.Contains("WordHasher.Fit", Assert.Throws<ArgumentException>(() => new WordHasher(new WordHashingOptions())).Message);
    }

    [Theory]
    [InlineData(1, "N")]
    [InlineData(6, "N")]
    public void OutOfRangeOptions_NameTheField(int n, string field) =>
        Assert.Contains($"WordHashingOptions.{field}", Assert.Throws<ArgumentException>(() => new WordHasher(Hashing with { N = n })).Message);

    [Fact]
    public void ZeroBuckets_IsRejected() =>
        Assert.Contains("Buckets", Assert.Throws<ArgumentException>(() => new WordHasher(Hashing with { Buckets = 0 })).Message);

    [Fact]
    public void AppendUtf8_GivesTheBagOfTheDecodedString()
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
    public void ConcurrentFeaturisation_GivesTheSequentialResult()
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
