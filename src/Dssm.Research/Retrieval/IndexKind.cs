namespace Dssm.Research.Retrieval;

/// <summary>How a corpus is searched (<c>--index exact | hnsw</c>).</summary>
public enum IndexKind
{
    /// <summary>Every document scored (<see cref="EmbeddingIndex"/>): the reference.</summary>
    Exact,
    /// <summary>An HNSW graph (<see cref="HnswIndex"/>): approximate, for corpora where exact search is too slow.</summary>
    Hnsw,
}
