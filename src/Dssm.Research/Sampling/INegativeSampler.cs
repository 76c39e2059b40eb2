using Dssm.Research.Data;

namespace Dssm.Research.Sampling;

/// <summary>
/// Picks J unclicked documents for a query (Huang et al. 2013, §3.3: "we approximate D by including the
/// clicked document D⁺ and four randomly selected unclicked documents"). Implementations never return
/// one of the query's own positives, never repeat a document within one call, and are deterministic
/// given the <see cref="Rng"/>.
/// </summary>
public interface INegativeSampler
{
    /// <summary>"random", "popular", "bm25", …</summary>
    string Name { get; }

    /// <summary>Fills <paramref name="destination"/> (length J) with document indices.</summary>
    void Sample(int query, IReadOnlySet<int> positives, Span<int> destination, Rng rng);
}
