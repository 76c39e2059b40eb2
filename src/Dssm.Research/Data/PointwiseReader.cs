namespace Dssm.Research.Data;

/// <summary>
/// Streams the pointwise TSV <c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c> (label 0 or 1; an optional first line
/// <c>label&lt;TAB&gt;query&lt;TAB&gt;doc</c> is taken as a header). Example:
/// <code>
/// 1	cheap flights to paris	low-cost airfare for a trip to the french capital
/// 0	cheap flights to paris	cheap hotel rooms in paris
/// </code>
/// </summary>
public static class PointwiseReader
{
    public static IEnumerable<PointwisePair> Read(string path, DataReadOptions? options = null, DataReadReport? report = null)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        bool sawData = false;
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            var f = line.Text.Split('\t');
            if (line.Number == 1 && f.Length == 3 && f[0].Trim().Equals("label", StringComparison.OrdinalIgnoreCase)) continue;
            sawData = true;
            report.Read++;
            PointwisePair? pair = null;
            try
            {
                if (f.Length != 3)
                    throw new DataFormatException(path, line.Number, null, $"{f.Length} tab-separated columns; expected 3: label<TAB>query<TAB>doc");
                pair = new PointwisePair(Label(path, line.Number, "label", f[0]), Text(path, line.Number, "query", f[1]), Text(path, line.Number, "doc", f[2]));
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (pair is null) continue;
            report.Kept++;
            yield return pair;
        }
        if (!sawData) throw new DataFormatException(path, 1, null, "no pairs after the header; expected lines label<TAB>query<TAB>doc");
    }

    /// <summary>Writes pairs in the same format (no header, <c>\n</c> endings, UTF-8 without BOM).</summary>
    public static long Write(string path, IEnumerable<PointwisePair> pairs)
    {
        long n = 0;
        using var w = BeirWriter.Open(path);
        foreach (var p in pairs)
        {
            if (p.Query.Contains('\t') || p.Doc.Contains('\t') || p.Query.Contains('\n') || p.Doc.Contains('\n'))
                throw new ArgumentException($"pair #{n + 1} has a tab or newline in its text; the TSV cannot hold it");
            w.Write($"{p.Label}\t{p.Query}\t{p.Doc}\n");
            n++;
        }
        return n;
    }

    internal static int Label(string path, long line, string field, string value) => value.Trim() switch
    {
        "0" => 0,
        "1" => 1,
        _ => throw new DataFormatException(path, line, field, $"'{BeirReader.Clip(value)}'; expected 0 or 1"),
    };

    internal static string Text(string path, long line, string field, string value) =>
        value.Trim().Length == 0 ? throw new DataFormatException(path, line, field, "empty; expected text") : value.Trim();
}
