namespace Dssm.Research.Data;

/// <summary>
/// Streams a click log <c>query&lt;TAB&gt;clicked_doc[&lt;TAB&gt;impression...]</c>, the setting of Huang et al.
/// (2013, §4): the clicked document is a positive; the other shown documents (impressions), when present,
/// are negatives. Each line becomes one label-1 pair and one label-0 pair per impression (an impression
/// equal to the clicked text is dropped as the same document, counted in <see cref="DataReadReport.Duplicates"/>).
/// </summary>
public static class ClickLogReader
{
    public static IEnumerable<PointwisePair> Read(string path, DataReadOptions? options = null, DataReadReport? report = null)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            report.Read++;
            List<PointwisePair>? pairs = null;
            var repeats = 0;
            try
            {
                var f = line.Text.Split('\t');
                if (f.Length < 2)
                    throw new DataFormatException(path, line.Number, null, "1 column; expected at least 2: query<TAB>clicked_doc[<TAB>impression...]");
                var query = PointwiseReader.Text(path, line.Number, "query", f[0]);
                var clicked = PointwiseReader.Text(path, line.Number, "clicked_doc", f[1]);
                pairs = [new PointwisePair(1, query, clicked)];
                for (int i = 2; i < f.Length; i++)
                {
                    var shown = PointwiseReader.Text(path, line.Number, $"impression {i - 1}", f[i]);
                    if (shown == clicked) { repeats++; continue; }
                    pairs.Add(new PointwisePair(0, query, shown));
                }
            }
            catch (DataFormatException e)
            {
                report.Fail(e, options);   // lenient: the whole line is skipped, not the rows before its bad field
                continue;
            }
            report.Kept++;
            report.Duplicates += repeats;
            foreach (var p in pairs) yield return p;
        }
    }
}
