using Dssm.Research.Text;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// A <see cref="SparseBatch"/> as tensors on a device: feature ids, where each bag starts, and each id's
/// weight. Disposed with the dispose scope that created it.
/// </summary>
public sealed class SparseInput
{
    SparseInput(Tensor ids, Tensor offsets, Tensor weights, int count, SparseBatch source) { Ids = ids; Offsets = offsets; Weights = weights; Count = count; Source = source; }

    /// <summary>(nnz) int64 feature ids.</summary>
    public Tensor Ids { get; }
    /// <summary>(B) int64 start of each bag in <see cref="Ids"/>.</summary>
    public Tensor Offsets { get; }
    /// <summary>(nnz) float32 per-id weights.</summary>
    public Tensor Weights { get; }
    /// <summary>Number of bags B.</summary>
    public int Count { get; }
    /// <summary>The batch these tensors were made from (its arrays drive the CPU row-gradient kernel).</summary>
    internal SparseBatch Source { get; }

    public static SparseInput From(SparseBatch batch, Device device) =>
        new(tensor(batch.Ids).to(device), tensor(batch.Offsets).to(device), tensor(batch.Weights).to(device), batch.Count, batch);
}
