using System.Text.RegularExpressions;

namespace Dssm.Research.Data;

/// <summary>
/// Which section is NAME and which is DESCRIPTION. The English pages write exactly those; the Chinese
/// pages write them in many ways (<c>名称</c>, <c>NAME(名称)</c>, <c>"描述 DESCRIPTION"</c>, <c>说明</c>,
/// traditional <c>名稱</c>, <c>說明</c>, spaced <c>描 述</c>, the variant <c>描叙</c>), so a heading counts when
/// it holds the English word or one of the Chinese ones. Pages whose body section has another name
/// (<c>OVERVIEW</c>, <c>INTRODUCTION</c>, <c>PURPOSE</c>) are not guessed at: they are skipped and counted.
/// </summary>
internal static partial class ManPageHeadings
{
    static readonly string[] ChineseName = ["名称", "名字", "名稱", "命令名"];
    static readonly string[] ChineseDescription = ["描述", "描叙", "描敘", "说明", "說明", "叙述", "敘述", "介绍", "介紹"];

    [GeneratedRegex(@"\bNAME\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishName();

    [GeneratedRegex(@"\bDESCRIPTION\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDescription();

    public static bool IsName(string heading) =>
        EnglishName().IsMatch(heading) || ChineseName.Any(w => Unspaced(heading).Contains(w, StringComparison.Ordinal));

    public static bool IsDescription(string heading) =>
        EnglishDescription().IsMatch(heading) || ChineseDescription.Any(w => Unspaced(heading).Contains(w, StringComparison.Ordinal));

    /// <summary>Some pages space out their Chinese headings (<c>描 述</c>).</summary>
    static string Unspaced(string heading) => heading.Replace(" ", "", StringComparison.Ordinal);
}
