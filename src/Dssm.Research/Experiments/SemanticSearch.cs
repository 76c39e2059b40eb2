using Dssm.Research.Data;
using Dssm.Research.Models;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Serving;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm encode</c> and <c>dssm search</c>: a trained model and an exact embedding index over a corpus (by default
/// the dataset the run trained on, from its config.json). A query is encoded by the query tower and ranked by
/// cosine against the document tower's vectors (Huang et al. 2013, §3.1: R(Q, D) = cos(y_Q, y_D)). The towers run on
/// TorchSharp from a run folder, or on ONNX Runtime from a <c>dssm export onnx</c> folder (<see cref="EncoderEngine"/>).
/// </summary>
public sealed class SemanticSearch : IDisposable
{
    readonly ITextEncoder model;
    readonly BeirDataset data;

    readonly string dataDirectory;

    SemanticSearch(ITextEncoder model, BeirDataset data, string dataDirectory, IEmbeddingIndex index)
    {
        this.model = model; this.data = data; this.dataDirectory = dataDirectory; Index = index;
    }

    /// <summary>The document vectors, one row per document of the corpus: exact, or an HNSW graph loaded from <c>--index</c>.</summary>
    public IEmbeddingIndex Index { get; }

    /// <summary>Loads the run and the corpus, and encodes the corpus — or loads <paramref name="indexFile"/> (from <see cref="Encode"/>:
    /// an embedding index file, or an HNSW graph with its <c>.ids</c> file beside it) instead.</summary>
    /// <param name="runDir">A run folder (<see cref="EncoderEngine.Torch"/>) or an export folder (<see cref="EncoderEngine.Onnx"/>); both hold the run's config.json.</param>
    /// <param name="dataDir">The corpus; null = the one the run trained on.</param>
    /// <exception cref="ArgumentException">no corpus given and the run recorded none.</exception>
    public static SemanticSearch Open(string runDir, string? dataDir = null, string? indexFile = null, DeviceChoice device = DeviceChoice.Auto,
        EncoderEngine engine = EncoderEngine.Torch, int hnswExpansionSearch = 64)
    {
        var model = OpenEncoder(runDir, engine, device);
        try
        {
            var dataPath = Path.GetFullPath(dataDir ?? new RunFolder(runDir).ReadProvenance().Data
                ?? throw new ArgumentException("the run has no dataset recorded; give --data DIR"));
            var data = BeirDataset.Load(dataPath);
            IEmbeddingIndex index = indexFile is null ? EmbeddingIndex.Encode(data.DocumentTexts, t => model.Encode(t, TextSide.Document), concurrency: Environment.ProcessorCount)
                : HnswIndex.IsHnsw(indexFile) ? HnswIndex.Load(indexFile, hnswExpansionSearch) : CheckedIndex(indexFile, model, runDir, data);
            return new SemanticSearch(model, data, dataPath, index);
        }
        catch { model.Dispose(); throw; }
    }

    /// <summary>Documents of an index file re-encoded to check that it belongs to the model and the corpus.</summary>
    public const int IndexCheckDocuments = 8;

    /// <summary>
    /// Loads an index file and checks it against the model and the corpus: an index encoded by another run (another
    /// tokenizer, another training) has the same shape and would rank by the wrong vectors without a word, so the
    /// first <see cref="IndexCheckDocuments"/> documents are encoded again and must give the stored vectors.
    /// </summary>
    /// <exception cref="InvalidDataException">a document the corpus lacks, or vectors this model does not give.</exception>
    static EmbeddingIndex CheckedIndex(string indexFile, ITextEncoder model, string runDir, BeirDataset data)
    {
        var index = EmbeddingIndex.Load(indexFile);
        var missing = index.Ids.Where(id => !data.TryGetDocument(id, out _)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{indexFile}: {missing.Count:N0} of its {index.Count:N0} documents are not in the corpus (e.g. '{missing[0]}'); it was encoded from another dataset — rebuild it with dssm encode");
        var sample = index.Ids.Take(IndexCheckDocuments).ToList();
        var fresh = model.Encode(sample.Select(id => data.Document(id).FullText).ToList(), TextSide.Document);
        for (var i = 0; i < sample.Count; i++)
        {
            if (fresh[i].Length != index.Dimension)
                throw new InvalidDataException($"{indexFile}: vectors of {index.Dimension} dimensions, but the model in {runDir} gives {fresh[i].Length}; it was encoded by another model — rebuild it with dssm encode");
            var cosine = 0.0;
            var stored = index.Vector(sample[i]);
            for (var k = 0; k < stored.Length; k++) cosine += stored[k] * fresh[i][k];
            if (cosine < 1 - EmbeddingIndex.UnitTolerance)
                throw new InvalidDataException($"{indexFile}: document '{sample[i]}' was encoded by another model (cosine {cosine:F3} with this model's vector for it, {runDir}); rebuild the index with dssm encode --model {runDir}");
        }
        return index;
    }

    /// <summary>The towers of a run folder on TorchSharp, or of an export folder on ONNX Runtime (no libtorch loaded).</summary>
    public static ITextEncoder OpenEncoder(string directory, EncoderEngine engine, DeviceChoice device = DeviceChoice.Auto) =>
        engine == EncoderEngine.Onnx ? OnnxEncoder.Load(directory) : TrainedModel.Load(directory, device);

    /// <summary>
    /// Encodes the corpus and writes it as the index file (ids + unit vectors, checksummed), as an HNSW graph
    /// (<paramref name="index"/> = <see cref="IndexKind.Hnsw"/>: the USearch file and its <c>.ids</c>), or as Parquet
    /// (ids, vectors, text hashes; the file's metadata names the model and the dataset); returns the exact index.
    /// </summary>
    /// <exception cref="ArgumentException">Parquet asked for with an HNSW index (Parquet holds the vectors only).</exception>
    public static EmbeddingIndex Encode(string runDir, string? dataDir, string outFile, DeviceChoice device = DeviceChoice.Auto,
        EncoderEngine engine = EncoderEngine.Torch, VectorFormat format = VectorFormat.Index, IndexKind index = IndexKind.Exact, HnswOptions? hnsw = null)
    {
        if (format == VectorFormat.Parquet && index == IndexKind.Hnsw)
            throw new ArgumentException("--format parquet writes the vectors, not an index: leave out --index hnsw (a vector store builds its own)");
        using var search = Open(runDir, dataDir, null, device, engine);
        var exact = (EmbeddingIndex)search.Index;
        if (format == VectorFormat.Parquet)
        {
            var rows = Enumerable.Range(0, exact.Count).Select(i => exact.Row(i).ToArray()).ToList();
            var texts = exact.Ids.Select(id => search.data.TryGetDocument(id, out var doc) ? doc.FullText : "").ToList();
            ParquetVectors.Write(outFile, exact.Ids, rows, texts, new Dictionary<string, string>
            {
                ["dssm.model"] = Path.GetFullPath(runDir),
                ["dssm.engine"] = OptionName.Of(engine),
                ["dssm.data"] = search.dataDirectory,
                ["dssm.side"] = "document",
            });
        }
        else if (index == IndexKind.Hnsw)
        {
            using var graph = HnswIndex.Build(exact, hnsw);
            graph.Save(outFile);
        }
        else exact.Save(outFile);
        return exact;
    }

    /// <summary>The top <paramref name="depth"/> documents of each query, query by query as they come.</summary>
    public IEnumerable<SearchResult> Search(IEnumerable<string> queries, int depth)
    {
        foreach (var query in queries)
        {
            var hits = Index.Search(model.Encode([query], TextSide.Query)[0], depth);
            yield return new SearchResult(query, hits.Select((h, i) =>
                new SearchHit(i + 1, h.DocId, h.Score, data.TryGetDocument(h.DocId, out var doc) ? doc.FullText : "")).ToList());
        }
    }

    public void Dispose()
    {
        model.Dispose();
        (Index as IDisposable)?.Dispose();
    }
}
