using Dssm.Research.Sampling;
using Dssm.Research.Tests.Data;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Training;

/// <summary>
/// In-batch negatives: row i's candidates are its own click, then the clicked documents of rows i+1 … i+J of the batch;
/// the mask drops a candidate that is no negative for row i. The two sources say "no negative" differently, and this
/// batch shows where they part. Four clicks, one batch, J = 3, so every row sees the other three (in any order):
/// <code>
///   A (q0, d0)   B (q0, d1)   C (q1, d1)   D (q2, d2)        positives: q0 {d0, d1}, q1 {d1}, q2 {d2}
/// </code>
/// Tables in memory (ClickSource) know every positive of a query: a candidate counts if it is not one of them.
/// A sees d1 (B), d1 (C), d2: d1 is q0's → 1 negative. B sees d0, d1, d2 → 1. C sees d0, d1 (its own), d2 → 2. D → 3.
/// A streamed pair file (PairStreamSource) knows only the rows of its block: a candidate counts if its row has another
/// query and another document. A: B has the same query, C (q1, d1) differs in both, D → 2. B: A same query, C same
/// document → 1. C: B same document → 2. D → 3. Row A is where they differ: d1 is q0's click, but in another row.
/// </summary>
public sealed class InBatchMaskTests
{
    static readonly TrainOptions InBatch = new() { Sampler = SamplerKind.InBatch, Negatives = 3, BatchSize = 4, Seed = 5 };

    /// <summary>Row (its query) → negatives the mask keeps; and every row's own click is kept.</summary>
    static Dictionary<string, int> KeptNegatives(TrainingBatch batch, TextIdFeaturizer featurizer)
    {
        var (queries, clicks) = (featurizer.Read(batch.Query), featurizer.Read(batch.Document));
        var mask = batch.Mask!;
        Assert.Equal(4 * (1 + 3), mask.Length);
        var kept = new Dictionary<string, int>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(mask[i * 4], $"row {i}: its own click is masked");
            kept[$"{queries[i]} {clicks[i]}"] = Enumerable.Range(1, 3).Count(k => mask[i * 4 + k]);
        }
        return kept;
    }

    [Fact]
    public void Tables_in_memory_drop_every_positive_of_the_query()
    {
        var data = new ClickData([("d0", "d0"), ("d1", "d1"), ("d2", "d2")], [("q0", "q0"), ("q1", "q1"), ("q2", "q2")], [(0, 0), (0, 1), (1, 1), (2, 2)]);
        var featurizer = new TextIdFeaturizer();
        var source = new ClickSource(InBatch, data,
            FeatureCache.Build(data.Documents.Select(d => d.Text).ToList(), featurizer, perWord: false),
            FeatureCache.Build(data.Queries.Select(q => q.Text).ToList(), featurizer, perWord: false), sampler: null);
        var batch = Assert.Single(source.Epoch(0, 0, 0));
        Assert.Equal(new Dictionary<string, int> { ["q0 d0"] = 1, ["q0 d1"] = 1, ["q1 d1"] = 2, ["q2 d2"] = 3 }, KeptNegatives(batch, featurizer));
    }

    [Fact]
    public void A_streamed_block_drops_the_rows_with_the_same_query_or_document()
    {
        var file = TestFiles.Write(TestFiles.TempDir(), "pairs.tsv", "1\tq0\td0\n1\tq0\td1\n1\tq1\td1\n1\tq2\td2\n");
        var featurizer = new TextIdFeaturizer();
        var source = new PairStreamSource(InBatch, new PairStream(file, ShuffleBuffer: 4), featurizer, perWord: false);
        var batch = Assert.Single(source.Epoch(0, 0, 0));
        Assert.Equal(new Dictionary<string, int> { ["q0 d0"] = 2, ["q0 d1"] = 1, ["q1 d1"] = 2, ["q2 d2"] = 3 }, KeptNegatives(batch, featurizer));
    }

    /// <summary>
    /// <see cref="TrainOptions.InBatch"/>: one score matrix, every document of the batch a candidate of every row. Same
    /// four clicks and tables, J = 0, so the batch holds the four positives d0 d1 d1 d2 (in the epoch's order) and each
    /// row's mask spans all four columns. A (q0, d0): d0 own, d1 twice a positive of q0 → 1 negative (d2). B (q0, d1):
    /// d0 and its own d1 and the other d1 are q0's → 1. C (q1, d1): the other d1 is q1's own document → 2 (d0, d2).
    /// D (q2, d2) → 3. The same counts as the cyclic mode above: every other row is a candidate here, as there with J = 3.
    /// </summary>
    [Fact]
    public void One_score_matrix_masks_every_column_that_holds_a_positive_of_the_row()
    {
        var data = new ClickData([("d0", "d0"), ("d1", "d1"), ("d2", "d2")], [("q0", "q0"), ("q1", "q1"), ("q2", "q2")], [(0, 0), (0, 1), (1, 1), (2, 2)]);
        var featurizer = new TextIdFeaturizer();
        var options = new TrainOptions { InBatch = true, Negatives = 0, BatchSize = 4, Seed = 5 };
        var source = new ClickSource(options, data,
            FeatureCache.Build(data.Documents.Select(d => d.Text).ToList(), featurizer, perWord: false),
            FeatureCache.Build(data.Queries.Select(q => q.Text).ToList(), featurizer, perWord: false), sampler: null);
        var batch = Assert.Single(source.Epoch(0, 0, 0));
        var (queries, docs) = (featurizer.Read(batch.Query), featurizer.Read(batch.Document));
        Assert.Equal(4, docs.Length);
        Assert.Equal(16, batch.Mask!.Length);
        var kept = new Dictionary<string, int>();
        for (var i = 0; i < 4; i++)
        {
            Assert.True(batch.Mask[i * 4 + i], $"row {i}: its own positive (column {i}) is masked");
            kept[$"{queries[i]} {docs[i]}"] = Enumerable.Range(0, 4).Count(c => c != i && batch.Mask[i * 4 + c]);
        }
        Assert.Equal(new Dictionary<string, int> { ["q0 d0"] = 1, ["q0 d1"] = 1, ["q1 d1"] = 2, ["q2 d2"] = 3 }, kept);
    }

    /// <summary>
    /// In-batch plus J = 1 sampled negative per row: 2 rows → 4 columns (positive, sample, positive, sample). A sampled
    /// document is guarded only against its own row's positives, so the mask must also drop it for another row whose
    /// positive it is. q0 clicked d0 and d2, q1 clicked d1; a stub sampler hands every row d2. q0's row: d0 its own,
    /// both d2 are q0's → it keeps d1 only. q1's row keeps d0 and both d2.
    /// </summary>
    [Fact]
    public void A_sampled_negative_of_another_row_that_is_a_positive_of_this_query_is_masked()
    {
        var data = new ClickData([("d0", "d0"), ("d1", "d1"), ("d2", "d2")], [("q0", "q0"), ("q1", "q1")], [(0, 0), (1, 1)], null);
        var q0Positives = (HashSet<int>)data.PositivesOf[0];
        q0Positives.Add(2);   // q0 also clicked d2, outside this epoch's clicks
        var featurizer = new TextIdFeaturizer();
        var options = new TrainOptions { InBatch = true, Negatives = 1, BatchSize = 2, Seed = 5 };
        var source = new ClickSource(options, data,
            FeatureCache.Build(data.Documents.Select(d => d.Text).ToList(), featurizer, perWord: false),
            FeatureCache.Build(data.Queries.Select(q => q.Text).ToList(), featurizer, perWord: false), new AlwaysD2());
        var batch = Assert.Single(source.Epoch(0, 0, 0));
        var (queries, docs) = (featurizer.Read(batch.Query), featurizer.Read(batch.Document));
        var row0 = Array.IndexOf(queries, "q0");
        var row1 = 1 - row0;
        string Kept(int row) => string.Join(" ", Enumerable.Range(0, 4).Where(c => c != 2 * row && batch.Mask![row * 4 + c]).Select(c => docs[c]));
        Assert.Equal("d1", Kept(row0));
        Assert.Equal("d2 d0 d2".Split(' ').Order(), Kept(row1).Split(' ').Order());
    }

    sealed class AlwaysD2 : INegativeSampler
    {
        public string Name => "always-d2";
        public void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Dssm.Research.Data.Rng rng) => destination.Fill(2);
    }
}
