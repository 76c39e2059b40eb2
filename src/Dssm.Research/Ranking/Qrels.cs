using System.Globalization;

namespace Dssm.Research.Ranking;

/// <summary>
/// Relevance judgements: for each query id, the judged document ids and their graded relevance
/// (0 = judged not relevant). The in-memory form of TREC qrels (<c>qid 0 docid rel</c>) and of BEIR's
/// <c>qrels/{split}.tsv</c> (<c>query-id corpus-id score</c>).
/// </summary>
public sealed class Qrels
{
    readonly Dictionary<string, Dictionary<string, int>> byQuery = new(StringComparer.Ordinal);

    /// <summary>Query ids in first-seen order.</summary>
    public IReadOnlyCollection<string> QueryIds => byQuery.Keys;

    /// <summary>Number of (query, document) judgements.</summary>
    public int Count => byQuery.Values.Sum(d => d.Count);

    /// <summary>Adds or replaces one judgement.</summary>
    public void Add(string queryId, string docId, int relevance)
    {
        if (!byQuery.TryGetValue(queryId, out var docs)) byQuery[queryId] = docs = new Dictionary<string, int>(StringComparer.Ordinal);
        docs[docId] = relevance;
    }

    /// <summary>The judged documents of a query (empty when the query has none).</summary>
    public IReadOnlyDictionary<string, int> For(string queryId) =>
        byQuery.TryGetValue(queryId, out var docs) ? docs : EmptyDocs;

    /// <summary>Relevance of a document for a query; unjudged counts as 0 (trec_eval's convention).</summary>
    public int Relevance(string queryId, string docId) =>
        byQuery.TryGetValue(queryId, out var docs) && docs.TryGetValue(docId, out var rel) ? rel : 0;

    /// <summary>Document ids with relevance &gt; 0 for a query.</summary>
    public IEnumerable<string> Relevant(string queryId) => For(queryId).Where(p => p.Value > 0).Select(p => p.Key);

    /// <summary>Reads a TREC qrels file: one judgement per line, <c>qid iter docid rel</c>, whitespace-separated
    /// (iter is ignored, as trec_eval does). Blank lines are skipped; a later line for the same pair replaces an earlier one.</summary>
    /// <exception cref="FormatException">a line is malformed; the message names file:line and the field.</exception>
    public static Qrels Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses TREC qrels text; <paramref name="source"/> names it in errors.</summary>
    public static Qrels Parse(TextReader reader, string source = "<qrels>")
    {
        var qrels = new Qrels();
        var n = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            var parts = TrecLine.Split(line);
            if (parts.Length == 0) continue;
            TrecLine.Fields(parts, 4, "qid 0 docid rel", source, n);
            qrels.Add(parts[0], parts[2], TrecLine.Int(parts, 4, "rel", source, n));
        }
        return qrels;
    }

    /// <summary>Writes TREC qrels (<c>qid 0 docid rel</c>), queries and documents in insertion order.</summary>
    public void Write(string path)
    {
        CheckIds();   // before the file is created: qrels that cannot be written leave no file
        using var writer = new StreamWriter(path);
        Write(writer);
    }

    /// <summary>Writes TREC qrels to a text writer. Ids are checked (see <see cref="TrecRunFile.Write(TextWriter, RankedRun, string)"/>) before anything is written.</summary>
    /// <exception cref="ArgumentException">an id cannot be written to a TREC file; the message names it.</exception>
    public void Write(TextWriter writer)
    {
        CheckIds();
        foreach (var (q, docs) in byQuery)
            foreach (var (d, rel) in docs)
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"{q} 0 {d} {rel}\n"));
    }

    void CheckIds()
    {
        foreach (var (q, docs) in byQuery)
        {
            TrecLine.Id(q, "query id");
            foreach (var d in docs.Keys) TrecLine.Id(d, "document id");
        }
    }

    static readonly IReadOnlyDictionary<string, int> EmptyDocs = new Dictionary<string, int>();
}
