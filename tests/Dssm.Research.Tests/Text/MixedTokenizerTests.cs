using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>Mixed Chinese/English text, the character-level alternative, and naming tokenizers.</summary>
public class MixedTokenizerTests
{
    [Fact]
    public void MixedText_SegmentsChineseRunsAndKeepsLatinWords() =>
        Assert.Equal(["用", "dssm", "做", "语义", "搜索"], new MixedTokenizer().Tokenize("用DSSM做语义搜索"));

    [Fact]
    public void MixedText_SplitsLatinAtPunctuation() =>
        Assert.Equal(["iphone", "15", "手机", "壳", "good", "query"], new MixedTokenizer().Tokenize("iPhone-15手机壳, good query!"));

    [Fact]
    public void EnglishOnlyText_IsTokenizedAsEnglish() =>
        Assert.Equal(new EnglishTokenizer().Tokenize("A Café, 2 words"), new MixedTokenizer().Tokenize("A Café, 2 words"));

    [Fact]
    public void CharacterLevel_MakesEveryHanCharacterAWord() =>
        Assert.Equal(["深", "度", "学", "习", "dssm", "3", "5", "倍"], new ChineseCharacterTokenizer().Tokenize("深度学习DSSM 3.5倍"));

    [Theory]
    [InlineData("english", TokenizerKind.English, typeof(EnglishTokenizer))]
    [InlineData("chinese", TokenizerKind.Chinese, typeof(ChineseTokenizer))]
    [InlineData("Chinese-Chars", TokenizerKind.ChineseChars, typeof(ChineseCharacterTokenizer))]
    [InlineData("mixed", TokenizerKind.Mixed, typeof(MixedTokenizer))]
    public void TheFactory_ReadsNamesAndCreatesTokenizers(string name, TokenizerKind kind, Type type)
    {
        Assert.Equal(kind, TokenizerFactory.Parse(name));
        Assert.IsType(type, TokenizerFactory.Create(kind));
        Assert.Equal(name.ToLowerInvariant(), TokenizerFactory.NameOf(kind));
    }

    [Fact]
    public void AnUnknownName_ListsTheAcceptedOnes() =>
        Assert.Contains("english, chinese, chinese-chars, mixed", Assert.Throws<ArgumentException>(() => TokenizerFactory.Parse("klingon")).Message);
}
