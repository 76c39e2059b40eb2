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

    /// <summary>
    /// Converts <paramref name="input"/> into the BEIR folder <paramref name="outDir"/>: a file, or a release folder —
    /// WikiQA's and MS MARCO's, and for the pair formats one file per split (<c>train.txt</c>, <c>dev.txt</c>,
    /// <c>test.txt</c> or <c>.tsv</c>, as LCQMC ships), whose splits are kept instead of drawn by hash.
    /// </summary>
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
        else if (Directory.Exists(input))
        {
            // A release folder: one file per split (LCQMC's train.txt, dev.txt, test.txt; BQ's, ATEC's alike).
            var files = SplitFiles(input);
            var tagged = new List<(PointwisePair, string?)>();
            Directory.CreateDirectory(outDir);
            foreach (var (split, file) in files)
            {
                var report = new DataReadReport(file);
                reports.Add(report);
                var pairs = ReadPairs(format, file, read, report).ToList();
                tagged.AddRange(pairs.Select(p => (p, (string?)split)));
                // Rows per split: train --pairs reads pairs.tsv (train's alone), evaluate --pairs pairs-dev.tsv / pairs-test.tsv.
                PointwiseReader.Write(Path.Combine(outDir, split == "train" ? "pairs.tsv" : $"pairs-{split}.tsv"), pairs);
            }
            dataset = PointwiseConverter.ToBeir(tagged, convert, out var moved);
            dataset.Save(outDir);
            var note = moved == 0 ? null : $"{moved:N0} clicked pairs dropped: their query is also clicked in a later split's file (test before dev before train), where it is kept";
            return new DataConversionResult(outDir, reports, dataset) { Note = note };
        }
        else
        {
            var report = new DataReadReport(input);
            reports.Add(report);
            var pairs = ReadPairs(format, input, read, report).ToList();
            dataset = PointwiseConverter.ToBeir(pairs, convert);
            Directory.CreateDirectory(outDir);
            PointwiseReader.Write(Path.Combine(outDir, "pairs.tsv"), pairs);
        }
        dataset.Save(outDir);
        return new DataConversionResult(outDir, reports, dataset);
    }

    /// <summary>The extensions a split file of a pair format may have, in the order they are looked for.</summary>
    public static IReadOnlyList<string> SplitFileExtensions { get; } = [".tsv", ".txt"];

    static List<(string Split, string File)> SplitFiles(string dir)
    {
        var files = new List<(string, string)>();
        foreach (var split in new[] { "train", "dev", "test" })
            if (SplitFileExtensions.Select(e => Path.Combine(dir, split + e)).FirstOrDefault(File.Exists) is { } f) files.Add((split, f));
        if (files.Count == 0)
            throw new FileNotFoundException($"{dir}: no train, dev or test file ({string.Join(", ", SplitFileExtensions.Select(e => "train" + e))}, …); expected a release folder with one file per split, or give the file itself", dir);
        return files;
    }

    static IEnumerable<PointwisePair> ReadPairs(string format, string file, DataReadOptions read, DataReadReport report) => format switch
    {
        "pointwise" => PointwiseReader.Read(file, read, report),
        "clicklog" => ClickLogReader.Read(file, read, report),
        "lcqmc" => SentencePairReader.Read(file, read, report),
        _ => throw new ArgumentException($"--from {format} is not one of {string.Join(", ", Formats)}"),
    };
}
