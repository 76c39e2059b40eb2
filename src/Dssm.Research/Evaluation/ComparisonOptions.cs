namespace Dssm.Research.Evaluation;

/// <summary>How <see cref="PairedComparison"/> tests a difference between two systems.</summary>
public sealed record ComparisonOptions
{
    /// <summary>Random sign flips of the randomization test (IR papers use 10,000 or more, Smucker et al. 2007).
    /// When 2^queries is at most this, all sign flips are enumerated instead and the p-value is exact.</summary>
    public int Permutations { get; init; } = 10_000;

    /// <summary>Seed of the sign flips: the same seed gives the same p-value.</summary>
    public long Seed { get; init; } = 42;

    public ComparisonOptions Validate() =>
        Permutations < 1 ? throw new ArgumentException($"permutations {Permutations}: expected at least 1 (10,000 is usual)") : this;
}
