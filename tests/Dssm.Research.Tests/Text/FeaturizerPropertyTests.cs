using CsCheck;
using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Properties over generated strings: nothing crashes the featurizer, the fast paths agree with the obvious one, and vocabularies round-trip.</summary>
public class FeaturizerPropertyTests
{
    // Any UTF-16 (lone surrogates included), and a mix weighted towards the interesting characters.
    private static readonly Gen<string> AnyText = Gen.Char.Array[0, 60].Select(chars => new string(chars));
    private static readonly Gen<string> MixedText = Gen.String[Gen.Char["aAbZz09 .,'#-\t\néÉ中文北京👍\uD800\uDC00\u0301\uFE0F\u3000ﬁＨ"], 0, 60];
    private static readonly Gen<string> AsciiText = Gen.String[Gen.Char['\0', '\x7F'], 0, 80];

    private static void AssertWellFormed(WordHasher hasher, SparseBatch batch, int count)
    {
        Assert.Equal(count, batch.Count);
        Assert.Equal(batch.Ids.Length, batch.Weights.Length);
        Assert.All(batch.Ids, id => Assert.InRange(id, 0, hasher.Dimension - 1));
        Assert.All(batch.Weights, w => Assert.True(w >= 1f));
        for (var b = 0; b < count; b++)
        {
            Assert.InRange(batch.Offsets[b], 0, batch.NonZeros);
            if (b > 0) Assert.True(batch.Offsets[b] >= batch.Offsets[b - 1]);
            var ids = batch.Bag(b).Select(f => f.Id).ToArray();
            Assert.Equal(ids.Length, ids.Distinct().Count());
        }
    }

    [Theory]
    [InlineData(TokenizerKind.English)]
    [InlineData(TokenizerKind.ChineseChars)]
    [InlineData(TokenizerKind.Mixed)]
    [InlineData(TokenizerKind.Chinese)]
    public void No_string_crashes_the_featurizer(TokenizerKind tokenizer)
    {
        var hasher = new WordHasher(new WordHashingOptions { Mode = WordHashingMode.Hashing, Tokenizer = tokenizer, Buckets = 4096, WordUnigrams = true, ChineseCharacters = true });
        Gen.OneOf(AnyText, MixedText).Array[0, 4].Sample(texts =>
        {
            AssertWellFormed(hasher, hasher.Featurize(texts), texts.Length);
            foreach (var t in texts) hasher.FeaturizeWords(t);
        }, iter: tokenizer == TokenizerKind.Chinese ? 300 : 2000);
    }

    [Theory]
    [InlineData(2, FeatureWeighting.Counts)]
    [InlineData(3, FeatureWeighting.Counts)]
    [InlineData(3, FeatureWeighting.Binary)]
    public void The_ASCII_fast_path_agrees_with_the_word_by_word_path(int n, FeatureWeighting weighting)
    {
        // Reference: tokenizer → LetterNGrams (a Chinese word whole) → StableHash, merged the obvious way.
        var options = new WordHashingOptions { Mode = WordHashingMode.Hashing, N = n, Weighting = weighting, Buckets = 1 << 12 };
        var hasher = new WordHasher(options);
        Gen.OneOf(AsciiText, MixedText).Sample(text =>
        {
            var expected = new List<(long Id, float Weight)>();
            foreach (var word in new EnglishTokenizer().Tokenize(text))
                foreach (var (kind, feature) in UnicodeText.ContainsHan(word) ? [(FeatureKind.Word, word)] : LetterNGrams.Of(word, n).Select(g => (FeatureKind.NGram, g)))
                {
                    long id = StableHash.Bucket(StableHash.Feature(kind, feature), options.Buckets);
                    var at = expected.FindIndex(f => f.Id == id);
                    if (at < 0) expected.Add((id, 1f));
                    else if (weighting == FeatureWeighting.Counts) expected[at] = (id, expected[at].Weight + 1f);
                }
            Assert.Equal(expected, hasher.Featurize(text).Bag(0));
        }, iter: 3000);
    }

    [Fact]
    public void The_vocabulary_fast_path_agrees_with_the_named_features()
    {
        Gen.Select(AsciiText.Array[1, 6], AsciiText).Sample((corpus, text) =>
        {
            var hasher = WordHasher.Fit(corpus, new WordHashingOptions());
            var expected = new List<(long Id, float Weight)>();
            var names = Enumerable.Range(1, hasher.Dimension - 1).ToDictionary(hasher.FeatureName, id => (long)id);
            foreach (var word in new EnglishTokenizer().Tokenize(text))
                foreach (var gram in LetterNGrams.Of(word))
                {
                    var id = names.GetValueOrDefault(gram, 0L);
                    var at = expected.FindIndex(f => f.Id == id);
                    if (at < 0) expected.Add((id, 1f));
                    else expected[at] = (id, expected[at].Weight + 1f);
                }
            Assert.Equal(expected, hasher.Featurize(text).Bag(0));
        }, iter: 500);
    }

    [Fact]
    public void Any_fitted_vocabulary_round_trips_through_a_file()
    {
        var folder = Directory.CreateTempSubdirectory("dssm-prop-").FullName;
        try
        {
            Gen.Select(Gen.OneOf(AnyText, MixedText).Array[0, 5], Gen.Int[2, 5], Gen.Bool).Sample((corpus, n, unigrams) =>
            {
                var options = new WordHashingOptions { N = n, WordUnigrams = unigrams, Tokenizer = TokenizerKind.ChineseChars, ChineseCharacters = true };
                var fitted = WordHasher.Fit(corpus, options);
                var path = Path.Combine(folder, $"{Guid.NewGuid():N}.tsv");
                fitted.Save(path);
                var loaded = WordHasher.Load(path, options);
                Assert.Equal(Enumerable.Range(0, fitted.Dimension).Select(fitted.FeatureName), Enumerable.Range(0, loaded.Dimension).Select(loaded.FeatureName));
                Assert.Equal(fitted.Featurize(corpus).Ids, loaded.Featurize(corpus).Ids);
                var again = path + ".again";
                loaded.Save(again);
                Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
            }, iter: 300);
        }
        finally { Directory.Delete(folder, recursive: true); }
    }
}
