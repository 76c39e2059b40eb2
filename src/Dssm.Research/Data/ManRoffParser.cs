using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// The state machine behind <see cref="ManRoff.Parse"/>: it reads a page line by line, runs the requests
/// that shape text (fill and no-fill, breaks, strings, conditions, the page's own macros) and keeps the
/// text of each <c>.SH</c> section. See <see cref="ManRoff"/> for what it covers and why it exists.
/// </summary>
internal sealed class ManRoffParser : IRoffNames
{
    const int MaxMacroDepth = 20;

    // Requests that only change layout (indent, adjustment, hyphenation, tabs, fonts, page size) or that
    // carry nothing for a text reader (index entries, terminal messages): read and dropped on purpose.
    static readonly HashSet<string> LayoutOnly = new(StringComparer.Ordinal)
    {
        "ad", "na", "nh", "hy", "hw", "hc", "hla", "hlm", "hym", "hys", "ne", "ta", "ft", "fam", "ps", "vs",
        "ll", "lt", "pl", "po", "pn", "ss", "cs", "cu", "ul", "uf", "cf", "ev", "nm", "nn", "ns", "rs", "mk", "rt",
        "lf", "tm", "tm1", "tmc", "ab", "ex", "pc", "pm", "sv", "os", "ch", "wh", "it", "itc", "cc", "c2", "ec",
        "eo", "fl", "fc", "mc", "lg", "kern", "warn", "linetabs", "PD", "DT", "UC", "AT", "IX", "Os", "Dd",
        "BS", "BE", "VS", "VE", "AS", "ds1", "pso", "mso", "msoquiet", "hpf", "hpfa", "hcode", "ptr",
        "fp", "fschar", "fspecial", "special", "sty", "tkf", "char", "schar", "fchar", "rchar", "shc", "sizes",
        "bd", "vpt", "pev", "pnr", "pst", "open", "opena", "write", "writec", "writem", "close", "Ed",
        "El", "Bl", "Ek", "Bk", "Rs", "Re", "Pp", "Lp", "Sm", "ftr",
    };

    static readonly HashSet<string> Breaks = new(StringComparer.Ordinal)
    {
        "PP", "LP", "P", "HP", "sp", "br", "bp", "RS", "RE", "in", "ti", "ce", "rj", "Sp", "Pp", "Lp", "Bl", "El",
        "Rs", "Re", "YS", "DS", "DE",
    };

    readonly string?[] lines;
    readonly Dictionary<string, string> strings = new(StringComparer.Ordinal)
    {
        ["lq"] = "“", ["rq"] = "”", ["R"] = "®", ["Tm"] = "™", ["S"] = "", ["HF"] = "",
        // mdoc's predefined strings (mdoc(7), "Predefined strings").
        ["Ba"] = "|", ["Le"] = "≤", ["Ge"] = "≥", ["Lt"] = "<", ["Gt"] = ">", ["Ne"] = "≠", ["Pi"] = "π",
        ["Lq"] = "“", ["Rq"] = "”", ["Am"] = "&", ["If"] = "∞", ["Na"] = "NaN", ["Pm"] = "±", ["Aq"] = "'",
    };
    // As groff -Tutf8 sets them: .g (this is groff) and the terminal's resolution, which page preambles test.
    readonly Dictionary<string, int> registers = new(StringComparer.Ordinal) { [".g"] = 1, [".H"] = 24, [".V"] = 40 };
    readonly Dictionary<string, List<string>> macros = new(StringComparer.Ordinal);
    readonly Dictionary<char, string> translations = [];
    readonly Dictionary<string, int> uninterpreted = new(StringComparer.Ordinal);
    readonly List<ManPageSection> sections = [];
    readonly Stack<bool> elseBranches = new();
    readonly Stack<List<RoffArgument>> arguments = new();   // of the page macros being run, innermost on top
    readonly StringBuilder para = new();
    readonly MdocLine mdoc;

    List<string>? current;
    string? title, section, soTarget, url;
    int soLine, skipDepth;
    bool fill = true, joinNext, tagPending, headingPending, subheadingPending, isMdoc, eqn, tableBlock, sawText;
    string? skipUntil;            // the line that ends a .ig or .de block
    List<string>? macroBody;      // where a .de block's lines go
    TableState table;
    char tableTab = '\t';
    int lineNo;

    enum TableState { None, Options, Format, Data }

    public ManRoffParser(string source)
    {
        lines = LogicalLines(source);
        mdoc = new MdocLine(Expand);
    }

    public ManPage Run()
    {
        isMdoc = lines.Any(l => l is not null && l.StartsWith(".Dd", StringComparison.Ordinal));
        for (int i = 0; i < lines.Length; i++)
        {
            lineNo = i + 1;
            if (lines[i] is { } line) Line(line, 0);
        }
        Break();
        return new ManPage(title, section, sections, soTarget, soLine, uninterpreted);
    }

    public string? String(string name) => strings.TryGetValue(name, out var s) ? s : null;

    public int Register(string name) => registers.GetValueOrDefault(name);

    string Expand(string s) => RoffEscapes.Expand(s, this);

    // ---- input ----------------------------------------------------------------------------------------

    /// <summary>
    /// Physical lines → logical lines, one slot per physical line so line numbers stay right: comments
    /// (<c>\"</c> to the end of the line, <c>\#</c> also swallowing the newline) are cut, a line ending in an
    /// unescaped backslash is joined with the next, and the slots of joined lines and of comment lines
    /// (<c>.\"</c>, <c>'\"</c>) are null: no input at all, unlike a blank line, which breaks the paragraph.
    /// </summary>
    static string?[] LogicalLines(string source)
    {
        var physical = source.Replace("\r\n", "\n").Split('\n');
        var result = new string?[physical.Length];
        var pending = new StringBuilder();
        int start = -1;
        bool any = false;
        for (int i = 0; i < physical.Length; i++)
        {
            var (text, continues) = StripComment(physical[i]);
            if (start < 0) { start = i; any = false; }
            if (text is not null) { pending.Append(text); any = true; }
            if (continues && i + 1 < physical.Length) continue;
            result[start] = any ? pending.ToString() : null;
            pending.Clear();
            start = -1;
        }
        return result;
    }

    /// <summary>The line without its comment (null when it was a comment line), and whether it continues on the next line.</summary>
    internal static (string? Text, bool Continues) StripComment(string line)
    {
        for (int j = 0; j < line.Length; j++)
        {
            if (line[j] != '\\') continue;
            if (j + 1 >= line.Length) return (line[..j], true);
            if (line[j + 1] == '"') return (CommentOnly(line[..j]), false);
            if (line[j + 1] == '#') return (line[..j], true);
            j++;
        }
        return (line, false);
    }

    /// <summary>A control character and a comment (<c>.\"</c>, <c>'\"</c>) is no input; a text line's comment
    /// leaves the text before it (a line that is only <c>\"</c> is a blank line, as in groff).</summary>
    static string? CommentOnly(string before) => before.Trim() is "." or "'" ? null : before.TrimEnd();

    void Line(string line, int depth)
    {
        if (macroBody is not null || skipUntil is not null)
        {
            if (line.TrimEnd() == skipUntil) { skipUntil = null; macroBody = null; }
            else macroBody?.Add(line);
            return;
        }
        if (skipDepth > 0)
        {
            skipDepth = Math.Max(0, skipDepth + Count(line, "\\{") - Count(line, "\\}"));
            return;
        }
        if (eqn)
        {
            if (IsRequest(line, "EN")) eqn = false;
            return;
        }
        if (line.Length > 0 && (line[0] == '.' || line[0] == '\'')) Control(line, depth);
        else if (table != TableState.None) TableText(line);
        else Text(line);
    }

    static bool IsRequest(string line, string name) =>
        line.Length > name.Length && (line[0] == '.' || line[0] == '\'') && line.AsSpan(1).TrimStart(" \t").StartsWith(name, StringComparison.Ordinal);

    static int Count(string s, string what)
    {
        int n = 0;
        for (int i = s.IndexOf(what, StringComparison.Ordinal); i >= 0; i = s.IndexOf(what, i + what.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    // ---- text -----------------------------------------------------------------------------------------

    void Text(string line)
    {
        if (line.Trim().Length == 0) { Break(); return; }
        if (fill && (line[0] == ' ' || line[0] == '\t')) Break();
        AddText(Expand(line));
    }

    void AddText(string text)
    {
        bool noSpaceAfter = text.EndsWith(RoffEscapes.NoSpace);
        text = text.Replace(RoffEscapes.NoSpace.ToString(), "");
        if (headingPending) { headingPending = false; StartSection(text); return; }
        if (subheadingPending) { subheadingPending = false; Break(); Append(text); Break(); return; }
        if (!fill)
        {
            if (!joinNext) Break();
            Append(text);
            joinNext = noSpaceAfter;
            if (!joinNext) Break();
            return;
        }
        Append(text);
        joinNext = noSpaceAfter;
        if (tagPending && !joinNext) { tagPending = false; Break(); }
    }

    void Append(string text)
    {
        if (text.Length == 0) return;
        sawText = true;
        if (para.Length > 0 && !joinNext && !(IsCjk(para[^1]) && IsCjk(text[0]))) para.Append(' ');
        para.Append(text);
    }

    /// <summary>Chinese text wraps anywhere: a line break between two CJK characters is no word space.</summary>
    static bool IsCjk(char c) => c is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF';

    void Break()
    {
        joinNext = false;
        if (para.Length == 0) return;
        var text = Normalize(para.ToString());
        para.Clear();
        if (text.Length > 0) current?.Add(text);
    }

    string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c0 in text)
        {
            var c = translations.Count > 0 && translations.TryGetValue(c0, out var t) ? t : c0.ToString();
            foreach (var ch in c)
            {
                bool blank = ch is ' ' or '\t' or '\u00A0';
                if (blank) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); }
                else if (!char.IsControl(ch)) sb.Append(ch);
            }
        }
        return sb.ToString().TrimEnd();
    }

    void StartSection(string heading)
    {
        Break();
        var lines = new List<string>();
        sections.Add(new ManPageSection(Normalize(heading).Trim(), lines));
        current = lines;
        tagPending = false;
    }

    // ---- requests -------------------------------------------------------------------------------------

    void Control(string line, int depth)
    {
        int j = 1;
        while (j < line.Length && (line[j] == ' ' || line[j] == '\t')) j++;
        int nameStart = j;
        while (j < line.Length && line[j] != ' ' && line[j] != '\t' && line[j] != '\\') j++;
        var name = line[nameStart..j];
        var rest = line[j..].TrimStart(' ', '\t');
        if (name.Length == 0) return;   // "." alone, or ".\}" closing a block
        if (macros.TryGetValue(name, out var body)) { Invoke(body, RoffArguments.Split(rest), depth); return; }
        if (isMdoc && Mdoc(name, rest)) return;
        if (Breaks.Contains(name)) Break();
        switch (name)
        {
            case "TH":
                var th = Args(rest);
                title = th.Count > 0 ? th[0] : "";
                section = th.Count > 1 ? th[1] : null;
                return;
            case "SH":
                var heading = Joined(rest, " ");
                if (heading.Length == 0) headingPending = true; else StartSection(heading);
                return;
            case "SS":
            case "Ss":
            case "Sh":   // pod2man's subsection macro, where the page does not define it itself
                Break();
                var sub = Joined(rest, " ");
                if (sub.Length == 0) subheadingPending = true; else { Append(sub); Break(); }
                return;
            case "TP":
            case "TQ":
                Break();
                tagPending = true;
                return;
            case "IP":
            case "Ip":
                Break();
                var ip = Args(rest);
                if (ip.Count > 0 && ip[0].Any(char.IsLetterOrDigit)) { Append(ip[0]); Break(); }   // a bullet or dash mark is no text
                return;
            case "B":
            case "I":
            case "SM":
            case "SB":
                if (rest.Length > 0) AddText(Joined(rest, " "));
                return;
            case "BR":
            case "RB":
            case "IR":
            case "RI":
            case "BI":
            case "IB":
                AddText(Joined(rest, ""));
                return;
            case "nf":
            case "EX":
            case "Vb":
            case "CS":
                Break();
                fill = false;
                return;
            case "fi":
            case "EE":
            case "Ve":
            case "CE":
                Break();
                fill = true;
                return;
            case "UR":
            case "MT":
                url = Joined(rest, " ");
                return;
            case "UE":
            case "ME":
                if (!string.IsNullOrEmpty(url)) AddText("<" + url + ">");
                url = null;
                if (rest.Length > 0) { joinNext = true; AddText(Joined(rest, " ")); }
                return;
            case "URL":
            case "MTO":
                var link = Args(rest);
                if (link.Count == 0) return;
                AddText((link.Count > 1 ? link[1] + " " : "") + "<" + link[0] + ">" + string.Concat(link.Skip(2)));
                return;
            case "shift":
                if (arguments.Count > 0)
                {
                    var top = arguments.Peek();
                    int n = rest.Trim().Length > 0 ? RoffNumbers.Evaluate(Expand(rest.Trim())) : 1;
                    top.RemoveRange(0, Math.Clamp(n, 0, top.Count));
                    registers[".$"] = top.Count;
                }
                return;
            case "SY":
                Break();
                AddText(Joined(rest, " "));
                return;
            case "OP":
                AddText("[" + Joined(rest, " ") + "]");
                return;
            case "QW":
            case "PQ":
                var q = Args(rest);
                if (q.Count > 0) AddText((name == "PQ" ? "(" : "") + "“" + q[0] + "”" + string.Concat(q.Skip(1)) + (name == "PQ" ? ")" : ""));
                return;
            case "AP":
            case "UL":
                if (name == "AP") Break();
                AddText(Joined(rest, " "));
                if (name == "AP") Break();
                return;
            case "nop":
                Text(rest);
                return;
            case "so":
                if (title is null && sections.Count == 0 && !sawText && soTarget is null) { soTarget = rest.Trim(); soLine = lineNo; }
                else Note(".so");
                return;
            case "TS":
                Break();
                table = TableState.Options;
                tableTab = '\t';
                return;
            case "T&":
                table = TableState.Format;
                return;
            case "TE":
                Break();
                table = TableState.None;
                tableBlock = false;
                return;
            case "EQ":
                eqn = true;
                return;
            case "EN":
                return;
            case "de":
            case "de1":
            case "am":
            case "am1":
            case "dei":
            case "ami":
                var def = RoffArguments.Split(rest);
                if (def.Count == 0) return;
                if (name.StartsWith("am", StringComparison.Ordinal) && macros.TryGetValue(def[0].Text, out var existing)) macroBody = existing;
                else macros[def[0].Text] = macroBody = [];
                skipUntil = def.Count > 1 ? "." + def[1].Text : "..";
                return;
            case "ig":
                skipUntil = rest.Trim().Length > 0 ? "." + rest.Trim() : "..";
                return;
            case "ds":
            case "as":
            case "as1":
                DefineString(rest, append: name != "ds");
                return;
            case "nr":
                DefineRegister(rest);
                return;
            case "rm":
                foreach (var a in RoffArguments.Split(rest)) { strings.Remove(a.Text); macros.Remove(a.Text); }
                return;
            case "rr":
                foreach (var a in RoffArguments.Split(rest)) registers.Remove(a.Text);
                return;
            case "rn":
                var rn = RoffArguments.Split(rest);
                if (rn.Count == 2 && macros.Remove(rn[0].Text, out var moved)) macros[rn[1].Text] = moved;
                return;
            case "tr":
                Translate(rest);
                return;
            case "if":
                Condition(rest, isIe: false, depth);
                return;
            case "ie":
                Condition(rest, isIe: true, depth);
                return;
            case "el":
                Body(elseBranches.Count > 0 && elseBranches.Pop(), rest, depth);
                return;
            default:
                if (!Breaks.Contains(name) && !LayoutOnly.Contains(name)) Note("." + name);
                return;
        }
    }

    void Note(string what) => uninterpreted[what] = uninterpreted.GetValueOrDefault(what) + 1;

    List<string> Args(string rest) => RoffArguments.Split(rest).Select(a => Expand(a.Text)).ToList();

    string Joined(string rest, string separator) => string.Join(separator, Args(rest));

    void DefineString(string rest, bool append)
    {
        int k = 0;
        while (k < rest.Length && rest[k] != ' ' && rest[k] != '\t') k++;
        var name = rest[..k];
        if (name.Length == 0) return;
        var value = rest[k..].TrimStart(' ', '\t');
        if (value.StartsWith('"')) value = value[1..];
        strings[name] = append && strings.TryGetValue(name, out var old) ? old + value : value;
    }

    void DefineRegister(string rest)
    {
        var parts = RoffArguments.Split(rest);
        if (parts.Count < 1) return;
        var name = parts[0].Text;
        var valueText = parts.Count > 1 ? Expand(parts[1].Text) : "0";
        int value = RoffNumbers.Evaluate(valueText.TrimStart('+', '-'));
        registers[name] = valueText.StartsWith('+') ? Register(name) + value : valueText.StartsWith('-') ? Register(name) - value : value;
    }

    /// <summary><c>.tr abcd</c> prints a as b and c as d; the characters may be escapes (<c>\(*W-</c>) or
    /// strings, so the argument is expanded first and then read in pairs.</summary>
    void Translate(string rest)
    {
        int end = 0;
        while (end < rest.Length && rest[end] != ' ' && rest[end] != '\t') end++;
        var chars = Expand(rest[..end]);
        for (int p = 0; p + 1 < chars.Length; p += 2) translations[chars[p]] = chars[p + 1].ToString();
    }

    // ---- conditions and macros ------------------------------------------------------------------------

    /// <summary><c>.if COND BODY</c> / <c>.ie COND BODY</c>: conditions are read as nroff on a terminal
    /// sees them — <c>n</c> true, <c>t</c>, <c>o</c>, <c>e</c>, <c>v</c> false, <c>d NAME</c> and <c>r NAME</c>
    /// by what is defined, <c>'a'b'</c> by comparing the strings, anything else as a numeric expression.</summary>
    void Condition(string rest, bool isIe, int depth)
    {
        int i = 0;
        bool negate = false;
        while (i < rest.Length && rest[i] == '!') { negate = !negate; i++; }
        bool value;
        if (i < rest.Length && "ntoev".Contains(rest[i]) && (i + 1 >= rest.Length || rest[i + 1] is ' ' or '\t' or '\\' or '.' or '\''))
        {
            value = rest[i] == 'n';
            i++;
        }
        else if (i + 1 < rest.Length && "drcmFS".Contains(rest[i]) && rest[i + 1] is ' ' or '\t')
        {
            char kind = rest[i];
            i += 2;
            while (i < rest.Length && rest[i] == ' ') i++;
            int start = i;
            while (i < rest.Length && rest[i] != ' ' && rest[i] != '\t') i++;
            var name = rest[start..i];
            value = kind == 'd' ? strings.ContainsKey(name) || macros.ContainsKey(name) : kind == 'r' && registers.ContainsKey(name);
        }
        else if (i < rest.Length && !char.IsAsciiLetterOrDigit(rest[i]) && rest[i] is not ('(' or '\\' or '-' or '+' or ' '))
        {
            char d = rest[i];
            int second = rest.IndexOf(d, i + 1);
            int third = second < 0 ? -1 : rest.IndexOf(d, second + 1);
            if (third < 0) { value = false; i = rest.Length; }
            else
            {
                value = Expand(rest[(i + 1)..second]) == Expand(rest[(second + 1)..third]);
                i = third + 1;
            }
        }
        else
        {
            int start = i, paren = 0;
            while (i < rest.Length && (paren > 0 || (rest[i] != ' ' && rest[i] != '\t')))
            {
                if (rest[i] == '\\' && i + 1 < rest.Length)
                {
                    if (rest[i + 1] == '{') break;
                    i += 2;   // an escape is one unit: the ( of \n(.g opens no parenthesis
                    if (rest[i - 1] is 'n' or '*')
                    {
                        if (i < rest.Length && rest[i - 1] == 'n' && rest[i] is '+' or '-') i++;
                        RoffEscapes.Name(rest, ref i);
                    }
                    else if (rest[i - 1] == 'w' && i < rest.Length)
                    {
                        int close = rest.IndexOf(rest[i], i + 1);   // \w'text': up to the closing delimiter
                        i = close < 0 ? rest.Length : close + 1;
                    }
                    continue;
                }
                if (rest[i] == '(') paren++;
                else if (rest[i] == ')') paren--;
                i++;
            }
            value = RoffNumbers.Evaluate(Expand(rest[start..i])) > 0;
        }
        if (negate) value = !value;
        if (isIe) elseBranches.Push(!value);
        Body(value, rest[i..], depth);
    }

    /// <summary>The body of a condition: run as a line when taken; skipped, with any <c>\{</c> block it opens, when not.</summary>
    void Body(bool take, string body, int depth)
    {
        body = body.TrimStart(' ', '\t');
        if (!take)
        {
            skipDepth += Math.Max(0, Count(body, "\\{") - Count(body, "\\}"));
            return;
        }
        if (body.StartsWith("\\{", StringComparison.Ordinal)) body = body[2..].TrimStart(' ', '\t');
        if (body.Length > 0) Line(body, depth + 1);
    }

    /// <summary>Runs a macro the page defined with <c>.de</c>: <c>\\$1</c> … are its arguments, <c>\\</c> is one backslash (copy mode).</summary>
    void Invoke(List<string> body, List<RoffArgument> args, int depth)
    {
        if (depth > MaxMacroDepth) return;
        var savedCount = Register(".$");
        registers[".$"] = args.Count;
        arguments.Push([.. args]);
        foreach (var raw in body.ToList())
        {
            var (text, _) = StripComment(Substitute(raw, arguments.Peek()));
            if (text is not null) Line(text, depth + 1);
        }
        arguments.Pop();
        registers[".$"] = savedCount;
    }

    static string Substitute(string line, List<RoffArgument> args)
    {
        if (line.IndexOf('\\') < 0) return line;
        var sb = new StringBuilder(line.Length);
        for (int i = 0; i < line.Length; i++)
        {
            if (line[i] != '\\' || i + 1 >= line.Length) { sb.Append(line[i]); continue; }
            int k = i + 1;
            if (line[k] == '\\' && k + 1 < line.Length && line[k + 1] == '$') k++;
            if (line[k] == '$' && k + 1 < line.Length)
            {
                char n = line[k + 1];
                if (char.IsAsciiDigit(n)) { int a = n - '1'; if (a >= 0 && a < args.Count) sb.Append(args[a].Text); i = k + 1; continue; }
                if (n == '*') { sb.Append(string.Join(' ', args.Select(a => a.Text))); i = k + 1; continue; }
                if (n == '@') { sb.Append(string.Join(' ', args.Select(a => "\"" + a.Text + "\""))); i = k + 1; continue; }
            }
            if (line[i + 1] == '\\') { sb.Append('\\'); i++; continue; }
            sb.Append(line[i]);
        }
        return sb.ToString();
    }

    // ---- tbl and mdoc ---------------------------------------------------------------------------------

    /// <summary>tbl(1) input: the options line (ending in <c>;</c>) and format lines (the last ending in
    /// <c>.</c>) are layout; each data row becomes one line of its cells, <c>T{ … T}</c> blocks as filled text,
    /// and rule rows (<c>_</c>, <c>=</c>) vanish.</summary>
    void TableText(string line)
    {
        var t = line.Trim();
        if (table == TableState.Options)
        {
            table = TableState.Format;
            if (t.EndsWith(';'))
            {
                int tab = t.IndexOf("tab(", StringComparison.Ordinal);
                if (tab >= 0 && tab + 4 < t.Length) tableTab = t[tab + 4];
                return;
            }
        }
        if (table == TableState.Format)
        {
            if (t.EndsWith('.')) table = TableState.Data;
            return;
        }
        if (tableBlock)
        {
            if (!t.StartsWith("T}", StringComparison.Ordinal)) { Text(line); return; }
            tableBlock = false;
            t = t[2..];
            Break();
        }
        bool opensBlock = t.EndsWith("T{", StringComparison.Ordinal);
        if (opensBlock) t = t[..^2];
        var cells = t.Split(tableTab).Select(c => c.Trim()).Where(c => c is not ("_" or "=" or "\\_" or "\\^" or ""));
        var row = Expand(string.Join(" ", cells));
        if (!tableBlock) Break();
        if (row.Trim().Length > 0) Append(row);
        if (opensBlock) tableBlock = true; else Break();
    }

    /// <summary>The mdoc macros that start a line; false for a name that is not mdoc (then man(7) handling runs).</summary>
    bool Mdoc(string name, string rest)
    {
        var args = RoffArguments.Split(rest);
        switch (name)
        {
            case "Dt":
                title = args.Count > 0 ? Expand(args[0].Text) : "";
                section = args.Count > 1 ? Expand(args[1].Text) : null;
                return true;
            case "Sh":
                StartSection(mdoc.Render(args));
                return true;
            case "Ss":
                Break();
                Append(mdoc.Render(args));
                Break();
                return true;
            case "Bd":
                Break();
                if (args.Any(a => a.Text is "-literal" or "-unfilled")) fill = false;
                return true;
            case "Ed":
                Break();
                fill = true;
                return true;
            case "It":
                Break();
                var item = mdoc.Render(args);
                if (item.Length > 0) { Append(item); Break(); }
                return true;
            case "D1":
            case "Dl":
                Break();
                Append(mdoc.Render(args));
                Break();
                return true;
            case "Nd":
                AddText("- " + mdoc.Render(args));
                return true;
            case "Fd":
                Break();
                Append(mdoc.Render(args));
                Break();
                return true;
            case "Ex":
            case "Rv":
                return true;   // English boilerplate about exit codes, generated from the name
            case var _ when name.Length >= 2 && name[0] == '%':
                AddText(mdoc.Render(args));
                return true;
            case var _ when MdocLine.IsCallable(new RoffArgument(name, false)):
                AddText(mdoc.Render([new RoffArgument(name, false), .. args]));
                return true;
            default:
                return false;
        }
    }
}
