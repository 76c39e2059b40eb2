using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// Mixed Chinese/English text (product names, code-switched queries): each maximal run of Han characters
/// is segmented by jieba (as <see cref="ChineseTokenizer"/>), each run of other letters and digits is an
/// English word (as <see cref="EnglishTokenizer"/>). Unlike <see cref="ChineseTokenizer"/>, jieba never
/// sees the Latin text, so English words are always split the English way. Thread-safe.
/// </summary>
/// <example><c>"用DSSM做语义搜索"</c> → <c>用, dssm, 做, 语义, 搜索</c>.</example>
public sealed class MixedTokenizer : Tokenizer
{
    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        var normalized = UnicodeText.NormalizeLower(text, tokens, out var ascii);
        if (ascii || !UnicodeText.ContainsHan(normalized))
        {
            UnicodeText.AddWords(normalized, ascii, tokens);
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
                var han = UnicodeText.IsHan(rune.Value);
                while (i < word.Length)
                {
                    Rune.DecodeFromUtf16(word[i..], out rune, out consumed);
                    if (UnicodeText.IsHan(rune.Value) != han) break;
                    i += consumed;
                }
                var run = word[runStart..i];
                if (!han) tokens.Add(run);
                else
                    foreach (var piece in JiebaHost.Cut(run.ToString()))
                        tokens.Add(piece);
            }
        }
    }
}
