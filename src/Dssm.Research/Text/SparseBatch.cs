namespace Dssm.Research.Text;

/// <summary>
/// A batch of sparse bags (letter n-gram counts of several texts) in exactly the layout
/// <c>EmbeddingBag(mode: sum)</c> consumes: bag <c>b</c> owns <c>Ids[Offsets[b] .. Offsets[b+1])</c>
/// with the matching <c>Weights</c> (per-sample weights; counts or 1 for binary). The paper's
/// term vector × W1 (Huang et al. 2013, §3.2) without ever building the dense 30K-dim vector.
/// </summary>
/// <param name="Ids">Flat feature ids of all bags, length = total non-zeros.</param>
/// <param name="Offsets">Start of each bag in <paramref name="Ids"/>, length = <paramref name="Count"/>.</param>
/// <param name="Weights">Per-id weights, same length as <paramref name="Ids"/>.</param>
/// <param name="Count">Number of bags (texts). An empty text is a bag with no ids.</param>
public sealed record SparseBatch(long[] Ids, long[] Offsets, float[] Weights, int Count)
{
    /// <summary>Total non-zeros in the batch.</summary>
    public int NonZeros => Ids.Length;

    /// <summary>The (id, weight) pairs of bag <paramref name="bag"/>.</summary>
    public IEnumerable<(long Id, float Weight)> Bag(int bag)
    {
        var start = (int)Offsets[bag];
        var end = bag + 1 < Count ? (int)Offsets[bag + 1] : Ids.Length;
        for (var i = start; i < end; i++) yield return (Ids[i], Weights[i]);
    }
}
