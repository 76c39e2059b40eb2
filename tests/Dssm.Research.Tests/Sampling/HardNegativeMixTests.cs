using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Sampling;

/// <summary>BM25-hard negatives mixed with random ones by a ratio, and the guards that keep likely false negatives out of the pool.</summary>
public sealed class HardNegativeMixTests
{
    [Fact]
    public void The_ratio_is_the_share_of_negatives_drawn_from_the_pool()
    {
        // Corpus of 100, pool {1, 2, 3, 4, 5} for query 0: a negative from the pool is a document 1–5.
        // Ratio 0.5, J = 4: 2 of 4 from the pool each draw; the random half lands in 1–5 with p ≈ 3/95 per slot.
        var sampler = new Bm25NegativeSampler([[1, 2, 3, 4, 5]], 100, hardRatio: 0.5);
        var buffer = new int[4];
        var fromPool = 0;
        const int draws = 2000;
        for (var i = 0; i < draws; i++)
        {
            sampler.Sample(0, new HashSet<int> { 0 }, buffer, Rng.For(3, 1, i));
            Assert.Equal(4, buffer.Distinct().Count());
            Assert.DoesNotContain(0, buffer);
            fromPool += buffer.Count(d => d is >= 1 and <= 5);
        }
        var share = fromPool / (4.0 * draws);
        Assert.InRange(share, 0.5, 0.54);   // 0.5 + 0.5 · (≈ 3/95): the random half rarely hits the pool
        var none = new Bm25NegativeSampler([[1, 2, 3, 4, 5]], 100, hardRatio: 0);
        var hits = 0;
        for (var i = 0; i < draws; i++) { none.Sample(0, new HashSet<int> { 0 }, buffer, Rng.For(3, 1, i)); hits += buffer.Count(d => d is >= 1 and <= 5); }
        Assert.InRange(hits / (4.0 * draws), 0, 0.08);   // uniform: 5/99 ≈ 0.05
    }

    [Fact]
    public void Candidates_scoring_near_the_positive_or_copying_it_are_skipped_and_counted()
    {
        // Query "rsync remote copy"; the positive d0 and three others. BM25 (plain words):
        //  d1 is d0 with one word changed: Jaccard 4/6 < 0.9, but it scores about as the positive → above the 0.95 margin.
        //  d2 is d0's words reordered: Jaccard 1 → a near duplicate (it also scores as the positive; the margin sees it first).
        //  d3 mentions "copy" only: far below the positive → kept.
        string[] docs = ["rsync remote copy tool fast", "rsync remote copy tool slow", "fast tool copy remote rsync", "copy a file", "unrelated page text"];
        var options = new TrainOptions { Sampler = SamplerKind.Bm25, HardNegativeAnalyzer = AnalyzerKind.Plain, Hashing = new() { Tokenizer = TokenizerKind.English } };
        var (pools, counts) = HardNegativePools.Build(docs, ["rsync remote copy"], [new HashSet<int> { 0 }], options);
        Assert.Equal([3], pools[0]);
        Assert.Equal(3, counts.Candidates);
        Assert.Equal(2, counts.AboveMargin);
        Assert.Equal(0, counts.NearDuplicates);
        // Margin off: the reordered copy is caught by the near-duplicate guard instead; the changed word passes.
        var (open, counted) = HardNegativePools.Build(docs, ["rsync remote copy"], [new HashSet<int> { 0 }], options with { HardNegativeMargin = 0 });
        Assert.Equal([1, 3], open[0].Order());
        Assert.Equal(1, counted.NearDuplicates);
    }

    [Fact]
    public void Jaccard_of_word_sets_by_hand()
    {
        // {a, b, c} and {b, c, d}: 2 shared of 4 → 0.5.
        Assert.Equal(0.5, HardNegativePools.Jaccard(new HashSet<string> { "a", "b", "c" }, new HashSet<string> { "b", "c", "d" }));
    }
}
