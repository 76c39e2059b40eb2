namespace Dssm.Research.Text;

/// <summary>
/// The tokenizers a configuration or the CLI can name (<see cref="TokenizerFactory.Parse"/> reads
/// <c>english | chinese | chinese-chars | mixed</c>).
/// </summary>
public enum TokenizerKind
{
    /// <summary><see cref="EnglishTokenizer"/>: NFKC, lower-case, split on anything but letters and digits.</summary>
    English,
    /// <summary><see cref="ChineseTokenizer"/>: jieba.NET word segmentation (precise mode).</summary>
    Chinese,
    /// <summary><see cref="ChineseCharacterTokenizer"/>: every Chinese character is a word.</summary>
    ChineseChars,
    /// <summary><see cref="MixedTokenizer"/>: Chinese runs segmented by jieba, Latin runs as English words.</summary>
    Mixed,
}
