using CsCheck;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>The no-duplicates batch order (sentence-transformers' NoDuplicatesBatchSampler): worked examples and the source that uses it.</summary>
public sealed class NoDuplicateBatchesTests
{
    [Fact]
    public void A_clashing_example_waits_for_the_next_batch()
    {
        // The doc comment's example: a = (d0, q0), b = (d0, q1), c = (d1, q2), d = (d2, q3); batch 2.
        // Batch 1 takes a, skips b (d0 is there), takes c; batch 2 takes b and d.
        var keys = new[] { (0, 0), (0, 1), (1, 2), (2, 3) };
        var (batches, leftOut) = NoDuplicateBatches.Plan([0, 1, 2, 3], 2, e => keys[e]);
        Assert.Equal([[0, 2], [1, 3]], batches);
        Assert.Equal(0, leftOut);
    }

    [Fact]
    public void A_text_with_more_examples_than_batches_leaves_the_rest_out_and_counts_them()
    {
        // Five examples, all of document 0, batch 2: ⌈5 / 2⌉ = 3 batches of one example each; two are left out.
        var (batches, leftOut) = NoDuplicateBatches.Plan([0, 1, 2, 3, 4], 2, e => (0, e));
        Assert.Equal([[0], [1], [2]], batches);
        Assert.Equal(2, leftOut);
    }

    /// <summary>The sampler as written first (each batch rescans every example left), the reference for the linear one.</summary>
    static (List<int[]> Batches, int LeftOut) RescanEverything(IReadOnlyList<int> order, int batchSize, Func<int, (int, int)> keys)
    {
        var batchCount = (order.Count + batchSize - 1) / batchSize;
        var remaining = new List<int>(order);
        var batches = new List<int[]>();
        while (batches.Count < batchCount && remaining.Count > 0)
        {
            var (documents, queries) = (new HashSet<int>(), new HashSet<int>());
            var batch = new List<int>(); var waiting = new List<int>();
            foreach (var example in remaining)
            {
                var (d, q) = keys(example);
                if (batch.Count == batchSize || documents.Contains(d) || queries.Contains(q)) { waiting.Add(example); continue; }
                documents.Add(d); queries.Add(q); batch.Add(example);
            }
            batches.Add(batch.ToArray());
            remaining = waiting;
        }
        return (batches, remaining.Count);
    }

    [Fact]
    public void The_plan_equals_rescanning_every_example_left_for_each_batch()
    {
        // Few distinct texts force long waits and left-out examples; many give the common case.
        Gen.Select(Gen.Int[1, 300], Gen.Int[1, 40], Gen.Select(Gen.Int[1, 60], Gen.Int[1, 60]), Gen.Int)
            .Sample((n, batch, texts, seed) =>
            {
                var (docs, queries) = texts;
                var rng = new Random(seed);
                var keys = Enumerable.Range(0, n).Select(_ => (rng.Next(docs), rng.Next(queries))).ToArray();
                var order = Enumerable.Range(0, n).OrderBy(_ => rng.Next()).ToArray();
                var (expected, expectedLeftOut) = RescanEverything(order, batch, e => keys[e]);
                var (actual, leftOut) = NoDuplicateBatches.Plan(order, batch, e => keys[e]);
                return leftOut == expectedLeftOut && actual.Count == expected.Count && actual.Zip(expected).All(p => p.First.SequenceEqual(p.Second));
            }, iter: 300);
    }

    [Fact]
    public void Texts_that_differ_only_in_case_and_spaces_share_an_id()
    {
        Assert.Equal([0, 1, 0, 2], NoDuplicateBatches.TextIds(["Copy files", "move files", " copy FILES ", "copy file"]));
    }

    /// <summary>
    /// Two query ids with one text ("ls") clicked on different pages: in one batch, each would be the other's false
    /// negative, which the positive mask cannot see (different ids). The no-duplicates order never puts them together,
    /// whatever the seed; the plain order does for some seed.
    /// </summary>
    [Fact]
    public void No_batch_holds_one_query_text_twice()
    {
        var docs = Enumerable.Range(0, 8).Select(i => ($"d{i}", $"page {i}")).ToList();
        var queries = Enumerable.Range(0, 8).Select(i => ($"q{i}", i < 2 ? "ls" : $"query {i}")).ToList();
        var data = new ClickData(docs, queries, Enumerable.Range(0, 8).Select(i => (i, i)).ToList());
        var featurizer = new TextIdFeaturizer();
        bool Together(TrainOptions options) => Enumerable.Range(0, 20).Any(epoch =>
        {
            var source = new ClickSource(options, data,
                FeatureCache.Build(docs.Select(d => d.Item2).ToList(), featurizer, perWord: false),
                FeatureCache.Build(queries.Select(q => q.Item2).ToList(), featurizer, perWord: false), sampler: null);
            return source.Epoch(epoch, 0, 0).Any(b => featurizer.Read(b.Query).Count(q => q == "ls") > 1);
        });
        var inBatch = new TrainOptions { InBatch = true, Negatives = 0, BatchSize = 4, Seed = 3 };
        Assert.True(Together(inBatch), "the plain order never put the two 'ls' queries in one batch: the test shows nothing");
        Assert.False(Together(inBatch with { NoDuplicates = true }));
    }

    [Fact]
    public void Resuming_at_a_step_gives_the_remaining_batches_of_the_uninterrupted_epoch()
    {
        var docs = Enumerable.Range(0, 5).Select(i => ($"d{i}", $"page {i}")).ToList();
        var queries = Enumerable.Range(0, 30).Select(i => ($"q{i}", $"query {i}")).ToList();
        var data = new ClickData(docs, queries, Enumerable.Range(0, 30).Select(i => (i, i % 5)).ToList());
        var featurizer = new TextIdFeaturizer();
        var source = new ClickSource(new TrainOptions { InBatch = true, Negatives = 0, BatchSize = 4, Seed = 9, NoDuplicates = true }, data,
            FeatureCache.Build(docs.Select(d => d.Item2).ToList(), featurizer, perWord: false),
            FeatureCache.Build(queries.Select(q => q.Item2).ToList(), featurizer, perWord: false), sampler: null);
        string Show(TrainingBatch b) => string.Join(",", featurizer.Read(b.Query));
        var whole = source.Epoch(2, 0, 0).Select(Show).ToList();
        Assert.Equal(8, whole.Count);   // ⌈30 / 4⌉
        Assert.Equal(whole.Skip(3), source.Epoch(2, 3, 3).Select(Show));
        Assert.All(source.Epoch(2, 0, 0), b => Assert.Equal(b.Queries, featurizer.Read(b.Document).Distinct().Count()));
        // 5 documents, 6 clicks each, 8 batches: each document fits at most once per batch, so nothing is left out.
        Assert.Equal(0, source.LeftOut(2));
    }
}
