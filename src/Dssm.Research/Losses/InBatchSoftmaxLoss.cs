using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Losses;

/// <summary>
/// The softmax ranking loss of <see cref="SoftmaxRankingLoss"/> with every other clicked document of the batch as a
/// negative — sentence-transformers' MultipleNegativesRankingLoss (Henderson et al. 2017, "Efficient natural language
/// response suggestion"; there scale = γ):
/// <code>
///   S        = γ · normalize(q) · normalize(d)ᵀ          (B, B): row i scores query i against every clicked document
///   loss     = cross_entropy(S, [0, 1, …, B−1])          the clicked document of query i is column i
/// </code>
/// One (B × B) matrix product instead of a gathered (B, 1+J, D) candidate tensor, so all B − 1 negatives cost
/// B·B·D multiply-adds and no copy. Inputs: q (B, D) queries, d (B, D) their clicked documents, row-aligned.
/// No mask: a document clicked by two queries of the batch counts as a negative of both, as in the sentence-transformers loss.
/// </summary>
public static class InBatchSoftmaxLoss
{
    /// <summary>Scalar loss. q (B, D), d (B, D), γ &gt; 0 the smoothing factor.</summary>
    public static Tensor Forward(Tensor q, Tensor d, double gamma)
    {
        if (q.shape.Length != 2 || !q.shape.SequenceEqual(d.shape))
            throw new ArgumentException($"in-batch loss needs q and d of the same (B, D) shape: q [{string.Join(", ", q.shape)}], d [{string.Join(", ", d.shape)}]");
        if (!(gamma > 0)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the smoothing factor γ must be > 0");
        using Scalar g = gamma;                                                                                      // explicit: see Training/Optimizer
        var scores = nn.functional.normalize(q, dim: -1).matmul(nn.functional.normalize(d, dim: -1).t()).mul(g);     // (B, B)
        var target = arange(q.shape[0], dtype: ScalarType.Int64, device: q.device);                                 // (B,)
        return nn.functional.cross_entropy(scores, target);
    }
}
