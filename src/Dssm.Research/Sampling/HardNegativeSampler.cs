using Dssm.Research.Data;

namespace Dssm.Research.Sampling;

/// <summary>
/// Hard negatives: J documents drawn uniformly from a per-query list of top-ranked non-clicked documents
/// (e.g. BM25's top 50). Documents that look lexically right but were not clicked teach the model what
/// word overlap alone gets wrong. When a query has fewer candidates than J, the rest is drawn uniformly
/// from the corpus (counted in <see cref="Backfilled"/>).
/// </summary>
public sealed class HardNegativeSampler : INegativeSampler
{
    readonly IReadOnlyList<IReadOnlyList<int>> candidates;
    readonly int documents;
    long backfilled;

    /// <param name="candidatesPerQuery">For each query index, ranked candidate documents (positives are skipped).</param>
    /// <param name="documents">Corpus size, for back-filling.</param>
    /// <param name="name">Name in logs and configs.</param>
    public HardNegativeSampler(IReadOnlyList<IReadOnlyList<int>> candidatesPerQuery, int documents, string name = "bm25")
    {
        candidates = candidatesPerQuery; this.documents = documents; Name = name;
    }

    public string Name { get; }

    /// <summary>Negatives drawn from the whole corpus because a query's candidate list was too short.</summary>
    public long Backfilled => Interlocked.Read(ref backfilled);

    public void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng)
    {
        var pool = candidates[query].Where(d => !positives.Contains(d)).Distinct().ToList();
        if (pool.Count >= destination.Length)
        {
            for (var i = 0; i < destination.Length; i++)
            {
                var j = i + rng.Next(pool.Count - i);
                (pool[i], pool[j]) = (pool[j], pool[i]);
                destination[i] = pool[i];
            }
            return;
        }
        for (var i = 0; i < pool.Count; i++) destination[i] = pool[i];
        var taken = new HashSet<int>(positives);
        taken.UnionWith(pool);
        Interlocked.Add(ref backfilled, destination.Length - pool.Count);
        SamplerGuard.Fill(destination[pool.Count..], taken, documents, () => rng.Next(documents), Name);
    }
}
