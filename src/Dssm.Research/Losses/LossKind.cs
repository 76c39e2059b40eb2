namespace Dssm.Research.Losses;

/// <summary>The training loss: named <c>softmax</c> and <c>pointwise</c> in configs and on the command line.</summary>
public enum LossKind
{
    /// <summary><see cref="SoftmaxRankingLoss"/>: the softmax over γ·cosine of a clicked document and J negatives (Huang et al. 2013, §3.3).</summary>
    Softmax,
    /// <summary><see cref="PointwiseLoss"/>: binary cross-entropy on (label, query, document) rows.</summary>
    Pointwise,
}
