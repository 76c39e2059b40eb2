using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Losses;

/// <summary>
/// The DSSM training objective (Huang et al. 2013, §3.3, Eq. 5–6): for each query Q with its clicked
/// document D⁺ and J unclicked documents D⁻ⱼ,
/// <code>
///   R(Q, D)  = cos(y_Q, y_D)
///   P(D⁺|Q)  = exp(γ·R(Q, D⁺)) / Σ_{D' ∈ {D⁺, D⁻₁..D⁻_J}} exp(γ·R(Q, D'))
///   loss     = −mean over queries of log P(D⁺|Q)
/// </code>
/// γ is the smoothing factor "set in advance" on held-out data (§3.3), or learned here inside bounds,
/// γ = γ_min + (γ_max − γ_min)·σ(s): a free temperature is a known failure (it runs to where the training
/// loss is lowest, not where ranking is best; CLIP clamps its scale for that reason). Inputs: q (B, D), d (B, 1+J, D) with the clicked document at index 0; an optional mask
/// (B, 1+J) that is false where a candidate must not count (e.g. an in-batch candidate that is also a
/// positive of the query). Relation to siblings: sentence-transformers' MultipleNegativesRankingLoss is
/// this loss with in-batch negatives and scale = γ = 20; <see cref="PointwiseLoss"/> scores rows one by one.
/// </summary>
public sealed class SoftmaxRankingLoss : nn.Module
{
    // s: γ = exp(s) when fixed, γ = γ_min + (γ_max − γ_min)·σ(s) when learnable (the name is kept for old checkpoints).
    readonly Parameter logGamma;
    readonly double gammaMin, gammaMax;

    /// <param name="gamma">γ, the smoothing factor (the initial value when learnable).</param>
    /// <param name="learnable">Learn γ with the model, inside [<paramref name="gammaMin"/>, <paramref name="gammaMax"/>], instead of keeping it fixed.</param>
    /// <param name="gammaMin">Learnable γ's lower bound.</param>
    /// <param name="gammaMax">Learnable γ's upper bound.</param>
    public SoftmaxRankingLoss(double gamma = 10, bool learnable = false, double gammaMin = 1, double gammaMax = 50) : base("softmax_ranking")
    {
        if (!(gamma > 0)) throw new ArgumentOutOfRangeException(nameof(gamma), gamma, "the smoothing factor γ must be > 0");
        if (learnable && !(gammaMin > 0 && gamma > gammaMin && gamma < gammaMax))
            throw new ArgumentOutOfRangeException(nameof(gamma), gamma, $"a learnable γ starts strictly inside its bounds ({gammaMin}, {gammaMax})");
        Learnable = learnable; this.gammaMin = gammaMin; this.gammaMax = gammaMax;
        var p = (gamma - gammaMin) / (gammaMax - gammaMin);
        logGamma = nn.Parameter(tensor((float)(learnable ? Math.Log(p / (1 - p)) : Math.Log(gamma))), requires_grad: learnable);
        RegisterComponents();
    }

    public bool Learnable { get; }

    /// <summary>The current γ.</summary>
    public double Gamma
    {
        get
        {
            var s = (double)logGamma.item<float>();
            return Learnable ? gammaMin + (gammaMax - gammaMin) / (1 + Math.Exp(-s)) : Math.Exp(s);
        }
    }

    /// <summary>γ as a tensor in the graph (its gradient reaches s when learnable).</summary>
    Tensor GammaTensor()
    {
        if (!Learnable) return logGamma.exp();
        using Scalar span = gammaMax - gammaMin, low = gammaMin;   // explicit and disposed: see Training/Optimizer
        return logGamma.sigmoid().mul(span).add(low);
    }

    /// <summary>γ as a parameter (empty when fixed), for the optimizer.</summary>
    public IEnumerable<Parameter> TrainableParameters => Learnable ? new[] { logGamma } : Array.Empty<Parameter>();

    /// <summary>Scalar loss. q (B, D), d (B, 1+J, D), mask (B, 1+J) bool or null.</summary>
    public Tensor Forward(Tensor q, Tensor d, Tensor? mask = null)
    {
        var cosine = nn.functional.cosine_similarity(q.unsqueeze(1), d, dim: -1);   // (B, 1+J)
        var logits = GammaTensor() * cosine;
        if (mask is not null)
        {
            using Scalar minusInfinity = float.NegativeInfinity;   // explicit and disposed: see Training/Optimizer
            logits = logits.masked_fill(mask.logical_not(), minusInfinity);
        }
        var target = zeros(q.shape[0], dtype: ScalarType.Int64, device: q.device);
        return nn.functional.cross_entropy(logits, target);
    }

    /// <summary>
    /// In-batch negatives as sentence-transformers' MultipleNegativesRankingLoss computes them: one matrix product
    /// of the normalised queries q (B, D) with every document the batch encoded, d (N, D) — the B positives and
    /// any sampled negatives — gives γ·cos as (B, N); row i's target is column <paramref name="targets"/>[i] (its
    /// positive), its other candidates are all other columns except those <paramref name="mask"/> (B, N) drops
    /// (documents that are also positives of query i). With N = B this is MNRL exactly (scale = γ); with
    /// N = B·(1+J) it is MNRL on (anchor, positive, negative…) tuples, whose negatives every row shares.
    /// </summary>
    public Tensor ForwardInBatch(Tensor q, Tensor d, Tensor targets, Tensor? mask = null)
    {
        var cosine = nn.functional.normalize(q, dim: 1).mm(nn.functional.normalize(d, dim: 1).t());   // (B, N)
        var logits = GammaTensor() * cosine;
        if (mask is not null)
        {
            using Scalar minusInfinity = float.NegativeInfinity;
            logits = logits.masked_fill(mask.logical_not(), minusInfinity);
        }
        return nn.functional.cross_entropy(logits, targets);
    }

    /// <summary>
    /// In-batch rotation (the shifted batch of the original CNTK/C# DSSM): the negatives of query i are the
    /// clicked documents of queries i+1 … i+J (mod B). Returns d (B, 1+J, D) from the positives (B, D).
    /// </summary>
    public static Tensor InBatchCandidates(Tensor positives, int negatives)
    {
        if (negatives >= positives.shape[0])
            throw new ArgumentException($"in-batch sampling needs a batch larger than J: batch {positives.shape[0]}, J {negatives}");
        var shifted = Enumerable.Range(0, negatives + 1).Select(k => positives.roll(-k, 0)).ToArray();
        return stack(shifted, 1);
    }
}
