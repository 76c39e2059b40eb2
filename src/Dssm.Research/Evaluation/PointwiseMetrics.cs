namespace Dssm.Research.Evaluation;

/// <summary>
/// Measures for pointwise <c>(label, query, document)</c> rows (the pointwise format): each row has a
/// score and a 0/1 label, and the rows are judged as one pool, not per query.
/// </summary>
public static class PointwiseMetrics
{
    /// <summary>
    /// Area under the ROC curve: the probability that a random positive row scores above a random negative
    /// one, ties counting one half (the Mann–Whitney U statistic over positives × negatives, computed with
    /// mid-ranks in O(n log n)). Labels: any value &gt; 0 is positive.
    /// </summary>
    /// <exception cref="ArgumentException">lengths differ, a score is NaN, or only one class is present.</exception>
    public static double Auc(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        Check(scores, labels);
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        long positives = labels.Count(l => l > 0), negatives = labels.Count - positives;
        if (positives == 0 || negatives == 0)
            throw new ArgumentException($"AUC needs both classes; got {positives} positive and {negatives} negative rows", nameof(labels));
        double rankSum = 0;
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            var midRank = (i + j) / 2.0 + 1;
            for (var t = i; t <= j; t++) if (labels[order[t]] > 0) rankSum += midRank;
            i = j + 1;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }

    /// <summary>Share of rows whose prediction (score ≥ <paramref name="threshold"/> means positive) matches the label.
    /// The threshold is 0.5 for probabilities; for cosine scores pick it on held-out data.</summary>
    public static double Accuracy(IReadOnlyList<double> scores, IReadOnlyList<int> labels, double threshold = 0.5)
    {
        Check(scores, labels);
        if (scores.Count == 0) throw new ArgumentException("accuracy of no rows is undefined", nameof(scores));
        var right = 0;
        for (var i = 0; i < scores.Count; i++) if (scores[i] >= threshold == labels[i] > 0) right++;
        return right / (double)scores.Count;
    }

    /// <summary>
    /// The threshold that maximises <see cref="Accuracy"/> on these rows (tune it on dev, apply it to test): every
    /// cut between two neighbouring distinct scores is tried, and the cut is placed half-way between them, so that
    /// the threshold carries over to unseen scores without favouring either neighbour. Below the lowest score
    /// (all rows positive) is tried too; the first best cut from below wins, so the result is deterministic.
    /// </summary>
    /// <returns>The threshold (score ≥ it means positive) and the accuracy it reaches on these rows.</returns>
    public static (double Threshold, double Accuracy) TunedThreshold(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        Check(scores, labels);
        if (scores.Count == 0) throw new ArgumentException("a threshold on no rows is undefined", nameof(scores));
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Everything positive: right on every positive row. Moving the cut above a score flips its rows to negative.
        var right = labels.Count(l => l > 0);
        var (bestRight, bestThreshold) = (right, scores[order[0]] - 1);
        for (var i = 0; i < order.Length;)
        {
            var j = i;
            while (j + 1 < order.Length && scores[order[j + 1]] == scores[order[i]]) j++;
            for (var t = i; t <= j; t++) right += labels[order[t]] > 0 ? -1 : 1;
            var cut = j + 1 < order.Length ? (scores[order[j]] + scores[order[j + 1]]) / 2 : scores[order[j]] + 1;
            if (right > bestRight) (bestRight, bestThreshold) = (right, cut);
            i = j + 1;
        }
        return (bestThreshold, bestRight / (double)scores.Count);
    }

    static void Check(IReadOnlyList<double> scores, IReadOnlyList<int> labels)
    {
        if (scores.Count != labels.Count) throw new ArgumentException($"{scores.Count} scores but {labels.Count} labels", nameof(labels));
        for (var i = 0; i < scores.Count; i++)
            if (double.IsNaN(scores[i])) throw new ArgumentException($"score of row {i} is NaN", nameof(scores));
    }
}
