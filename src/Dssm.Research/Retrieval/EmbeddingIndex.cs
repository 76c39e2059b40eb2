using Dssm.Research.Data;
using Dssm.Research.Ranking;

namespace Dssm.Research.Retrieval;

/// <summary>
/// A corpus embedding matrix — document ids and their unit-length vectors, N × D — with exact top-k search by
/// cosine (a dot product, since rows are unit length: R(Q, D) = cos(y_Q, y_D), Huang et al. 2013, §3).
/// <para>
/// Search runs blocks of 64 queries over the matrix in plain C#, blocks spread over the cores (and the rows, when there are
/// fewer blocks than cores), each row's scores going straight into the queries' top-k heaps (<see cref="ExactTopK"/>:
/// AVX/FMA where the machine has it, no score matrix).
/// The C# kernel was first chosen over TorchSharp's <c>torch.mm</c> with the copies into and out of libtorch (5k × 128
/// documents, 2 shared cores: 1000 queries 57–102 ms against 124–186 ms); the fused kernel and <c>torch.mm</c> +
/// <c>topk</c> are compared in tests/Dssm.Research.Tests/Benchmarks/RetrievalBenchmarks.cs and PERFORMANCE.md.
/// Query vectors should be unit length too; they are not checked (a query's scale does not change its ranking).
/// </para>
/// Immutable; every method is safe to call concurrently. Saved as a small binary file (<see cref="Save"/>,
/// <see cref="Load"/>) with a header, a format version, the dimensions and a SHA-256 checksum.
/// </summary>
public sealed class EmbeddingIndex : IEmbeddingIndex
{
    readonly string[] ids;
    readonly float[] vectors;
    readonly Dictionary<string, int> rowOf = new(StringComparer.Ordinal);

    /// <summary>Builds an index from ids and a row-major N × D matrix (the array is copied).</summary>
    /// <exception cref="ArgumentException">sizes disagree, an id repeats, or a row is not finite and of unit length (or zero).</exception>
    public EmbeddingIndex(IReadOnlyList<string> ids, ReadOnlySpan<float> vectors, int dimension)
        : this(ids?.ToArray() ?? throw new ArgumentNullException(nameof(ids)), vectors.ToArray(), dimension) { }

    /// <summary>The arrays are the index's own from here on (no copy: a corpus matrix is the largest thing in memory).</summary>
    EmbeddingIndex(string[] ids, float[] vectors, int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimension);
        if (vectors.LongLength != (long)ids.Length * dimension)
            throw new ArgumentException($"{ids.Length} ids × {dimension} dimensions need {(long)ids.Length * dimension} floats, got {vectors.LongLength}", nameof(vectors));
        this.ids = ids;
        this.vectors = vectors;
        Dimension = dimension;
        for (var i = 0; i < this.ids.Length; i++)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(this.ids[i], nameof(ids));
            if (!rowOf.TryAdd(this.ids[i], i)) throw new ArgumentException($"document id '{this.ids[i]}' appears twice", nameof(ids));
            var row = Row(i);
            var norm = Math.Sqrt(DotProducts.Dot(row, row));
            if (!double.IsFinite(norm)) throw new ArgumentException($"row {i} ('{this.ids[i]}') has a non-finite value", nameof(vectors));
            if (norm != 0 && Math.Abs(norm - 1) > UnitTolerance)
                throw new ArgumentException($"row {i} ('{this.ids[i]}') has norm {norm:G6}; embeddings must be unit length (normalise them first)", nameof(vectors));
        }
    }

    /// <summary>Builds an index from one float[] row per id.</summary>
    public static EmbeddingIndex FromRows(IReadOnlyList<string> ids, IReadOnlyList<float[]> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        if (ids.Count != rows.Count) throw new ArgumentException($"{ids.Count} ids but {rows.Count} rows", nameof(rows));
        var d = rows.Count == 0 ? 1 : rows[0].Length;
        var flat = new float[(long)rows.Count * d];
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Length != d) throw new ArgumentException($"row {i} ('{ids[i]}') has {rows[i].Length} dimensions, row 0 has {d}", nameof(rows));
            rows[i].CopyTo(flat, (long)i * d);
        }
        return new EmbeddingIndex(ids, flat, d);
    }

    /// <summary>
    /// Encodes a corpus in batches with a model's encoder (texts → unit vectors, e.g. a tower's <c>Encode</c>)
    /// and builds the index; <paramref name="progress"/> receives the number of documents encoded so far.
    /// <paramref name="concurrency"/> batches are encoded at once when the encoder allows it (an
    /// <see cref="Serving.ITextEncoder"/> does: its featurization runs on the calling thread, its model under a lock or in a
    /// thread-safe session), so that one batch's texts are featurized while another's run through the model — featurizing
    /// is single-threaded C#, the model uses every core. Every batch lands at its own rows, so the index is the same for
    /// any concurrency (test).
    /// </summary>
    public static EmbeddingIndex Encode(IReadOnlyList<(string Id, string Text)> docs, Func<IReadOnlyList<string>, float[][]> encode,
        int batchSize = 256, IProgress<int>? progress = null, int concurrency = 1)
    {
        ArgumentNullException.ThrowIfNull(docs);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(concurrency);
        var ids = docs.Select(x => x.Id).ToArray();
        if (docs.Count == 0) return new EmbeddingIndex(ids, Array.Empty<float>(), 1);
        var batches = (docs.Count + batchSize - 1) / batchSize;
        float[][] Vectors(int b)
        {
            GarbageBound.Check();   // each batch's features and copies: gigabytes over a million documents
            var batch = Array.ConvertAll(docs.Slice(b * batchSize, batchSize), x => x.Text);
            var vectors = encode(batch);
            if (vectors.Length != batch.Length) throw new InvalidOperationException($"the encoder returned {vectors.Length} vectors for {batch.Length} texts");
            return vectors;
        }
        var first = Vectors(0);                 // fixes D, and with it the N × D matrix, written batch by batch: no per-row arrays kept
        var d = first.Length == 0 ? 1 : first[0].Length;
        var flat = new float[(long)docs.Count * d];
        var encoded = 0;
        var gate = new object();
        void Store(int b, float[][] vectors)
        {
            for (var i = 0; i < vectors.Length; i++)
            {
                if (vectors[i].Length != d) throw new InvalidOperationException($"the encoder returned {vectors[i].Length} dimensions for text {b * batchSize + i}, {d} before");
                vectors[i].CopyTo(flat, ((long)b * batchSize + i) * d);
            }
            lock (gate) progress?.Report(encoded += vectors.Length);   // in increasing order, whichever batch finishes first
        }
        Store(0, first);
        try
        {
            Parallel.For(1, batches, new ParallelOptions { MaxDegreeOfParallelism = concurrency }, b => Store(b, Vectors(b)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();   // the encoder's own error, not a wrapper
        }
        return new EmbeddingIndex(ids, flat, d);
    }

    /// <summary>How far a row's norm may be from 1 (float32 round-off of a normalised tower output).</summary>
    public const double UnitTolerance = 1e-3;

    /// <summary>N, the number of documents.</summary>
    public int Count => ids.Length;

    /// <summary>D, the embedding dimension.</summary>
    public int Dimension { get; }

    /// <summary>Document ids, in row order.</summary>
    public IReadOnlyList<string> Ids => ids;

    /// <summary>The vector of row i.</summary>
    public ReadOnlySpan<float> Row(int i) => vectors.AsSpan(i * Dimension, Dimension);

    /// <summary>The vector of a document.</summary>
    /// <exception cref="KeyNotFoundException">the id is not in the index.</exception>
    public ReadOnlySpan<float> Vector(string docId) => Row(RowOf(docId));

    /// <summary>Exact top-k of one query (score descending, ties by id descending).</summary>
    public IReadOnlyList<ScoredDoc> Search(float[] query, int k) => Search([query], k)[0];

    /// <summary>Exact top-k of each query: blocks of queries times the matrix, blocks in parallel.</summary>
    public IReadOnlyList<ScoredDoc>[] Search(IReadOnlyList<float[]> queries, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        for (var q = 0; q < queries.Count; q++)
            if (queries[q].Length != Dimension) throw new ArgumentException($"query {q} has {queries[q].Length} dimensions, the index has {Dimension}", nameof(queries));
        var results = new IReadOnlyList<ScoredDoc>[queries.Count];
        var blocks = (queries.Count + ExactTopK.QueryBlock - 1) / ExactTopK.QueryBlock;
        // Fewer blocks than cores (one query, a few dozen): the rows are split over the cores instead, each part's top-k
        // merged — the same scores, so the same hits.
        var cores = Environment.ProcessorCount;
        var parts = blocks < cores && Count >= 2 * ExactTopK.TileRows ? Math.Min(cores / blocks, Count / ExactTopK.TileRows) : 1;
        // At most one task per core: an unbounded Parallel.For lets the thread pool add workers while blocks run long.
        Parallel.For(0, blocks * parts, new ParallelOptions { MaxDegreeOfParallelism = cores }, task =>
        {
            var (block, part) = (task / parts, task % parts);
            var first = block * ExactTopK.QueryBlock;
            var b = Math.Min(ExactTopK.QueryBlock, queries.Count - first);
            var queryBuffer = new float[b * Dimension];
            for (var q = 0; q < b; q++) queries[first + q].CopyTo(queryBuffer, q * Dimension);
            var (from, to) = ((int)((long)Count * part / parts), (int)((long)Count * (part + 1) / parts));
            var hits = ExactTopK.Search(vectors.AsSpan(from * Dimension, (to - from) * Dimension), ids, queryBuffer, Dimension, k, from);
            if (parts == 1) { for (var q = 0; q < b; q++) results[first + q] = hits[q]; return; }
            lock (results)
                for (var q = 0; q < b; q++)
                    results[first + q] = results[first + q] is { } other ? Merge(other, hits[q], k) : hits[q];
        });
        return results;
    }

    /// <summary>Exact top-k for named queries, as a run.</summary>
    public RankedRun Search(IReadOnlyDictionary<string, float[]> queries, int k)
    {
        var keys = queries.Keys.ToArray();
        var hits = Search(keys.Select(q => queries[q]).ToArray(), k);
        var run = new RankedRun();
        for (var i = 0; i < keys.Length; i++) run.AddRange(keys[i], hits[i]);
        return run;
    }

    /// <summary>Scores each query's candidates (cosine) and ranks them; queries without candidates are left out.</summary>
    /// <exception cref="KeyNotFoundException">a candidate query has no embedding, or a candidate document is not in the index.</exception>
    public RankedRun Rerank(Candidates candidates, IReadOnlyDictionary<string, float[]> queries)
    {
        var run = new RankedRun();
        foreach (var q in candidates.QueryIds)
        {
            if (!queries.TryGetValue(q, out var query)) throw new KeyNotFoundException($"candidate query '{q}' has no query embedding");
            if (query.Length != Dimension) throw new ArgumentException($"query '{q}' has {query.Length} dimensions, the index has {Dimension}", nameof(queries));
            foreach (var d in candidates.For(q)) run.Add(q, d, DotProducts.Dot(query, Vector(d)));
        }
        return run;
    }

    /// <summary>Writes the index (see <see cref="EmbeddingIndexFile"/> for the layout); atomic: a temporary file is renamed into place.</summary>
    public void Save(string path) => EmbeddingIndexFile.Write(path, ids, vectors, Dimension);

    /// <summary>Reads an index written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">not an index file, an unknown version, or a corrupt/truncated file; the message names the file.</exception>
    public static EmbeddingIndex Load(string path)
    {
        var (fileIds, fileVectors, dimension) = EmbeddingIndexFile.Read(path);
        try { return new EmbeddingIndex(fileIds, fileVectors, dimension); }
        catch (ArgumentException e) { throw new InvalidDataException($"{path}: {e.Message}", e); }
    }

    /// <summary>The best k of two top-k lists, trec order (score descending, ties by id descending).</summary>
    static ScoredDoc[] Merge(IReadOnlyList<ScoredDoc> a, IReadOnlyList<ScoredDoc> b, int k) =>
        a.Concat(b).OrderByDescending(h => h.Score).ThenByDescending(h => h.DocId, StringComparer.Ordinal).Take(k).ToArray();

    int RowOf(string docId) =>
        rowOf.TryGetValue(docId, out var i) ? i : throw new KeyNotFoundException($"document '{docId}' is not in the embedding index");
}
