using System.Globalization;

namespace Dssm.Research.Ranking;

/// <summary>Whitespace-separated TREC lines, with errors that name file:line and the field.</summary>
internal static class TrecLine
{
    static readonly char[] Blanks = [' ', '\t', '\r', '\v', '\f'];

    /// <summary>
    /// An id written into a TREC file must read back as the same id, here and in trec_eval: non-empty; no
    /// whitespace (the field separator — any Unicode white space, as other tools split on it too); no control
    /// character (trec_eval reads C strings, where NUL ends one); well-formed UTF-16 (a lone surrogate has no
    /// UTF-8 form: a strict encoder fails halfway through the file, a lenient one writes U+FFFD); and no U+FEFF (at the start of a file, readers take it for a
    /// byte-order mark and drop it). Everything else — punctuation, any script, emoji — is allowed.
    /// </summary>
    /// <exception cref="ArgumentException">the id breaks a rule; the message names the id, the character and its index.</exception>
    public static string Id(string id, string what) =>
        Problem(id) is { } problem ? throw new ArgumentException($"{what} '{Escape(id)}' {problem} and cannot be written to a TREC file") : id;

    static string? Problem(string id)
    {
        if (string.IsNullOrEmpty(id)) return "is empty";
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsWhiteSpace(c)) return $"contains whitespace (U+{(int)c:X4} at index {i})";
            if (char.IsControl(c)) return $"contains a control character (U+{(int)c:X4} at index {i})";
            if (c == '\uFEFF') return $"contains U+FEFF at index {i} (a byte-order mark, which readers drop at the start of a file)";
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return $"contains a lone surrogate (U+{(int)c:X4} at index {i}), which has no UTF-8 form";
        }
        return null;
    }

    /// <summary>The id with characters that would garble a one-line message written as \uXXXX.</summary>
    static string Escape(string? id) => string.Concat((id ?? "").Select(c =>
        char.IsControl(c) || char.IsSurrogate(c) || c == '\uFEFF' || (char.IsWhiteSpace(c) && c != ' ') ? $"\\u{(int)c:X4}" : c.ToString()));

    public static string[] Split(string line) => line.Split(Blanks, StringSplitOptions.RemoveEmptyEntries);

    public static FormatException Error(string source, int line, int field, string name, string problem) =>
        new($"{source}:{line}: field {field} ({name}): {problem}");

    public static string[] Fields(string[] parts, int expected, string layout, string source, int line) =>
        parts.Length == expected ? parts
            : throw new FormatException($"{source}:{line}: expected {expected} whitespace-separated fields ({layout}), found {parts.Length}");

    public static int Int(string[] parts, int field, string name, string source, int line) =>
        int.TryParse(parts[field - 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v
            : throw Error(source, line, field, name, $"'{parts[field - 1]}' is not an integer");

    public static double Double(string[] parts, int field, string name, string source, int line) =>
        double.TryParse(parts[field - 1], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && !double.IsNaN(v) ? v
            : throw Error(source, line, field, name, $"'{parts[field - 1]}' is not a number");
}
