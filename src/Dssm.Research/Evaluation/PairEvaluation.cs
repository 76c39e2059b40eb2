namespace Dssm.Research.Evaluation;

/// <summary>
/// A scorer judged on pointwise <c>(label, query, document)</c> rows: AUC (threshold-free), the scorer's own
/// decision where it has one, and the accuracy at a threshold tuned on other rows (dev), with that threshold.
/// </summary>
/// <param name="System">What scored the rows, e.g. <c>dssm</c> or <c>tfidf(chars)</c>.</param>
/// <param name="Rows">Rows judged.</param>
/// <param name="Auc">Area under the ROC curve of the scores (<see cref="PointwiseMetrics.Auc"/>).</param>
/// <param name="Accuracy">The model's own decision, σ(γ·cos + b) ≥ ½, i.e. cos ≥ −b/γ (pointwise loss); null for a
/// scorer without a decision rule (a lexical cosine).</param>
/// <param name="DecisionThreshold">−b/γ, the cosine at which the model's decision flips; null with <paramref name="Accuracy"/>.</param>
/// <param name="TunedAccuracy">Accuracy at <paramref name="TunedThreshold"/>.</param>
/// <param name="TunedThreshold">The score threshold that maximised accuracy on <paramref name="TunedOn"/>
/// (<see cref="PointwiseMetrics.TunedThreshold"/>).</param>
/// <param name="TunedOn">The pair file that chose the threshold; <c>self</c> when no dev file was given and the
/// threshold was tuned on the judged rows themselves (an optimistic figure, labelled as such).</param>
public sealed record PairEvaluation(string System, int Rows, double Auc, double? Accuracy, double? DecisionThreshold,
    double TunedAccuracy, double TunedThreshold, string TunedOn)
{
    /// <summary>Judges <paramref name="scores"/> against <paramref name="labels"/>, the threshold tuned on the dev rows
    /// (or on these rows when <paramref name="dev"/> is null).</summary>
    public static PairEvaluation Of(string system, IReadOnlyList<double> scores, IReadOnlyList<int> labels,
        (IReadOnlyList<double> Scores, IReadOnlyList<int> Labels, string Name)? dev = null, double? decisionThreshold = null)
    {
        var (threshold, _) = dev is { } d ? PointwiseMetrics.TunedThreshold(d.Scores, d.Labels) : PointwiseMetrics.TunedThreshold(scores, labels);
        return new PairEvaluation(system, scores.Count, PointwiseMetrics.Auc(scores, labels),
            decisionThreshold is { } t ? PointwiseMetrics.Accuracy(scores, labels, t) : null, decisionThreshold,
            PointwiseMetrics.Accuracy(scores, labels, threshold), threshold, dev?.Name ?? "self");
    }

    /// <summary>One line per figure, as <c>dssm evaluate --pairs</c> prints it.</summary>
    public string ToText() =>
        $"system          {System}\nrows            {Rows}\nauc             {Auc:F4}\n" +
        (Accuracy is { } a ? $"accuracy        {a:F4}  (the model's decision σ(γ·cos + b) ≥ ½: cos ≥ {DecisionThreshold:F4})\n" : "") +
        $"tuned accuracy  {TunedAccuracy:F4}  (score ≥ {TunedThreshold:F4}, tuned on {TunedOn})\n";
}
