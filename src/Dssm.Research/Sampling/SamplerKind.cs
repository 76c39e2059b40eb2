namespace Dssm.Research.Sampling;

/// <summary>
/// How negatives are chosen; named <c>random</c>, <c>inbatch</c>, <c>popular</c>, <c>bm25</c> in configs and on the
/// command line (<see cref="SamplerKinds.Parse"/>).
/// </summary>
public enum SamplerKind
{
    /// <summary><see cref="RandomNegativeSampler"/>: uniform over the corpus (the paper, §3.3).</summary>
    Random,
    /// <summary>
    /// Not a sampler but a batch-level mode, so it has no <see cref="INegativeSampler"/>: the negatives of a batch's
    /// row i are the clicked documents of rows i+1 … i+J (cyclically), which the batch encodes anyway — no extra
    /// document is encoded. <c>Training/ClickSource</c> and <c>Training/PairStreamSource</c> build the mask that keeps a
    /// row's own positives out of them. Needs a batch of more than J queries.
    /// </summary>
    InBatch,
    /// <summary><see cref="PopularNegativeSampler"/>: ∝ (clicks + 1)^0.75.</summary>
    Popular,
    /// <summary><see cref="Bm25NegativeSampler"/>: BM25's top non-clicked documents, the field's hard negatives.</summary>
    Bm25,
}
