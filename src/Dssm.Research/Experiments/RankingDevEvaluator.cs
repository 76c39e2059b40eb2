using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Runtime;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Experiments;

/// <summary>
/// The dev figure used for early stopping: rank the corpus for every dev query by cosine and score the ranking with
/// <see cref="RankingMetrics"/> (e.g. NDCG@10, trec_eval's definition). Bounded for large sets: at most
/// <c>queriesLimit</c> dev queries (a seeded sample past it) over at most <c>documentsLimit</c>
/// documents — past it, every relevant document of those queries and a seeded sample of the others, so the figure
/// is an early-stopping signal on a sample (<see cref="Sampled"/>), higher than the full corpus would give.
/// </summary>
public sealed class RankingDevEvaluator : IDevEvaluator
{
    readonly Qrels qrels;
    readonly IReadOnlyList<string> documentIds;
    readonly IReadOnlyList<string> queryIds;
    readonly RankingMetric parsed;
    readonly int depth;
    readonly int[] devQueries;
    readonly int[] corpus;

    public RankingDevEvaluator(Qrels qrels, IReadOnlyList<string> documentIds, IReadOnlyList<string> queryIds, string metric = "ndcg@10", int depth = 100,
        int queriesLimit = int.MaxValue, int documentsLimit = int.MaxValue, long seed = 0)
    {
        this.qrels = qrels; this.documentIds = documentIds; this.queryIds = queryIds; this.depth = depth;
        parsed = RankingMetric.Parse(metric);
        var judged = queryIds.Select((id, i) => (id, i)).Where(p => qrels.Relevant(p.id).Any()).Select(p => p.i).ToArray();
        devQueries = Sample(judged, queriesLimit, Rng.For(seed, 5, 0));
        if (documentIds.Count <= documentsLimit) corpus = Enumerable.Range(0, documentIds.Count).ToArray();
        else
        {
            var index = documentIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
            var relevant = devQueries.SelectMany(q => qrels.Relevant(queryIds[q])).Where(index.ContainsKey).Select(d => index[d]).ToHashSet();
            var others = Sample(Enumerable.Range(0, documentIds.Count).Where(d => !relevant.Contains(d)).ToArray(),
                Math.Max(0, documentsLimit - relevant.Count), Rng.For(seed, 5, 1));
            corpus = relevant.Concat(others).Order().ToArray();
        }
    }

    public string Metric => parsed.ToString();

    /// <summary>Whether the queries or the documents are a sample of the dev split and the corpus.</summary>
    public bool Sampled => Queries < queryIds.Count(q => qrels.Relevant(q).Any()) || Documents < documentIds.Count;

    /// <summary>Dev queries ranked.</summary>
    public int Queries => devQueries.Length;

    /// <summary>Documents they are ranked over.</summary>
    public int Documents => corpus.Length;

    public double Evaluate(ISemanticModel model, FeatureCache documents, FeatureCache queries) =>
        RankingMetrics.Evaluate(Rank(model, documents, queries), qrels, [parsed]).Mean(parsed);

    /// <summary>The run <see cref="Evaluate"/> scores: the chosen dev queries over the chosen documents.</summary>
    public RankedRun Rank(ISemanticModel model, FeatureCache documents, FeatureCache queries) =>
        Rank(model, documents, queries, devQueries, corpus, documentIds, queryIds, depth);

    /// <summary>Top-<paramref name="depth"/> documents by cosine for the chosen queries over the whole table.</summary>
    public static RankedRun Rank(ISemanticModel model, FeatureCache documents, FeatureCache queries, IReadOnlyList<int> chosen,
        IReadOnlyList<string> documentIds, IReadOnlyList<string> queryIds, int depth) =>
        Rank(model, documents, queries, chosen, Enumerable.Range(0, documents.Texts).ToArray(), documentIds, queryIds, depth);

    /// <summary>Top-<paramref name="depth"/> documents of <paramref name="corpus"/> (indices into the table) by cosine for the chosen queries.</summary>
    public static RankedRun Rank(ISemanticModel model, FeatureCache documents, FeatureCache queries, IReadOnlyList<int> chosen, int[] corpus,
        IReadOnlyList<string> documentIds, IReadOnlyList<string> queryIds, int depth)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var d = Encode(model, documents, corpus, TextSide.Document);                                           // (N, D)
        var run = new RankedRun();
        // A block's score matrix (b × N) is kept under ~16M floats (64 MB) whatever the corpus.
        var block = Math.Clamp(16_000_000 / Math.Max(1, corpus.Length), 1, 512);
        for (var start = 0; start < chosen.Count; start += block)
        {
            using var inner = NewDisposeScope();
            var ids = chosen.Skip(start).Take(block).ToArray();
            var q = Encode(model, queries, ids, TextSide.Query);                                                 // (b, D)
            var (values, indices) = q.mm(d.t()).topk(Math.Min(depth, corpus.Length), dim: 1);                    // (b, k)
            var v = values.cpu().data<float>().ToArray(); var ix = indices.cpu().data<long>().ToArray();
            var k = (int)values.shape[1];
            for (var i = 0; i < ids.Length; i++)
                for (var j = 0; j < k; j++) run.Add(queryIds[ids[i]], documentIds[corpus[(int)ix[i * k + j]]], v[i * k + j]);
        }
        return run;
    }

    static int[] Sample(int[] items, int limit, Rng rng)
    {
        if (items.Length <= limit) return items;
        var copy = (int[])items.Clone();
        rng.Shuffle(copy);
        return copy.Take(limit).Order().ToArray();
    }

    static Tensor Encode(ISemanticModel model, FeatureCache cache, int[] texts, TextSide side)
    {
        var parts = new List<Tensor>();
        for (var start = 0; start < texts.Length; start += 2048)
        {
            // A scope per batch: the batch's inputs and activations (~25 MB for 2,048 documents at 300k features) go
            // when it is encoded, not when the whole corpus is (they added up to 1.2 GB over a 100k-document sample).
            GarbageBound.Check();
            using var batch = NewDisposeScope();
            parts.Add(nn.functional.normalize(model.Forward(cache.Gather(texts.AsSpan(start, Math.Min(2048, texts.Length - start))), side), dim: 1).MoveToOuterDisposeScope());
        }
        return cat(parts.ToArray());
    }
}
