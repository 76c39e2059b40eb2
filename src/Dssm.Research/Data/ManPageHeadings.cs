using System.Text;
using System.Text.RegularExpressions;

namespace Dssm.Research.Data;

/// <summary>
/// Which section is NAME and which is DESCRIPTION. The English pages write exactly those; the Chinese
/// pages write them in many ways (<c>名称</c>, <c>NAME(名称)</c>, <c>"描述 DESCRIPTION"</c>, <c>说明</c>,
/// traditional <c>名稱</c>, <c>說明</c>, spaced <c>描 述</c>, the variant <c>描叙</c>). A heading counts when
/// it holds the English word, or when its Chinese characters are exactly one of the Chinese words — so
/// <c>参数说明</c> ("notes on the arguments") or <c>举例说明</c> ("examples") is not a DESCRIPTION. Headings in
/// square brackets (<c>[说明]</c>, <c>[中文版维护人]</c>) are the translators' notes, never the page's.
/// Pages whose body section has another name (<c>OVERVIEW</c>, <c>INTRODUCTION</c>, <c>PURPOSE</c>) are not
/// guessed at: they are skipped and counted.
/// </summary>
internal static partial class ManPageHeadings
{
    static readonly string[] ChineseName = ["名称", "名字", "名稱", "命令名"];
    static readonly string[] ChineseDescription = ["描述", "描叙", "描敘", "说明", "說明", "叙述", "敘述"];

    [GeneratedRegex(@"\bNAME\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishName();

    [GeneratedRegex(@"\bDESCRIPTION\b", RegexOptions.IgnoreCase)]
    private static partial Regex EnglishDescription();

    public static bool IsName(string heading) =>
        !IsTranslatorNote(heading) && (EnglishName().IsMatch(heading) || ChineseName.Contains(Chinese(heading)));

    public static bool IsDescription(string heading) =>
        !IsTranslatorNote(heading) && (EnglishDescription().IsMatch(heading) || ChineseDescription.Contains(Chinese(heading)));

    static bool IsTranslatorNote(string heading) => heading.TrimStart('"', ' ').StartsWith('[');

    /// <summary>The heading's CJK letters only: <c>"DESCRIPTION (描 述)"</c> → <c>描述</c>.</summary>
    static string Chinese(string heading)
    {
        var sb = new StringBuilder();
        foreach (var c in heading)
            if (c >= '\u2E80' && char.IsLetter(c)) sb.Append(c);
        return sb.ToString();
    }
}
