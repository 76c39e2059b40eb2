using Dssm.Research.Text;

namespace Dssm.Research.Sampling;

/// <summary>Reads a <see cref="SamplerKind"/> from a config or the command line; its name is <see cref="OptionName.Of{T}"/>.</summary>
public static class SamplerKinds
{
    /// <summary><c>random | inbatch | popular | bm25</c>, case-insensitive; the older spellings <c>in-batch</c>,
    /// <c>popularity</c> and <c>hard</c> are read too.</summary>
    /// <exception cref="ArgumentException">any other name; the message lists the four.</exception>
    public static SamplerKind Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "in-batch" => SamplerKind.InBatch,
        "popularity" => SamplerKind.Popular,
        "hard" => SamplerKind.Bm25,
        _ => OptionName.Parse<SamplerKind>(name, "sampler"),
    };
}
