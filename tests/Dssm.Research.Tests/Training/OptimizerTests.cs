using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Training;

public class OptimizerTests
{
    public OptimizerTests() => TorchRuntime.Initialize();

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Sgd)]
    public void Lazy_updates_equal_dense_updates_on_rows_touched_every_step(OptimizerKind kind)
    {
        manual_seed(11);
        using var lazy = new HashedInputLayer("lazy", 6, 3, lazy: true);
        using var dense = new HashedInputLayer("dense", 6, 3, lazy: false);
        using (no_grad()) { dense.Weight.copy_(lazy.Weight); }
        var lazyOpt = new Optimizer(kind, lazy.parameters().Where(p => p.requires_grad).ToList(), new[] { lazy });
        var denseOpt = new Optimizer(kind, dense.parameters().Where(p => p.requires_grad).ToList(), Array.Empty<HashedInputLayer>());
        var rng = new Random(2);
        for (var step = 0; step < 6; step++)
        {
            // Every step touches all 6 rows, with varying weights and bags.
            var ids = Enumerable.Range(0, 6).Select(i => (long)i).Concat(new long[] { rng.Next(6), rng.Next(6) }).ToArray();
            var weights = ids.Select(_ => (float)(rng.NextDouble() + 0.5)).ToArray();
            var batch = new SparseBatch(ids, new long[] { 0, 4 }, weights, 2);
            var target = tensor(new float[] { 0.3f, -0.2f, 0.1f, -0.4f, 0.2f, 0.5f }).view(2, 3);
            foreach (var (layer, opt) in new[] { (lazy, lazyOpt), (dense, denseOpt) })
            {
                using var scope = NewDisposeScope();
                opt.ZeroGrad();
                var y = layer.forward(SparseInput.From(batch, CPU)).tanh();
                (y - target).pow(2).sum().backward();
                opt.Step(opt.Collect(), 0.05);
            }
        }
        var a = lazy.Weight.data<float>().ToArray(); var b = dense.Weight.data<float>().ToArray();
        for (var i = 0; i < a.Length; i++) Assert.Equal(b[i], a[i], 5);
    }

    [Theory]
    [InlineData(OptimizerKind.Adam, 0.0)]
    [InlineData(OptimizerKind.Adam, 0.01)]
    [InlineData(OptimizerKind.Sgd, 0.01)]
    public void The_libtorch_fallback_for_dense_parameters_equals_the_fused_cpu_update(OptimizerKind kind, double weightDecay)
    {
        // float64 parameters are not what CpuKernels takes, so they go through the libtorch ops (the CUDA path).
        manual_seed(5);
        using var fused = nn.Parameter(randn(4, 3));
        using var fallback = nn.Parameter(fused.detach().to(ScalarType.Float64));
        var fusedOpt = new Optimizer(kind, [fused], Array.Empty<HashedInputLayer>(), weightDecay: weightDecay);
        var fallbackOpt = new Optimizer(kind, [fallback], Array.Empty<HashedInputLayer>(), weightDecay: weightDecay);
        for (var step = 0; step < 5; step++)
        {
            using var target = randn(4, 3);
            foreach (var (p, opt) in new[] { (fused, fusedOpt), (fallback, fallbackOpt) })
            {
                using var scope = NewDisposeScope();
                opt.ZeroGrad();
                (p.tanh() - target.to(p.dtype)).pow(2).sum().backward();
                var grads = opt.Collect();
                grads.Scale(0.5);
                opt.Step(grads, 0.05);
            }
        }
        var a = fused.data<float>().ToArray(); var b = fallback.to(ScalarType.Float32).data<float>().ToArray();
        for (var i = 0; i < a.Length; i++) Assert.Equal((double)b[i], a[i], 1e-5);   // float32 vs float64 arithmetic
    }

    [Fact]
    public void Lazy_adam_leaves_untouched_rows_alone()
    {
        manual_seed(1);
        using var lazy = new HashedInputLayer("lazy", 10, 2, lazy: true);
        var before = lazy.Weight.data<float>().ToArray();
        var opt = new Optimizer(OptimizerKind.Adam, lazy.parameters().Where(p => p.requires_grad).ToList(), new[] { lazy });
        using (var scope = NewDisposeScope())
        {
            opt.ZeroGrad();
            lazy.forward(SparseInput.From(new SparseBatch(new long[] { 2, 5 }, new long[] { 0 }, new float[] { 1, 1 }, 1), CPU)).sum().backward();
            opt.Step(opt.Collect(), 0.1);
        }
        var after = lazy.Weight.data<float>().ToArray();
        for (var row = 0; row < 10; row++)
        {
            var changed = after[row * 2] != before[row * 2];
            Assert.Equal(row is 2 or 5, changed);
        }
    }
}
