namespace Dssm.Research.Data;

/// <summary>
/// A malformed line in a data file. The message reads <c>file:line: what is wrong, what was expected</c>
/// (the house rule: errors name the file, line and field). The one exception type of every reader.
/// </summary>
public sealed class DataFormatException : FormatException
{
    public DataFormatException(string file, long line, string? field, string reason)
        : base(Format(file, line, field, reason))
    {
        File = file;
        Line = line;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file, as the reader was given it.</summary>
    public string File { get; }

    /// <summary>1-based line number (0 when the problem concerns the whole file).</summary>
    public long Line { get; }

    /// <summary>The column or JSON field that is wrong, when one is.</summary>
    public string? Field { get; }

    /// <summary>What is wrong and what was expected, without the location.</summary>
    public string Reason { get; }

    static string Format(string file, long line, string? field, string reason) =>
        field is null ? $"{file}:{line}: {reason}" : $"{file}:{line}: {field}: {reason}";
}
