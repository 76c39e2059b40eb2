using Dssm.Research.Text;
using static TorchSharp.torch;

namespace Dssm.Research.Models;

/// <summary>
/// A <see cref="SparseBatch"/> as tensors on a device: feature ids, the bag each id belongs to, and its
/// weight. Disposed with the dispose scope that created it.
/// </summary>
public sealed class SparseInput
{
    SparseInput(Tensor ids, Tensor bagOfId, Tensor weights, int count) { Ids = ids; BagOfId = bagOfId; Weights = weights; Count = count; }

    /// <summary>(nnz) int64 feature ids.</summary>
    public Tensor Ids { get; }
    /// <summary>(nnz) int64 bag index of each id.</summary>
    public Tensor BagOfId { get; }
    /// <summary>(nnz) float32 per-id weights.</summary>
    public Tensor Weights { get; }
    /// <summary>Number of bags B.</summary>
    public int Count { get; }

    public static SparseInput From(SparseBatch batch, Device device)
    {
        var bagOfId = new long[batch.Ids.Length];
        for (var b = 0; b < batch.Count; b++)
        {
            var end = b + 1 < batch.Count ? batch.Offsets[b + 1] : batch.Ids.Length;
            for (var i = batch.Offsets[b]; i < end; i++) bagOfId[i] = b;
        }
        return new SparseInput(tensor(batch.Ids).to(device), tensor(bagOfId).to(device), tensor(batch.Weights).to(device), batch.Count);
    }
}
