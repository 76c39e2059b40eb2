using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>NFKC, lower-case, split on anything that is not a letter or a number.</summary>
public class EnglishTokenizerTests
{
    private static IReadOnlyList<string> Words(string text) => new EnglishTokenizer().Tokenize(text);

    [Fact]
    public void AMultiWordQuery_IsLowerCasedAndSplit() =>
        Assert.Equal(["good", "query", "for", "dssm"], Words("Good query for DSSM"));

    [Fact]
    public void Punctuation_SeparatesWords() =>
        Assert.Equal(["don", "t", "stop", "e", "mail", "now"], Words("Don't stop—e-mail... now!"));

    [Fact]
    public void Digits_AreKeptAsWords() =>
        Assert.Equal(["iphone", "15", "pro", "3", "5mm", "2024"], Words("iPhone 15 Pro, 3.5mm (2024)"));

    [Fact]
    public void Accents_AreKept_AndNfkcComposesThem()
    {
        Assert.Equal(["café", "naïve", "résumé"], Words("Café NAÏVE résumé"));
        // "e" + COMBINING ACUTE ACCENT becomes the single letter é.
        Assert.Equal(["caf\u00E9"], Words("Cafe\u0301"));
    }

    [Fact]
    public void Nfkc_FoldsFullWidthLettersAndLigatures() =>
        Assert.Equal(["hello", "fine", "2"], Words("Ｈｅｌｌｏ ﬁne ²"));

    [Fact]
    public void Emoji_AreSeparators_AndLeaveNoWord() =>
        Assert.Equal(["i", "ny", "ok"], Words("I ❤️ NY 👍🏽 ok"));

    [Fact]
    public void AKeycapEmoji_LeavesItsDigit() =>
        Assert.Equal(["1"], Words("1️⃣"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("!!! --- ???")]
    [InlineData("👍🏽")]
    public void EmptyWhitespaceOrSymbolOnlyText_HasNoWords(string text) => Assert.Empty(Words(text));

    [Fact]
    public void ALoneSurrogate_IsASeparatorAndDoesNotThrow() =>
        Assert.Equal(["ab", "cd"], Words("ab\uD800cd"));

    [Fact]
    public void ChineseInEnglishText_IsOneLongWord() =>
        Assert.Equal(["dssm", "深度学习模型"], Words("DSSM 深度学习模型"));

    [Fact]
    public void TheSpanPath_ReusesOneBuffer()
    {
        var tokenizer = new EnglishTokenizer();
        var tokens = new TokenBuffer();
        tokenizer.Tokenize("first text here", tokens);
        tokenizer.Tokenize("Second", tokens);
        Assert.Equal(1, tokens.Count);
        Assert.Equal("second", tokens[0].ToString());
    }
}
