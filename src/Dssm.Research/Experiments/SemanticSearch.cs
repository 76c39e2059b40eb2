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

    SemanticSearch(ITextEncoder model, BeirDataset data, string dataDirectory, EmbeddingIndex index)
    {
        this.model = model; this.data = data; this.dataDirectory = dataDirectory; Index = index;
    }

    /// <summary>The document vectors, one row per document of the corpus.</summary>
    public EmbeddingIndex Index { get; }

    /// <summary>Loads the run and the corpus, and encodes the corpus — or loads <paramref name="indexFile"/> (from <see cref="Encode"/>) instead.</summary>
    /// <param name="runDir">A run folder (<see cref="EncoderEngine.Torch"/>) or an export folder (<see cref="EncoderEngine.Onnx"/>); both hold the run's config.json.</param>
    /// <param name="dataDir">The corpus; null = the one the run trained on.</param>
    /// <exception cref="ArgumentException">no corpus given and the run recorded none.</exception>
    public static SemanticSearch Open(string runDir, string? dataDir = null, string? indexFile = null, DeviceChoice device = DeviceChoice.Auto,
        EncoderEngine engine = EncoderEngine.Torch)
    {
        var model = OpenEncoder(runDir, engine, device);
        try
        {
            var dataPath = Path.GetFullPath(dataDir ?? new RunFolder(runDir).ReadProvenance().Data
                ?? throw new ArgumentException("the run has no dataset recorded; give --data DIR"));
            var data = BeirDataset.Load(dataPath);
            var index = indexFile is not null ? EmbeddingIndex.Load(indexFile)
                : EmbeddingIndex.Encode(data.Documents.Select(d => (d.Id, d.FullText)).ToList(), t => model.Encode(t, TextSide.Document));
            return new SemanticSearch(model, data, dataPath, index);
        }
        catch { model.Dispose(); throw; }
    }

    /// <summary>The towers of a run folder on TorchSharp, or of an export folder on ONNX Runtime (no libtorch loaded).</summary>
    public static ITextEncoder OpenEncoder(string directory, EncoderEngine engine, DeviceChoice device = DeviceChoice.Auto) =>
        engine == EncoderEngine.Onnx ? OnnxEncoder.Load(directory) : TrainedModel.Load(directory, device);

    /// <summary>
    /// Encodes the corpus and writes it as the index file (ids + unit vectors, checksummed) or as Parquet (ids, vectors,
    /// text hashes; the file's metadata names the model and the dataset); returns the index.
    /// </summary>
    public static EmbeddingIndex Encode(string runDir, string? dataDir, string outFile, DeviceChoice device = DeviceChoice.Auto,
        EncoderEngine engine = EncoderEngine.Torch, VectorFormat format = VectorFormat.Index)
    {
        using var search = Open(runDir, dataDir, null, device, engine);
        if (format == VectorFormat.Parquet)
        {
            var rows = Enumerable.Range(0, search.Index.Count).Select(i => search.Index.Row(i).ToArray()).ToList();
            var texts = search.Index.Ids.Select(id => search.data.TryGetDocument(id, out var doc) ? doc.FullText : "").ToList();
            ParquetVectors.Write(outFile, search.Index.Ids, rows, texts, new Dictionary<string, string>
            {
                ["dssm.model"] = Path.GetFullPath(runDir),
                ["dssm.engine"] = OptionName.Of(engine),
                ["dssm.data"] = search.dataDirectory,
                ["dssm.side"] = "document",
            });
        }
        else search.Index.Save(outFile);
        return search.Index;
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

    public void Dispose() => model.Dispose();
}
