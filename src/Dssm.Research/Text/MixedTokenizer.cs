namespace Dssm.Research.Text;

/// <summary>
/// Mixed Chinese/English text (product names, code-switched queries): each maximal run of Han characters
/// is segmented by jieba (as <see cref="ChineseTokenizer"/>), each run of other letters and digits is an
/// English word (as <see cref="EnglishTokenizer"/>). Unlike <see cref="ChineseTokenizer"/>, jieba never
/// sees the Latin text, so English words are always split the English way. Thread-safe.
/// </summary>
/// <example><c>"用DSSM做语义搜索"</c> → <c>用, dssm, 做, 语义, 搜索</c>.</example>
public sealed class MixedTokenizer : HanRunTokenizer
{
    /// <summary>jieba's words of the run.</summary>
    protected override void AddHan(ReadOnlySpan<char> run, TokenBuffer tokens)
    {
        foreach (var piece in JiebaHost.Cut(run.ToString())) tokens.Add(piece);
    }
}
