namespace Dssm.Research.Data;

/// <summary>
/// Streams Chinese sentence-pair sets in the LCQMC / BQ shape <c>text_a&lt;TAB&gt;text_b&lt;TAB&gt;label</c> and
/// the ATEC / AFQMC TSV shape <c>id&lt;TAB&gt;s1&lt;TAB&gt;s2&lt;TAB&gt;label</c> (the shape is taken from the
/// first data line; a first line whose label column is not 0/1, like <c>text_a text_b label</c>, is a header).
/// Each row becomes a <see cref="PointwisePair"/> with <c>s1</c> as the query and <c>s2</c> as the document:
/// a paraphrase-identification label read as "would be clicked".
/// </summary>
public static class SentencePairReader
{
    public static IEnumerable<PointwisePair> Read(string path, DataReadOptions? options = null, DataReadReport? report = null)
    {
        options ??= DataReadOptions.Strict;
        report ??= new DataReadReport(path);
        int columns = 0;
        bool sawData = false;
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            var f = line.Text.Split('\t');
            if (line.Number == 1 && f.Length is 3 or 4 && f[^1].Trim() is not ("0" or "1") && f[^1].Trim().Equals("label", StringComparison.OrdinalIgnoreCase))
            {
                columns = f.Length;
                continue;
            }
            if (columns == 0) columns = f.Length is 3 or 4 ? f.Length : 3;
            sawData = true;
            report.Read++;
            PointwisePair? pair = null;
            try
            {
                if (f.Length != columns)
                    throw new DataFormatException(path, line.Number, null, columns == 3
                        ? $"{f.Length} tab-separated columns; expected 3: text_a<TAB>text_b<TAB>label"
                        : $"{f.Length} tab-separated columns; expected 4: id<TAB>s1<TAB>s2<TAB>label");
                int o = columns - 3;
                pair = new PointwisePair(
                    PointwiseReader.Label(path, line.Number, "label", f[o + 2]),
                    PointwiseReader.Text(path, line.Number, columns == 3 ? "text_a" : "s1", f[o]),
                    PointwiseReader.Text(path, line.Number, columns == 3 ? "text_b" : "s2", f[o + 1]));
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (pair is null) continue;
            report.Kept++;
            yield return pair;
        }
        if (!sawData) throw new DataFormatException(path, 1, null, "no pairs after the header; expected lines text_a<TAB>text_b<TAB>label or id<TAB>s1<TAB>s2<TAB>label");
    }
}
