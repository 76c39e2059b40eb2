namespace Dssm.Research.Data;

/// <summary>
/// What a reader did with one file: lines read, records kept, duplicates merged, blank lines, and every
/// skipped line (lenient mode). <c>Read = Kept + Duplicates + Skipped.Count</c> for record lines.
/// </summary>
public sealed class DataReadReport
{
    readonly List<SkippedLine> skipped = [];

    public DataReadReport(string file) => File = file;

    public string File { get; }

    /// <summary>Record lines read (not counting a header or blank lines).</summary>
    public long Read { get; internal set; }

    /// <summary>Records passed on to the caller.</summary>
    public long Kept { get; internal set; }

    /// <summary>Records merged into an earlier one (duplicate content or duplicate id where legal).</summary>
    public long Duplicates { get; internal set; }

    /// <summary>Empty lines, ignored (reported so that nothing disappears without a count).</summary>
    public long BlankLines { get; internal set; }

    /// <summary>Malformed lines skipped in lenient mode, in file order.</summary>
    public IReadOnlyList<SkippedLine> Skipped => skipped;

    /// <summary>Strict: throws <paramref name="error"/>. Lenient: records the line as skipped.</summary>
    internal void Fail(DataFormatException error, DataReadOptions options)
    {
        if (!options.Lenient) throw error;
        skipped.Add(new SkippedLine(error.File, error.Line, error.Field, error.Reason));
    }

    /// <summary>One line per report and, under it, its first <paramref name="listed"/> skipped lines (then how many more).</summary>
    public static string ToText(IEnumerable<DataReadReport> reports, int listed = 20)
    {
        var text = new System.Text.StringBuilder();
        foreach (var r in reports)
        {
            text.Append(r).Append('\n');
            foreach (var s in r.Skipped.Take(listed)) text.Append($"  skipped {s}\n");
            if (r.Skipped.Count > listed) text.Append($"  ... and {r.Skipped.Count - listed:N0} more skipped lines\n");
        }
        return text.ToString();
    }

    public override string ToString() =>
        $"{File}: read {Read:N0}, kept {Kept:N0}, duplicates {Duplicates:N0}, skipped {skipped.Count:N0}" +
        (BlankLines > 0 ? $", blank lines {BlankLines:N0}" : "");
}
