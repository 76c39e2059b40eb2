using Dssm.Research.Models;

namespace Dssm.Research.Training;

/// <summary>Scores a model on held-out data after each epoch (for early stopping and the best checkpoint). Higher is better.</summary>
public interface IDevEvaluator
{
    /// <summary>Name of the figure, e.g. "ndcg@10".</summary>
    string Metric { get; }

    double Evaluate(ISemanticModel model, FeatureCache documents, FeatureCache queries);
}
