using System.Globalization;
using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// groff's special characters (<c>\(em</c>, <c>\[aq]</c>, <c>\[u00E9]</c>) as the Unicode text that
/// <c>groff -Tutf8</c> prints for them (groff_char(7)). Only the glyphs that carry meaning in running text
/// are listed; an unknown name gives the empty string, as groff prints nothing for it either.
/// </summary>
internal static class RoffGlyphs
{
    static readonly Dictionary<string, string> Table = new(StringComparer.Ordinal)
    {
        ["em"] = "—", ["en"] = "–", ["hy"] = "-", ["mi"] = "-", ["-"] = "-", ["-D"] = "Đ",
        ["aq"] = "'", ["dq"] = "\"", ["lq"] = "“", ["rq"] = "”", ["oq"] = "‘", ["cq"] = "’",
        ["Bq"] = "„", ["bq"] = "‚", ["Fo"] = "«", ["Fc"] = "»", ["fo"] = "‹", ["fc"] = "›",
        ["ga"] = "`", ["aa"] = "´", ["ha"] = "^", ["ti"] = "~", ["a^"] = "^", ["a~"] = "~",
        ["sl"] = "/", ["rs"] = "\\", ["ba"] = "|", ["bv"] = "|", ["br"] = "|", ["ul"] = "_", ["ru"] = "_",
        ["bu"] = "•", ["ci"] = "○", ["sq"] = "□", ["co"] = "©", ["rg"] = "®", ["tm"] = "™",
        ["dg"] = "†", ["dd"] = "‡", ["sc"] = "§", ["ps"] = "¶", ["de"] = "°", ["fm"] = "′", ["sd"] = "″",
        ["+-"] = "±", ["mu"] = "×", ["di"] = "÷", ["<="] = "≤", [">="] = "≥", ["!="] = "≠", ["=="] = "≡",
        ["~~"] = "≈", ["~="] = "≅", ["ap"] = "~", ["pt"] = "∝", ["if"] = "∞", ["sr"] = "√", ["pd"] = "∂",
        ["no"] = "¬", ["AN"] = "∧", ["OR"] = "∨", ["fa"] = "∀", ["te"] = "∃", ["mo"] = "∈", ["nm"] = "∉",
        ["sb"] = "⊂", ["sp"] = "⊃", ["ib"] = "⊆", ["ip"] = "⊇", ["ca"] = "∩", ["cu"] = "∪", ["es"] = "∅",
        ["->"] = "→", ["<-"] = "←", ["<>"] = "↔", ["ua"] = "↑", ["da"] = "↓", ["rA"] = "⇒", ["lA"] = "⇐",
        ["hA"] = "⇔", ["uA"] = "⇑", ["dA"] = "⇓", ["la"] = "⟨", ["ra"] = "⟩", ["lh"] = "☜", ["rh"] = "☞",
        ["12"] = "½", ["14"] = "¼", ["34"] = "¾", ["S1"] = "¹", ["S2"] = "²", ["S3"] = "³",
        ["ct"] = "¢", ["Po"] = "£", ["Ye"] = "¥", ["Eu"] = "€", ["eu"] = "€", ["Do"] = "$", ["OK"] = "✓",
        ["ss"] = "ß", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ", ["/o"] = "ø", ["/O"] = "Ø",
        ["oa"] = "å", ["oA"] = "Å", ["-h"] = "ℏ", ["st"] = "∋", ["tf"] = "∴", ["is"] = "∫", ["sum"] = "∑",
        ["product"] = "∏", ["pl"] = "+", ["eq"] = "=", ["lB"] = "[", ["rB"] = "]", ["lC"] = "{", ["rC"] = "}",
        ["Ah"] = "ℵ", ["Im"] = "ℑ", ["Re"] = "ℜ", ["wp"] = "℘", ["at"] = "@",
        ["sh"] = "#", ["ts"] = "ς", ["tno"] = "¬", ["char92"] = "\\",
    };

    // \(*a … \(*w: the Greek letters (groff_char(7), "Greek glyphs").
    const string GreekKeys = "abgdezyhiklmncoprstufxqw";
    const string GreekLower = "αβγδεζηθικλμνξοπρστυφχψω";
    const string GreekUpper = "ΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ";

    // Accent + letter composites (\(:a = ä, \('e = é …): the accent as a Unicode combining mark.
    static readonly Dictionary<char, char> Accents = new()
    {
        [':'] = '\u0308', ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['~'] = '\u0303',
        [','] = '\u0327', ['v'] = '\u030C', ['o'] = '\u030A', ['"'] = '\u030B', ['-'] = '\u0304', ['u'] = '\u0306',
    };

    /// <summary>The text for a glyph name (<c>em</c>, <c>*a</c>, <c>u00E9</c>, <c>:a</c>), or "" when unknown.</summary>
    public static string Lookup(string name)
    {
        if (Table.TryGetValue(name, out var text)) return text;
        if (name.Length == 2 && name[0] == '*')
        {
            int g = GreekKeys.IndexOf(char.ToLowerInvariant(name[1]));
            if (g >= 0) return (char.IsUpper(name[1]) ? GreekUpper[g] : GreekLower[g]).ToString();
        }
        if (name.Length == 2 && Accents.TryGetValue(name[0], out var mark) && char.IsAsciiLetter(name[1]))
            return (name[1].ToString() + mark).Normalize(NormalizationForm.FormC);
        if (name.Length >= 5 && name[0] == 'u') return Unicode(name[1..]);
        if (name.StartsWith("char", StringComparison.Ordinal) && int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0x110000)
            return char.ConvertFromUtf32(code);
        return "";
    }

    /// <summary><c>u0041_0301</c> (groff's composite form): each code point in turn, then composed (NFC).</summary>
    static string Unicode(string hex)
    {
        var sb = new StringBuilder();
        foreach (var part in hex.Split('_'))
        {
            if (!int.TryParse(part, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var cp) || cp is <= 0 or >= 0x110000 || cp is >= 0xD800 and <= 0xDFFF)
                return "";
            sb.Append(char.ConvertFromUtf32(cp));
        }
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
