using Dssm.Research.Ranking;

namespace Dssm.Research.Data;

/// <summary>
/// WikiQA (Yang, Yih and Meek, EMNLP 2015) → BEIR + candidates. Input: the TSV with header
/// <c>QuestionID Question DocumentID DocumentTitle SentenceID Sentence Label</c>; each question becomes a
/// query (its <c>QuestionID</c>), each candidate sentence a document (its <c>SentenceID</c>, title =
/// <c>DocumentTitle</c>), each row a judgement (Label 0/1) and a candidate. Given a folder, the files
/// <c>WikiQA-train.tsv</c>, <c>WikiQA-dev.tsv</c>, <c>WikiQA-test.tsv</c> become the three splits.
/// Questions without a correct sentence are kept (all-zero judgements); metrics skip them by convention.
/// </summary>
public static class WikiQaConverter
{
    static readonly string[] Header = ["QuestionID", "Question", "DocumentID", "DocumentTitle", "SentenceID", "Sentence", "Label"];

    public static BeirDataset Convert(string input, DataReadOptions? options = null, ConvertOptions? convert = null, List<DataReadReport>? reports = null)
    {
        options ??= DataReadOptions.Strict;
        convert ??= new ConvertOptions(Split: "test");
        var files = new List<(string Split, string Path)>();
        if (Directory.Exists(input))
        {
            foreach (var split in new[] { "train", "dev", "test" })
            {
                var f = Path.Combine(input, $"WikiQA-{split}.tsv");
                if (File.Exists(f)) files.Add((split, f));
            }
            if (files.Count == 0) throw new FileNotFoundException($"{input}: no WikiQA-train.tsv, WikiQA-dev.tsv or WikiQA-test.tsv; expected the folder of the WikiQACorpus download");
        }
        else files.Add((convert.Split, input));

        var docs = new Dictionary<string, BeirDocument>(StringComparer.Ordinal);
        var queries = new Dictionary<string, string>(StringComparer.Ordinal);
        var qrels = new Dictionary<string, Qrels>(StringComparer.Ordinal);
        var candidates = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (fileSplit, path) in files)
        {
            var report = new DataReadReport(path);
            reports?.Add(report);
            bool header = false, data = false;
            foreach (var line in TextLineReader.Read(path, options, report))
            {
                var f = line.Text.Split('\t');
                if (!header)
                {
                    if (!f.SequenceEqual(Header))
                        throw new DataFormatException(path, line.Number, null, $"header '{BeirReader.Clip(line.Text)}'; expected {string.Join("<TAB>", Header)}");
                    header = true;
                    continue;
                }
                data = true;
                report.Read++;
                try
                {
                    if (f.Length != 7) throw new DataFormatException(path, line.Number, null, $"{f.Length} tab-separated columns; expected 7: {string.Join("<TAB>", Header)}");
                    var qid = PointwiseReader.Text(path, line.Number, "QuestionID", f[0]);
                    var question = PointwiseReader.Text(path, line.Number, "Question", f[1]);
                    var sid = PointwiseReader.Text(path, line.Number, "SentenceID", f[4]);
                    var sentence = PointwiseReader.Text(path, line.Number, "Sentence", f[5]);
                    var label = PointwiseReader.Label(path, line.Number, "Label", f[6]);
                    if (queries.TryGetValue(qid, out var q) && q != question)
                        throw new DataFormatException(path, line.Number, "Question", $"QuestionID '{qid}' was given another question text before; expected one text per id");
                    if (docs.TryGetValue(sid, out var d) && d.Text != sentence)
                        throw new DataFormatException(path, line.Number, "Sentence", $"SentenceID '{sid}' was given another sentence before; expected one text per id");
                    var split = files.Count > 1 ? fileSplit : convert.SplitOf(qid);
                    foreach (var (other, set) in qrels)
                        if (other != split && set.For(qid).Count > 0)
                            throw new DataFormatException(path, line.Number, "QuestionID", $"question '{qid}' is already in split '{other}'; expected each question in one split only");
                    queries[qid] = question;
                    docs[sid] = new BeirDocument(sid, f[3].Trim(), sentence);
                    if (!qrels.TryGetValue(split, out var judged)) qrels[split] = judged = new Qrels();
                    if (judged.For(qid).ContainsKey(sid)) { report.Duplicates++; continue; }
                    judged.Add(qid, sid, label);
                    if (!candidates.TryGetValue(qid, out var list)) candidates[qid] = list = [];
                    list.Add(sid);
                    report.Kept++;
                }
                catch (DataFormatException e) { report.Fail(e, options); }
            }
            if (!data) throw new DataFormatException(path, 1, null, "no rows after the header; expected one row per (question, sentence)");
        }
        return new BeirDataset(docs.Values, queries, qrels, candidates.Select(c => KeyValuePair.Create(c.Key, (IReadOnlyList<string>)c.Value)));
    }
}
