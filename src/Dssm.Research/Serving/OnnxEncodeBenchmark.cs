using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Training;
using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;

namespace Dssm.Research.Serving;

/// <summary>
/// <c>dssm bench encode --engine onnx</c>: the encoding workload of <see cref="ThroughputBenchmark"/> (the paper's
/// document tower, seed 0; <see cref="ThroughputBenchmarkOptions.EncodeTexts"/> texts of
/// <see cref="ThroughputBenchmarkOptions.IdsPerText"/> Zipf-distributed ids a call) run by ONNX Runtime on the exported
/// graph (<see cref="OnnxTowerGraph"/>, which also L2-normalises), so the figure compares with the TorchSharp path
/// and the PyTorch peer on the same input.
/// </summary>
public static class OnnxEncodeBenchmark
{
    /// <summary>Texts encoded per second.</summary>
    public static double Run(ThroughputBenchmarkOptions o)
    {
        ArgumentNullException.ThrowIfNull(o);
        TorchRuntime.Initialize();   // libtorch only draws the seeded weights; the timed part is ONNX Runtime's
        byte[] graph;
        using (var model = ModelFactory.Create(ModelKind.Dssm, o.Vocabulary, o.Towers, seed: 0))
            graph = OnnxTowerGraph.Build(TowerWeights.Of(model, "document"), "bench", "benchmark tower").ToByteArray();
        using var options = new SessionOptions { IntraOpNumThreads = o.Threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(graph, options);
        var bags = new ThroughputBenchmark.ZipfIds(o.Vocabulary, o.Zipf).Batch(o.EncodeTexts, o.IdsPerText, new Rng(0)).Bags;
        // The texts go in slices of OnnxEncoder's size: the graph's (B, L, width) Gather output should stay in cache.
        var chunk = int.TryParse(Environment.GetEnvironmentVariable("DSSM_ONNX_CHUNK"), out var c) ? c : OnnxEncoder.BatchTexts;
        var slices = new List<(OrtValue Ids, OrtValue Weights)>();
        for (var start = 0; start < o.EncodeTexts; start += chunk)
        {
            var n = Math.Min(chunk, o.EncodeTexts - start);
            long[] shape = [n, o.IdsPerText];    // every text has IdsPerText ids: no padding
            slices.Add((OrtValue.CreateTensorValueFromMemory(bags.Ids.AsSpan(start * o.IdsPerText, n * o.IdsPerText).ToArray(), shape),
                        OrtValue.CreateTensorValueFromMemory(bags.Weights.AsSpan(start * o.IdsPerText, n * o.IdsPerText).ToArray(), shape)));
        }
        using var run = new RunOptions();
        void Call()
        {
            foreach (var (ids, weights) in slices)
            {
                using var y = session.Run(run, [OnnxTowerGraph.IdsInput, OnnxTowerGraph.WeightsInput], [ids, weights], [OnnxTowerGraph.EmbeddingOutput]);
            }
        }
        for (var i = 0; i < 3; i++) Call();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < o.EncodeCalls; i++) Call();
        var seconds = clock.Elapsed.TotalSeconds;
        foreach (var (ids, weights) in slices) { ids.Dispose(); weights.Dispose(); }
        return o.EncodeCalls * o.EncodeTexts / seconds;
    }
}
