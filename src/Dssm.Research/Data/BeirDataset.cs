using System.Text.RegularExpressions;
using QrelSet = Dssm.Research.Ranking.Qrels;

namespace Dssm.Research.Data;

/// <summary>
/// A retrieval dataset in the BEIR layout (Thakur et al. 2021), the kit's one on-disk form:
/// <code>
/// corpus.jsonl        {"_id": "d1", "title": "...", "text": "..."}
/// queries.jsonl       {"_id": "q1", "text": "..."}
/// qrels/train.tsv     query-id&lt;TAB&gt;corpus-id&lt;TAB&gt;score   (also dev.tsv, test.tsv, ...)
/// candidates.tsv      qid&lt;TAB&gt;docid                      (optional: documents to re-rank)
/// </code>
/// In DSSM's terms (Huang et al. 2013, §4) a judgement with score &gt; 0 is a clicked (query, document)
/// pair; the softmax loss draws its unclicked documents from the rest of the corpus or the candidates.
/// Held in memory; the streaming readers are in <see cref="BeirReader"/>.
/// </summary>
public sealed class BeirDataset
{
    readonly List<BeirDocument> documents;
    readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
    readonly Dictionary<string, string> queries;
    readonly Dictionary<string, QrelSet> qrels;
    readonly Dictionary<string, IReadOnlyList<string>> candidates;
    readonly Dictionary<string, string> aliases;

    /// <summary>Builds a dataset in memory and checks it: unique ids, non-empty texts, every judgement and
    /// candidate pointing at a known query and document, and no query judged in two splits.</summary>
    public BeirDataset(
        IEnumerable<BeirDocument> documents,
        IEnumerable<KeyValuePair<string, string>> queries,
        IEnumerable<KeyValuePair<string, QrelSet>> qrels,
        IEnumerable<KeyValuePair<string, IReadOnlyList<string>>>? candidates = null)
        : this(documents.ToList(), new Dictionary<string, string>(StringComparer.Ordinal), [], [], new Dictionary<string, string>(StringComparer.Ordinal))
    {
        for (int i = 0; i < this.documents.Count; i++)
        {
            var d = this.documents[i];
            if (string.IsNullOrWhiteSpace(d.Id)) throw new ArgumentException($"document #{i + 1} has an empty id");
            if (d.FullText.Trim().Length == 0) throw new ArgumentException($"document '{d.Id}' has neither title nor text");
            if (!index.TryAdd(d.Id, i)) throw new ArgumentException($"duplicate document id '{d.Id}'; expected unique ids");
        }
        foreach (var (id, text) in queries)
        {
            if (string.IsNullOrWhiteSpace(text)) throw new ArgumentException($"query '{id}' has an empty text");
            if (!this.queries.TryAdd(id, text)) throw new ArgumentException($"duplicate query id '{id}'; expected unique ids");
        }
        var splitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (split, set) in qrels)
        {
            foreach (var q in set.QueryIds)
            {
                if (!this.queries.ContainsKey(q)) throw new ArgumentException($"split '{split}' judges query '{q}', which is not among the queries");
                if (splitOf.TryGetValue(q, out var other)) throw new ArgumentException($"query '{q}' is judged in splits '{other}' and '{split}'; a query belongs to one split");
                splitOf[q] = split;
                foreach (var docId in set.For(q).Keys)
                    if (!index.ContainsKey(docId)) throw new ArgumentException($"split '{split}' judges document '{docId}' for query '{q}', which is not in the corpus");
            }
            this.qrels[split] = set;
        }
        foreach (var (q, docs) in candidates ?? [])
        {
            if (!this.queries.ContainsKey(q)) throw new ArgumentException($"candidates name query '{q}', which is not among the queries");
            foreach (var d in docs)
                if (!index.ContainsKey(d)) throw new ArgumentException($"candidates name document '{d}' for query '{q}', which is not in the corpus");
            this.candidates[q] = docs;
        }
        Splits = OrderSplits(this.qrels.Keys);
        Reports = [];
    }

    BeirDataset(List<BeirDocument> documents, Dictionary<string, string> queries, Dictionary<string, QrelSet> qrels,
        Dictionary<string, IReadOnlyList<string>> candidates, Dictionary<string, string> aliases)
    {
        this.documents = documents;
        this.queries = queries;
        this.qrels = qrels;
        this.candidates = candidates;
        this.aliases = aliases;
        Splits = [];
        Reports = [];
    }

    /// <summary>The corpus in file order.</summary>
    public IReadOnlyList<BeirDocument> Documents => documents;

    /// <summary>(id, <see cref="BeirDocument.FullText"/>) of every document, in corpus order, each text made when it is read
    /// (a list of them all would hold the corpus's text twice).</summary>
    public IReadOnlyList<(string Id, string Text)> DocumentTexts => new FullTexts(documents);

    sealed class FullTexts(IReadOnlyList<BeirDocument> documents) : IReadOnlyList<(string Id, string Text)>
    {
        public (string Id, string Text) this[int index] => (documents[index].Id, documents[index].FullText);
        public int Count => documents.Count;
        public IEnumerator<(string Id, string Text)> GetEnumerator() { for (var i = 0; i < Count; i++) yield return this[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>Query id → text, in file order.</summary>
    public IReadOnlyDictionary<string, string> Queries => queries;

    /// <summary>Splits that have a qrels file: train, dev, test first (in that order), then others by name.</summary>
    public IReadOnlyList<string> Splits { get; private set; }

    /// <summary>Query id → documents to re-rank (from <c>candidates.tsv</c>); empty when the file is absent.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Candidates => candidates;

    /// <summary>With <see cref="DataReadOptions.DeduplicateDocuments"/>: removed document id → the id it was merged into.</summary>
    public IReadOnlyDictionary<string, string> DocumentAliases => aliases;

    /// <summary>One report per file read by <see cref="Load"/> (empty for a dataset built in memory).</summary>
    public IReadOnlyList<DataReadReport> Reports { get; private set; }

    /// <summary>The judgements of one split.</summary>
    public QrelSet Qrels(string split) =>
        qrels.TryGetValue(split, out var set) ? set
        : throw new KeyNotFoundException($"no split '{split}' (no qrels/{split}.tsv); this dataset has: {string.Join(", ", Splits)}");

    /// <summary>The document with this id (or the one it was merged into).</summary>
    public BeirDocument Document(string id) =>
        TryGetDocument(id, out var d) ? d : throw new KeyNotFoundException($"no document '{id}' in the corpus");

    public bool TryGetDocument(string id, out BeirDocument document)
    {
        if (aliases.TryGetValue(id, out var canonical)) id = canonical;
        if (index.TryGetValue(id, out var i)) { document = documents[i]; return true; }
        document = null!;
        return false;
    }

    /// <summary>Reads a BEIR folder, checking every line and every cross-reference (see the class comment
    /// for the layout). Errors are <see cref="DataFormatException"/>s naming file and line.</summary>
    public static BeirDataset Load(string dir, DataReadOptions? options = null)
    {
        options ??= DataReadOptions.Strict;
        if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: no such folder; expected a BEIR folder with corpus.jsonl, queries.jsonl and qrels/");
        var reports = new List<DataReadReport>();
        var ds = new BeirDataset([], new Dictionary<string, string>(StringComparer.Ordinal), new Dictionary<string, QrelSet>(StringComparer.Ordinal),
            new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal), new Dictionary<string, string>(StringComparer.Ordinal));

        var corpusPath = Path.Combine(dir, "corpus.jsonl");
        var corpusReport = new DataReadReport(corpusPath);
        reports.Add(corpusReport);
        var firstLine = new Dictionary<string, long>(StringComparer.Ordinal);
        var byContent = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (line, doc) in BeirReader.ReadCorpusLines(corpusPath, options, corpusReport))
        {
            if (ds.index.ContainsKey(doc.Id))
            {
                corpusReport.Kept--;
                corpusReport.Fail(new DataFormatException(corpusPath, line, "_id", $"duplicate document id '{doc.Id}'; expected unique ids"), options);
                continue;
            }
            if (options.DeduplicateDocuments)
            {
                var key = ContentKey(doc);
                if (byContent.TryGetValue(key, out var first))
                {
                    ds.aliases[doc.Id] = first;
                    corpusReport.Kept--;
                    corpusReport.Duplicates++;
                    continue;
                }
                byContent[key] = doc.Id;
            }
            ds.index[doc.Id] = ds.documents.Count;
            ds.documents.Add(doc);
        }
        if (ds.documents.Count == 0) throw new DataFormatException(corpusPath, 0, null, "no documents; expected one JSON object per line");

        var queriesPath = Path.Combine(dir, "queries.jsonl");
        var queriesReport = new DataReadReport(queriesPath);
        reports.Add(queriesReport);
        foreach (var (line, (id, text)) in BeirReader.ReadQueryLines(queriesPath, options, queriesReport))
        {
            if (!ds.queries.TryAdd(id, text))
            {
                queriesReport.Kept--;
                queriesReport.Fail(new DataFormatException(queriesPath, line, "_id", $"duplicate query id '{id}'; expected unique ids"), options);
            }
        }
        if (ds.queries.Count == 0) throw new DataFormatException(queriesPath, 0, null, "no queries; expected one JSON object per line");

        var qrelsDir = Path.Combine(dir, "qrels");
        if (!Directory.Exists(qrelsDir)) throw new DirectoryNotFoundException($"{qrelsDir}: no such folder; expected qrels/train.tsv, qrels/dev.tsv or qrels/test.tsv");
        var files = Directory.GetFiles(qrelsDir, "*.tsv").ToDictionary(f => Path.GetFileNameWithoutExtension(f), StringComparer.Ordinal);
        if (files.Count == 0) throw new DataFormatException(qrelsDir, 0, null, "no .tsv files; expected qrels/{train,dev,test}.tsv");
        var splitOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var split in OrderSplits(files.Keys))
        {
            var path = files[split];
            var report = new DataReadReport(path);
            reports.Add(report);
            var set = new QrelSet();
            foreach (var row in BeirReader.ReadQrels(path, options, report))
            {
                var problem =
                    !ds.queries.ContainsKey(row.QueryId) ? new DataFormatException(path, row.Line, "query-id", $"query '{row.QueryId}' is not in queries.jsonl; expected a known query id")
                    : !ds.index.ContainsKey(row.DocumentId) && !ds.aliases.ContainsKey(row.DocumentId) ? new DataFormatException(path, row.Line, "corpus-id", $"document '{row.DocumentId}' is not in corpus.jsonl; expected a known document id")
                    : splitOf.TryGetValue(row.QueryId, out var other) && other != split ? new DataFormatException(path, row.Line, "query-id", $"query '{row.QueryId}' is already judged in split '{other}'; expected each query in one split only")
                    : null;
                if (problem is not null) { report.Kept--; report.Fail(problem, options); continue; }
                splitOf[row.QueryId] = split;
                var docId = ds.aliases.GetValueOrDefault(row.DocumentId, row.DocumentId);
                if (set.For(row.QueryId).TryGetValue(docId, out var previous))
                {
                    report.Duplicates++;
                    report.Kept--;
                    if (previous >= row.Score) continue;
                }
                set.Add(row.QueryId, docId, row.Score);
            }
            ds.qrels[split] = set;
        }
        ds.Splits = OrderSplits(ds.qrels.Keys);

        var candidatesPath = Path.Combine(dir, "candidates.tsv");
        if (File.Exists(candidatesPath))
        {
            var report = new DataReadReport(candidatesPath);
            reports.Add(report);
            var lists = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            foreach (var (ln, q, d) in BeirReader.ReadCandidates(candidatesPath, options, report))
            {
                if (!ds.queries.ContainsKey(q)) { report.Kept--; report.Fail(new DataFormatException(candidatesPath, ln, "query-id", $"query '{q}' is not in queries.jsonl; expected a known query id"), options); continue; }
                if (!ds.index.ContainsKey(d) && !ds.aliases.ContainsKey(d)) { report.Kept--; report.Fail(new DataFormatException(candidatesPath, ln, "corpus-id", $"document '{d}' is not in corpus.jsonl; expected a known document id"), options); continue; }
                if (!lists.TryGetValue(q, out var list)) lists[q] = list = [];
                var docId = ds.aliases.GetValueOrDefault(d, d);
                if (list.Contains(docId)) { report.Kept--; report.Duplicates++; continue; }
                list.Add(docId);
            }
            foreach (var (q, list) in lists) ds.candidates[q] = list;
        }
        ds.Reports = reports;
        return ds;
    }

    /// <summary>Writes the BEIR layout (byte-stable; see <see cref="BeirWriter"/>).</summary>
    public void Save(string dir)
    {
        Directory.CreateDirectory(Path.Combine(dir, "qrels"));
        BeirWriter.WriteCorpus(Path.Combine(dir, "corpus.jsonl"), documents);
        BeirWriter.WriteQueries(Path.Combine(dir, "queries.jsonl"), queries);
        foreach (var split in Splits) BeirWriter.WriteQrels(Path.Combine(dir, "qrels", split + ".tsv"), qrels[split]);
        if (candidates.Count > 0) BeirWriter.WriteCandidates(Path.Combine(dir, "candidates.tsv"), candidates);
    }

    static readonly string[] KnownSplits = ["train", "dev", "test"];

    static IReadOnlyList<string> OrderSplits(IEnumerable<string> splits) =>
        splits.OrderBy(s => Array.IndexOf(KnownSplits, s) is var i && i >= 0 ? i : KnownSplits.Length).ThenBy(s => s, StringComparer.Ordinal).ToList();

    static string ContentKey(BeirDocument d) => Regex.Replace(d.FullText.Trim(), @"\s+", " ");

}
