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
