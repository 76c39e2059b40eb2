namespace Dssm.Research.Data;

/// <summary>
/// <c>dssm data convert</c>: one entry point over the readers and converters of the public formats. Pair formats
/// (pointwise rows, click logs, LCQMC-style sentence pairs) become a BEIR folder and also <c>pairs.tsv</c>, the rows as
/// read, for <c>dssm train --pairs</c>; WikiQA and MS MARCO have converters of their own.
/// </summary>
public static class DataConversion
{
    /// <summary>The formats <see cref="Convert"/> reads.</summary>
    public static IReadOnlyList<string> Formats { get; } = ["pointwise", "clicklog", "wikiqa", "lcqmc", "msmarco"];

    /// <summary>Converts <paramref name="input"/> (a file, or a folder for WikiQA and MS MARCO) into the BEIR folder <paramref name="outDir"/>.</summary>
    /// <exception cref="ArgumentException">the format is none of <see cref="Formats"/>.</exception>
    /// <exception cref="DataFormatException">a malformed line (strict mode); the message names file, line and field.</exception>
    public static DataConversionResult Convert(string format, string input, string outDir, DataReadOptions? read = null, ConvertOptions? convert = null)
    {
        read ??= new DataReadOptions();
        convert ??= new ConvertOptions();
        if (format == "msmarco") return new DataConversionResult(outDir, MsMarcoConverter.Convert(input, outDir, read), null);
        var reports = new List<DataReadReport>();
        BeirDataset dataset;
        if (format == "wikiqa") dataset = WikiQaConverter.Convert(input, read, convert, reports);
        else
        {
            var report = new DataReadReport(input);
            reports.Add(report);
            var pairs = (format switch
            {
                "pointwise" => PointwiseReader.Read(input, read, report),
                "clicklog" => ClickLogReader.Read(input, read, report),
                "lcqmc" => SentencePairReader.Read(input, read, report),
                _ => throw new ArgumentException($"--from {format} is not one of {string.Join(", ", Formats)}"),
            }).ToList();
            dataset = PointwiseConverter.ToBeir(pairs, convert);
            Directory.CreateDirectory(outDir);
            PointwiseReader.Write(Path.Combine(outDir, "pairs.tsv"), pairs);
        }
        dataset.Save(outDir);
        return new DataConversionResult(outDir, reports, dataset);
    }
}
