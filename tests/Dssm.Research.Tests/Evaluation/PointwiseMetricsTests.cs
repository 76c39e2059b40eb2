using Dssm.Research.Evaluation;

namespace Dssm.Research.Tests.Evaluation;

public class PointwiseMetricsTests
{
    [Fact]
    public void Auc_is_the_share_of_correctly_ordered_pairs() =>
        // scikit-learn's roc_auc_score example: pairs (0.35>0.1, 0.35<0.4, 0.8>0.1, 0.8>0.4) → 3/4.
        Assert.Equal(0.75, PointwiseMetrics.Auc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]), 12);

    [Fact]
    public void Auc_counts_ties_half()
    {
        // positives {0.5, 0.9} × negatives {0.2, 0.5}: 1 + ½ + 1 + 1 = 3.5 of 4.
        Assert.Equal(0.875, PointwiseMetrics.Auc([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]), 12);
        Assert.Equal(0.5, PointwiseMetrics.Auc([0.3, 0.3], [1, 0]));
    }

    [Fact]
    public void Auc_needs_both_classes() =>
        Assert.Contains("both classes", Assert.Throws<ArgumentException>(() => PointwiseMetrics.Auc([0.1, 0.2], [1, 1])).Message);

    [Fact]
    public void Accuracy_at_a_threshold()
    {
        // predictions at ≥ 0.5: 0 1 1 1 against labels 0 1 0 1.
        Assert.Equal(0.75, PointwiseMetrics.Accuracy([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]));
        Assert.Equal(1, PointwiseMetrics.Accuracy([0.2, 0.5, 0.5, 0.9], [0, 0, 0, 1], threshold: 0.6));
    }

    [Fact]
    public void The_tuned_threshold_is_the_best_cut_placed_half_way_between_neighbouring_scores()
    {
        // Sorted: 0.1(0) 0.3(1) 0.4(0) 0.6(1) 0.8(1). Cuts and rows right: below all 3/5; 0.2 → 4/5; 0.35 → 3/5;
        // 0.5 → 4/5; 0.7 → 3/5; above all 2/5. The first best from below is 0.2 (half-way between 0.1 and 0.3).
        var (threshold, accuracy) = PointwiseMetrics.TunedThreshold([0.6, 0.1, 0.8, 0.4, 0.3], [1, 0, 1, 0, 1]);
        Assert.Equal(0.2, threshold, 12);
        Assert.Equal(0.8, accuracy, 12);
        Assert.Equal(accuracy, PointwiseMetrics.Accuracy([0.6, 0.1, 0.8, 0.4, 0.3], [1, 0, 1, 0, 1], threshold), 12);
    }

    [Fact]
    public void Tied_scores_move_across_the_threshold_together()
    {
        // 0.5 holds a positive and a negative: no cut separates them. Cuts: below all 2/4; 0.35 → 3/4 (0.2 now right);
        // 0.7 → 3/4 (the tie flips as one: −1 +1, not better); above all 2/4. So 0.35, never a cut inside the tie.
        var (threshold, accuracy) = PointwiseMetrics.TunedThreshold([0.2, 0.5, 0.5, 0.9], [0, 1, 0, 1]);
        Assert.Equal(0.35, threshold, 12);
        Assert.Equal(0.75, accuracy, 12);
        // All one label: everything positive is already right (the cut sits below the lowest score).
        var (below, all) = PointwiseMetrics.TunedThreshold([0.3, 0.9], [1, 1]);
        Assert.Equal(-0.7, below, 12);
        Assert.Equal(1.0, all);
    }

    [Fact]
    public void A_pair_evaluation_applies_the_dev_threshold_to_the_test_rows_and_the_models_own_decision_beside_it()
    {
        // Dev: 0.1(0) 0.5(0) 0.55(1) → best cut 0.525. Test: 0.2(0) 0.45(0) 0.6(1) 0.4(1): at 0.525 → 0 0 1 0 against
        // 0 0 1 1 = 3/4 (tuned on the test rows themselves the cut would be 0.3). The model's own decision
        // cos ≥ 0.3 (−b/γ): 0 1 1 1 → 3/4 (at cos ≥ 0, ignoring b, every row would be called relevant: 2/4).
        var test = PairEvaluation.Of("m", [0.2, 0.45, 0.6, 0.4], [0, 0, 1, 1], ([0.1, 0.5, 0.55], [0, 0, 1], "dev.tsv"), decisionThreshold: 0.3);
        Assert.Equal(0.525, test.TunedThreshold, 12);
        Assert.Equal(0.75, test.TunedAccuracy, 12);
        Assert.Equal(0.75, test.Accuracy);
        Assert.Equal(0.3, test.DecisionThreshold);
        Assert.Equal("dev.tsv", test.TunedOn);
        Assert.Equal(0.75, test.Auc, 12);   // positives {0.6, 0.4} × negatives {0.2, 0.45}: 1 + 1 + 1 + 0 = 3 of 4
        var lexical = PairEvaluation.Of("tfidf", [0.2, 0.45, 0.6, 0.4], [0, 0, 1, 1]);
        Assert.Null(lexical.Accuracy);
        Assert.Equal("self", lexical.TunedOn);
        Assert.Equal(0.3, lexical.TunedThreshold, 12);
        Assert.Contains("tuned on self", lexical.ToText());
    }
}
