using System.Text;

namespace Dssm.Research.Text;

/// <summary>
/// <see cref="AnalyzerKind.LuceneJieba"/>: each maximal run of Han characters is segmented by jieba (as
/// <see cref="ChineseTokenizer"/>), every other stretch of text goes through Lucene's English analysis
/// (<see cref="AnalyzerKind.English"/>: stop words, Porter stemming). Text without Han characters takes one
/// pass through the English analyzer. Thread-safe (jieba and Lucene's analyzers are).
/// </summary>
/// <remarks>
/// Not the default: on the kit's two Chinese sets Han bigrams (<see cref="AnalyzerKind.Lucene"/>) ranked better
/// than jieba's words and than SmartCn's, and are what Anserini uses for Chinese — figures in
/// <c>tests/benchmarks/README.md</c> ("Chinese analysis").
/// </remarks>
/// <example><c>"用DSSM做语义搜索 of running dogs"</c> → <c>用, dssm, 做, 语义, 搜索, run, dog</c>.</example>
public sealed class LuceneJiebaAnalyzer : Tokenizer
{
    readonly LuceneTokenizer english;

    /// <summary>Jieba for Han runs, <paramref name="english"/> (Lucene's English analysis) for the rest.</summary>
    internal LuceneJiebaAnalyzer(LuceneTokenizer english) => this.english = english;

    /// <inheritdoc />
    public override void Tokenize(ReadOnlySpan<char> text, TokenBuffer tokens)
    {
        tokens.Clear();
        if (!UnicodeText.ContainsHan(text))
        {
            english.Append(text.ToString(), tokens);
            return;
        }
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            var han = IsHanAt(text, i, out _);
            while (i < text.Length && IsHanAt(text, i, out var length) == han) i += length;
            var run = text[start..i];
            if (han) foreach (var word in JiebaHost.Cut(run.ToString())) tokens.Add(word);
            else if (HasLetterOrDigit(run)) english.Append(run.ToString(), tokens);   // spaces and punctuation between Han runs make no term: skip Lucene's per-call cost
        }
    }

    static bool HasLetterOrDigit(ReadOnlySpan<char> run)
    {
        foreach (var c in run) if (char.IsLetterOrDigit(c) || char.IsSurrogate(c)) return true;
        return false;
    }

    static bool IsHanAt(ReadOnlySpan<char> text, int i, out int length)
    {
        Rune.DecodeFromUtf16(text[i..], out var rune, out length);
        return UnicodeText.IsHan(rune.Value);
    }
}
