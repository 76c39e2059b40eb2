using Dssm.Research.Data;

namespace Dssm.Research.Sampling;

/// <summary>
/// BM25 negatives (<see cref="SamplerKind.Bm25"/>, <c>--sampler bm25</c>), the "hard" negatives of the field: J documents
/// drawn uniformly from a query's top-ranked non-clicked documents (BM25's top <c>TrainOptions.HardNegativePool</c>,
/// 50 by default; any first-stage ranking can be passed). Documents that look lexically right but were not clicked
/// teach the model what word overlap alone gets wrong. When a query has fewer candidates than J, the rest is drawn uniformly
/// from the corpus (counted in <see cref="Backfilled"/>). With a hard ratio below 1, only that share of the J comes
/// from the pool (stochastically rounded per query) and the rest uniformly from the corpus — Tevatron's and DPR's
/// mix of hard and random negatives; the pool itself is guarded against false negatives by its builder
/// (<c>Experiments/HardNegativePools</c>).
/// </summary>
public sealed class Bm25NegativeSampler : INegativeSampler
{
    readonly IReadOnlyList<IReadOnlyList<int>> candidates;
    readonly int documents;
    readonly double hardRatio;
    long backfilled;

    /// <param name="candidatesPerQuery">For each query index, ranked candidate documents (positives are skipped).</param>
    /// <param name="documents">Corpus size, for back-filling.</param>
    /// <param name="hardRatio">Share of the J negatives drawn from the pool; the rest are uniform over the corpus.</param>
    public Bm25NegativeSampler(IReadOnlyList<IReadOnlyList<int>> candidatesPerQuery, int documents, double hardRatio = 1)
    {
        if (hardRatio is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(hardRatio), hardRatio, "a share between 0 and 1");
        candidates = candidatesPerQuery; this.documents = documents; this.hardRatio = hardRatio;
    }

    public string Name => "bm25";

    /// <summary>Negatives drawn from the whole corpus because a query's candidate list was too short.</summary>
    public long Backfilled => Interlocked.Read(ref backfilled);

    public void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng)
    {
        if (hardRatio >= 1) { SampleHard(query, positives, destination, rng); return; }
        var hard = Math.Min(destination.Length, (int)Math.Floor(hardRatio * destination.Length + rng.NextDouble()));
        SampleHard(query, positives, destination[..hard], rng);
        var taken = new HashSet<int>(positives);
        foreach (var d in destination[..hard]) taken.Add(d);
        SamplerGuard.Fill(destination[hard..], taken, documents, () => rng.Next(documents), Name);
    }

    void SampleHard(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng)
    {
        if (destination.Length == 0) return;
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
