using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// The character-level alternative to <see cref="ChineseTokenizer"/>: every Han character is a word of
/// its own; other runs are English words (<see cref="EnglishTokenizer"/> rules). No dictionary, no
/// segmentation errors, and a small closed vocabulary (a few thousand characters cover most text) — at
/// the price of losing word boundaries. Stateless and thread-safe.
/// </summary>
/// <example><c>"深度学习DSSM"</c> → <c>深, 度, 学, 习, dssm</c>.</example>
public sealed class ChineseCharacterTokenizer : Tokenizer
{
    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        var normalized = UnicodeText.NormalizeLower(text, tokens, out var ascii);
        if (ascii)
        {
            UnicodeText.AddWords(normalized, ascii: true, tokens);
            return;
        }
        var words = new UnicodeText.WordScanner(normalized);
        while (words.MoveNext(out var start, out var length))
        {
            var word = normalized.Slice(start, length);
            var i = 0;
            while (i < word.Length)
            {
                var runStart = i;
                Rune.DecodeFromUtf16(word[i..], out var rune, out var consumed);
                if (UnicodeText.IsHan(rune.Value))
                {
                    tokens.Add(word.Slice(i, consumed));
                    i += consumed;
                    continue;
                }
                // A non-Han run inside the word (Latin letters, digits, marks).
                while (i < word.Length)
                {
                    Rune.DecodeFromUtf16(word[i..], out rune, out consumed);
                    if (UnicodeText.IsHan(rune.Value)) break;
                    i += consumed;
                }
                tokens.Add(word[runStart..i]);
            }
        }
    }
}
