using Dssm.Research.Evaluation;

namespace Dssm.Research.Tests.Evaluation;

/// <summary>The paired tests of <c>dssm compare</c> on cases small enough to work out by hand.</summary>
public class SignificanceTests
{
    [Fact]
    public void Exact_randomization_p_counts_the_sign_flips_at_least_as_extreme()
    {
        // d = (1, 1, 1, −1): Σ = 2. The 16 flips give Σ = ±1 ± 1 ± 1 ± 1: 4 once, 2 four times, 0 six times,
        // −2 four times, −4 once; |Σ| ≥ 2 in 1 + 4 + 4 + 1 = 10 of 16.
        Assert.Equal(10 / 16.0, RandomizationTest.TwoSided([1, 1, 1, -1], 10_000, seed: 1, out var exact));
        Assert.True(exact);
        // d = (0.1, 0.2, 0.3, 0.4): Σ = 1.0 is reached only by all + or all −: 2 of 16.
        Assert.Equal(2 / 16.0, RandomizationTest.TwoSided([0.1, 0.2, 0.3, 0.4], 10_000, seed: 1, out _));
    }

    [Fact]
    public void A_difference_of_zero_everywhere_gives_p_1_exact_or_sampled()
    {
        Assert.Equal(1.0, RandomizationTest.TwoSided([0, 0, 0], 10_000, 7, out var exact));
        Assert.True(exact);
        // 40 queries: 2^40 > 10,000, so sampled; every draw ties the observed 0: (10,000 + 1) / (10,000 + 1).
        Assert.Equal(1.0, RandomizationTest.TwoSided(new double[40], 10_000, 7, out exact));
        Assert.False(exact);
    }

    [Fact]
    public void A_sampled_p_counts_the_observed_assignment_so_it_is_never_0()
    {
        // 40 queries, each +1: only the two all-same-sign flips (chance 2^−39 per draw) reach |Σ| = 40, so no draw
        // does and p = (0 + 1) / (10,000 + 1).
        Assert.Equal(1 / 10_001.0, RandomizationTest.TwoSided(Enumerable.Repeat(1.0, 40).ToArray(), 10_000, 11, out var exact));
        Assert.False(exact);
    }

    [Fact]
    public void Sampled_p_is_seeded_and_close_to_the_exact_one()
    {
        // 14 queries: 2^14 = 16,384 flips. With a budget of 16,384 they are enumerated (exact); with 10,000 sampled.
        double[] d = [0.12, -0.05, 0.3, 0.02, 0.08, -0.1, 0.2, 0.0, 0.15, -0.02, 0.05, 0.1, -0.07, 0.04];
        var exact = RandomizationTest.TwoSided(d, 16_384, 0, out var wasExact);
        Assert.True(wasExact);
        var a = RandomizationTest.TwoSided(d, 10_000, 3, out wasExact);
        Assert.False(wasExact);
        Assert.Equal(a, RandomizationTest.TwoSided(d, 10_000, 3, out _));          // same seed, same p
        Assert.NotEqual(a, RandomizationTest.TwoSided(d, 10_000, 4, out _));       // another seed draws other flips
        Assert.InRange(a - exact, -0.02, 0.02);                                     // binomial sd ≈ 0.003 at N = 10,000
    }

    [Fact]
    public void Paired_t_test_matches_the_t_distribution()
    {
        // d = (1, 2, 3, 4): mean 2.5, sd √(5/3), t = 2.5 / (√(5/3) / 2) = √15 = 3.8730, df 3;
        // two-sided p = 0.030466 (scipy.stats.ttest_rel; tables: t(0.975, 3) = 3.182 < t < t(0.99, 3) = 4.541).
        var (t, df, p) = PairedTTest.TwoSided([1, 2, 3, 4]);
        Assert.Equal(Math.Sqrt(15), t, 12);
        Assert.Equal(3, df);
        Assert.Equal(0.030466291662170977, p, 9);
        // d = (x, 0, 0): mean x/3, sd x/√3, t = 1 for any x; on 2 df p = 1 − 1/√3 = 0.4226497 (t with 2 df has a closed-form CDF).
        Assert.Equal(0.42264973081037427, PairedTTest.TwoSided([0.3, 0, 0]).P, 9);
        Assert.Equal((0, 4, 1), PairedTTest.TwoSided([0, 0, 0, 0, 0]));
        Assert.True(double.IsNaN(PairedTTest.TwoSided([0.5]).P));
    }

    [Fact]
    public void Comparison_counts_wins_ties_losses_and_tests_the_differences()
    {
        // A = (0.5, 0.4, 0.9, 0.1, 0.3), B = (0.2, 0.4, 0.6, 0.3, 0.0): d = (0.3, 0, 0.3, −0.2, 0.3), Σ = 0.7.
        // Wins 3, tie 1, loss 1. Exact p: the zero flips to itself (×2); of the 16 flips of (0.3, 0.3, 0.3, −0.2),
        // |Σ| ≥ 0.7 for ±(0.9 + 0.2), ±(0.9 − 0.2): 4 → p = 8 / 32 = 0.25. Paired t: p = 0.245492 (scipy ttest_rel).
        var a = new Dictionary<string, double> { ["q1"] = 0.5, ["q2"] = 0.4, ["q3"] = 0.9, ["q4"] = 0.1, ["q5"] = 0.3 };
        var b = new Dictionary<string, double> { ["q1"] = 0.2, ["q2"] = 0.4, ["q3"] = 0.6, ["q4"] = 0.3, ["q5"] = 0.0 };
        var c = PairedComparison.Of(a, b, "ndcg@10");
        Assert.Equal((5, 3, 1, 1), (c.Queries, c.Wins, c.Ties, c.Losses));
        Assert.Equal(0.44, c.MeanA, 12);
        Assert.Equal(0.3, c.MeanB, 12);
        Assert.Equal(0.14, c.Difference, 12);
        Assert.Equal(0.25, c.RandomizationP, 12);
        Assert.True(c.Exact);
        Assert.Equal(32, c.Permutations);
        Assert.Equal(1.3598002073001703, c.T, 9);
        Assert.Equal(0.24549203685029744, c.TTestP, 9);

        var self = PairedComparison.Of(a, a, "ndcg@10");
        Assert.Equal((0, 5, 0, 1.0, 1.0), (self.Wins, self.Ties, self.Losses, self.RandomizationP, self.TTestP));
    }

    [Fact]
    public void Different_query_sets_cannot_be_paired()
    {
        var a = new Dictionary<string, double> { ["q1"] = 1, ["q2"] = 0 };
        var b = new Dictionary<string, double> { ["q1"] = 1, ["q3"] = 0 };
        Assert.Contains("different queries", Assert.Throws<ArgumentException>(() => PairedComparison.Of(a, b, "map")).Message);
    }
}
