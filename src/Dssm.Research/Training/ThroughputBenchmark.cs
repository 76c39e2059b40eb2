using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
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
        o.Validate();
        TorchRuntime.SetThreads(o.Threads);
        var device = Devices.Resolve(o.Device);
        using var model = ModelFactory.Create(o.Model, o.Vocabulary, o.Towers with { LazyInputLayer = o.Lazy }, seed: 0);
        model.Module.to(device);
        using var loss = new SoftmaxRankingLoss(o.Gamma);
        var optimizer = new Optimizer(OptimizerKind.Adam, model.DenseParameters, model.InputLayers);
        var workload = new Workload(o);
        var pool = workload.Pool();
        var inBatch = o.Sampler == SamplerKind.InBatch;
        using var diagonal = arange(o.Batch, dtype: ScalarType.Int64, device: device);                  // row i's clicked document is column i

        double last = 0;
        var phase = new Stopwatch();
        double forwardMs = 0, backwardMs = 0, optimizerMs = 0, collectMs = 0;
        // CPU kernels run synchronously, so the clock between calls measures them.
        void Step(int i)
        {
            using var scope = NewDisposeScope();
            var (qb, db) = pool[i % pool.Count];
            phase.Restart();
            optimizer.ZeroGrad();
            var q = model.Forward(qb, TextSide.Query);                                                // (B, 128)
            var d = model.Forward(db, TextSide.Document);                                             // (B·(1+J), 128) or (B, 128)
            var l = inBatch ? loss.ForwardInBatch(q, d, diagonal)                                       // (B, B) scores
                : loss.Forward(q, d.view(o.Batch, 1 + o.Negatives, -1));                              // (B, 1+J, 128)
            forwardMs += phase.Elapsed.TotalMilliseconds; phase.Restart();
            l.backward();
            backwardMs += phase.Elapsed.TotalMilliseconds; phase.Restart();
            var grads = optimizer.Collect();
            collectMs += phase.Elapsed.TotalMilliseconds;
            optimizer.Step(grads, 1e-3);
            optimizerMs += phase.Elapsed.TotalMilliseconds;
            last = l.item<float>();
        }
        for (var i = 0; i < o.Warmup; i++) Step(i);
        forwardMs = backwardMs = optimizerMs = collectMs = 0;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < o.Steps; i++) Step(i);
        var trainSeconds = clock.Elapsed.TotalSeconds;
        var windowsMs = o.Model == ModelKind.Cdssm ? WindowMilliseconds(pool, o.Towers.Window) : 0;

        var texts = workload.Texts(o.EncodeTexts);
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
            WindowsMilliseconds = windowsMs,
            CollectMilliseconds = collectMs / o.Steps,
        };
    }

    /// <summary>The 8 pre-made (queries, documents) batches a run cycles through: B queries; B·(1+J) documents (query i's
    /// clicked one first, then its J sampled ones) or, in-batch, B (query i's clicked one at row i).</summary>
    public static IReadOnlyList<(ModelBatch Queries, ModelBatch Documents)> Pool(ThroughputBenchmarkOptions o)
    {
        o.Validate();
        return new Workload(o).Pool();
    }

    /// <summary>CDSSM: mean ms a step spends building the window bags and pooling indices of its two batches (C#, inside forward).</summary>
    static double WindowMilliseconds(IReadOnlyList<(ModelBatch Queries, ModelBatch Documents)> pool, int window)
    {
        const int repeats = 20;
        var clock = Stopwatch.StartNew();
        for (var r = 0; r < repeats; r++)
            foreach (var (q, d) in pool)
            {
                CdssmWindows.Bags(q, window);
                CdssmWindows.Bags(d, window);
            }
        return clock.Elapsed.TotalMilliseconds / (repeats * pool.Count);
    }

    /// <summary>Synthetic texts of the workload: one bag per text (DSSM) or per word (CDSSM), drawn in a fixed order from seed 0.</summary>
    sealed class Workload(ThroughputBenchmarkOptions o)
    {
        readonly ZipfIds zipf = new(o.Vocabulary, o.Zipf);
        readonly Rng rng = new(0);

        public List<(ModelBatch Queries, ModelBatch Documents)> Pool() =>
            Enumerable.Range(0, 8).Select(_ => (Texts(o.Batch), Texts(o.DocumentsPerStep))).ToList();

        public ModelBatch Texts(int texts) => o.Model == ModelKind.Cdssm
            ? new ModelBatch(zipf.Bags(texts * o.WordsPerText, o.IdsPerWord, rng), Enumerable.Repeat(o.WordsPerText, texts).ToArray())
            : zipf.Batch(texts, o.IdsPerText, rng);
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

        /// <summary>DSSM texts: one bag of <paramref name="idsPerText"/> ids each.</summary>
        public ModelBatch Batch(int texts, int idsPerText, Rng rng) => new(Bags(texts, idsPerText, rng), Enumerable.Repeat(1, texts).ToArray());

        public SparseBatch Bags(int bags, int idsPerBag, Rng rng)
        {
            var ids = new long[bags * idsPerBag]; var weights = new float[ids.Length]; var offsets = new long[bags];
            for (var t = 0; t < bags; t++)
            {
                offsets[t] = t * idsPerBag;
                for (var k = 0; k < idsPerBag; k++)
                {
                    var at = Array.BinarySearch(cumulative, rng.NextDouble());
                    ids[t * idsPerBag + k] = 1 + (at < 0 ? ~at : at);
                    weights[t * idsPerBag + k] = 1;
                }
            }
            return new SparseBatch(ids, offsets, weights, bags);
        }
    }
}
