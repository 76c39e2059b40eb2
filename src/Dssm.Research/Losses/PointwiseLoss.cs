using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Losses;

/// <summary>
/// The pointwise format: (label, query, document) rows, label 1 when the document was clicked under
/// the query. Binary cross-entropy on a logit γ·cos(y_Q, y_D) + b (b learned):
/// <code>  loss = −mean[ w₊·y·log σ(z) + (1−y)·log(1−σ(z)) ],  z = γ·R(Q, D) + b </code>
/// w₊ (<see cref="PositiveWeight"/>) rebalances positives against negatives, so that
/// the two labels weigh the same however many negatives were sampled. Inputs: q (B, D),
/// d (B, D), labels (B) in {0, 1}. Sibling of <see cref="SoftmaxRankingLoss"/>, which compares a clicked
/// document with J unclicked ones of the same query instead of scoring rows alone.
/// </summary>
public sealed class PointwiseLoss : nn.Module
{
    readonly Parameter bias;

    public PointwiseLoss(double gamma = 10, double positiveWeight = 1) : base("pointwise")
    {
        if (!(gamma > 0)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "γ must be > 0");
        if (!(positiveWeight > 0)) throw new ArgumentOutOfRangeException(nameof(positiveWeight), positiveWeight, "the positive weight must be > 0");
        Gamma = gamma; PositiveWeight = positiveWeight;
        bias = nn.Parameter(zeros(1));
        RegisterComponents();
    }

    public double Gamma { get; }
    public double PositiveWeight { get; }
    public IEnumerable<Parameter> TrainableParameters => new[] { bias };

    /// <summary>The learned b of the logit.</summary>
    public double Bias => bias.item<float>();

    /// <summary>
    /// The model's own decision rule, σ(γ·cos + b) ≥ ½, written as a cosine threshold: cos ≥ −b/γ. With
    /// <see cref="PositiveWeight"/> = #negatives / #positives the loss weighs both labels alike, so this is the
    /// balanced-classes decision; on rows with many more negatives, a threshold tuned on dev scores higher accuracy.
    /// </summary>
    public double DecisionThreshold => -Bias / Gamma;

    /// <summary>The logits z (B) for rows q (B, D), d (B, D).</summary>
    public Tensor Logits(Tensor q, Tensor d)
    {
        using Scalar gamma = Gamma;   // explicit and disposed: see Training/Optimizer
        return nn.functional.cosine_similarity(q, d, dim: -1).mul(gamma) + bias;
    }

    /// <summary>Scalar loss; labels (B) float 0/1.</summary>
    public Tensor Forward(Tensor q, Tensor d, Tensor labels) =>
        nn.functional.binary_cross_entropy_with_logits(Logits(q, d), labels,
            pos_weights: tensor(new[] { (float)PositiveWeight }, device: q.device));
}
