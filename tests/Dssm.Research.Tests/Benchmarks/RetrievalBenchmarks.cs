using System.Diagnostics;
using Dssm.Research.Evaluation;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Tests.Retrieval;
using TorchSharp;
using Xunit.Abstractions;

namespace Dssm.Research.Tests.Benchmarks;

/// <summary>
/// Timings, not assertions: they run only with DSSM_BENCH=1 (skipped otherwise) and print their numbers.
/// <c>DSSM_BENCH=1 dotnet test tests/Dssm.Research.Tests --filter "FullyQualifiedName~Benchmarks" --logger "console;verbosity=detailed"</c>
/// </summary>
public class RetrievalBenchmarks(ITestOutputHelper output)
{
    static double Best(int repeats, Action action)
    {
        action();   // warm-up (JIT, caches)
        var best = double.MaxValue;
        for (var r = 0; r < repeats; r++)
        {
            var sw = Stopwatch.StartNew();
            action();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    [BenchmarkFact]
    public void Bm25_and_TfIdf_10k_documents_1k_queries()
    {
        // Zipf-distributed vocabulary of 30k words; documents of 20–120 tokens, queries of 2–8.
        var random = new Random(1);
        var cumulative = new double[30_000];
        double total = 0;
        for (var i = 0; i < cumulative.Length; i++) cumulative[i] = total += 1.0 / (i + 1);
        string Word() { var x = random.NextDouble() * total; var i = Array.BinarySearch(cumulative, x); return $"w{(i < 0 ? ~i : i)}"; }
        IReadOnlyList<string> Text(int min, int max) => Enumerable.Range(0, random.Next(min, max + 1)).Select(_ => Word()).ToArray();
        var docs = Enumerable.Range(0, 10_000).Select(i => ($"d{i}", Text(20, 120))).ToArray();
        var queries = Enumerable.Range(0, 1_000).Select(i => ($"q{i}", Text(2, 8))).ToArray();
        foreach (var kind in new[] { BaselineKind.Bm25, BaselineKind.TfIdf })
        {
            var sw = Stopwatch.StartNew();
            var model = Baselines.Build(docs, new BaselineOptions(kind));
            var build = sw.Elapsed.TotalMilliseconds;
            var parallel = Best(3, () => Baselines.Run(model, queries, depth: 1000));
            var serial = Best(3, () => { foreach (var (_, q) in queries) model.Search(q, 1000); });
            output.WriteLine($"{kind}: index 10k docs {build:F0} ms; 1k queries top-1000: {serial:F0} ms on 1 thread, {parallel:F0} ms Baselines.Run ({Environment.ProcessorCount} cores)");
        }
    }

    [BenchmarkFact]
    public void Exact_top_k_by_128_plain_csharp_vs_torch_mm_topk()
    {
        const int d = 128, k = 10;
        TorchRuntime.Initialize();
        output.WriteLine($"libtorch threads: {torch.get_num_threads()}, cores: {Environment.ProcessorCount}, AVX+FMA kernel: {ExactTopK.Vectorised(d)}");
        foreach (var n in new[] { 5_000, 200_000, 1_000_000 })
        {
            var random = new Random(1);
            var rows = Enumerable.Range(0, n).Select(_ => EmbeddingIndexTests.UnitVector(random, d)).ToArray();
            var index = EmbeddingIndex.FromRows(Enumerable.Range(0, n).Select(i => $"d{i}").ToArray(), rows);
            using var docsT = torch.tensor(rows.SelectMany(r => r).ToArray(), [n, d]);
            using var docsTT = docsT.t().contiguous();
            foreach (var batch in new[] { 1, 64, 1000 })
            {
                var queries = Enumerable.Range(0, batch).Select(_ => EmbeddingIndexTests.UnitVector(random, d)).ToArray();
                var qflat = queries.SelectMany(r => r).ToArray();
                var torchTopK = Best(3, () =>
                {
                    using var scope = torch.NewDisposeScope();
                    var (values, indices) = torch.mm(torch.tensor(qflat, [batch, d]), docsTT).topk(k, dim: 1);
                    _ = values.data<float>().ToArray();
                    _ = indices.data<long>().ToArray();
                });
                var search = Best(3, () => index.Search(queries, k));
                var previous = n > 200_000 && batch > 64 ? double.NaN : Best(3, () => PreviousKernel(rows, queries, k));
                var gflops = 2.0 * batch * n * d / (search * 1e6);
                output.WriteLine($"{n,7} rows, batch {batch,4}: EmbeddingIndex.Search top-{k} {search,9:F2} ms ({gflops:F1} GFLOP/s, {batch * 1000 / search:F0} q/s) | torch.mm + topk + copies {torchTopK,9:F2} ms | previous kernel {previous,9:F2} ms");
            }
        }
    }

    /// <summary>
    /// The kernel this replaced, for the record: blocks of 32 queries, one <c>Vector&lt;float&gt;</c> dot product per
    /// (row, query) into a (32 × N) score buffer, then a <see cref="PriorityQueue{TElement, TPriority}"/> pass per query.
    /// </summary>
    static void PreviousKernel(float[][] rows, float[][] queries, int k)
    {
        var n = rows.Length;
        Parallel.For(0, (queries.Length + 31) / 32, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, block =>
        {
            var b = Math.Min(32, queries.Length - block * 32);
            var scores = new float[b * n];
            for (var row = 0; row < n; row++)
                for (var q = 0; q < b; q++)
                {
                    var x = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(rows[row]);
                    var y = System.Runtime.InteropServices.MemoryMarshal.Cast<float, System.Numerics.Vector<float>>(queries[block * 32 + q]);
                    var acc = System.Numerics.Vector<float>.Zero;
                    for (var v = 0; v < x.Length; v++) acc += x[v] * y[v];
                    scores[q * n + row] = System.Numerics.Vector.Sum(acc);
                }
            for (var q = 0; q < b; q++)
            {
                var heap = new PriorityQueue<int, float>();
                for (var i = 0; i < n; i++)
                {
                    if (heap.Count < k) heap.Enqueue(i, scores[q * n + i]);
                    else if (scores[q * n + i] > scores[q * n + heap.Peek()]) heap.EnqueueDequeue(i, scores[q * n + i]);
                }
            }
        });
    }
}
