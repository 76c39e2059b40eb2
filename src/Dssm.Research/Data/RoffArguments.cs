using System.Text;

namespace Dssm.Research.Data;

/// <summary>One argument of a roff request or macro call, as written (escapes not yet expanded).</summary>
/// <param name="Text">The argument without its quotes.</param>
/// <param name="Quoted">Whether it was written in double quotes (mdoc never reads a quoted word as a macro).</param>
internal readonly record struct RoffArgument(string Text, bool Quoted);

/// <summary>
/// Splits the rest of a request line into arguments the way groff does (groff(7), "Macro arguments"):
/// blanks separate arguments, a double quote at the start of one runs it to the next lone quote, and
/// <c>""</c> inside quotes is a literal quote. An escape is one unit, so <c>\ </c> (an unbreakable space)
/// never splits and <c>\(em</c> stays whole.
/// </summary>
internal static class RoffArguments
{
    public static List<RoffArgument> Split(string rest)
    {
        var args = new List<RoffArgument>();
        int i = 0;
        while (true)
        {
            while (i < rest.Length && (rest[i] == ' ' || rest[i] == '\t')) i++;
            if (i >= rest.Length) return args;
            var sb = new StringBuilder();
            if (rest[i] == '"')
            {
                i++;
                while (i < rest.Length)
                {
                    if (rest[i] == '"')
                    {
                        if (i + 1 < rest.Length && rest[i + 1] == '"') { sb.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    i = CopyUnit(rest, i, sb);
                }
                args.Add(new RoffArgument(sb.ToString(), true));
            }
            else
            {
                while (i < rest.Length && rest[i] != ' ' && rest[i] != '\t') i = CopyUnit(rest, i, sb);
                args.Add(new RoffArgument(sb.ToString(), false));
            }
        }
    }

    /// <summary>Copies one character, or a backslash and the character it escapes, and returns the next position.</summary>
    static int CopyUnit(string s, int i, StringBuilder sb)
    {
        if (s[i] == '\\' && i + 1 < s.Length) { sb.Append(s, i, 2); return i + 2; }
        sb.Append(s[i]);
        return i + 1;
    }
}
