using System.Globalization;

namespace Dssm.Research.Evaluation;

/// <summary>Whitespace-separated TREC lines, with errors that name file:line and the field.</summary>
internal static class TrecLine
{
    static readonly char[] Blanks = [' ', '\t', '\r', '\v', '\f'];

    /// <summary>An id written into a whitespace-separated file must not contain whitespace.</summary>
    public static string Id(string id, string what) =>
        id.Any(char.IsWhiteSpace) ? throw new ArgumentException($"{what} '{id}' contains whitespace and cannot be written to a TREC file") : id;

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
