using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Mixed Chinese/English text, the character-level alternative, and naming tokenizers.</summary>
public class MixedTokenizerTests
{
    [Fact]
    public void Mixed_text_segments_Chinese_runs_and_keeps_Latin_words() =>
        Assert.Equal(["用", "dssm", "做", "语义", "搜索"], new MixedTokenizer().Tokenize("用DSSM做语义搜索"));

    [Fact]
    public void Mixed_text_splits_Latin_at_punctuation() =>
        Assert.Equal(["iphone", "15", "手机", "壳", "good", "query"], new MixedTokenizer().Tokenize("iPhone-15手机壳, good query!"));

    [Fact]
    public void English_only_text_is_tokenized_as_English() =>
        Assert.Equal(new EnglishTokenizer().Tokenize("A Café, 2 words"), new MixedTokenizer().Tokenize("A Café, 2 words"));

    [Fact]
    public void Character_level_makes_every_Han_character_a_word() =>
        Assert.Equal(["深", "度", "学", "习", "dssm", "3", "5", "倍"], new ChineseCharacterTokenizer().Tokenize("深度学习DSSM 3.5倍"));

    [Theory]
    [InlineData("english", TokenizerKind.English, typeof(EnglishTokenizer))]
    [InlineData("chinese", TokenizerKind.Chinese, typeof(ChineseTokenizer))]
    [InlineData("Chinese-Chars", TokenizerKind.ChineseChars, typeof(ChineseCharacterTokenizer))]
    [InlineData("mixed", TokenizerKind.Mixed, typeof(MixedTokenizer))]
    public void The_factory_reads_names_and_creates_tokenizers(string name, TokenizerKind kind, Type type)
    {
        Assert.Equal(kind, TokenizerFactory.Parse(name));
        Assert.IsType(type, TokenizerFactory.Create(kind));
        Assert.Equal(name.ToLowerInvariant(), TokenizerFactory.NameOf(kind));
    }

    [Fact]
    public void An_unknown_name_lists_the_accepted_ones() =>
        Assert.Contains("english, chinese, chinese-chars, mixed", Assert.Throws<ArgumentException>(() => TokenizerFactory.Parse("klingon")).Message);
}
