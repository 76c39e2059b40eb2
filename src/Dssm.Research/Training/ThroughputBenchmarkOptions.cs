using Dssm.Research.Models;
using Dssm.Research.Runtime;

namespace Dssm.Research.Training;

/// <summary>
/// The workload of <see cref="ThroughputBenchmark"/> (<c>dssm bench train|encode</c>) — the one the PyTorch comparison of
/// tests/…/PERFORMANCE.md runs too: vocabulary 30,000; towers 300-300-128 tanh,
/// separate; batch 256 queries each with 1 clicked + J = 4 documents through the document tower; softmax over
/// γ·cos (γ = 10); Adam 1e-3; 30 ids per text drawn from a Zipf law (s = 1); 8 pre-made batches cycled;
/// 10 warm-up steps then 60 timed; encoding 4,096 texts a call through the document tower.
/// </summary>
public sealed record ThroughputBenchmarkOptions
{
    public int Vocabulary { get; init; } = 30000;
    public int Batch { get; init; } = 256;
    public int Negatives { get; init; } = 4;
    public int IdsPerText { get; init; } = 30;
    public int Steps { get; init; } = 60;
    public int Warmup { get; init; } = 10;
    public double Gamma { get; init; } = 10;
    public int Threads { get; init; } = 2;
    public double Zipf { get; init; } = 1.0;
    /// <summary>Update only touched input rows (lazy Adam); false = dense Adam over all rows, as plain PyTorch does.</summary>
    public bool Lazy { get; init; } = true;
    public DssmOptions Towers { get; init; } = new();
    public int EncodeTexts { get; init; } = 4096;
    public int EncodeCalls { get; init; } = 20;
    public DeviceChoice Device { get; init; } = DeviceChoice.Cpu;
}
