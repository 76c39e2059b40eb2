using System.Diagnostics;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Training;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Benchmarks;

/// <summary>
/// Where the milliseconds of one CDSSM step and of the in-batch loss go, op by op, on the workloads of
/// <see cref="ThroughputBenchmark"/> (<c>dssm bench train --model cdssm</c>, <c>--sampler inbatch --batch 1024</c>): the
/// operations of <c>Models/CdssmTower</c> replayed one at a time, medians of 9. Timings, not assertions; DSSM_BENCH=1 only.
/// Run it with the malloc tunables the CLI sets for itself (xunit's threads have their own malloc arenas):
/// <c>DSSM_BENCH=1 GLIBC_TUNABLES=glibc.malloc.arena_max=1:glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=1073741824
/// dotnet test tests/Dssm.Research.Tests -c Release --filter "FullyQualifiedName~StepProfileBenchmarks" --logger "console;verbosity=detailed"</c>
/// </summary>
public class StepProfileBenchmarks(ITestOutputHelper output)
{
    const int Window = 3, Width = 300;

    static double Median(Func<double> f, int n = 9)
    {
        f();   // warm-up
        var xs = Enumerable.Range(0, n).Select(_ => f()).OrderBy(x => x).ToArray();
        return xs[n / 2];
    }

    static double Ms(Action a) { using var scope = NewDisposeScope(); var c = Stopwatch.StartNew(); a(); return c.Elapsed.TotalMilliseconds; }

    static Tensor Keep(Func<Tensor> f) { using var scope = NewDisposeScope(); return f().MoveToOuterDisposeScope(); }

    [BenchmarkFact]
    public void Cdssm_step_op_by_op()
    {
        TorchRuntime.Initialize(); TorchRuntime.SetThreads(2);
        var (queries, documents) = ThroughputBenchmark.Pool(new ThroughputBenchmarkOptions { Model = ModelKind.Cdssm })[0];
        using var bag = nn.EmbeddingBag(30000, Window * Width, mode: EmbeddingBagMode.Sum);
        var rowsOfW = bag.weight!.detach().view(30000 * Window, Width);                                  // W_c as (3V, C), same memory
        using var windowBag = nn.EmbeddingBag_from_pretrained(rowsOfW, freeze: true, mode: EmbeddingBagMode.Sum);
        var bias = zeros(Width); using var semantic = nn.Linear(Width, 128);
        using Scalar floor = -1e4f;
        foreach (var (name, b) in new[] { ("documents", documents), ("queries", queries) })
        {
            var idx = CdssmWindows.Bags(b, Window);
            var indices = Median(() => Ms(() => CdssmWindows.Bags(b, Window)));
            var input = Median(() => Ms(() => SparseInput.From(idx.Windows, CPU)));
            var x = SparseInput.From(idx.Windows, CPU);
            var pi = tensor(idx.PoolIndex);
            using var _ = no_grad();
            var tBag = Median(() => Ms(() => windowBag.forward(x.Ids, x.Offsets, x.Weights).add(bias)));
            var conv = Keep(() => windowBag.forward(x.Ids, x.Offsets, x.Weights).add(bias));                   // (P, C)
            var tTanh = Median(() => Ms(() => conv.tanh()));
            var h = Keep(() => conv.tanh());
            var tPool = Median(() => Ms(() => cat(new[] { h, full(1, Width, floor) }).index_select(0, pi).view(b.Texts, idx.Longest, Width).amax(new long[] { 1 })));
            var pooled = Keep(() => cat(new[] { h, full(1, Width, floor) }).index_select(0, pi).view(b.Texts, idx.Longest, Width).amax(new long[] { 1 }));
            var tSemantic = Median(() => Ms(() => semantic.forward(pooled).tanh()));
            output.WriteLine($"{name} ({b.Texts} texts, {b.Bags.Count} words, {idx.Windows.NonZeros} window ids) forward ms: window bags {indices:F2}, " +
                $"tensors {input:F2}, bag + bias {tBag:F2}, tanh {tTanh:F2}, pooling {tPool:F2}, semantic {tSemantic:F2}");
        }

        // Backward, document batch: a leaf at a stage's input and the rest of the tower above it; the differences are the stages.
        {
            var b = documents;
            var idx = CdssmWindows.Bags(b, Window);
            var x = SparseInput.From(idx.Windows, CPU);
            var pi = tensor(idx.PoolIndex);
            Tensor c0; using (no_grad()) c0 = windowBag.forward(x.Ids, x.Offsets, x.Weights);
            Tensor Activate(Tensor c) => c.add(bias).tanh();
            Tensor Pool(Tensor h) => cat(new[] { h, full(1, Width, floor) }).index_select(0, pi).view(b.Texts, idx.Longest, Width).amax(new long[] { 1 });
            Tensor h0, p0; using (no_grad()) { h0 = Activate(c0); p0 = Pool(h0); }
            var fromC = Median(() => Ms(() => semantic.forward(Pool(Activate(c0.detach().requires_grad_()))).tanh().sum().backward()));
            var fromH = Median(() => Ms(() => semantic.forward(Pool(h0.detach().requires_grad_())).tanh().sum().backward()));
            var fromP = Median(() => Ms(() => semantic.forward(p0.detach().requires_grad_()).tanh().sum().backward()));
            output.WriteLine($"documents forward + backward ms, from the bag's output up: {fromC:F2} (bias + tanh {fromC - fromH:F2}, pooling {fromH - fromP:F2}, semantic {fromP:F2})");
            var g = randn(idx.Windows.Count, Width);
            var scratch = new int[30000 * Window];
            Median(() => Ms(() => CpuKernels.RowGradients(new[] { idx.Windows }, new[] { g }, Width, scratch)));   // until the JIT has tiered the kernel up
            var rows = Median(() => Ms(() => CpuKernels.RowGradients(new[] { idx.Windows }, new[] { g }, Width, scratch)));
            output.WriteLine($"documents row gradients of the input layer (transposed bag over the (3V, C) rows, C#): {rows:F2} ms");
            var gWords = randn(b.Bags.Count, Window * Width); var scratchWords = new int[30000];
            var rowsWords = Median(() => Ms(() => CpuKernels.RowGradients(new[] { b.Bags }, new[] { gWords }, Window * Width, scratchWords)));
            output.WriteLine($"documents row gradients of the per-word layout, for comparison (one bag per word over the (V, 3·C) rows): {rowsWords:F2} ms");
        }
    }

    [BenchmarkFact]
    public void In_batch_loss_at_batch_1024()
    {
        TorchRuntime.Initialize(); TorchRuntime.SetThreads(2);
        manual_seed(1);
        var q0 = randn(1024, 128); var d0 = randn(1024, 128);
        using var loss = new SoftmaxRankingLoss(10);
        using var diagonal = arange(1024, dtype: ScalarType.Int64);
        Tensor InBatch(Tensor q, Tensor d) => loss.ForwardInBatch(q, d, diagonal);
        var forward = Median(() => Ms(() => InBatch(q0, d0)));
        var both = Median(() => Ms(() => InBatch(q0.detach().requires_grad_(), d0.detach().requires_grad_()).backward()));
        var matmul = Median(() => Ms(() => q0.matmul(d0.t())));
        output.WriteLine($"in-batch loss, B = 1024, D = 128: forward {forward:F2} ms, forward + backward {both:F2} ms; the bare (B × B) product {matmul:F2} ms");
    }
}
