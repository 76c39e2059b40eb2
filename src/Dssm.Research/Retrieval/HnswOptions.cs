namespace Dssm.Research.Retrieval;

/// <summary>
/// The HNSW graph's parameters (Malkov and Yashunin 2018, §4): <see cref="Connectivity"/> = M, the links per node per
/// layer; <see cref="ExpansionAdd"/> = efConstruction, the candidate list while inserting; <see cref="ExpansionSearch"/>
/// = ef, the candidate list while searching (at least k). Larger values buy recall with time; the defaults are
/// USearch's and hnswlib's usual ones, measured in PERFORMANCE.md. <see cref="Threads"/> inserts (and searches a batch
/// of queries) on that many threads at once; one thread builds the same graph on every run, several build a graph of the
/// same quality whose links depend on the order in which the threads happened to insert.
/// </summary>
public sealed record HnswOptions
{
    public int Connectivity { get; init; } = 16;
    public int ExpansionAdd { get; init; } = 128;
    public int ExpansionSearch { get; init; } = 64;
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first field out of range.</summary>
    public void Validate()
    {
        if (Connectivity is < 2 or > 1024) throw new ArgumentException($"HnswOptions.Connectivity is {Connectivity}; expected 2 to 1024 (usual: 16).");
        if (ExpansionAdd is < 1 or > 1 << 16) throw new ArgumentException($"HnswOptions.ExpansionAdd is {ExpansionAdd}; expected 1 to 65536 (usual: 128).");
        if (ExpansionSearch is < 1 or > 1 << 16) throw new ArgumentException($"HnswOptions.ExpansionSearch is {ExpansionSearch}; expected 1 to 65536 (usual: 64).");
        if (Threads is < 1 or > 1024) throw new ArgumentException($"HnswOptions.Threads is {Threads}; expected 1 to 1024 (usual: the number of cores, {Environment.ProcessorCount}).");
    }
}
