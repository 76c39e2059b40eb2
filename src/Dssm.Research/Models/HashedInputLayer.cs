using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The first layer of a tower: the sparse n-gram vector x times W1 (Huang et al. 2013, §3.2), computed by
/// libtorch's <c>EmbeddingBag(mode: sum, per_sample_weights)</c> — a weighted sum of the rows of W1 named
/// by the bag's ids — plus a bias. The dense 30K-dim x is never built.
/// <para>
/// Lazy mode: the rows a batch touches are gathered into a small leaf matrix (unique ids × width) and the
/// bag is computed over it, so backward produces a gradient for those rows only instead of a dense
/// (V × width) one, and the optimizer updates only them (<see cref="TakePending"/>). W1 then has
/// <c>requires_grad = false</c>. Same arithmetic; see the tests that compare both modes.
/// </para>
/// </summary>
public sealed class HashedInputLayer : nn.Module<SparseInput, Tensor>
{
    readonly EmbeddingBag bag;
    readonly Parameter? bias;
    readonly List<(Tensor Rows, EmbeddingBag Sub)> pending = new();

    public HashedInputLayer(string name, int inputs, int width, bool lazy, bool withBias = true) : base(name)
    {
        Inputs = inputs; Width = width; Lazy = lazy;
        bag = nn.EmbeddingBag(inputs, width, mode: EmbeddingBagMode.Sum);
        var limit = Math.Sqrt(6.0 / (inputs + width)); // paper init: U(±sqrt(6/(fan_in+fan_out))), §3.4
        using (no_grad()) bag.weight!.uniform_(-limit, limit);
        bag.weight!.requires_grad = !lazy;
        if (withBias) bias = nn.Parameter(zeros(width));
        RegisterComponents();
    }

    public int Inputs { get; }
    public int Width { get; }
    public bool Lazy { get; }

    /// <summary>W1, (inputs, width).</summary>
    public Parameter Weight => bag.weight!;

    /// <summary>(B, width) = Σ weight·W1[id] over each bag, + bias.</summary>
    public override Tensor forward(SparseInput x)
    {
        Tensor sum;
        if (Lazy && is_grad_enabled())
        {
            var (unique, inverse, _) = x.Ids.unique(sorted: true, return_inverse: true);
            var sub = nn.EmbeddingBag_from_pretrained(Weight.detach().index_select(0, unique), freeze: false, mode: EmbeddingBagMode.Sum); // (U, width) leaf
            pending.Add((unique.DetachFromDisposeScope(), sub));
            sum = sub.forward(inverse!, x.Offsets, x.Weights);
        }
        else
        {
            sum = bag.forward(x.Ids, x.Offsets, x.Weights);
        }
        return bias is null ? sum : sum + bias;
    }

    /// <summary>
    /// The rows touched since the last call and their summed gradients: (ids (U), grads (U, width)), or null.
    /// Called by the optimizer after backward.
    /// </summary>
    public (Tensor Rows, Tensor Grad)? TakePending()
    {
        var withGrad = pending.Where(p => p.Sub.weight!.grad is not null).ToList();
        if (withGrad.Count == 0) return null;
        if (withGrad.Count == 1) return (withGrad[0].Rows, withGrad[0].Sub.weight!.grad!);
        var all = cat(withGrad.Select(p => p.Rows).ToArray());
        var grads = cat(withGrad.Select(p => p.Sub.weight!.grad!).ToArray());
        var (unique, inverse, _) = all.unique(sorted: true, return_inverse: true);
        var summed = zeros(unique.shape[0], Width, dtype: grads.dtype, device: grads.device).index_add(0, inverse!, grads, 1);
        return (unique, summed);
    }

    /// <summary>Releases the gathered rows of the last step (called before the next one).</summary>
    public void ClearPending()
    {
        foreach (var (rows, sub) in pending) { rows.Dispose(); sub.Dispose(); }
        pending.Clear();
    }
}
