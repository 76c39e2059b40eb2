using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// MS MARCO passage ranking (Nguyen et al. 2016) → BEIR, streaming: <c>collection.tsv</c>
/// (<c>pid&lt;TAB&gt;passage</c>, 8.8M lines in the full set) is copied line by line into <c>corpus.jsonl</c>
/// without being held in memory. Each pair <c>queries.{split}.tsv</c> (<c>qid&lt;TAB&gt;query</c>) +
/// <c>qrels.{split}.tsv</c> (TREC <c>qid&lt;TAB&gt;0&lt;TAB&gt;pid&lt;TAB&gt;rel</c>) becomes a split; only judged
/// queries are kept (as BEIR does). Every judged passage must exist in the collection.
/// </summary>
public static class MsMarcoConverter
{
    /// <summary>Converts the folder <paramref name="input"/> into <paramref name="output"/>; returns one report per file.</summary>
    public static IReadOnlyList<DataReadReport> Convert(string input, string output, DataReadOptions? options = null)
    {
        options ??= DataReadOptions.Strict;
        var collection = Path.Combine(input, "collection.tsv");
        if (!File.Exists(collection)) throw new FileNotFoundException($"{collection}: not found; expected the MS MARCO passage collection (collectionandqueries.tar.gz)", collection);
        var reports = new List<DataReadReport>();
        var qrelFiles = Directory.GetFiles(input, "qrels.*.tsv").OrderBy(f => f, StringComparer.Ordinal).ToList();
        if (qrelFiles.Count == 0) throw new FileNotFoundException($"{input}: no qrels.*.tsv; expected e.g. qrels.train.tsv and qrels.dev.tsv");

        var splits = new Dictionary<string, Qrels>(StringComparer.Ordinal);
        var neededDocs = new Dictionary<string, (string File, long Line)>(StringComparer.Ordinal);
        var splitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in qrelFiles)
        {
            var split = Path.GetFileName(file)["qrels.".Length..^".tsv".Length];
            var report = new DataReadReport(file);
            reports.Add(report);
            var set = new Qrels();
            foreach (var line in TextLineReader.Read(file, options, report))
            {
                report.Read++;
                var f = line.Text.Split('\t');
                if (f.Length == 1) f = line.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                try
                {
                    if (f.Length != 4) throw new DataFormatException(file, line.Number, null, $"{f.Length} columns; expected 4: qid<TAB>0<TAB>pid<TAB>relevance");
                    if (!int.TryParse(f[3], out var rel)) throw new DataFormatException(file, line.Number, "relevance", $"'{BeirReader.Clip(f[3])}' is not an integer; expected a relevance grade");
                    if (splitOf.TryGetValue(f[0], out var other) && other != split)
                        throw new DataFormatException(file, line.Number, "qid", $"query '{f[0]}' is already judged in split '{other}'; expected each query in one split only");
                    splitOf[f[0]] = split;
                    set.Add(f[0], f[2], rel);
                    neededDocs.TryAdd(f[2], (file, line.Number));
                    report.Kept++;
                }
                catch (DataFormatException e) { report.Fail(e, options); }
            }
            splits[split] = set;
        }

        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var split in splits.Keys)
        {
            var file = Path.Combine(input, $"queries.{split}.tsv");
            if (!File.Exists(file)) throw new FileNotFoundException($"{file}: not found; expected the queries of split '{split}' beside qrels.{split}.tsv", file);
            var report = new DataReadReport(file);
            reports.Add(report);
            foreach (var line in TextLineReader.Read(file, options, report))
            {
                report.Read++;
                var f = line.Text.Split('\t');
                try
                {
                    if (f.Length != 2) throw new DataFormatException(file, line.Number, null, $"{f.Length} tab-separated columns; expected 2: qid<TAB>query");
                    var text = PointwiseReader.Text(file, line.Number, "query", f[1]);
                    if (!splitOf.ContainsKey(f[0])) continue; // unjudged query: not part of any split (BEIR keeps judged queries only)
                    if (!queries.TryAdd(f[0], text)) { report.Duplicates++; continue; }
                    report.Kept++;
                }
                catch (DataFormatException e) { report.Fail(e, options); }
            }
        }
        foreach (var (q, split) in splitOf)
            if (!queries.ContainsKey(q)) throw new DataFormatException(Path.Combine(input, $"qrels.{split}.tsv"), 0, "qid", $"query '{q}' has judgements but no text in queries.{split}.tsv");

        Directory.CreateDirectory(Path.Combine(output, "qrels"));
        var corpusReport = new DataReadReport(collection);
        reports.Add(corpusReport);
        var found = new HashSet<string>(StringComparer.Ordinal);
        BeirWriter.WriteCorpus(Path.Combine(output, "corpus.jsonl"), Passages(collection, options, corpusReport, found));
        foreach (var (pid, where) in neededDocs)
            if (!found.Contains(pid)) throw new DataFormatException(where.File, where.Line, "pid", $"passage '{pid}' is not in collection.tsv; expected a judged passage to exist");
        BeirWriter.WriteQueries(Path.Combine(output, "queries.jsonl"), queries);
        foreach (var (split, set) in splits) BeirWriter.WriteQrels(Path.Combine(output, "qrels", split + ".tsv"), set);
        return reports;
    }

    static IEnumerable<BeirDocument> Passages(string path, DataReadOptions options, DataReadReport report, HashSet<string> seen)
    {
        foreach (var line in TextLineReader.Read(path, options, report))
        {
            report.Read++;
            var tab = line.Text.IndexOf('\t');
            BeirDocument? doc = null;
            try
            {
                if (tab <= 0) throw new DataFormatException(path, line.Number, null, "no tab; expected pid<TAB>passage");
                var pid = line.Text[..tab];
                var text = PointwiseReader.Text(path, line.Number, "passage", line.Text[(tab + 1)..]);
                if (!seen.Add(pid)) throw new DataFormatException(path, line.Number, "pid", $"duplicate passage id '{pid}'; expected unique ids");
                doc = new BeirDocument(pid, "", text);
            }
            catch (DataFormatException e) { report.Fail(e, options); }
            if (doc is null) continue;
            report.Kept++;
            yield return doc;
        }
    }
}
