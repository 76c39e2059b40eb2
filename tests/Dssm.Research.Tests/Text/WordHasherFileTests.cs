using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>A fitted vocabulary is saved with the model and must come back bit-identically.</summary>
public sealed class WordHasherFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("dssm-vocab-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string PathOf(string name) => Path.Combine(_folder, name);

    private static readonly string[] Corpus = ["Good food, good mood.", "Deep semantic models for web search", "北京 good 清华", "café 3.5 ok"];

    [Fact]
    public void Save_load_save_is_byte_identical_and_featurizes_identically()
    {
        var options = new WordHashingOptions { Tokenizer = TokenizerKind.Mixed, WordUnigrams = true, ChineseCharacters = true, Weighting = FeatureWeighting.Binary };
        var fitted = WordHasher.Fit(Corpus, options);
        fitted.Save(PathOf("a.tsv"));
        var loaded = WordHasher.Load(PathOf("a.tsv"));
        loaded.Save(PathOf("b.tsv"));
        Assert.Equal(File.ReadAllBytes(PathOf("a.tsv")), File.ReadAllBytes(PathOf("b.tsv")));
        Assert.Equal(fitted.Options, loaded.Options);
        Assert.Equal(fitted.Dimension, loaded.Dimension);
        var a = fitted.Featurize(Corpus);
        var b = loaded.Featurize(Corpus);
        Assert.Equal(a.Ids, b.Ids);
        Assert.Equal(a.Weights, b.Weights);
        Assert.Equal(a.Offsets, b.Offsets);
    }

    [Fact]
    public void The_file_is_readable_text()
    {
        WordHasher.Fit(["good food", "good"], new WordHashingOptions()).Save(PathOf("v.tsv"));
        var lines = File.ReadAllLines(PathOf("v.tsv"));
        Assert.Equal("# dssm word hashing v1", lines[0]);
        Assert.Contains("n\t3", lines);
        Assert.Contains("features\t6", lines);
        Assert.Equal("1\tngram\t3\tod#", lines[13]);
        Assert.Equal("6\tngram\t1\tfoo", lines[^1]);
    }

    [Fact]
    public void Hashing_mode_saves_its_options_only()
    {
        var options = new WordHashingOptions { Mode = WordHashingMode.Hashing, Buckets = 1000, N = 2 };
        new WordHasher(options).Save(PathOf("h.tsv"));
        var loaded = WordHasher.Load(PathOf("h.tsv"));
        Assert.Equal(options, loaded.Options);
        Assert.Equal(1000, loaded.Dimension);
    }

    [Fact]
    public void Load_with_other_expected_options_names_the_field()
    {
        WordHasher.Fit(Corpus, new WordHashingOptions()).Save(PathOf("v.tsv"));
        var error = Assert.Throws<InvalidDataException>(() => WordHasher.Load(PathOf("v.tsv"), new WordHashingOptions { N = 2 }));
        Assert.Contains("v.tsv:3: n is '3' in the file but '2' was expected", error.Message);
        Assert.Equal(WordHasher.Load(PathOf("v.tsv"), new WordHashingOptions()).Dimension, WordHasher.Load(PathOf("v.tsv")).Dimension);
    }

    [Theory]
    [InlineData(0, "hello", "v.tsv:1: expected the header")]
    [InlineData(2, "n\tseven", "v.tsv:3: n is 'seven', expected an integer from 2 to 5")]
    [InlineData(3, "tokenizer\tklingon", "v.tsv:4: tokenizer is 'klingon'")]
    [InlineData(6, "weighting\tsome", "v.tsv:7: weighting is 'some', expected counts or binary")]
    [InlineData(13, "1\tngram\t3", "v.tsv:14: expected 4 tab-separated fields")]
    [InlineData(13, "7\tngram\t3\tod#", "v.tsv:14: id is '7', expected 1")]
    [InlineData(13, "1\tgram\t3\tod#", "v.tsv:14: kind is 'gram'")]
    [InlineData(13, "1\tngram\t-3\tod#", "v.tsv:14: count is '-3'")]
    [InlineData(14, "2\tngram\t3\tod#", "v.tsv:15: ngram 'od#' appears twice")]
    [InlineData(13, "1\tngram\t3\tod\\x", "v.tsv:14: feature 'od\\x' has a bad escape")]
    public void A_corrupt_file_names_file_line_and_field(int line, string replacement, string message)
    {
        WordHasher.Fit(["good food", "good"], new WordHashingOptions()).Save(PathOf("v.tsv"));
        var lines = File.ReadAllLines(PathOf("v.tsv"));
        lines[line] = replacement;
        File.WriteAllText(PathOf("v.tsv"), string.Join("\n", lines) + "\n");
        var error = Assert.Throws<InvalidDataException>(() => WordHasher.Load(PathOf("v.tsv")));
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void A_truncated_file_is_detected()
    {
        WordHasher.Fit(["good food", "good"], new WordHashingOptions()).Save(PathOf("v.tsv"));
        var lines = File.ReadAllLines(PathOf("v.tsv"));
        File.WriteAllText(PathOf("v.tsv"), string.Join("\n", lines[..^2]) + "\n");
        Assert.Contains("the header says features 6, but the file holds 4; is it truncated?",
            Assert.Throws<InvalidDataException>(() => WordHasher.Load(PathOf("v.tsv"))).Message);
    }

    [Fact]
    public void A_missing_file_is_named() =>
        Assert.Contains("nope.tsv", Assert.Throws<FileNotFoundException>(() => WordHasher.Load(PathOf("nope.tsv"))).Message);

    [Fact]
    public void Non_UTF8_bytes_are_reported_not_misread()
    {
        File.WriteAllBytes(PathOf("v.tsv"), [0xFF, 0xFE, 0x00, 0x41, 0x0A]);
        Assert.Contains("v.tsv:1:", Assert.Throws<InvalidDataException>(() => WordHasher.Load(PathOf("v.tsv"))).Message);
    }
}
