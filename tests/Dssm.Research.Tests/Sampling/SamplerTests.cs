using Dssm.Research.Data;
using Dssm.Research.Sampling;

namespace Dssm.Research.Tests.Sampling;

public class SamplerTests
{
    [Fact]
    public void Random_sampler_never_returns_a_positive_or_a_repeat_and_covers_the_rest_uniformly()
    {
        var sampler = new RandomNegativeSampler(10);
        var positives = new HashSet<int> { 0, 3 };
        var counts = new int[10];
        var buffer = new int[4];
        for (var i = 0; i < 20000; i++)
        {
            sampler.Sample(0, positives, buffer, Rng.For(7, 1, i));
            Assert.Equal(4, buffer.Distinct().Count());
            foreach (var d in buffer) { Assert.DoesNotContain(d, positives); counts[d]++; }
        }
        // 8 eligible documents, 4 of them per draw: each appears in about half the draws.
        foreach (var d in Enumerable.Range(0, 10).Except(positives)) Assert.InRange(counts[d] / 20000.0, 0.47, 0.53);
    }

    [Fact]
    public void Asking_for_more_negatives_than_the_corpus_has_is_a_clear_error()
    {
        var e = Assert.Throws<ArgumentException>(() => new RandomNegativeSampler(5).Sample(0, new HashSet<int> { 1 }, new int[5], new Rng(1)));
        Assert.Contains("only 4 documents", e.Message);
    }

    [Fact]
    public void Popularity_sampler_follows_clicks_plus_one_to_the_power_three_quarters()
    {
        var clicks = new[] { 0, 15, 80, 0 };
        var sampler = new PopularNegativeSampler(clicks);
        var expected = clicks.Select(c => Math.Pow(c + 1, 0.75)).ToArray();
        var total = expected.Sum();
        var counts = new int[4];
        var one = new int[1];
        const int draws = 200000;
        for (var i = 0; i < draws; i++) { sampler.Sample(0, new HashSet<int>(), one, Rng.For(3, 2, i)); counts[one[0]]++; }
        for (var d = 0; d < 4; d++) Assert.InRange(counts[d] / (double)draws, expected[d] / total - 0.01, expected[d] / total + 0.01);
    }

    [Fact]
    public void Hard_sampler_draws_from_the_candidates_minus_positives_then_backfills()
    {
        var sampler = new Bm25NegativeSampler(new IReadOnlyList<int>[] { new[] { 4, 2, 9, 7 } }, 20);
        var buffer = new int[2];
        for (var i = 0; i < 200; i++)
        {
            sampler.Sample(0, new HashSet<int> { 2 }, buffer, Rng.For(1, 1, i));
            Assert.All(buffer, d => Assert.Contains(d, new[] { 4, 9, 7 }));
        }
        var wide = new int[5];
        sampler.Sample(0, new HashSet<int> { 2 }, wide, new Rng(4));
        Assert.Equal(new[] { 4, 9, 7 }, wide.Take(3));
        Assert.DoesNotContain(2, wide);
        Assert.Equal(5, wide.Distinct().Count());
        Assert.Equal(2, sampler.Backfilled);
    }
}
