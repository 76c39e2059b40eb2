using System.Text;

namespace Dssm.Research.Data;

/// <summary>
/// One line of mdoc(7) macros as plain text, the way mandoc -Tutf8 writes it: a macro word is
/// consumed and shapes its arguments (<c>.Fl a</c> → <c>-a</c>, <c>.Xr ls 1</c> → <c>ls(1)</c>,
/// <c>.Op Fl l Ar file</c> → <c>[-l file]</c>, <c>.Dq text</c> → <c>“text”</c>, <c>.Ns</c> removes a space),
/// other words are text, and closing punctuation (<c>. , ; : ) ]</c>) sticks to the word before it.
/// A few BSD-derived pages of manpages-zh are written in mdoc; the man(7) pages need none of this.
/// </summary>
internal sealed class MdocLine(Func<string, string> expand)
{
    /// <summary>The name the page gave in its first <c>.Nm</c>: a later bare <c>.Nm</c> prints it.</summary>
    public string? PageName { get; set; }

    static readonly HashSet<string> Callable = new(StringComparer.Ordinal)
    {
        "Ac", "Ad", "An", "Ao", "Ap", "Aq", "Ar", "At", "Bc", "Bo", "Bq", "Brc", "Bro", "Brq", "Bsx", "Bx",
        "Cd", "Cm", "Dc", "Do", "Dq", "Dv", "Dx", "Ec", "Em", "Eo", "Er", "Es", "Ev", "Fa", "Fc", "Fl", "Fn",
        "Fo", "Fr", "Ft", "Fx", "Ic", "In", "Lb", "Li", "Lk", "Ms", "Mt", "Nm", "No", "Ns", "Nx", "Oc", "Oo",
        "Op", "Ot", "Ox", "Pa", "Pc", "Pf", "Po", "Pq", "Qc", "Ql", "Qo", "Qq", "Sc", "So", "Sq", "St", "Sx",
        "Sy", "Ta", "Tn", "Ux", "Va", "Vt", "Xc", "Xo", "Xr",
    };

    /// <summary>Macros that enclose the rest of the line: the opening and closing text.</summary>
    static readonly Dictionary<string, (string Open, string Close)> Enclosures = new(StringComparer.Ordinal)
    {
        ["Op"] = ("[", "]"), ["Dq"] = ("“", "”"), ["Sq"] = ("‘", "’"), ["Qq"] = ("\"", "\""), ["Pq"] = ("(", ")"),
        ["Bq"] = ("[", "]"), ["Brq"] = ("{", "}"), ["Aq"] = ("⟨", "⟩"), ["Ql"] = ("‘", "’"),
    };

    static readonly Dictionary<string, string> Delimiters = new(StringComparer.Ordinal)
    {
        ["Oo"] = "[", ["Oc"] = "]", ["Do"] = "“", ["Dc"] = "”", ["So"] = "‘", ["Sc"] = "’", ["Qo"] = "\"", ["Qc"] = "\"",
        ["Po"] = "(", ["Pc"] = ")", ["Bo"] = "[", ["Bc"] = "]", ["Bro"] = "{", ["Brc"] = "}", ["Ao"] = "⟨", ["Ac"] = "⟩",
    };

    static readonly Dictionary<string, string> Systems = new(StringComparer.Ordinal)
    {
        ["Bx"] = "BSD", ["Bsx"] = "BSD/OS", ["Fx"] = "FreeBSD", ["Nx"] = "NetBSD", ["Ox"] = "OpenBSD", ["Dx"] = "DragonFly",
        ["Ux"] = "UNIX", ["At"] = "AT&T UNIX",
    };

    static readonly Dictionary<string, string> Standards = new(StringComparer.Ordinal)
    {
        ["-p1003.1"] = "IEEE Std 1003.1 (“POSIX.1”)", ["-p1003.2"] = "IEEE Std 1003.2 (“POSIX.2”)",
        ["-p1003.1-2001"] = "IEEE Std 1003.1-2001 (“POSIX.1”)", ["-p1003.1-2008"] = "IEEE Std 1003.1-2008 (“POSIX.1”)",
        ["-ansiC"] = "ANSI X3.159-1989 (“ANSI C89”)", ["-isoC"] = "ISO/IEC 9899:1990 (“ISO C90”)",
        ["-isoC-99"] = "ISO/IEC 9899:1999 (“ISO C99”)", ["-xpg4"] = "X/Open Portability Guide Issue 4 (“XPG4”)",
        ["-susv2"] = "Version 2 of the Single UNIX Specification (“SUSv2”)", ["-susv3"] = "Version 3 of the Single UNIX Specification (“SUSv3”)",
    };

    public static bool IsCallable(RoffArgument a) => !a.Quoted && Callable.Contains(a.Text);

    static bool IsClosing(string t) => t is "." or "," or ";" or ":" or "?" or "!" or ")" or "]";

    /// <summary>The text of <paramref name="args"/>, the first of which may be a macro (<c>Fl</c>, <c>Xr</c>, …).</summary>
    public string Render(IReadOnlyList<RoffArgument> args)
    {
        var words = new Words();
        int i = 0;
        Run(args, ref i, args.Count, words);
        return words.ToString();
    }

    void Run(IReadOnlyList<RoffArgument> args, ref int i, int end, Words words)
    {
        while (i < end)
        {
            var a = args[i++];
            if (!IsCallable(a)) { words.Add(expand(a.Text), IsClosing(a.Text) && !a.Quoted, a.Text is "(" or "["); continue; }
            switch (a.Text)
            {
                case "Fl":
                    if (i >= end || IsCallable(args[i]) || IsClosing(args[i].Text)) words.Add("-");
                    while (i < end && !IsCallable(args[i]) && !IsClosing(args[i].Text)) words.Add("-" + expand(args[i++].Text));
                    break;
                case "Xr":
                    var page = i < end ? expand(args[i++].Text) : "";
                    if (i < end && !IsCallable(args[i]) && !IsClosing(args[i].Text)) page += "(" + expand(args[i++].Text) + ")";
                    words.Add(page);
                    break;
                case "Nm":
                    if (i < end && !IsCallable(args[i]) && !IsClosing(args[i].Text))
                    {
                        var name = expand(args[i++].Text);
                        PageName ??= name;
                        words.Add(name);
                    }
                    else if (PageName is not null) words.Add(PageName);
                    break;
                case "Fn":
                    var fn = i < end ? expand(args[i++].Text) : "";
                    var fargs = new List<string>();
                    while (i < end && !IsCallable(args[i]) && !IsClosing(args[i].Text)) fargs.Add(expand(args[i++].Text));
                    words.Add(fn + "(" + string.Join(", ", fargs) + ")");
                    break;
                case "Fo":
                    words.Add((i < end ? expand(args[i++].Text) : "") + "(");
                    words.NoSpaceNext();
                    break;
                case "Fc":
                    words.Add(")", noSpaceBefore: true);
                    break;
                case "Ns":
                    words.NoSpaceNext();
                    break;
                case "Ap":
                    words.Add("'", noSpaceBefore: true);
                    words.NoSpaceNext();
                    break;
                case "Pf":
                    if (i < end) words.Add(expand(args[i++].Text));
                    words.NoSpaceNext();
                    break;
                case "St":
                    if (i < end) { var std = args[i++].Text; words.Add(Standards.GetValueOrDefault(std, std.TrimStart('-'))); }
                    break;
                case "Ta":
                    break;
                case var sys when Systems.TryGetValue(sys, out var system):
                    var version = i < end && !IsCallable(args[i]) && !IsClosing(args[i].Text) ? expand(args[i++].Text) : "";
                    words.Add(sys == "Bx" ? version + system : version.Length == 0 ? system : system + " " + version);
                    break;
                case var enc when Enclosures.TryGetValue(enc, out var pair):
                    int stop = end;
                    while (stop > i && IsClosing(args[stop - 1].Text) && !args[stop - 1].Quoted) stop--;
                    var inner = new Words();
                    Run(args, ref i, stop, inner);
                    words.Add(pair.Open + inner + pair.Close);
                    break;
                case var d when Delimiters.TryGetValue(d, out var delimiter):
                    bool opening = d.EndsWith('o');
                    words.Add(delimiter, noSpaceBefore: !opening);
                    if (opening) words.NoSpaceNext();
                    break;
                default:
                    break;   // a semantic macro (Ar, Cm, Pa, Em, …): its arguments are plain text
            }
        }
    }

    /// <summary>Words joined by single spaces, except where mdoc's spacing rules say none.</summary>
    sealed class Words
    {
        readonly StringBuilder sb = new();
        bool noSpace = true;

        public void NoSpaceNext() => noSpace = true;

        public void Add(string word, bool noSpaceBefore = false, bool noSpaceAfter = false)
        {
            if (word.Length == 0) return;
            if (!noSpace && !noSpaceBefore && sb.Length > 0) sb.Append(' ');
            sb.Append(word);
            noSpace = noSpaceAfter;
        }

        public override string ToString() => sb.ToString();
    }
}
