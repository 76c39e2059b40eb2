namespace Dssm.Research.Text;

/// <summary>
/// English words as Huang et al. 2013 (§3.2) hash them: the text is NFKC-normalised and lower-cased,
/// then split on every character that is not a letter or a number (digits are kept as words: "3.5" →
/// "3", "5"; "don't" → "don", "t"). Accents are kept ("Café" → "café"); emoji and punctuation vanish.
/// Chinese characters are letters, so a Chinese run becomes one long word — use
/// <see cref="MixedTokenizer"/> or <see cref="ChineseTokenizer"/> for Chinese text.
/// Stateless and thread-safe; pure-ASCII text takes a vectorised path without normalisation.
/// </summary>
/// <example><c>"Good query, 2 words!"</c> → <c>good, query, 2, words</c>.</example>
public sealed class EnglishTokenizer : Tokenizer
{
    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        var normalized = UnicodeText.NormalizeLower(text, tokens, out var ascii);
        UnicodeText.AddWords(normalized, ascii, tokens);
    }
}
