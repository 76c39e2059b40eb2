using System.Text;
using System.Text.RegularExpressions;

namespace Dssm.Research.Data;

/// <summary>
/// Turns a page file's bytes into text. Debian's pages are UTF-8 (all of manpages 6.03 and manpages-zh
/// 1.6.4.0 are; older manpages-zh releases shipped zh_CN in GB2312 and zh_TW in Big5), so UTF-8 is tried
/// first, strictly; a file that is not valid UTF-8 is read in the encoding its first line declares
/// (<c>'\" -*- coding: gb2312 -*-</c>, the preconv(1) convention), else in the language's legacy
/// encoding: GB18030 (a superset of GB2312) for zh_CN, Big5 for zh_TW, ISO-8859-1 for English (man's
/// old default). The summary counts every page read that way.
/// </summary>
internal static partial class ManPageText
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static ManPageText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [GeneratedRegex(@"-\*-\s*coding:\s*([A-Za-z0-9_.:-]+)\s*-\*-")]
    private static partial Regex CodingLine();

    /// <summary>The text, and the encoding's name when it was not UTF-8 (null for UTF-8).</summary>
    public static (string Text, string? Fallback) Decode(byte[] bytes, ManPagesLanguage language)
    {
        int start = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
        try { return (StrictUtf8.GetString(bytes, start, bytes.Length - start), null); }
        catch (DecoderFallbackException) { }
        var firstLine = Encoding.Latin1.GetString(bytes, 0, Math.Min(bytes.Length, 200)).Split('\n')[0];
        var name = CodingLine().Match(firstLine) is { Success: true } m ? m.Groups[1].Value : language switch
        {
            ManPagesLanguage.SimplifiedChinese => "GB18030",
            ManPagesLanguage.TraditionalChinese => "big5",
            _ => "ISO-8859-1",
        };
        Encoding encoding;
        try { encoding = Encoding.GetEncoding(name, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback); }
        catch (ArgumentException) { throw new DecoderFallbackException($"not UTF-8, and its declared coding '{name}' is unknown"); }
        try { return (encoding.GetString(bytes), encoding.WebName); }
        catch (DecoderFallbackException) { throw new DecoderFallbackException($"neither UTF-8 nor {encoding.WebName}"); }
    }
}
