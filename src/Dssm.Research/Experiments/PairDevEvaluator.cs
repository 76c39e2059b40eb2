using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Experiments;

/// <summary>
/// The dev figure of a pair run: AUC of cos(y_Q, y_D) over held-out <c>(label, query, doc)</c> rows. AUC needs no
/// threshold, so it judges the ordering the loss shapes whatever b has learned; early stopping and <c>best/</c>
/// follow it. The rows' texts are featurized once, on the first evaluation, with the run's featurizer; the
/// training tables the trainer passes are not used.
/// </summary>
public sealed class PairDevEvaluator(IReadOnlyList<PointwisePair> pairs, ITextFeaturizer featurizer) : IDevEvaluator
{
    readonly int[] labels = CheckBothLabels(pairs);
    (FeatureCache Queries, FeatureCache Documents, int[] Query, int[] Document)? tables;

    public string Metric => "auc";

    /// <summary>Rows judged.</summary>
    public int Rows => pairs.Count;

    public double Evaluate(ISemanticModel model, FeatureCache documents, FeatureCache queries) =>
        PointwiseMetrics.Auc(Scores(model), labels);

    /// <summary>cos(y_Q, y_D) of every row, in file order.</summary>
    public IReadOnlyList<double> Scores(ISemanticModel model)
    {
        var (q, d, qi, di) = tables ??= Build(model.ReadsWords);
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var yq = Encode(model, q, TextSide.Query);                                    // (unique queries, D)
        var yd = Encode(model, d, TextSide.Document);                                 // (unique documents, D)
        var cos = yq.index_select(0, tensor(qi.Select(i => (long)i).ToArray(), device: yq.device))
            .mul(yd.index_select(0, tensor(di.Select(i => (long)i).ToArray(), device: yd.device))).sum(1);   // (rows)
        return cos.cpu().data<float>().ToArray().Select(c => (double)c).ToArray();
    }

    (FeatureCache, FeatureCache, int[], int[]) Build(bool perWord)
    {
        static (List<string> Texts, int[] Index) Intern(IEnumerable<string> texts)
        {
            var unique = new List<string>(); var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            var index = new List<int>();
            foreach (var t in texts)
            {
                if (!seen.TryGetValue(t, out var i)) { i = unique.Count; seen[t] = i; unique.Add(t); }
                index.Add(i);
            }
            return (unique, index.ToArray());
        }
        var (queryTexts, qi) = Intern(pairs.Select(p => p.Query));
        var (docTexts, di) = Intern(pairs.Select(p => p.Doc));
        return (FeatureCache.Build(queryTexts, featurizer, perWord), FeatureCache.Build(docTexts, featurizer, perWord), qi, di);
    }

    static Tensor Encode(ISemanticModel model, FeatureCache cache, TextSide side)
    {
        var parts = new List<Tensor>();
        for (var start = 0; start < cache.Texts; start += 2048)
        {
            GarbageBound.Check();
            using var batch = NewDisposeScope();   // the batch's inputs and activations go when it is encoded
            var ids = Enumerable.Range(start, Math.Min(2048, cache.Texts - start)).ToArray();
            parts.Add(nn.functional.normalize(model.Forward(cache.Gather(ids), side), dim: 1).MoveToOuterDisposeScope());
        }
        return cat(parts.ToArray());
    }

    static int[] CheckBothLabels(IReadOnlyList<PointwisePair> pairs)
    {
        var labels = pairs.Select(p => p.Label).ToArray();
        if (!labels.Contains(1) || !labels.Contains(0))
            throw new ArgumentException($"the dev pairs need rows labelled 1 and rows labelled 0 for AUC; got {labels.Count(l => l == 1)} and {labels.Count(l => l == 0)}");
        return labels;
    }
}
