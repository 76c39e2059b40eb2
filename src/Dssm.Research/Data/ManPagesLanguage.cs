namespace Dssm.Research.Data;

/// <summary>
/// Which of Debian's manual pages a man-page benchmark is built from. manpages-zh ships every page twice,
/// in simplified (zh_CN) and traditional (zh_TW) script: one benchmark takes one script, so the same page
/// never sits in train as one script and in test as the other.
/// </summary>
public enum ManPagesLanguage
{
    /// <summary>English: the packages <c>manpages</c> and <c>manpages-dev</c>, <c>/usr/share/man/man*/</c>.</summary>
    English,

    /// <summary>Simplified Chinese: <c>manpages-zh</c>, <c>/usr/share/man/zh_CN/man*/</c>.</summary>
    SimplifiedChinese,

    /// <summary>Traditional Chinese: <c>manpages-zh</c>, <c>/usr/share/man/zh_TW/man*/</c>.</summary>
    TraditionalChinese,
}
