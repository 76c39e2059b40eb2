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
}
