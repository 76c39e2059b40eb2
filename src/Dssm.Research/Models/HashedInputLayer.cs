using Dssm.Research.Runtime;
using Dssm.Research.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// The first layer of a tower: the sparse n-gram vector x times W1 (Huang et al. 2013, §3.2), computed by
/// libtorch's <c>EmbeddingBag(mode: sum, per_sample_weights)</c> — a weighted sum of the rows of W1 named
/// by the bag's ids — plus a bias. The dense 30K-dim x is never built.
/// <para>
/// Lazy mode: W1 has <c>requires_grad = false</c>, and backward yields a gradient for the rows a batch touched
/// only, instead of a dense (V × width) one; the optimizer then updates only them (<see cref="TakePending"/>).
/// On the CPU the bag's output is a leaf of the graph: autograd stops there, and the row gradients are
/// computed from its gradient by a transposed bag in C# (<see cref="CpuKernels.RowGradients"/>: libtorch's
/// EmbeddingBag backward with per-sample weights costs ~10× its forward). Elsewhere the touched rows are
/// gathered into a small leaf matrix (unique ids × width) that the bag reads. Same arithmetic either way;
/// see the tests that compare both modes.
/// </para>
/// </summary>
public sealed class HashedInputLayer : nn.Module<SparseInput, Tensor>
{
    readonly EmbeddingBag bag;
    readonly Parameter? bias;
    readonly List<(Tensor Rows, EmbeddingBag Sub)> pending = new();
    readonly List<(SparseBatch Bags, Tensor Output)> pendingCpu = new();
    int[]? scratch;

    public HashedInputLayer(string name, int inputs, int width, bool lazy, bool withBias = true) : base(name)
    {
        Inputs = inputs; Width = width; Lazy = lazy;
        bag = PaperInit.EmbeddingBag(inputs, width);   // paper init: U(±sqrt(6/(fan_in+fan_out))), §3.4
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
        if (Lazy && is_grad_enabled() && CpuKernels.Applies(Weight))
        {
            using (no_grad()) sum = bag.forward(x.Ids, x.Offsets, x.Weights);                  // (B, width)
            sum.requires_grad_(true);                                                           // a leaf: its grad is ∂loss/∂(xW1)
            pendingCpu.Add((x.Source, sum.DetachFromDisposeScope()));
            sum = sum.view(sum.shape);                                                          // the caller's own handle
        }
        else if (Lazy && is_grad_enabled())
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
        if (bias is null) return sum;
        return is_grad_enabled() ? sum + bias : sum.add_(bias);   // encoding: the bag's output is ours to overwrite
    }

    /// <summary>
    /// The rows touched since the last call and their summed gradients: (ids (U) ascending, grads (U, width)),
    /// or null. Called by the optimizer after backward.
    /// </summary>
    public (Tensor Rows, Tensor Grad)? TakePending()
    {
        var cpu = pendingCpu.Where(p => p.Output.grad is not null).ToList();
        if (cpu.Count > 0)
        {
            scratch ??= new int[Inputs];
            return CpuKernels.RowGradients(cpu.Select(p => p.Bags).ToList(), cpu.Select(p => p.Output.grad!).ToList(), Width, scratch);
        }
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
        foreach (var (_, output) in pendingCpu) output.Dispose();
        pendingCpu.Clear();
    }
}
