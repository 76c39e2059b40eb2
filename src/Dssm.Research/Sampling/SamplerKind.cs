namespace Dssm.Research.Sampling;

/// <summary>
/// How negatives are chosen: <c>Random</c> from the corpus (the paper), <c>InBatch</c> rotation (the other
/// queries' clicked documents, no extra encoding), <c>Popular</c> (clicks^0.75), <c>Bm25</c> hard negatives.
/// </summary>
public enum SamplerKind { Random, InBatch, Popular, Bm25 }

public static class SamplerKinds
{
    public static SamplerKind Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "random" => SamplerKind.Random,
        "inbatch" or "in-batch" => SamplerKind.InBatch,
        "popular" or "popularity" => SamplerKind.Popular,
        "bm25" or "hard" => SamplerKind.Bm25,
        _ => throw new ArgumentException($"sampler '{name}' is not one of random, inbatch, popular, bm25"),
    };

    public static string Name(this SamplerKind kind) => kind switch
    {
        SamplerKind.InBatch => "inbatch",
        _ => kind.ToString().ToLowerInvariant(),
    };
}
