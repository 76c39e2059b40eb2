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
/// <para>
/// Pieces: W1 may hold several pieces of <see cref="Width"/> columns a row, (inputs, pieces·width), and the bag then reads
/// it as its (inputs·pieces, width) rows — row pieces·id + k is W1[id, k·width : (k+1)·width], the same memory. CDSSM
/// keeps its window's weights W_c this way (one piece per window offset, <see cref="CdssmTower"/>); DSSM has one piece.
/// Row ids (bags, touched rows, <see cref="TakePending"/>) are rows of that view.
/// </para>
/// </summary>
public sealed class HashedInputLayer : nn.Module<SparseInput, Tensor>
{
    readonly EmbeddingBag bag;
    readonly Parameter? bias;
    readonly List<(Tensor Rows, EmbeddingBag Sub)> pending = new();
    readonly List<(SparseBatch Bags, Tensor Output)> pendingCpu = new();
    int[]? scratch;
    EmbeddingBag? viewBag;

    public HashedInputLayer(string name, int inputs, int width, bool lazy, bool withBias = true, int pieces = 1) : base(name)
    {
        if (pieces < 1) throw new ArgumentException($"HashedInputLayer '{name}': pieces must be at least 1, got {pieces}");
        Inputs = inputs; Width = width; Lazy = lazy; Pieces = pieces;
        bag = PaperInit.EmbeddingBag(inputs, pieces * width);   // paper init: U(±sqrt(6/(fan_in+fan_out))), §3.4
        bag.weight!.requires_grad = !lazy;
        if (withBias) bias = nn.Parameter(zeros(width));
        RegisterComponents();
    }

    public int Inputs { get; }
    /// <summary>Width of the bag's output (of one piece).</summary>
    public int Width { get; }
    public bool Lazy { get; }
    public int Pieces { get; }
    /// <summary>Rows the bag reads: inputs · pieces.</summary>
    public long Rows => (long)Inputs * Pieces;

    /// <summary>W1, (inputs, pieces·width).</summary>
    public Parameter Weight => bag.weight!;

    /// <summary>A tensor of W1's shape (W1, its gradient, an optimizer moment) as the (rows, width) the bag reads: a view.</summary>
    public Tensor AsRows(Tensor t) => t.view(Rows, Width);

    /// <summary>(B, width) = Σ weight·W1row[id] over each bag, + bias.</summary>
    public override Tensor forward(SparseInput x)
    {
        Tensor sum;
        if (Lazy && is_grad_enabled() && CpuKernels.Applies(Weight))
        {
            using (no_grad()) sum = Bag(x);                                                    // (B, width)
            sum.requires_grad_(true);                                                           // a leaf: its grad is ∂loss/∂(xW1)
            pendingCpu.Add((x.Source, sum.DetachFromDisposeScope()));
            sum = sum.view(sum.shape);                                                          // the caller's own handle
        }
        else if (Lazy && is_grad_enabled())
        {
            var (unique, inverse, _) = x.Ids.unique(sorted: true, return_inverse: true);
            var sub = nn.EmbeddingBag_from_pretrained(AsRows(Weight.detach()).index_select(0, unique), freeze: false, mode: EmbeddingBagMode.Sum); // (U, width) leaf
            pending.Add((unique.DetachFromDisposeScope(), sub));
            sum = sub.forward(inverse!, x.Offsets, x.Weights);
        }
        else
        {
            sum = Bag(x);
        }
        if (bias is null) return sum;
        return is_grad_enabled() ? sum + bias : sum.add_(bias);   // encoding: the bag's output is ours to overwrite
    }

    /// <summary>The bag over W1's rows. With pieces, a second bag whose weight is the (rows, width) view of W1, set at each call
    /// so that it follows W1 to another device or storage (autograd reaches W1 through the view). It is made on first use,
    /// after <c>RegisterComponents</c>, so it is no submodule: the checkpoint holds W1 once, as (inputs, pieces·width).</summary>
    Tensor Bag(SparseInput x)
    {
        if (Pieces == 1) return bag.forward(x.Ids, x.Offsets, x.Weights);
        viewBag ??= nn.EmbeddingBag(1, Width, mode: EmbeddingBagMode.Sum);          // its own (1, width) weight is never read
        var rows = AsRows(Weight);
        viewBag.weight = new Parameter(rows, requires_grad: rows.requires_grad);
        return viewBag.forward(x.Ids, x.Offsets, x.Weights);
    }

    /// <summary>
    /// The rows touched since the last call (rows of the (rows, width) view) and their summed gradients: (ids (U) ascending, grads (U, width)),
    /// or null. Called by the optimizer after backward.
    /// </summary>
    public (Tensor Rows, Tensor Grad)? TakePending()
    {
        var cpu = pendingCpu.Where(p => p.Output.grad is not null).ToList();
        if (cpu.Count > 0)
        {
            scratch ??= new int[Rows];
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

    protected override void Dispose(bool disposing)
    {
        if (disposing) viewBag?.Dispose();
        base.Dispose(disposing);
    }
}
