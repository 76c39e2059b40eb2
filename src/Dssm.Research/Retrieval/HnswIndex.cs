using System.Text;
using Cloud.Unum.USearch;
using Dssm.Research.Ranking;

namespace Dssm.Research.Retrieval;

/// <summary>
/// Approximate top-k by cosine: a hierarchical navigable small-world graph (HNSW; Malkov and Yashunin 2018) built by
/// USearch (Cloud.Unum.USearch, its native library) over the unit vectors, with the inner-product metric (distance
/// 1 − dot = 1 − cosine, so the score is 1 − distance). Searching visits O(log N) nodes instead of all N, for a recall
/// below 1 that <see cref="HnswOptions"/> trades against time; the exact <see cref="EmbeddingIndex"/> is the reference
/// (see the recall test and PERFORMANCE.md). Keys are row numbers; the ids live beside the graph.
/// Saved as two files: the USearch graph (<c>FILE</c>) and its ids (<c>FILE.ids</c>, UTF-8, one per line, in row order).
/// USearch's native index keeps one context per thread it was reserved for (<see cref="HnswOptions.Threads"/>): the
/// build inserts rows from that many threads at once, and a batch of queries is searched on that many threads; batches
/// from different callers take turns (a lock), so no more searches run than there are contexts.
/// </summary>
public sealed class HnswIndex : IEmbeddingIndex, IDisposable
{
    readonly USearchIndex graph;
    readonly string[] ids;
    readonly object gate = new();

    HnswIndex(USearchIndex graph, string[] ids, int dimension, HnswOptions options)
    {
        this.graph = graph; this.ids = ids; Dimension = dimension; Options = options;
    }

    public int Count => ids.Length;
    public int Dimension { get; }
    public IReadOnlyList<string> Ids => ids;
    public HnswOptions Options { get; private set; }

    /// <summary>Bytes the native index holds (vectors and graph), as USearch counts them.</summary>
    public long MemoryBytes => USearchNative.MemoryUsage(graph);

    /// <summary>Sets ef, the candidate list while searching (also of a loaded index, which starts with USearch's default).</summary>
    public void SetExpansionSearch(int expansion)
    {
        var options = Options with { ExpansionSearch = expansion };
        options.Validate();
        lock (gate)
        {
            USearchNative.ChangeExpansionSearch(graph, expansion);
            Options = options;
        }
    }

    /// <summary>Sets the threads a batch of queries is searched on (also of a loaded index, which starts with the cores' count).</summary>
    public void SetThreads(int threads)
    {
        var options = Options with { Threads = threads };
        options.Validate();
        lock (gate)
        {
            USearchNative.Reserve(graph, Count, threads);
            Options = options;
        }
    }

    /// <summary>The CPU features USearch's distance kernels use here (e.g. <c>haswell</c>, <c>skylake</c>).</summary>
    public string HardwareAcceleration => graph.HardwareAcceleration();

    /// <summary>
    /// Builds the graph over the rows of an exact index (the same ids and vectors): room for all rows is reserved first,
    /// then the rows are inserted on <see cref="HnswOptions.Threads"/> threads (in row order when there is one);
    /// <paramref name="progress"/> receives the number of rows inserted, every 10,000.
    /// </summary>
    public static HnswIndex Build(EmbeddingIndex exact, HnswOptions? options = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(exact);
        options ??= new HnswOptions();
        options.Validate();
        var graph = new USearchIndex(MetricKind.Ip, ScalarKind.Float32, (ulong)exact.Dimension, (ulong)options.Connectivity,
            (ulong)options.ExpansionAdd, (ulong)options.ExpansionSearch, false);
        try
        {
            USearchNative.Reserve(graph, exact.Count, options.Threads);
            var added = 0;
            void Add(int i)
            {
                USearchNative.Add(graph, (ulong)i, exact.Row(i));
                var n = Interlocked.Increment(ref added);
                if (n % 10000 == 0) progress?.Report(n);
            }
            if (options.Threads == 1)
                for (var i = 0; i < exact.Count; i++) Add(i);
            else
                Parallel.For(0, exact.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, Add);
            return new HnswIndex(graph, exact.Ids.ToArray(), exact.Dimension, options);
        }
        catch { graph.Dispose(); throw; }
    }

    /// <summary>The approximate top-k of one query.</summary>
    public IReadOnlyList<ScoredDoc> Search(float[] query, int k) => Search([query], k)[0];

    /// <summary>The approximate top-k of named queries, as a run.</summary>
    public RankedRun Search(IReadOnlyDictionary<string, float[]> queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var keys = queries.Keys.ToArray();
        var hits = Search(keys.Select(q => queries[q]).ToArray(), k);
        var run = new RankedRun();
        for (var i = 0; i < keys.Length; i++) run.AddRange(keys[i], hits[i]);
        return run;
    }

    /// <summary>The approximate top-k of each query (score descending, ties by id descending), queries spread over <see cref="HnswOptions.Threads"/> threads.</summary>
    public IReadOnlyList<ScoredDoc>[] Search(IReadOnlyList<float[]> queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        for (var q = 0; q < queries.Count; q++)
            if (queries[q].Length != Dimension) throw new ArgumentException($"query {q} has {queries[q].Length} dimensions, the index has {Dimension}", nameof(queries));
        var results = new IReadOnlyList<ScoredDoc>[queries.Count];
        var wanted = Math.Min(k, Count);
        void One(int q)
        {
            var keys = new ulong[wanted];
            var distances = new float[wanted];
            var found = wanted == 0 ? 0 : USearchNative.Search(graph, queries[q], keys, distances);
            var hits = new ScoredDoc[found];
            for (var i = 0; i < found; i++) hits[i] = new ScoredDoc(ids[(int)keys[i]], 1 - distances[i]);
            Array.Sort(hits, (a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(b.DocId, a.DocId));   // trec_eval order
            results[q] = hits;
        }
        lock (gate)
        {
            if (Options.Threads == 1 || queries.Count == 1)
                for (var q = 0; q < queries.Count; q++) One(q);
            else
                Parallel.For(0, queries.Count, new ParallelOptions { MaxDegreeOfParallelism = Options.Threads }, One);
        }
        return results;
    }

    /// <summary>Writes the graph to <paramref name="path"/> and the ids to <c>path.ids</c>.</summary>
    public void Save(string path)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        foreach (var id in ids)
            if (id.Contains('\n') || id.Contains('\r')) throw new ArgumentException($"document id '{id.ReplaceLineEndings("\\n")}' has a line break; the ids file holds one id a line");
        graph.Save(full);
        File.WriteAllLines(IdsPath(full), ids, new UTF8Encoding(false));
    }

    /// <summary>Reads a graph written by <see cref="Save"/>; searches with <paramref name="expansionSearch"/> (ef), which the file does not keep.</summary>
    /// <exception cref="FileNotFoundException">the graph or its ids file is missing.</exception>
    /// <exception cref="InvalidDataException">the ids file and the graph disagree on the number of documents.</exception>
    public static HnswIndex Load(string path, int expansionSearch = 64)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"{full}: no such HNSW index file", full);
        if (!File.Exists(IdsPath(full))) throw new FileNotFoundException($"{IdsPath(full)}: missing — the HNSW index's ids (written beside it by dssm encode --index hnsw)", IdsPath(full));
        var ids = File.ReadAllLines(IdsPath(full), Encoding.UTF8);
        USearchIndex graph;
        try { graph = new USearchIndex(full, false); }
        catch (USearchException e) { throw new InvalidDataException($"{full}: not a USearch index ({e.Message})", e); }
        var size = (long)graph.Size();
        if (size != ids.Length)
        {
            graph.Dispose();
            throw new InvalidDataException($"{full}: the graph holds {size} vectors but {IdsPath(full)} {ids.Length} ids");
        }
        var index = new HnswIndex(graph, ids, (int)graph.Dimensions(), new HnswOptions { Connectivity = (int)graph.Connectivity() });
        index.SetExpansionSearch(expansionSearch);
        index.SetThreads(index.Options.Threads);
        return index;
    }

    /// <summary>Whether <paramref name="path"/> is an HNSW index (its ids file lies beside it) rather than an <see cref="EmbeddingIndex"/> file.</summary>
    public static bool IsHnsw(string path) => File.Exists(IdsPath(Path.GetFullPath(path)));

    static string IdsPath(string path) => path + ".ids";

    public void Dispose() => graph.Dispose();
}
