namespace Dssm.Research.Training;

/// <summary>
/// Training data as the trainer sees it: a document table, a query table and either clicks
/// ((query, clicked document) pairs, the paper's setting: negatives are sampled) or labelled rows
/// ((label, query, document), the pointwise format). Indices point into the tables.
/// </summary>
public sealed class ClickData
{
    public ClickData(IReadOnlyList<(string Id, string Text)> documents, IReadOnlyList<(string Id, string Text)> queries,
        IReadOnlyList<(int Query, int Document)> clicks, IReadOnlyList<(int Query, int Document, int Label)>? rows = null)
    {
        Documents = documents; Queries = queries; Clicks = clicks; Rows = rows ?? Array.Empty<(int, int, int)>();
        var positives = Enumerable.Range(0, queries.Count).Select(_ => new HashSet<int>()).ToArray();
        ClicksPerDocument = new int[documents.Count];
        foreach (var (q, d) in clicks)
        {
            if ((uint)q >= queries.Count || (uint)d >= documents.Count)
                throw new ArgumentException($"click ({q}, {d}) points outside the {queries.Count} queries / {documents.Count} documents");
            positives[q].Add(d);
            ClicksPerDocument[d]++;
        }
        foreach (var (q, d, label) in Rows)
        {
            if ((uint)q >= queries.Count || (uint)d >= documents.Count)
                throw new ArgumentException($"row ({q}, {d}) points outside the {queries.Count} queries / {documents.Count} documents");
            if (label is not (0 or 1)) throw new ArgumentException($"row ({q}, {d}) has label {label}; expected 0 or 1");
            if (label == 1) positives[q].Add(d);
        }
        PositivesOf = positives;
    }

    public IReadOnlyList<(string Id, string Text)> Documents { get; }
    public IReadOnlyList<(string Id, string Text)> Queries { get; }

    /// <summary>Clicked (query, document) pairs: each is one training example with J sampled negatives.</summary>
    public IReadOnlyList<(int Query, int Document)> Clicks { get; }

    /// <summary>Labelled pointwise rows, when the data came as (label, query, doc).</summary>
    public IReadOnlyList<(int Query, int Document, int Label)> Rows { get; }

    /// <summary>For each query, its clicked documents (never sampled as its negatives).</summary>
    public IReadOnlyList<HashSet<int>> PositivesOf { get; }

    public int[] ClicksPerDocument { get; }

    /// <summary>
    /// Builds the tables from (label, query text, document text) rows, sharing identical texts. As
    /// <paramref name="clicks"/>, the rows labelled 1 become clicks (for the softmax loss, negatives are then
    /// sampled) and rows labelled 0 only add their texts to the tables; otherwise every row is a labelled row.
    /// </summary>
    public static ClickData FromPairs(IEnumerable<(int Label, string Query, string Document)> pairs, bool clicks = false)
    {
        var queries = new List<(string, string)>(); var qIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var docs = new List<(string, string)>(); var dIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<(int, int, int)>();
        static int Intern(string text, string prefix, List<(string, string)> table, Dictionary<string, int> index)
        {
            if (!index.TryGetValue(text, out var i)) { i = table.Count; index[text] = i; table.Add(($"{prefix}{i}", text)); }
            return i;
        }
        foreach (var (label, q, d) in pairs) rows.Add((Intern(q, "q", queries, qIndex), Intern(d, "d", docs, dIndex), label));
        if (!clicks) return new ClickData(docs, queries, Array.Empty<(int, int)>(), rows);
        return new ClickData(docs, queries, rows.Where(r => r.Item3 == 1).Select(r => (r.Item1, r.Item2)).Distinct().ToList());
    }
}
