using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// The workload of <see cref="ThroughputBenchmark"/> (<c>dssm bench train|encode</c>) — the one the PyTorch peers of
/// tests/…/PERFORMANCE.md run too: vocabulary 30,000; towers 300-300-128 tanh,
/// separate; batch 256 queries each with 1 clicked + J = 4 documents through the document tower; softmax over
/// γ·cos (γ = 10); Adam 1e-3; 30 ids per text drawn from a Zipf law (s = 1); 8 pre-made batches cycled;
/// 10 warm-up steps then 60 timed; encoding 4,096 texts a call through the document tower.
/// <para>
/// <see cref="Sampler"/> = <see cref="SamplerKind.InBatch"/> is the sentence-transformers recipe
/// (<see cref="Losses.SoftmaxRankingLoss.ForwardInBatch"/>): B clicked documents a step, each query against all B of them.
/// <see cref="Model"/> = <see cref="ModelKind.Cdssm"/> is Shen et al. (2014): every text is
/// <see cref="WordsPerText"/> words of <see cref="IdsPerWord"/> letter-trigram ids (window 3, convolution 300, max
/// pooling, 300 → 128), as in tests/benchmarks/peers/peer_cdssm_torch.py.
/// </para>
/// </summary>
public sealed record ThroughputBenchmarkOptions
{
    public ModelKind Model { get; init; } = ModelKind.Dssm;
    /// <summary><see cref="SamplerKind.Random"/>: J sampled documents a query (the paper); <see cref="SamplerKind.InBatch"/>:
    /// the other B − 1 clicked documents of the batch. No other kind has a synthetic counterpart.</summary>
    public SamplerKind Sampler { get; init; } = SamplerKind.Random;
    public int Vocabulary { get; init; } = 30000;
    public int Batch { get; init; } = 256;
    public int Negatives { get; init; } = 4;
    /// <summary>DSSM: ids per text.</summary>
    public int IdsPerText { get; init; } = 30;
    /// <summary>CDSSM: words per text (every text has this many, so no padding).</summary>
    public int WordsPerText { get; init; } = 10;
    /// <summary>CDSSM: letter-trigram ids per word (an English word of n letters has n trigrams with its # marks).</summary>
    public int IdsPerWord { get; init; } = 5;
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

    /// <summary>Documents through the document tower a step: B·(1+J) with sampled negatives, B in-batch.</summary>
    public int DocumentsPerStep => Sampler == SamplerKind.InBatch ? Batch : Batch * (1 + Negatives);

    /// <summary>The peers' <c>--nnz</c>: ids per text for DSSM, per word for CDSSM; null keeps the default.</summary>
    public ThroughputBenchmarkOptions WithIdsPerBag(int? ids) => ids is not { } n ? this
        : Model == ModelKind.Cdssm ? this with { IdsPerWord = n } : this with { IdsPerText = n };

    /// <summary>Throws when the workload cannot be built.</summary>
    public void Validate()
    {
        if (Sampler is not (SamplerKind.Random or SamplerKind.InBatch))
            throw new ArgumentException($"bench train: sampler must be random or inbatch, not {OptionName.Of(Sampler)}");
        if (Sampler == SamplerKind.InBatch && Batch < 2) throw new ArgumentException($"bench train: in-batch negatives need a batch of at least 2, not {Batch}");
        if (Batch < 1 || Steps < 1 || Warmup < 0 || EncodeTexts < 1 || EncodeCalls < 1)
            throw new ArgumentException("bench train: batch, steps, encode texts and calls must be positive, warm-up not negative");
        if (IdsPerText < 1 || WordsPerText < 1 || IdsPerWord < 1) throw new ArgumentException("bench train: ids and words per text must be positive");
    }
}
