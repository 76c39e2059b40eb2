using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Runtime;

/// <summary>The fused C# loops compute what the libtorch ops they replace compute.</summary>
public class CpuKernelsTests
{
    public CpuKernelsTests() => TorchRuntime.Initialize();

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.01)]
    public void Fused_adam_equals_adam_written_with_torch_ops(double weightDecay)
    {
        manual_seed(3);
        var w = randn(7, 37); var m = zeros(7, 37); var v = zeros(7, 37);
        var wRef = w.clone(); var mRef = m.clone(); var vRef = v.clone();
        for (var t = 1; t <= 5; t++)
        {
            var g = randn(7, 37);
            double c1 = 1 - Math.Pow(0.9, t), c2 = 1 - Math.Pow(0.999, t);
            CpuKernels.Adam(w, m, v, g, null, new CpuKernels.AdamStep(0.9f, 0.999f, 1e-8f, (float)weightDecay, 0.01f, (float)c1, (float)c2));
            var gr = g + weightDecay * wRef;
            mRef.mul_(0.9).add_(gr, 0.1);
            vRef.mul_(0.999).addcmul_(gr, gr, 0.001);
            wRef.add_(mRef / c1 / ((vRef / c2).sqrt_().add_(1e-8)), -0.01);
        }
        Assert.InRange((w - wRef).abs().max().item<float>(), 0, 1e-6f);
        Assert.InRange((m - mRef).abs().max().item<float>(), 0, 1e-6f);
        Assert.InRange((v - vRef).abs().max().item<float>(), 0, 1e-6f);
    }

    [Fact]
    public void Tanh_is_within_3e_7_of_tanh_in_double_and_keeps_the_special_values()
    {
        // Every float step of 10⁻⁵ over [−12, 12], then the values where an approximation goes wrong first.
        var grid = Enumerable.Range(-1_200_000, 2_400_001).Select(i => i * 1e-5f).ToArray();
        var y = (float[])grid.Clone();
        CpuKernels.Tanh(y);
        var worst = grid.Select((x, i) => Math.Abs(y[i] - Math.Tanh(x))).Max();
        Assert.InRange(worst, 0, 3e-7);
        float[] special = [0f, -0f, 1e-30f, -3e-4f, 8f, 9f, 20f, -20f, float.PositiveInfinity, float.NegativeInfinity, float.NaN, float.MaxValue];
        var s = (float[])special.Clone();
        CpuKernels.Tanh(s);
        Assert.Equal(new[] { 0f, -0f, 1e-30f, -3e-4f }, s[..4]);
        Assert.True(float.IsNegative(s[1]));                                     // −0 stays −0
        Assert.InRange(Math.Abs(s[4] - Math.Tanh(8)), 0, 3e-7);
        Assert.Equal(new[] { 1f, 1f, -1f, 1f, -1f }, s[5..10]);
        Assert.True(float.IsNaN(s[10]));
        Assert.Equal(1f, s[11]);
    }

    [Fact]
    public void Tanh_of_a_value_does_not_depend_on_where_it_stands_and_matches_libtorch()
    {
        manual_seed(8);
        var x = randn(5, 301).mul(3);                       // 1,505 floats: neither chunk nor vector length divides it
        var expected = x.tanh();
        var y = x.clone();
        CpuKernels.TanhInPlace(y);
        Assert.InRange((y - expected).abs().max().item<float>(), 0, 3e-7f);
        var values = x.data<float>().ToArray(); var all = y.data<float>().ToArray();
        foreach (var at in new[] { 0, 1, 7, 300, 1500, 1504 })   // alone (the tail path) or in a row: the same float
        {
            var alone = new[] { values[at] };
            CpuKernels.Tanh(alone);
            Assert.Equal(all[at], alone[0]);
        }
    }

    [Fact]
    public void Fused_adam_on_rows_touches_only_those_rows()
    {
        manual_seed(4);
        var w = randn(6, 5); var m = zeros(6, 5); var v = zeros(6, 5); var before = w.clone();
        var g = randn(2, 5);
        CpuKernels.Adam(w, m, v, g, new long[] { 1, 4 }, new CpuKernels.AdamStep(0.9f, 0.999f, 1e-8f, 0, 0.1f, 0.1f, 0.001f));
        var changed = (w != before).any(1).data<bool>().ToArray();
        Assert.Equal(new[] { false, true, false, false, true, false }, changed);
        // First Adam step: w moves by lr·sign(g) (up to ε).
        Assert.True(allclose(w[1] - before[1], -0.1 * g[0].sign(), atol: 1e-5));
    }

    [Fact]
    public void Row_gradients_of_a_shared_layer_called_twice_equal_autograd_through_the_dense_bag()
    {
        manual_seed(5);
        using var lazy = new HashedInputLayer("lazy", 50, 8, lazy: true);
        using var dense = new HashedInputLayer("dense", 50, 8, lazy: false);
        using (no_grad()) dense.Weight.copy_(lazy.Weight);
        var rng = new Random(1);
        SparseBatch Make(int bags)
        {
            var ids = new List<long>(); var offsets = new List<long>(); var weights = new List<float>();
            for (var b = 0; b < bags; b++)
            {
                offsets.Add(ids.Count);
                for (var k = rng.Next(0, 6); k > 0; k--) { ids.Add(rng.Next(50)); weights.Add((float)(rng.NextDouble() * 2)); } // empty bags too
            }
            return new SparseBatch(ids.ToArray(), offsets.ToArray(), weights.ToArray(), bags);
        }
        var a = Make(9); var b = Make(13);
        var target = randn(13, 8);
        foreach (var layer in new[] { lazy, dense })
            (layer.forward(SparseInput.From(a, CPU)).tanh().sum() + (layer.forward(SparseInput.From(b, CPU)).tanh() * target).sum()).backward();
        var (rows, grad) = lazy.TakePending()!.Value;
        var expectedRows = a.Ids.Concat(b.Ids).Distinct().OrderBy(x => x).ToArray();
        Assert.Equal(expectedRows, rows.data<long>().ToArray());
        Assert.True(allclose(dense.Weight.grad!.index_select(0, rows), grad, rtol: 1e-5, atol: 1e-6));
        // No other row has a gradient in the dense layer.
        var others = ones(50, dtype: ScalarType.Bool).index_fill_(0, rows, false);
        Assert.Equal(0, dense.Weight.grad![others].abs().sum().item<float>());
    }

    [Theory]
    [InlineData(OptimizerKind.Adam)]
    [InlineData(OptimizerKind.Sgd)]
    public void Lazy_updates_with_weight_decay_equal_dense_updates_on_rows_touched_every_step(OptimizerKind kind)
    {
        manual_seed(12);
        using var lazy = new HashedInputLayer("lazy", 5, 4, lazy: true);
        using var dense = new HashedInputLayer("dense", 5, 4, lazy: false);
        using (no_grad()) dense.Weight.copy_(lazy.Weight);
        var lazyOpt = new Optimizer(kind, lazy.parameters().Where(p => p.requires_grad).ToList(), new[] { lazy }, weightDecay: 0.05);
        var denseOpt = new Optimizer(kind, dense.parameters().Where(p => p.requires_grad).ToList(), Array.Empty<HashedInputLayer>(), weightDecay: 0.05);
        var batch = new SparseBatch(new long[] { 0, 1, 2, 3, 4, 2 }, new long[] { 0, 3 }, new float[] { 1, 0.5f, 2, 1, 1.5f, 1 }, 2);
        for (var step = 0; step < 5; step++)
            foreach (var (layer, opt) in new[] { (lazy, lazyOpt), (dense, denseOpt) })
            {
                using var scope = NewDisposeScope();
                opt.ZeroGrad();
                layer.forward(SparseInput.From(batch, CPU)).tanh().pow(2).sum().backward();
                var grads = opt.Collect();
                Assert.True(grads.Norm() > 0);
                opt.Step(grads, 0.05);
            }
        Assert.True(allclose(lazy.Weight, dense.Weight, rtol: 1e-5, atol: 1e-6));
    }
}
