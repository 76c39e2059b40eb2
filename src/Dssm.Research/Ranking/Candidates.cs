namespace Dssm.Research.Ranking;

/// <summary>
/// Candidate documents per query for re-ranking: WikiQA-style answer selection, or the top of a first-stage
/// run (BM25 → DSSM). File form: one <c>qid&lt;TAB&gt;docid</c> pair per line; further tab-separated columns
/// (a label, say) are ignored; blank lines are skipped; a pair listed twice is kept once.
/// </summary>
public sealed class Candidates
{
    readonly Dictionary<string, List<string>> byQuery = new(StringComparer.Ordinal);
    readonly HashSet<(string, string)> pairs = [];

    /// <summary>Query ids in first-seen order.</summary>
    public IReadOnlyCollection<string> QueryIds => byQuery.Keys;

    /// <summary>Number of (query, document) pairs.</summary>
    public int Count => pairs.Count;

    /// <summary>Adds a pair; false when it was already there.</summary>
    public bool Add(string queryId, string docId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(queryId);
        ArgumentException.ThrowIfNullOrWhiteSpace(docId);
        if (!pairs.Add((queryId, docId))) return false;
        if (!byQuery.TryGetValue(queryId, out var docs)) byQuery[queryId] = docs = [];
        docs.Add(docId);
        return true;
    }

    /// <summary>A query's candidates in file order (empty when it has none).</summary>
    public IReadOnlyList<string> For(string queryId) => byQuery.TryGetValue(queryId, out var d) ? d : [];

    /// <summary>Reads a <c>qid&lt;TAB&gt;docid</c> file.</summary>
    /// <exception cref="FormatException">a line with fewer than two fields or an empty id; the message names file:line and the field.</exception>
    public static Candidates Read(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader, path);
    }

    /// <summary>Parses <c>qid&lt;TAB&gt;docid</c> lines; <paramref name="source"/> names the text in errors.</summary>
    public static Candidates Parse(TextReader reader, string source = "<candidates>")
    {
        var result = new Candidates();
        var n = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            n++;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var parts = line.Split('\t');
            if (parts.Length < 2) throw new FormatException($"{source}:{n}: expected qid<TAB>docid, found {parts.Length} field (is the separator a tab?)");
            for (var f = 0; f < 2; f++)
                if (string.IsNullOrWhiteSpace(parts[f])) throw new FormatException($"{source}:{n}: field {f + 1} ({(f == 0 ? "qid" : "docid")}) is empty");
            result.Add(parts[0].Trim(), parts[1].Trim());
        }
        return result;
    }

    /// <summary>Writes <c>qid&lt;TAB&gt;docid</c> lines.</summary>
    public void Write(string path)
    {
        using var writer = new StreamWriter(path);
        foreach (var (q, docs) in byQuery)
            foreach (var d in docs) writer.Write($"{q}\t{d}\n");
    }

    /// <summary>
    /// The candidates of <paramref name="splitQueries"/> only, and of documents that <paramref name="isDocument"/>
    /// knows; what was left out is counted in the returned <see cref="CandidateRestriction"/>. Every command
    /// reads a candidates file through this, so a file listing every split's queries means the same everywhere.
    /// </summary>
    /// <param name="splitQueries">The evaluated split's query ids.</param>
    /// <param name="isQuery">Whether an id is a query of the dataset at all (to tell other splits from typos).</param>
    /// <param name="isDocument">Whether an id is a document of the corpus.</param>
    /// <param name="source">The file, for the summary line.</param>
    public (Candidates Kept, CandidateRestriction Restriction) Restrict(IEnumerable<string> splitQueries, Func<string, bool> isQuery,
        Func<string, bool> isDocument, string source)
    {
        ArgumentNullException.ThrowIfNull(splitQueries);
        var split = new HashSet<string>(splitQueries, StringComparer.Ordinal);
        var kept = new Candidates();
        int other = 0, unknown = 0, unknownDocs = 0;
        foreach (var (q, docs) in byQuery)
        {
            if (!split.Contains(q)) { if (isQuery(q)) other++; else unknown++; continue; }
            foreach (var d in docs)
                if (isDocument(d)) kept.Add(q, d);
                else unknownDocs++;
        }
        var without = split.Count(q => kept.For(q).Count == 0);
        return (kept, new CandidateRestriction(source, kept.byQuery.Count, kept.Count, other, unknown, unknownDocs, without));
    }

    /// <summary>The top <paramref name="k"/> documents of each query of a first-stage run.</summary>
    public static Candidates FromRun(RankedRun run, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var result = new Candidates();
        foreach (var q in run.QueryIds)
            foreach (var d in run.Ranked(q).Take(k)) result.Add(q, d.DocId);
        return result;
    }
}
