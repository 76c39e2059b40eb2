using Dssm.Research.Text;

namespace Dssm.Research.Tests.Text;

/// <summary>NFKC, lower-case, split on anything that is not a letter or a number.</summary>
public class EnglishTokenizerTests
{
    private static IReadOnlyList<string> Words(string text) => new EnglishTokenizer().Tokenize(text);

    [Fact]
    public void A_multi_word_query_is_lower_cased_and_split() =>
        Assert.Equal(["good", "query", "for", "dssm"], Words("Good query for DSSM"));

    [Fact]
    public void Punctuation_separates_words() =>
        Assert.Equal(["don", "t", "stop", "e", "mail", "now"], Words("Don't stop—e-mail... now!"));

    [Fact]
    public void Digits_are_kept_as_words() =>
        Assert.Equal(["iphone", "15", "pro", "3", "5mm", "2024"], Words("iPhone 15 Pro, 3.5mm (2024)"));

    [Fact]
    public void Accents_are_kept_and_NFKC_composes_them()
    {
        Assert.Equal(["café", "naïve", "résumé"], Words("Café NAÏVE résumé"));
        // "e" + COMBINING ACUTE ACCENT becomes the single letter é.
        Assert.Equal(["caf\u00E9"], Words("Cafe\u0301"));
    }

    [Fact]
    public void NFKC_folds_full_width_letters_and_ligatures() =>
        Assert.Equal(["hello", "fine", "2"], Words("Ｈｅｌｌｏ ﬁne ²"));

    [Fact]
    public void Emoji_are_separators_and_leave_no_word() =>
        Assert.Equal(["i", "ny", "ok"], Words("I ❤️ NY 👍🏽 ok"));

    [Fact]
    public void A_keycap_emoji_leaves_its_digit() =>
        Assert.Equal(["1"], Words("1️⃣"));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("!!! --- ???")]
    [InlineData("👍🏽")]
    public void Empty_whitespace_or_symbol_only_text_has_no_words(string text) => Assert.Empty(Words(text));

    [Fact]
    public void A_lone_surrogate_is_a_separator_and_does_not_throw() =>
        Assert.Equal(["ab", "cd"], Words("ab\uD800cd"));

    [Fact]
    public void Chinese_in_English_text_is_one_long_word() =>
        Assert.Equal(["dssm", "深度学习模型"], Words("DSSM 深度学习模型"));

    [Fact]
    public void The_span_path_reuses_one_buffer()
    {
        var tokenizer = new EnglishTokenizer();
        var tokens = new TokenBuffer();
        tokenizer.Tokenize("first text here", tokens);
        tokenizer.Tokenize("Second", tokens);
        Assert.Equal(1, tokens.Count);
        Assert.Equal("second", tokens[0].ToString());
    }
}
