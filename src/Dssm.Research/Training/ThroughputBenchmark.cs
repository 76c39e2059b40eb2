using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>
/// Training and encoding throughput on synthetic batches (<see cref="ThroughputBenchmarkOptions"/>): a model with the
/// paper's towers, Zipf-distributed ids, no data files — so the figure is the model's and the optimizer's, not a reader's.
/// </summary>
public static class ThroughputBenchmark
{
    public static ThroughputResult Run(ThroughputBenchmarkOptions o)
    {
        TorchRuntime.SetThreads(o.Threads);
        var device = Devices.Resolve(o.Device);
        using var model = ModelFactory.Create(ModelKind.Dssm, o.Vocabulary, o.Towers with { LazyInputLayer = o.Lazy }, seed: 0);
        model.Module.to(device);
        using var loss = new SoftmaxRankingLoss(o.Gamma);
        var optimizer = new Optimizer(OptimizerKind.Adam, model.DenseParameters, model.InputLayers);
        var zipf = new ZipfIds(o.Vocabulary, o.Zipf);
        var rng = new Rng(0);
        var pool = Enumerable.Range(0, 8).Select(_ => (Q: zipf.Batch(o.Batch, o.IdsPerText, rng), D: zipf.Batch(o.Batch * (1 + o.Negatives), o.IdsPerText, rng))).ToList();

        double last = 0;
        var phase = new Stopwatch();
        double forwardMs = 0, backwardMs = 0, optimizerMs = 0;
        // CPU kernels run synchronously, so the clock between calls measures them.
        void Step(int i)
        {
            using var scope = NewDisposeScope();
            var (qb, db) = pool[i % pool.Count];
            phase.Restart();
            optimizer.ZeroGrad();
            var q = model.Forward(qb, TextSide.Query);                                            // (B, 128)
            var d = model.Forward(db, TextSide.Document).view(o.Batch, 1 + o.Negatives, -1);      // (B, 1+J, 128)
            var l = loss.Forward(q, d);
            forwardMs += phase.Elapsed.TotalMilliseconds; phase.Restart();
            l.backward();
            backwardMs += phase.Elapsed.TotalMilliseconds; phase.Restart();
            optimizer.Step(optimizer.Collect(), 1e-3);
            optimizerMs += phase.Elapsed.TotalMilliseconds;
            last = l.item<float>();
        }
        for (var i = 0; i < o.Warmup; i++) Step(i);
        forwardMs = backwardMs = optimizerMs = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < o.Steps; i++) Step(i);
        var trainSeconds = clock.Elapsed.TotalSeconds;

        var texts = zipf.Batch(o.EncodeTexts, o.IdsPerText, rng);
        model.Module.eval();
        double encodeSeconds;
        using (no_grad())
        {
            for (var i = 0; i < 3; i++) { using var s = NewDisposeScope(); model.Forward(texts, TextSide.Document); }
            clock.Restart();
            for (var i = 0; i < o.EncodeCalls; i++) { using var s = NewDisposeScope(); model.Forward(texts, TextSide.Document).sum().item<float>(); }
            encodeSeconds = clock.Elapsed.TotalSeconds;
        }
        return new ThroughputResult(o.Steps * o.Batch / trainSeconds, o.EncodeCalls * o.EncodeTexts / encodeSeconds,
            1000 * trainSeconds / o.Steps, last, device.type.ToString().ToLowerInvariant(), get_num_threads())
        {
            PhaseMilliseconds = (forwardMs / o.Steps, backwardMs / o.Steps, optimizerMs / o.Steps),
        };
    }

    /// <summary>Ids drawn with P(rank r) ∝ 1/r^s over 1..V (id 0 is the unknown n-gram, never drawn).</summary>
    internal sealed class ZipfIds
    {
        readonly double[] cumulative;
        public ZipfIds(int vocabulary, double s)
        {
            cumulative = new double[vocabulary - 1];
            double total = 0;
            for (var r = 1; r < vocabulary; r++) cumulative[r - 1] = total += 1.0 / Math.Pow(r, s);
            for (var i = 0; i < cumulative.Length; i++) cumulative[i] /= total;
        }

        public ModelBatch Batch(int texts, int idsPerText, Rng rng)
        {
            var ids = new long[texts * idsPerText]; var weights = new float[ids.Length]; var offsets = new long[texts];
            for (var t = 0; t < texts; t++)
            {
                offsets[t] = t * idsPerText;
                for (var k = 0; k < idsPerText; k++)
                {
                    var at = Array.BinarySearch(cumulative, rng.NextDouble());
                    ids[t * idsPerText + k] = 1 + (at < 0 ? ~at : at);
                    weights[t * idsPerText + k] = 1;
                }
            }
            return new ModelBatch(new SparseBatch(ids, offsets, weights, texts), Enumerable.Repeat(1, texts).ToArray());
        }
    }
}
