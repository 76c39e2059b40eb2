using Dssm.Research.Data;

namespace Dssm.Research.Sampling;

/// <summary>
/// Popular negatives (<see cref="SamplerKind.Popular"/>, <c>--sampler popular</c>), drawn with probability ∝ (clicks + 1)^0.75 — word2vec's unigram^0.75 applied to document
/// click counts: popular documents, which a query is likely to be confused with, come up more often; the
/// +1 keeps never-clicked documents possible. Vose's alias table: O(1) per draw.
/// </summary>
public sealed class PopularNegativeSampler : INegativeSampler
{
    readonly double[] probability;
    readonly int[] alias;

    public PopularNegativeSampler(IReadOnlyList<int> clicksPerDocument, double power = 0.75)
    {
        if (clicksPerDocument.Count == 0) throw new ArgumentException("the corpus is empty");
        var weights = clicksPerDocument.Select(c => Math.Pow(c + 1.0, power)).ToArray();
        (probability, alias) = BuildAlias(weights);
        Weights = weights;
    }

    public string Name => "popular";

    /// <summary>The unnormalised weights (clicks + 1)^power, for inspection and tests.</summary>
    public IReadOnlyList<double> Weights { get; }

    public void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng) =>
        SamplerGuard.Fill(destination, positives, probability.Length, () =>
        {
            var i = rng.Next(probability.Length);
            return rng.NextDouble() < probability[i] ? i : alias[i];
        }, Name);

    static (double[], int[]) BuildAlias(double[] weights)
    {
        var n = weights.Length;
        var total = weights.Sum();
        var scaled = weights.Select(w => w * n / total).ToArray();
        var prob = new double[n];
        var alias = new int[n];
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var i = n - 1; i >= 0; i--) (scaled[i] < 1 ? small : large).Push(i);
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop(); var l = large.Pop();
            prob[s] = scaled[s]; alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        while (large.Count > 0) { var l = large.Pop(); prob[l] = 1; alias[l] = l; }
        while (small.Count > 0) { var s = small.Pop(); prob[s] = 1; alias[s] = s; }
        return (prob, alias);
    }
}
