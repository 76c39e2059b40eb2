using Dssm.Research.Data;

namespace Dssm.Research.Sampling;

/// <summary>Uniform over the corpus, rejecting the query's positives and repeats (the paper's sampler, J = 4).</summary>
public sealed class RandomNegativeSampler : INegativeSampler
{
    readonly int documents;

    public RandomNegativeSampler(int documents)
    {
        if (documents <= 0) throw new ArgumentOutOfRangeException(nameof(documents), documents, "the corpus is empty");
        this.documents = documents;
    }

    public string Name => "random";

    public void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng) =>
        SamplerGuard.Fill(destination, positives, documents, () => rng.Next(documents), "random");
}
