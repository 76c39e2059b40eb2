using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Models;
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
        byte[] graph;
        using (var model = ModelFactory.Create(ModelKind.Dssm, o.Vocabulary, o.Towers, seed: 0))
            graph = OnnxTowerGraph.Build(TowerWeights.Of(model, "document"), "bench", "benchmark tower").ToByteArray();
        using var options = new SessionOptions { IntraOpNumThreads = o.Threads, InterOpNumThreads = 1, GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL };
        using var session = new InferenceSession(graph, options);
        var bags = new ThroughputBenchmark.ZipfIds(o.Vocabulary, o.Zipf).Batch(o.EncodeTexts, o.IdsPerText, new Rng(0)).Bags;
        long[] shape = [o.EncodeTexts, o.IdsPerText];    // every text has IdsPerText ids: no padding
        using var ids = OrtValue.CreateTensorValueFromMemory(bags.Ids, shape);
        using var weights = OrtValue.CreateTensorValueFromMemory(bags.Weights, shape);
        using var run = new RunOptions();
        void Call()
        {
            using var y = session.Run(run, [OnnxTowerGraph.IdsInput, OnnxTowerGraph.WeightsInput], [ids, weights], [OnnxTowerGraph.EmbeddingOutput]);
        }
        for (var i = 0; i < 3; i++) Call();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < o.EncodeCalls; i++) Call();
        return o.EncodeCalls * o.EncodeTexts / clock.Elapsed.TotalSeconds;
    }
}
