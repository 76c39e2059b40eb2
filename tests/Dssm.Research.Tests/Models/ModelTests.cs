using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Tests.Training;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Models;

public class ModelTests
{
    public ModelTests() => TorchRuntime.Initialize();

    static ModelBatch Batch(ITextFeaturizer f, bool perWord, params string[] texts) =>
        FeatureCache.Build(texts, f, perWord).Gather(Enumerable.Range(0, texts.Length).ToArray());

    [Fact]
    public void Dssm_maps_each_text_to_a_128_d_vector_in_minus_one_to_one()
    {
        using var scope = NewDisposeScope();
        var f = new TestFeaturizer();
        using var model = new DssmModel(f.Dimension, new DssmOptions());
        var y = model.Forward(Batch(f, false, "cheap flights", "", "low cost airfare to paris"), TextSide.Document);
        Assert.Equal(new long[] { 3, 128 }, y.shape);
        Assert.True(y.abs().max().item<float>() <= 1);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Encoding_without_autograd_overwrites_only_its_own_tensors_and_gives_the_training_forward(bool lazy)
    {
        using var scope = NewDisposeScope();
        var f = new TestFeaturizer();
        using var model = new DssmModel(f.Dimension, new DssmOptions { LazyInputLayer = lazy });
        var batch = Batch(f, false, "cheap flights", "", "low cost airfare to paris", "cheap flights");
        var before = model.StateDict().ToDictionary(p => p.Key, p => p.Value.clone());
        var trained = model.Forward(batch, TextSide.Document).detach().clone();
        model.InputLayers[0].TakePending();
        model.InputLayers[1].TakePending();
        Tensor encoded;
        using (no_grad()) encoded = model.Forward(batch, TextSide.Document);
        Assert.True(encoded.allclose(trained, rtol: 0, atol: 1e-6), "in-place encoding differs from the training forward");
        foreach (var (name, value) in model.StateDict())
            Assert.True(value.equal(before[name]).all().item<bool>(), $"{name} changed by encoding");
    }

    [Fact]
    public void Shared_towers_encode_both_sides_identically_and_separate_towers_do_not()
    {
        using var scope = NewDisposeScope();
        var f = new TestFeaturizer();
        var batch = Batch(f, false, "good morning");
        using var shared = new DssmModel(f.Dimension, new DssmOptions { SharedTowers = true });
        Assert.Equal(shared.Forward(batch, TextSide.Query).data<float>().ToArray(), shared.Forward(batch, TextSide.Document).data<float>().ToArray());
        using var separate = new DssmModel(f.Dimension, new DssmOptions());
        Assert.NotEqual(separate.Forward(batch, TextSide.Query).data<float>().ToArray(), separate.Forward(batch, TextSide.Document).data<float>().ToArray());
        Assert.Equal(2, separate.InputLayers.Count);
    }

    [Fact]
    public void Paper_initialisation_bounds_weights_by_sqrt_6_over_fan_in_plus_fan_out()
    {
        using var model = new DssmModel(1000, new DssmOptions { Hidden = new[] { 300, 300 } });
        var limit = Math.Sqrt(6.0 / (1000 + 300));
        var w = model.InputLayers[0].Weight;
        Assert.True(w.abs().max().item<float>() <= limit + 1e-6);
        Assert.True(w.abs().max().item<float>() > 0.9 * limit);
    }

    [Fact]
    public void Cdssm_gives_one_vector_per_text_including_empty_and_one_word_texts()
    {
        using var scope = NewDisposeScope();
        var f = new TestFeaturizer();
        using var model = new CdssmModel(f.Dimension, new DssmOptions());
        var y = model.Forward(Batch(f, true, "a b c d e", "", "single", "two words"), TextSide.Query);
        Assert.Equal(new long[] { 4, 128 }, y.shape);
        Assert.True(y.isfinite().all().item<bool>());
    }

    [Fact]
    public void Cdssm_is_sensitive_to_word_order_and_dssm_is_not()
    {
        using var scope = NewDisposeScope();
        var f = new TestFeaturizer();
        using var cdssm = new CdssmModel(f.Dimension, new DssmOptions());
        using var dssm = new DssmModel(f.Dimension, new DssmOptions());
        var a = Batch(f, true, "new york hotel cheap"); var b = Batch(f, true, "cheap hotel york new");
        Assert.NotEqual(cdssm.Forward(a, TextSide.Query).data<float>().ToArray(), cdssm.Forward(b, TextSide.Query).data<float>().ToArray());
        var a1 = Batch(f, false, "new york hotel cheap"); var b1 = Batch(f, false, "cheap hotel york new");
        var ya = dssm.Forward(a1, TextSide.Query).data<float>().ToArray(); var yb = dssm.Forward(b1, TextSide.Query).data<float>().ToArray();
        for (var i = 0; i < ya.Length; i++) Assert.True(Math.Abs(ya[i] - yb[i]) < 1e-5, $"{ya[i]} vs {yb[i]}"); // same bag, summation order may differ
    }

    [Fact]
    public void Lazy_input_layer_computes_the_same_forward_and_gradient_as_the_dense_one()
    {
        using var scope = NewDisposeScope();
        manual_seed(5);
        using var lazy = new HashedInputLayer("lazy", 20, 4, lazy: true);
        using var dense = new HashedInputLayer("dense", 20, 4, lazy: false);
        using (no_grad()) dense.Weight.copy_(lazy.Weight);
        var batch = new Dssm.Research.Text.SparseBatch(new long[] { 1, 3, 3, 7, 1 }, new long[] { 0, 3 }, new float[] { 1, 2, 1, 0.5f, 1 }, 2);
        var x = SparseInput.From(batch, CPU);
        var yl = lazy.forward(x); var yd = dense.forward(x);
        Assert.Equal(yd.data<float>().ToArray(), yl.data<float>().ToArray());
        yl.sum().backward(); yd.sum().backward();
        var (rows, grad) = lazy.TakePending()!.Value;
        Assert.Equal(new long[] { 1, 3, 7 }, rows.data<long>().ToArray());
        var denseGrad = dense.Weight.grad!.index_select(0, rows);
        Assert.Equal(denseGrad.data<float>().ToArray(), grad.data<float>().ToArray());
    }
}
