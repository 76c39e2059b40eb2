using Dssm.Research.Data;
using Dssm.Research.Models;
using Dssm.Research.Text;
using Microsoft.ML.OnnxRuntime;

namespace Dssm.Research.Serving;

/// <summary>
/// The exported towers (<see cref="OnnxExport"/>: <c>query.onnx</c>, <c>document.onnx</c>, the word hasher) run by
/// ONNX Runtime. Texts are featurized by the kit's own <see cref="WordHasher"/>, sorted by bag length so that each
/// padded <c>(B, L)</c> batch wastes little (the graph's Gather makes a (B, L, width) intermediate), run, and put
/// back in input order. Loads no libtorch. Safe to call from several threads at once (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxEncoder : ITextEncoder
{
    readonly InferenceSession query;
    readonly InferenceSession? document;

    OnnxEncoder(WordHasher hasher, InferenceSession query, InferenceSession? document, int dimension)
    {
        Hasher = hasher; this.query = query; this.document = document; Dimension = dimension;
    }

    public WordHasher Hasher { get; }
    public int Dimension { get; }

    /// <summary>Texts per ONNX Runtime call at most: with 30 ids a text and width 300, a (256, 30, 300) Gather output is 9 MB.</summary>
    public const int BatchTexts = 256;

    /// <summary>Padded ids per batch at most (B × L): bounds the (B, L, width) Gather output to 4M × width floats.</summary>
    public const int MaxPaddedIds = 1 << 22;

    /// <summary>Loads an export folder. <paramref name="threads"/>: ONNX Runtime's intra-op threads (0 = its default, one per core).</summary>
    /// <exception cref="FileNotFoundException">a file of the export is missing.</exception>
    public static OnnxEncoder Load(string directory, int threads = 0)
    {
        string Need(string name)
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) ? path : throw new FileNotFoundException($"{path}: missing — not a folder written by dssm export onnx", path);
        }
        var hasher = WordHasher.Load(Need(WordHasher.FileName));
        using var options = new SessionOptions { IntraOpNumThreads = threads, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        var q = new InferenceSession(Need(OnnxExport.QueryFile), options);
        try
        {
            var sharedTowers = !File.Exists(Path.Combine(directory, OnnxExport.DocumentFile));
            var d = sharedTowers ? null : new InferenceSession(Need(OnnxExport.DocumentFile), options);
            var dimension = (int)q.OutputMetadata[OnnxTowerGraph.EmbeddingOutput].Dimensions[1];
            return new OnnxEncoder(hasher, q, d, dimension);
        }
        catch { q.Dispose(); throw; }
    }

    public float[][] Encode(IReadOnlyList<string> texts, TextSide side, int batchSize = 1024)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var session = side == TextSide.Document && document is not null ? document : query;
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            var count = Math.Min(batchSize, texts.Count - start);
            var bags = Hasher.Featurize(new ArraySegment<string?>(texts.Slice(start, count)));
            var order = Enumerable.Range(0, count).OrderBy(i => Length(bags, i)).ToArray();
            for (var at = 0; at < count;)
            {
                // A run of texts, shortest first, whose padded size stays under the budget.
                var end = at + 1;
                while (end < count && end - at < BatchTexts && (long)(end + 1 - at) * Math.Max(1, Length(bags, order[end])) <= MaxPaddedIds) end++;
                Run(session, bags, order.AsSpan(at, end - at), result, start);
                at = end;
            }
        }
        return result;
    }

    static int Length(SparseBatch bags, int i) =>
        (int)((i + 1 < bags.Count ? bags.Offsets[i + 1] : bags.Ids.Length) - bags.Offsets[i]);

    void Run(InferenceSession session, SparseBatch bags, ReadOnlySpan<int> rows, float[][] result, int offset)
    {
        var b = rows.Length;
        var l = Math.Max(1, rows.ToArray().Max(i => Length(bags, i)));
        var ids = new long[b * l];          // padding: id 0 with weight 0 adds nothing
        var weights = new float[b * l];
        for (var r = 0; r < b; r++)
        {
            var from = (int)bags.Offsets[rows[r]];
            var n = Length(bags, rows[r]);
            Array.Copy(bags.Ids, from, ids, r * l, n);
            Array.Copy(bags.Weights, from, weights, r * l, n);
        }
        long[] shape = [b, l];
        using var idsValue = OrtValue.CreateTensorValueFromMemory(ids, shape);
        using var weightsValue = OrtValue.CreateTensorValueFromMemory(weights, shape);
        using var run = new RunOptions();
        using var outputs = session.Run(run, [OnnxTowerGraph.IdsInput, OnnxTowerGraph.WeightsInput], [idsValue, weightsValue], [OnnxTowerGraph.EmbeddingOutput]);
        var y = outputs[0].GetTensorDataAsSpan<float>();    // (B, D)
        for (var r = 0; r < b; r++) result[offset + rows[r]] = y.Slice(r * Dimension, Dimension).ToArray();
    }

    public void Dispose()
    {
        query.Dispose();
        document?.Dispose();
    }
}
