using System.Globalization;
using System.Text;

namespace Dssm.Research.Data;

/// <summary>The strings and number registers an escape can interpolate (<c>\*(lq</c>, <c>\n(.g</c>).</summary>
internal interface IRoffNames
{
    string? String(string name);
    int Register(string name);
}

/// <summary>
/// Expands roff escapes in one line into plain text, as a terminal shows it (groff(7), "Escape sequences"):
/// font and size changes vanish (<c>\fB</c>, <c>\f(CW</c>, <c>\s-1</c>), glyphs become their character
/// (<c>\-</c> → <c>-</c>, <c>\(em</c> → <c>—</c>, <c>\(aq</c> → <c>'</c>, <c>\e</c> → <c>\</c>), strings are
/// interpolated (<c>\*(lq</c>), a rightward motion <c>\h'+N'</c> is one space, other motions and drawing
/// commands vanish with their arguments (<c>\h'-4'</c>, <c>\v'…'</c>, <c>\D'…'</c>),
/// and the zero-width escapes (<c>\&amp;</c>, <c>\|</c>, <c>\%</c>) give nothing. <c>\c</c> leaves
/// <see cref="NoSpace"/>: the next input line continues the same word.
/// </summary>
internal static class RoffEscapes
{
    /// <summary>Left by <c>\c</c>: no space between this text and the next line's.</summary>
    public const char NoSpace = '\u0001';

    const int MaxDepth = 16;

    public static string Expand(string s, IRoffNames names) => Expand(s, names, 0);

    static string Expand(string s, IRoffNames names, int depth)
    {
        if (s.IndexOf('\\') < 0) return s;
        var sb = new StringBuilder(s.Length);
        int i = 0;
        while (i < s.Length)
        {
            char c = s[i++];
            if (c != '\\') { sb.Append(c); continue; }
            if (i >= s.Length) break;
            char e = s[i++];
            switch (e)
            {
                case 'f':
                case 'F':
                case 'k':
                case 'g':
                case 'm':
                case 'M':
                case 'V':
                case 'Y':
                case '$':
                case 'j':
                    Name(s, ref i);
                    break;
                case 's':
                    SkipSize(s, ref i);
                    break;
                case '(':
                case '[':
                    i--;
                    sb.Append(RoffGlyphs.Lookup(Name(s, ref i)));
                    break;
                case 'C':
                    sb.Append(RoffGlyphs.Lookup(Delimited(s, ref i)));
                    break;
                case 'N':
                    if (int.TryParse(Delimited(s, ref i), NumberStyles.None, CultureInfo.InvariantCulture, out var code) && code is > 0 and < 0xD800)
                        sb.Append((char)code);
                    break;
                case '*':
                    var str = StringName(s, ref i);
                    if (depth < MaxDepth && names.String(str) is { } value) sb.Append(Expand(value, names, depth + 1));
                    break;
                case 'n':
                    if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
                    sb.Append(names.Register(Name(s, ref i)).ToString(CultureInfo.InvariantCulture));
                    break;
                case 'w':
                    Delimited(s, ref i);
                    sb.Append('0');   // a width: no meaning in plain text, but a number where the page computes with it
                    break;
                case 'h':
                    // A rightward motion is white space on a terminal (DocBook's list marks: \h'-04'\(bu\h'+03'\c).
                    if (RoffNumbers.Evaluate(Expand(Delimited(s, ref i), names, depth + 1)) > 0) sb.Append(' ');
                    break;
                case 'v':
                case 'l':
                case 'L':
                case 'D':
                case 'x':
                case 'b':
                case 'o':
                case 'X':
                case 'S':
                case 'H':
                case 'R':
                case 'A':
                case 'B':
                case 'Z':
                case 'O':
                case 'T':
                case 'U':
                case 'W':
                    Delimited(s, ref i);
                    break;
                case 'e': case 'E': case '\\': sb.Append('\\'); break;
                case '-': sb.Append('-'); break;
                case ' ': case '~': case '0': case 't': sb.Append(' '); break;
                case '.': sb.Append('.'); break;
                case '\'': sb.Append('´'); break;
                case '`': sb.Append('`'); break;
                case 'c': sb.Append(NoSpace); break;
                case '"': case '#': i = s.Length; break;   // a comment the reader did not strip (inside a macro body)
                case '|':
                case '^':
                case '&':
                case ')':
                case '%':
                case ':':
                case ',':
                case '/':
                case '{':
                case '}':
                case 'a':
                case 'p':
                case 'r':
                case 'u':
                case 'd':
                case 'z':
                    break;
                default:
                    sb.Append(e);   // groff prints an unknown escape's character
                    break;
            }
        }
        return sb.ToString();
    }

    /// <summary>A name after an escape: one character, <c>(xx</c>, or <c>[long name]</c>.</summary>
    internal static string Name(string s, ref int i)
    {
        if (i >= s.Length) return "";
        if (s[i] == '(')
        {
            int n = Math.Min(2, s.Length - i - 1);
            var name = s.Substring(i + 1, n);
            i += 1 + n;
            return name;
        }
        if (s[i] == '[')
        {
            int end = s.IndexOf(']', i + 1);
            if (end < 0) end = s.Length;
            var name = s[(i + 1)..end];
            i = Math.Min(s.Length, end + 1);
            return name;
        }
        return s[i++].ToString();
    }

    /// <summary><c>\*[name arguments]</c> names the string by its first word.</summary>
    static string StringName(string s, ref int i)
    {
        var name = Name(s, ref i);
        int space = name.IndexOf(' ');
        return space < 0 ? name : name[..space];
    }

    /// <summary>An argument between two copies of the character that follows the escape (<c>\h'-2n'</c>).</summary>
    static string Delimited(string s, ref int i)
    {
        if (i >= s.Length) return "";
        char delimiter = s[i++];
        int end = s.IndexOf(delimiter, i);
        if (end < 0) end = s.Length;
        var arg = s[i..end];
        i = Math.Min(s.Length, end + 1);
        return arg;
    }

    /// <summary><c>\s0</c>, <c>\s-1</c>, <c>\s+2</c>, <c>\s12</c>, <c>\s(12</c>, <c>\s[12]</c>, <c>\s'12'</c>.</summary>
    static void SkipSize(string s, ref int i)
    {
        if (i < s.Length && (s[i] == '+' || s[i] == '-')) i++;
        if (i >= s.Length) return;
        if (s[i] == '(' || s[i] == '[') { Name(s, ref i); return; }
        if (s[i] == '\'') { Delimited(s, ref i); return; }
        if (!char.IsAsciiDigit(s[i])) return;
        // One digit, or two when the first is 1–3 (groff's old two-digit sizes, \s10 … \s39).
        bool two = s[i] is >= '1' and <= '3' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]);
        i += two ? 2 : 1;
    }
}
