using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Models;

/// <summary>
/// The tower's one bag per window position (over W_c viewed as (3V, C)) computes what the first formulation computed: one
/// bag per word over W_c (V, 3·C), its rows (word·3 + k) gathered per window with a zero row for the padding, summed.
/// Output, gradients and one Adam step agree to float rounding, with the lazy input layer and with the dense one.
/// </summary>
public sealed class CdssmTowerTests
{
    const int V = 23, C = 4, Window = 3, Output = 3;

    public CdssmTowerTests() => TorchRuntime.Initialize();

    /// <summary>Texts of 0, 1, 2 and 5 words; a word has 0–3 ids (so some words have none) with weights in [0.5, 2).</summary>
    static ModelBatch Batch()
    {
        var rng = new Random(11);
        int[] wordsPerText = [0, 1, 2, 5];
        var ids = new List<long>(); var offsets = new List<long>(); var weights = new List<float>();
        for (var w = 0; w < wordsPerText.Sum(); w++)
        {
            offsets.Add(ids.Count);
            for (var k = rng.Next(0, 4); k > 0; k--) { ids.Add(rng.Next(1, V)); weights.Add((float)(0.5 + 1.5 * rng.NextDouble())); }
        }
        return new ModelBatch(new SparseBatch(ids.ToArray(), offsets.ToArray(), weights.ToArray(), offsets.Count), wordsPerText);
    }

    /// <summary>The first formulation: e = bag per word (W, 3·C) viewed as (3W, C); window rows gathered, zero row for padding;
    /// conv = Σ_k + bias; tanh; max over each text's positions; tanh(semantic).</summary>
    static Tensor Reference(ModelBatch batch, Tensor w, Tensor convBias, Tensor semanticWeight, Tensor semanticBias)
    {
        var words = batch.Bags.Count;
        var x = SparseInput.From(batch.Bags, CPU);
        using var bag = nn.EmbeddingBag_from_pretrained(w, freeze: false, mode: EmbeddingBagMode.Sum);
        var e = bag.forward(x.Ids, x.Offsets, x.Weights).view(words * Window, C);                  // (W·3, C)
        var padded = cat(new[] { e, zeros(1, C) });
        var windowIndex = new List<long>(); var pooled = new List<Tensor>();
        int position = 0, first = 0;
        foreach (var n in batch.WordsPerText)
        {
            for (var t = 0; t < Math.Max(n, 1); t++)
                for (var k = 0; k < Window; k++)
                {
                    var word = t + k - Window / 2;
                    windowIndex.Add(word >= 0 && word < n ? (long)(first + word) * Window + k : words * Window);
                }
            first += n;
        }
        var h = (padded.index_select(0, tensor(windowIndex.ToArray())).view(-1, Window, C).sum(1) + convBias).tanh(); // (P, C)
        foreach (var n in batch.WordsPerText) { pooled.Add(h.narrow(0, position, Math.Max(n, 1)).amax(new long[] { 0 })); position += Math.Max(n, 1); }
        return (stack(pooled).matmul(semanticWeight.t()) + semanticBias).tanh();                   // (B, Output)
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void One_bag_per_window_position_equals_the_gathered_word_windows(bool lazy)
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        using var tower = new CdssmTower("tower", V, new DssmOptions { Window = Window, Convolution = C, Output = Output, LazyInputLayer = lazy });
        var p = tower.named_parameters().ToDictionary(np => np.name, np => np.parameter);
        Assert.Equal(new long[] { V, Window * C }, p["input.bag.weight"].shape);   // the checkpoint's layout: W_c stays (V, 3·C)
        using (no_grad()) p["convBias"].uniform_(-0.5, 0.5);                     // a bias that is not zero, to be added once per position
        var names = new[] { "input.bag.weight", "convBias", "semantic.weight", "semantic.bias" };
        var reference = names.Select(n => new TorchSharp.Modules.Parameter(p[n].detach().clone())).ToArray();
        var batch = Batch();
        var target = randn(4, Output);

        var optimizer = new Optimizer(OptimizerKind.Adam, tower.parameters().Where(q => q.requires_grad).ToList(), new[] { tower.Input });
        optimizer.ZeroGrad();
        var y = tower.Forward(batch);
        (y * target).sum().backward();
        var grads = optimizer.Collect();
        var yRef = Reference(batch, reference[0], reference[1], reference[2], reference[3]);
        (yRef * target).sum().backward();

        Assert.True(allclose(yRef, y, rtol: 1e-5, atol: 1e-6));
        Assert.Equal(names.Order(), tower.named_parameters().Select(np => np.name).Order());           // the view's bag is no parameter
        for (var i = 1; i < names.Length; i++) Assert.True(allclose(reference[i].grad!, p[names[i]].grad!, rtol: 1e-5, atol: 1e-6), names[i]);
        var wGrad = reference[0].grad!.view(V * Window, C);                                            // row 3·id + k
        if (lazy)
        {
            var (rows, rowGrad) = grads.Lazy[0]!.Value;
            Assert.True(allclose(wGrad.index_select(0, rows), rowGrad, rtol: 1e-5, atol: 1e-6));
            var untouched = ones(V * Window, dtype: ScalarType.Bool).index_fill_(0, rows, false);
            Assert.Equal(0, wGrad[untouched].abs().sum().item<float>());                              // no other row has a gradient
            Assert.True(rows.shape[0] < V * Window);                                                   // and some rows were not touched
        }
        else Assert.True(allclose(reference[0].grad!, p[names[0]].grad!, rtol: 1e-5, atol: 1e-6));

        // One Adam step: the lazy update on rows of the (3V, C) view moves the same floats of W_c as dense Adam (whose
        // first step leaves a row with zero gradient where it is).
        var before = p[names[0]].detach().clone();
        optimizer.Step(grads, 0.01);
        var referenceOptimizer = new Optimizer(OptimizerKind.Adam, reference, Array.Empty<HashedInputLayer>());
        referenceOptimizer.Step(referenceOptimizer.Collect(), 0.01);
        for (var i = 0; i < names.Length; i++) Assert.True(allclose(reference[i], p[names[i]], rtol: 1e-5, atol: 1e-6), names[i]);
        Assert.False(allclose(before, p[names[0]]));                                                   // W_c did move
    }
}
