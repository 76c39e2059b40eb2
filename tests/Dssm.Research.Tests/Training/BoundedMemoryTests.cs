using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;

namespace Dssm.Research.Tests.Training;

/// <summary>
/// What keeps memory bounded as the corpus grows, and that none of it changes the numbers where it does not apply:
/// feature tables streamed past their budget give the bags a cache gives, and the same run; pseudo-queries past their
/// limit are a seeded subset; the dev evaluator past its limits ranks a sample that keeps every relevant document.
/// </summary>
public sealed class BoundedMemoryTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-bounded-" + Guid.NewGuid().ToString("N"));
    public BoundedMemoryTests() => TorchRuntime.Initialize();
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    [Fact]
    public void A_tensor_file_round_trips_layers_larger_than_one_piece_bit_for_bit()
    {
        // Saved and loaded a piece (2^20 floats) at a time from libtorch's own memory; 2.5 pieces and a scalar.
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, "t.bin");
        using var big = TorchSharp.torch.randn(1_310_720 * 2, generator: new TorchSharp.torch.Generator(7)).reshape(2_621_440 / 5, 5);
        using var scalar = TorchSharp.torch.tensor(3.25f);
        using var steps = TorchSharp.torch.tensor(new long[] { 12, -1 });
        TensorFile.Save(path, new Dictionary<string, TorchSharp.torch.Tensor> { ["w"] = big, ["s"] = scalar, ["steps"] = steps });
        var loaded = TensorFile.Load(path);
        Assert.Equal(big.shape, loaded["w"].shape);
        Assert.True(loaded["w"].eq(big).all().item<bool>());
        Assert.Equal(3.25f, loaded["s"].item<float>());
        Assert.Equal([12L, -1L], loaded["steps"].data<long>().ToArray());
        foreach (var t in loaded.Values) t.Dispose();
    }

    [Fact]
    public void The_long_loops_collect_their_garbage_every_256_MB()
    {
        // What the loops call: after GarbageBound.Bytes allocated, a full collection; before, none is forced.
        var full = GC.CollectionCount(GC.MaxGeneration);
        long kept = 0;
        for (var allocated = 0L; allocated <= 2 * GarbageBound.Bytes; allocated += 1 << 20)
        {
            kept += new byte[1 << 20].Length;   // a megabyte of garbage at a time
            GarbageBound.Check();
        }
        Assert.True(GC.CollectionCount(GC.MaxGeneration) > full, "no full collection after twice the bound was allocated");
        Assert.Equal(2 * GarbageBound.Bytes + (1 << 20), kept);
    }

    /// <summary>A list that is not an <see cref="IList{T}"/> (as a corpus's texts made on reading) and counts the items it makes.</summary>
    sealed class MadeOnRead(int count) : IReadOnlyList<string>
    {
        public int Made { get; private set; }
        public int Count => count;
        public string this[int index] { get { Made++; return $"text {index}"; } }
        public IEnumerator<string> GetEnumerator() { for (var i = 0; i < count; i++) yield return this[i]; }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    [Fact]
    public void A_batch_of_a_list_made_on_reading_makes_only_its_own_items()
    {
        var list = new MadeOnRead(1000);
        _ = list.Skip(900).Take(10).ToArray();
        Assert.Equal(910, list.Made);                      // LINQ walks from the first item: a loop of batches is quadratic
        var made = list.Made;
        Assert.Equal(["text 900", "text 901"], list.Slice(900, 2));
        Assert.Equal(2, list.Made - made);
        Assert.Equal(["text 999"], list.Slice(999, 10));   // clipped at the end
        Assert.Empty(list.Slice(1000, 10));
    }

    static readonly string[] Texts =
    [
        "copy files and directories", "move (rename) files", "", "list directory contents", "Ünïcode wörds and 中文分词",
        "remove files or directories", "print lines matching a pattern", "concatenate files and print on the standard output",
    ];

    static WordHasher Hasher() => WordHasher.Fit(Texts, new WordHashingOptions { WordUnigrams = true, ChineseCharacters = true });

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_table_past_its_budget_is_streamed_and_gathers_the_same_bags(bool perWord)
    {
        var hasher = Hasher();
        var cached = FeatureCache.Build(Texts, hasher, perWord);
        var streamed = FeatureCache.Build(Texts, hasher, perWord, budgetBytes: cached.Bytes - 1);
        Assert.False(cached.Streamed);
        Assert.True(streamed.Streamed);
        Assert.Equal(0, streamed.Bytes);
        Assert.False(FeatureCache.Build(Texts, hasher, perWord, budgetBytes: cached.Bytes).Streamed);
        int[] chosen = [4, 0, 2, 7, 0, 5];   // repeats and the empty text included
        var a = cached.Gather(chosen); var b = streamed.Gather(chosen);
        Assert.Equal(a.WordsPerText, b.WordsPerText);
        Assert.Equal(a.Bags.Count, b.Bags.Count);
        Assert.Equal(a.Bags.Offsets, b.Bags.Offsets);
        Assert.Equal(a.Bags.Ids, b.Bags.Ids);
        Assert.Equal(a.Bags.Weights, b.Bags.Weights);
        Assert.True(a.Bags.NonZeros > 20);
    }

    [Fact]
    public void Blocks_of_the_cache_gather_across_their_boundary()
    {
        var texts = Enumerable.Range(0, FeatureCache.Block + 5).Select(i => $"text number {i} of {i % 7} words").ToList();
        var hasher = WordHasher.Fit(texts, new WordHashingOptions());
        var cache = FeatureCache.Build(texts, hasher, perWord: false);
        int[] chosen = [FeatureCache.Block - 1, FeatureCache.Block, FeatureCache.Block + 4, 0];
        var gathered = cache.Gather(chosen);
        var direct = hasher.Featurize(chosen.Select(i => texts[i]).ToList());
        Assert.Equal(direct.Ids, gathered.Bags.Ids);
        Assert.Equal(direct.Offsets, gathered.Bags.Offsets);
        Assert.Equal(direct.Weights, gathered.Bags.Weights);
    }

    [Fact]
    public void A_run_with_streamed_tables_logs_what_the_cached_run_logs()
    {
        var options = new TrainOptions
        {
            Towers = new DssmOptions { Hidden = [32], Output = 16 },
            BatchSize = 16, Epochs = 2, LearningRate = 0.01, Patience = 0, LogEverySteps = 1, Device = DeviceChoice.Cpu,
            InBatch = true, Negatives = 2, Sampler = Dssm.Research.Sampling.SamplerKind.Random,
        };
        string Run(TrainOptions o, string name)
        {
            var data = SyntheticClicks.Make();
            using var trainer = new Trainer(o, data, new TestFeaturizer(), new Top1Evaluator(data));
            Assert.Equal(o.FeatureCacheMb == 0, trainer.Documents.Streamed);
            Assert.Equal(o.FeatureCacheMb == 0, trainer.Queries.Streamed);
            return trainer.Run(Path.Combine(root, name)).RunDirectory;
        }
        var cached = Deterministic(Run(options, "cached"));
        var streamed = Deterministic(Run(options with { FeatureCacheMb = 0 }, "streamed"));
        Assert.True(cached.Length > 10);
        Assert.Equal(cached, streamed);
    }

    static readonly BeirDocument[] Pages = Enumerable.Range(0, 40)
        .Select(i => new BeirDocument($"p{i}", $"page {i}", $"The first sentence of page {i} is here. A second one follows it now. And a third one ends page {i}."))
        .ToArray();

    [Fact]
    public void Pseudo_queries_under_their_limit_are_unchanged_and_past_it_a_seeded_subset()
    {
        var all = PseudoQueries.Make(PseudoQueryKind.Ict, Pages, 3, seed: 7);
        Assert.Equal(120, all.Count);
        Assert.Equal(all, PseudoQueries.Make(PseudoQueryKind.Ict, Pages, 3, seed: 7, limit: 120));
        var some = PseudoQueries.Make(PseudoQueryKind.Ict, Pages, 3, seed: 7, limit: 50);
        Assert.Equal(50, some.Count);
        Assert.Equal(some, PseudoQueries.Make(PseudoQueryKind.Ict, Pages, 3, seed: 7, limit: 50));
        Assert.NotEqual(some, PseudoQueries.Make(PseudoQueryKind.Ict, Pages, 3, seed: 8, limit: 50));
        Assert.All(some, p => Assert.Contains(p, all));
        Assert.Equal(some.OrderBy(p => p.Document).ToList(), some);
        Assert.True(some.Select(p => p.Document).Distinct().Count() >= 17, "the limit is filled from many documents, not the first ones");
        Assert.Contains(some, p => p.Document >= 20);
    }

    [Fact]
    public void The_dev_evaluator_past_its_limits_ranks_a_sample_that_keeps_the_relevant_documents()
    {
        var documents = Enumerable.Range(0, 300).Select(i => $"d{i}").ToList();
        var queries = Enumerable.Range(0, 60).Select(i => $"q{i}").ToList();
        var qrels = new Qrels();
        for (var i = 0; i < 50; i++) qrels.Add($"q{i}", $"d{i * 5}", 1);   // q50–q59 unjudged
        var full = new RankingDevEvaluator(qrels, documents, queries);
        Assert.False(full.Sampled);
        Assert.Equal((50, 300), (full.Queries, full.Documents));
        Assert.False(new RankingDevEvaluator(qrels, documents, queries, queriesLimit: 50, documentsLimit: 300).Sampled);

        var sampled = new RankingDevEvaluator(qrels, documents, queries, queriesLimit: 20, documentsLimit: 100, seed: 3);
        Assert.True(sampled.Sampled);
        Assert.Equal((20, 100), (sampled.Queries, sampled.Documents));
        var again = new RankingDevEvaluator(qrels, documents, queries, queriesLimit: 20, documentsLimit: 100, seed: 3);
        var texts = documents.Select(d => $"page {d} words").ToList();
        var hasher = WordHasher.Fit(texts.Concat(queries), new WordHashingOptions());
        using var model = ModelFactory.Create(ModelKind.Dssm, hasher.Dimension, new DssmOptions { Hidden = [8], Output = 4 }, seed: 1);
        var docTable = FeatureCache.Build(texts, hasher, perWord: false);
        var queryTable = FeatureCache.Build(queries, hasher, perWord: false);
        Assert.Equal(sampled.Evaluate(model, docTable, queryTable), again.Evaluate(model, docTable, queryTable));
        var run = sampled.Rank(model, docTable, queryTable);
        Assert.Equal(20, run.QueryIds.Count);
        var ranked = run.QueryIds.SelectMany(q => run.Ranked(q).Select(h => h.DocId)).ToHashSet();
        Assert.True(ranked.Count <= 100);
        foreach (var q in run.QueryIds) Assert.Contains(qrels.Relevant(q).Single(), ranked);   // each query's relevant page is in its sample
    }
}
