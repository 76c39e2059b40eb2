using Dssm.Research.Models;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// Every text of a table featurized once, stored flat: text t owns bags [TextFirstBag[t], TextFirstBag[t+1]),
/// bag b owns ids [BagStart[b], BagStart[b+1]). One bag per text for DSSM, one per word for CDSSM.
/// <see cref="Gather"/> copies the bags of chosen texts into a <see cref="ModelBatch"/>: no featurization
/// and no per-token allocation inside the training loop.
/// </summary>
public sealed class FeatureCache
{
    readonly long[] ids;
    readonly float[] weights;
    readonly int[] bagStart;
    readonly int[] textFirstBag;

    FeatureCache(long[] ids, float[] weights, int[] bagStart, int[] textFirstBag)
    {
        this.ids = ids; this.weights = weights; this.bagStart = bagStart; this.textFirstBag = textFirstBag;
    }

    public int Texts => textFirstBag.Length - 1;

    public static FeatureCache Build(IReadOnlyList<string> texts, ITextFeaturizer featurizer, bool perWord, int chunk = 2048)
    {
        var ids = new List<long>(); var weights = new List<float>();
        var bagStart = new List<int> { 0 }; var textFirstBag = new List<int> { 0 };
        void Append(SparseBatch batch, int firstBag, int bags)
        {
            for (var b = firstBag; b < firstBag + bags; b++)
            {
                var start = (int)batch.Offsets[b];
                var end = b + 1 < batch.Count ? (int)batch.Offsets[b + 1] : batch.Ids.Length;
                for (var i = start; i < end; i++) { ids.Add(batch.Ids[i]); weights.Add(batch.Weights[i]); }
                bagStart.Add(ids.Count);
            }
        }
        if (perWord)
        {
            foreach (var text in texts)
            {
                var words = featurizer.FeaturizeWords(text);
                Append(words, 0, words.Count);
                textFirstBag.Add(bagStart.Count - 1);
            }
        }
        else
        {
            for (var start = 0; start < texts.Count; start += chunk)
            {
                var slice = texts.Skip(start).Take(chunk).ToList();
                var batch = featurizer.Featurize(slice);
                Append(batch, 0, batch.Count);
                for (var t = 0; t < slice.Count; t++) textFirstBag.Add(textFirstBag[^1] + 1);
            }
        }
        return new FeatureCache(ids.ToArray(), weights.ToArray(), bagStart.ToArray(), textFirstBag.ToArray());
    }

    /// <summary>The bags of <paramref name="texts"/>, in that order (repeats allowed).</summary>
    public ModelBatch Gather(ReadOnlySpan<int> texts)
    {
        int bags = 0, nnz = 0;
        foreach (var t in texts)
        {
            bags += textFirstBag[t + 1] - textFirstBag[t];
            nnz += bagStart[textFirstBag[t + 1]] - bagStart[textFirstBag[t]];
        }
        var outIds = new long[nnz]; var outWeights = new float[nnz]; var offsets = new long[bags]; var words = new int[texts.Length];
        int bag = 0, at = 0;
        for (var k = 0; k < texts.Length; k++)
        {
            var t = texts[k];
            words[k] = textFirstBag[t + 1] - textFirstBag[t];
            for (var b = textFirstBag[t]; b < textFirstBag[t + 1]; b++)
            {
                offsets[bag++] = at;
                var len = bagStart[b + 1] - bagStart[b];
                Array.Copy(ids, bagStart[b], outIds, at, len);
                Array.Copy(weights, bagStart[b], outWeights, at, len);
                at += len;
            }
        }
        return new ModelBatch(new SparseBatch(outIds, offsets, outWeights, bags), words);
    }
}
