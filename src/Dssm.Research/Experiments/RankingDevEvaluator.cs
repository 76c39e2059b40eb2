using Dssm.Research.Evaluation;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Experiments;

/// <summary>
/// The dev figure used for early stopping: rank the whole corpus for every dev query by cosine and score
/// the ranking with <see cref="RankingMetrics"/> (e.g. NDCG@10, trec_eval's definition).
/// </summary>
public sealed class RankingDevEvaluator(Qrels qrels, IReadOnlyList<string> documentIds, IReadOnlyList<string> queryIds, string metric = "ndcg@10", int depth = 100) : IDevEvaluator
{
    readonly RankingMetric parsed = RankingMetric.Parse(metric);
    readonly int[] devQueries = queryIds.Select((id, i) => (id, i)).Where(p => qrels.Relevant(p.id).Any()).Select(p => p.i).ToArray();

    public string Metric => parsed.ToString();

    public double Evaluate(ISemanticModel model, FeatureCache documents, FeatureCache queries)
    {
        var run = Rank(model, documents, queries, devQueries, documentIds, queryIds, depth);
        return RankingMetrics.Evaluate(run, qrels, [parsed]).Mean(parsed);
    }

    /// <summary>Top-<paramref name="depth"/> documents by cosine for the chosen queries.</summary>
    public static RankedRun Rank(ISemanticModel model, FeatureCache documents, FeatureCache queries, IReadOnlyList<int> chosen,
        IReadOnlyList<string> documentIds, IReadOnlyList<string> queryIds, int depth)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var d = Encode(model, documents, Enumerable.Range(0, documents.Texts).ToArray(), TextSide.Document);   // (N, D)
        var run = new RankedRun();
        for (var start = 0; start < chosen.Count; start += 512)
        {
            using var inner = NewDisposeScope();
            var ids = chosen.Skip(start).Take(512).ToArray();
            var q = Encode(model, queries, ids, TextSide.Query);                                                 // (b, D)
            var (values, indices) = q.mm(d.t()).topk(Math.Min(depth, documents.Texts), dim: 1);                  // (b, k)
            var v = values.cpu().data<float>().ToArray(); var ix = indices.cpu().data<long>().ToArray();
            var k = (int)values.shape[1];
            for (var i = 0; i < ids.Length; i++)
                for (var j = 0; j < k; j++) run.Add(queryIds[ids[i]], documentIds[(int)ix[i * k + j]], v[i * k + j]);
        }
        return run;
    }

    static Tensor Encode(ISemanticModel model, FeatureCache cache, int[] texts, TextSide side)
    {
        var parts = new List<Tensor>();
        for (var start = 0; start < texts.Length; start += 2048)
            parts.Add(nn.functional.normalize(model.Forward(cache.Gather(texts.AsSpan(start, Math.Min(2048, texts.Length - start))), side), dim: 1));
        return cat(parts.ToArray());
    }
}
