using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The first layer of a tower: the sparse n-gram vector x times W1 (Huang et al. 2013, §3.2), computed as
/// a weighted sum of the rows of W1 named by the bag's ids — the arithmetic of
/// <c>EmbeddingBag(mode: sum, per_sample_weights)</c> — plus a bias. The dense 30K-dim x is never built.
/// <para>
/// Lazy mode: the rows a batch touches are gathered into a small leaf tensor, so backward produces a
/// (unique ids × width) gradient instead of a dense (V × width) one, and the optimizer updates only those
/// rows (<see cref="TakePending"/>). The weight then has <c>requires_grad = false</c>.
/// </para>
/// </summary>
public sealed class HashedInputLayer : nn.Module<SparseInput, Tensor>
{
    readonly Parameter weight;
    readonly Parameter? bias;
    readonly List<(Tensor Rows, Tensor Sub)> pending = new();

    public HashedInputLayer(string name, int inputs, int width, bool lazy, bool withBias = true) : base(name)
    {
        Inputs = inputs; Width = width; Lazy = lazy;
        var limit = Math.Sqrt(6.0 / (inputs + width)); // paper init: U(±sqrt(6/(fan_in+fan_out))), §3.4
        weight = nn.Parameter(empty(inputs, width).uniform_(-limit, limit), requires_grad: !lazy);
        if (withBias) bias = nn.Parameter(zeros(width));
        RegisterComponents();
    }

    public int Inputs { get; }
    public int Width { get; }
    public bool Lazy { get; }

    /// <summary>W1, (inputs, width).</summary>
    public Parameter Weight => weight;

    /// <summary>(B, width) = Σ weight·W1[id] over each bag, + bias.</summary>
    public override Tensor forward(SparseInput x)
    {
        Tensor rows;
        if (Lazy && is_grad_enabled())
        {
            var (unique, inverse, _) = x.Ids.unique(sorted: true, return_inverse: true);
            var sub = weight.detach().index_select(0, unique).requires_grad_(true); // (U, width) leaf
            pending.Add((unique, sub));
            rows = sub.index_select(0, inverse!);
        }
        else
        {
            rows = weight.index_select(0, x.Ids);
        }
        var sum = zeros(x.Count, Width, dtype: rows.dtype, device: rows.device)
            .index_add(0, x.BagOfId, rows * x.Weights.unsqueeze(1), 1); // (B, width)
        return bias is null ? sum : sum + bias;
    }

    /// <summary>
    /// The rows touched since the last call and their summed gradients: (ids (U), grads (U, width)), or null.
    /// Called by the optimizer after backward; clears the list.
    /// </summary>
    public (Tensor Rows, Tensor Grad)? TakePending()
    {
        if (pending.Count == 0) return null;
        try
        {
            var withGrad = pending.Where(p => p.Sub.grad is not null).ToList();
            if (withGrad.Count == 0) return null;
            if (withGrad.Count == 1) return (withGrad[0].Rows, withGrad[0].Sub.grad!);
            var all = cat(withGrad.Select(p => p.Rows).ToArray());
            var grads = cat(withGrad.Select(p => p.Sub.grad!).ToArray());
            var (unique, inverse, _) = all.unique(sorted: true, return_inverse: true);
            var summed = zeros(unique.shape[0], Width, dtype: grads.dtype, device: grads.device).index_add(0, inverse!, grads, 1);
            return (unique, summed);
        }
        finally { pending.Clear(); }
    }

    /// <summary>Forgets gathered rows without using them (e.g. a skipped batch).</summary>
    public void ClearPending() => pending.Clear();
}
