using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>The shapes of the benchmark's synthetic workloads (the peers build the same); the figures it prints are not tested.</summary>
public class ThroughputBenchmarkTests
{
    public ThroughputBenchmarkTests() => TorchRuntime.Initialize();

    static readonly ThroughputBenchmarkOptions Tiny = new()
    {
        Vocabulary = 50, Batch = 3, Negatives = 2, IdsPerText = 6, WordsPerText = 4, IdsPerWord = 2,
        Steps = 2, Warmup = 1, EncodeTexts = 5, EncodeCalls = 1,
        Towers = new DssmOptions { Hidden = new[] { 8, 8 }, Output = 4, Convolution = 8 },
    };

    [Fact]
    public void Cdssm_texts_are_word_bags_of_fixed_length_and_sampled_negatives_give_b_times_1_plus_j_documents()
    {
        var (queries, documents) = ThroughputBenchmark.Pool(Tiny with { Model = ModelKind.Cdssm })[0];
        Assert.Equal(new[] { 4, 4, 4 }, queries.WordsPerText);
        Assert.Equal(3 * 4, queries.Bags.Count);          // one bag per word
        Assert.Equal(3 * 4 * 2, queries.Bags.NonZeros);   // 2 ids a word
        Assert.Equal(3 * (1 + 2), documents.Texts);        // B·(1+J)
        Assert.Equal(9 * 4, documents.Bags.Count);
        Assert.All(queries.Bags.Ids.Concat(documents.Bags.Ids), id => Assert.InRange(id, 1, 49));   // id 0 (unknown) never drawn
    }

    [Fact]
    public void In_batch_draws_one_clicked_document_per_query()
    {
        var (queries, documents) = ThroughputBenchmark.Pool(Tiny with { Sampler = SamplerKind.InBatch })[0];
        Assert.Equal(3, queries.Texts);
        Assert.Equal(3, documents.Texts);
        Assert.Equal(new[] { 1, 1, 1 }, documents.WordsPerText);   // DSSM: one bag per text
        Assert.Equal(3 * 6, documents.Bags.NonZeros);
    }

    [Fact]
    public void The_same_options_draw_the_same_batches()
    {
        var a = ThroughputBenchmark.Pool(Tiny with { Model = ModelKind.Cdssm });
        var b = ThroughputBenchmark.Pool(Tiny with { Model = ModelKind.Cdssm });
        Assert.Equal(a[7].Documents.Bags.Ids, b[7].Documents.Bags.Ids);
        Assert.NotEqual(a[0].Documents.Bags.Ids, a[1].Documents.Bags.Ids);
    }

    [Theory]
    [InlineData(ModelKind.Dssm, SamplerKind.Random)]
    [InlineData(ModelKind.Dssm, SamplerKind.InBatch)]
    [InlineData(ModelKind.Cdssm, SamplerKind.Random)]
    [InlineData(ModelKind.Cdssm, SamplerKind.InBatch)]
    public void Every_workload_trains_to_a_finite_loss(ModelKind model, SamplerKind sampler)
    {
        var r = ThroughputBenchmark.Run(Tiny with { Model = model, Sampler = sampler });
        Assert.True(double.IsFinite(r.FinalLoss) && r.FinalLoss > 0, $"loss {r.FinalLoss}");
        Assert.Equal(model == ModelKind.Cdssm, r.WindowsMilliseconds > 0);
    }

    [Fact]
    public void The_peers_nnz_is_ids_per_text_for_dssm_and_per_word_for_cdssm()
    {
        var cdssm = new ThroughputBenchmarkOptions { Model = ModelKind.Cdssm }.WithIdsPerBag(7);
        Assert.Equal((7, 30), (cdssm.IdsPerWord, cdssm.IdsPerText));
        var dssm = new ThroughputBenchmarkOptions().WithIdsPerBag(7);
        Assert.Equal((5, 7), (dssm.IdsPerWord, dssm.IdsPerText));
        var defaults = new ThroughputBenchmarkOptions();
        Assert.Same(defaults, defaults.WithIdsPerBag(null));
    }

    [Fact]
    public void Samplers_without_a_synthetic_counterpart_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => ThroughputBenchmark.Pool(Tiny with { Sampler = SamplerKind.Bm25 }));
        Assert.Contains("random or inbatch", e.Message);
    }
}
