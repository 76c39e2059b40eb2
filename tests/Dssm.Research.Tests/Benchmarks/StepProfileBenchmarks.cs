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
/// Where the milliseconds of one paper-recipe step, one CDSSM step and the in-batch loss go, op by op, on the workloads of
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

    /// <summary>The paper recipe's step (batch 256, J = 4, 30 ids a text, 30,000 → 300 → 300 → 128): each op of one tower on
    /// the document batch (1,280 texts) and the query batch (256), the loss, the row gradients and Adam, with each GEMM's
    /// GFLOP/s — the figures that say how far the step is from the machine's sgemm ceiling, and where.</summary>
    [BenchmarkFact]
    public void Paper_recipe_step_op_by_op()
    {
        TorchRuntime.Initialize(); TorchRuntime.SetThreads(2);
        var o = new ThroughputBenchmarkOptions();
        var (queries, documents) = ThroughputBenchmark.Pool(o)[0];
        manual_seed(1);
        using var bag = nn.EmbeddingBag(o.Vocabulary, 300, mode: EmbeddingBagMode.Sum);
        using var l1 = nn.Linear(300, 300); using var l2 = nn.Linear(300, 128);
        var bias = zeros(300);
        double total = 0;
        string Gflops(long m, long k, long n, double ms) => $"{2.0 * m * k * n / ms / 1e6:F0} GFLOP/s";
        foreach (var (name, b) in new[] { ("documents", documents.Bags), ("queries", queries.Bags) })
        {
            long n = b.Count;
            var input = Median(() => Ms(() => SparseInput.From(b, CPU)));
            var x = SparseInput.From(b, CPU);
            using var _ = no_grad();
            var tBag = Median(() => Ms(() => bag.forward(x.Ids, x.Offsets, x.Weights)));
            var s0 = Keep(() => bag.forward(x.Ids, x.Offsets, x.Weights));
            var tBias = Median(() => Ms(() => s0.add(bias)));
            var tTanh1 = Median(() => Ms(() => s0.tanh()));
            var copy = s0.clone();
            Median(() => Ms(() => CpuKernels.TanhInPlace(copy)), 50);   // until the JIT has tiered it up
            var tTanhC = Median(() => Ms(() => CpuKernels.TanhInPlace(copy)));
            var h1 = Keep(() => s0.add(bias).tanh());
            var tL1 = Median(() => Ms(() => l1.forward(h1)));
            var a2 = Keep(() => l1.forward(h1));
            var tTanh2 = Median(() => Ms(() => a2.tanh()));
            var h2 = Keep(() => a2.tanh());
            var tL2 = Median(() => Ms(() => l2.forward(h2)));
            var a3 = Keep(() => l2.forward(h2));
            var tTanh3 = Median(() => Ms(() => a3.tanh()));
            var forward = input + tBag + tBias + tTanh1 + tL1 + tTanh2 + tL2 + tTanh3;
            output.WriteLine($"{name} ({n} texts, {b.Ids.Length} ids) forward ms: tensors {input:F2}, bag {tBag:F2}, bias {tBias:F2}, tanh {tTanh1:F2} (C# kernel {tTanhC:F2}), " +
                $"linear 300→300 {tL1:F2} ({Gflops(n, 300, 300, tL1)}), tanh {tTanh2:F2}, linear 300→128 {tL2:F2} ({Gflops(n, 300, 128, tL2)}), tanh {tTanh3:F2}; sum {forward:F2}");
            Tensor Rest(Tensor s) => l2.forward(l1.forward(s.add(bias).tanh()).tanh()).tanh();
            double fromS, fromH1, fromH2;
            using (enable_grad())
            {
                var g = randn(n, 128);
                fromS = Median(() => Ms(() => Rest(s0.detach().requires_grad_()).backward(new[] { g })));
                fromH1 = Median(() => Ms(() => l2.forward(l1.forward(h1.detach().requires_grad_()).tanh()).tanh().backward(new[] { g })));
                fromH2 = Median(() => Ms(() => l2.forward(h2.detach().requires_grad_()).tanh().backward(new[] { g })));
            }
            var backward = fromS - forward + input + tBag;
            output.WriteLine($"{name} forward + backward from the bag's output up: {fromS:F2} ms (bias + tanh {fromS - fromH1:F2}, layer 300→300 + tanh {fromH1 - fromH2:F2}, " +
                $"layer 300→128 + tanh {fromH2:F2}); backward alone ≈ {backward:F2} ms (its GEMMs at the forward's GFLOP/s would take {2 * (tL1 + tL2):F2})");
            var scratch = new int[o.Vocabulary];
            var gOut = randn(n, 300);
            Median(() => Ms(() => CpuKernels.RowGradients(new[] { b }, new[] { gOut }, 300, scratch)), 50);   // until the JIT has tiered it up
            var tRows = Median(() => Ms(() => CpuKernels.RowGradients(new[] { b }, new[] { gOut }, 300, scratch)));
            var (rows, grad) = CpuKernels.RowGradients(new[] { b }, new[] { gOut }, 300, scratch);
            var w = bag.weight!.detach(); var m = zeros_like(w); var v = zeros_like(w);
            var step = new CpuKernels.AdamStep(0.9f, 0.999f, 1e-8f, 0, 1e-3f, 0.1f, 0.001f);
            var ids = rows.data<long>().ToArray();
            Median(() => Ms(() => CpuKernels.Adam(w, m, v, grad, ids, step)), 50);                          // the same
            var tAdam = Median(() => Ms(() => CpuKernels.Adam(w, m, v, grad, ids, step)));
            output.WriteLine($"{name} input layer: row gradients {tRows:F2} ms ({ids.Length} distinct rows of {b.Ids.Length} ids), Adam over those rows {tAdam:F2} ms " +
                $"({ids.Length * 300 * 4 * 7 / tAdam / 1e6:F1} GB/s of w, m, v, g read and w, m, v written)");
            total += fromS + input + tBag + tRows + tAdam;
        }
        {
            var q = randn(256, 128).requires_grad_(); var d = randn(256, 5, 128).requires_grad_();
            using var loss = new SoftmaxRankingLoss(10);
            var tLoss = Median(() => Ms(() => loss.Forward(q, d).backward()));
            var dense = new[] { l1.weight!, l1.bias!, l2.weight!, l2.bias! }.Select(p => p.detach()).ToArray();
            var ms = dense.Select(p => zeros_like(p)).ToArray(); var vs = dense.Select(p => zeros_like(p)).ToArray(); var gs = dense.Select(p => randn_like(p)).ToArray();
            var step = new CpuKernels.AdamStep(0.9f, 0.999f, 1e-8f, 0, 1e-3f, 0.1f, 0.001f);
            var tDense = Median(() => Ms(() => { for (var i = 0; i < dense.Length; i++) CpuKernels.Adam(dense[i], ms[i], vs[i], gs[i], null, step); }));
            total += tLoss + 2 * tDense;
            output.WriteLine($"loss (cosine, γ, softmax) forward + backward {tLoss:F2} ms; Adam over one tower's dense layers {tDense:F2} ms; " +
                $"the step's ops summed (both towers' dense Adam) {total:F2} ms");
        }
        var a = randn(1280, 300); var wt = randn(300, 300);
        var tMm = Median(() => Ms(() => a.matmul(wt)));
        var big = randn(2048, 2048);
        var tBig = Median(() => Ms(() => big.matmul(big)));
        output.WriteLine($"libtorch GEMM here: (1280 × 300)·(300 × 300) {tMm:F2} ms ({Gflops(1280, 300, 300, tMm)}); 2048² {tBig:F1} ms ({Gflops(2048, 2048, 2048, tBig)})");
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
