using System.Text.Json.Serialization;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// Everything a training run depends on; written to <c>config.json</c> in the run folder so the run can be
/// repeated. Defaults follow the paper where it speaks (J = 4 random negatives, 300-300-128 tanh, §3–4)
/// and common practice where it does not (Adam 1e-3, as PyTorch implementations use). An ablation is
/// <c>baseline with { Gamma = 20 }</c>.
/// </summary>
public sealed record TrainOptions
{
    /// <summary>DSSM (Huang et al. 2013) or CDSSM (Shen et al. 2014).</summary>
    public ModelKind Model { get; init; } = ModelKind.Dssm;

    public DssmOptions Towers { get; init; } = new();

    /// <summary>
    /// The word-hashing input layer (§3.2): letter trigrams with # boundaries over a vocabulary fitted on the
    /// training corpus; the mixed tokenizer segments Chinese runs with jieba and hashes Latin words.
    /// </summary>
    public WordHashingOptions Hashing { get; init; } = new() { Tokenizer = TokenizerKind.Mixed };

    /// <summary>γ, the smoothing factor of the softmax over γ·cos (§3.3); the initial value when learnable.</summary>
    public double Gamma { get; init; } = 10;

    /// <summary>Learn γ with the model instead of fixing it in advance.</summary>
    public bool LearnableGamma { get; init; }

    /// <summary>J, unclicked documents per clicked one (the paper uses 4).</summary>
    public int Negatives { get; init; } = 4;

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public SamplerKind Sampler { get; init; } = SamplerKind.Random;

    /// <summary>The bm25 sampler (<see cref="SamplerKind.Bm25"/>, BM25 hard negatives): draw from the top this many BM25 results that were not clicked.</summary>
    public int HardNegativePool { get; init; } = 50;

    /// <summary>
    /// Hard-negative sampler: the analysis of the BM25 that picks the pool — the lexical baselines' default
    /// (Lucene's: stemmed, stop words, Han bigrams), so "BM25-hard" means the BM25 the reports compare with.
    /// <c>Plain</c> uses the words of <see cref="WordHashingOptions.Tokenizer"/> (the kit before analyzers).
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public AnalyzerKind HardNegativeAnalyzer { get; init; } = AnalyzerFactory.Default;

    /// <summary>Softmax (listwise, §3.3) or pointwise (binary cross-entropy on (label, query, doc) rows).</summary>
    public LossKind Loss { get; init; } = LossKind.Softmax;

    /// <summary>Pointwise: weight of positive rows; 0 = #negatives / #positives of the training rows.</summary>
    public double PositiveWeight { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Constant, linear (decay to 0) or cosine, after <see cref="WarmupSteps"/> of linear warm-up.</summary>
    public ScheduleKind Schedule { get; init; } = ScheduleKind.Constant;

    public int WarmupSteps { get; init; }

    public double WeightDecay { get; init; }

    /// <summary>Queries per mini-batch (the paper uses 1024).</summary>
    public int BatchSize { get; init; } = 128;

    public int Epochs { get; init; } = 10;

    /// <summary>Stop an epoch after this many steps (0 = the whole epoch); for quick runs.</summary>
    public int MaxStepsPerEpoch { get; init; }

    public long Seed { get; init; } = 42;

    [JsonConverter(typeof(JsonStringEnumConverter))]
    public DeviceChoice Device { get; init; } = DeviceChoice.Auto;

    /// <summary>libtorch intra-op threads; 0 = libtorch's default.</summary>
    public int Threads { get; init; }

    /// <summary>Early-stopping metric on the dev split of a BEIR folder, e.g. "ndcg@10"; pair-file runs early-stop on the
    /// AUC of their dev pairs instead (<see cref="PairDevFraction"/>, or a dev pair file). A measure name as
    /// <c>Evaluation.RankingMetric.Parse</c> reads it (<c>ndcg@k</c>, <c>mrr</c>, <c>map</c>, <c>p@k</c>, <c>recall@k</c>): not an
    /// enum, since k is open, and kept as text because the metrics sit above training in the data flow.</summary>
    public string DevMetric { get; init; } = "ndcg@10";

    /// <summary>
    /// Pair files loaded into memory and given no dev pair file: the share of queries (by a hash of the query text,
    /// so all rows of a query fall on one side) held out as dev pairs for AUC early stopping and <c>best/</c>.
    /// 0 trains on every row and keeps the last epoch's weights.
    /// </summary>
    public double PairDevFraction { get; init; } = 0.1;

    /// <summary>Stop after this many epochs without a better dev metric (0 = never stop early).</summary>
    public int Patience { get; init; } = 3;

    /// <summary>
    /// Pair files only: 0 loads the file into memory (texts shared, each featurized once); N &gt; 0 streams it
    /// from disk in blocks of N rows, each block shuffled, so memory stays flat for files of any size.
    /// </summary>
    public int StreamBuffer { get; init; }

    /// <summary>Clip the global gradient norm to this value (0 = no clipping).</summary>
    public double ClipNorm { get; init; } = 10;

    /// <summary>On a NaN/Inf loss or gradient: stop (default, with step, batch and last good checkpoint named) or skip the batch.</summary>
    public NonFiniteAction OnNonFinite { get; init; } = NonFiniteAction.Stop;

    /// <summary>Also checkpoint every this many steps (0 = only at the end of each epoch).</summary>
    public int CheckpointEverySteps { get; init; }

    /// <summary>Write a metrics.jsonl line every this many steps.</summary>
    public int LogEverySteps { get; init; } = 20;

    /// <summary>Checks the combination of values; throws naming the first wrong field.</summary>
    public TrainOptions Validate()
    {
        static void Check(bool ok, string field, string expected) { if (!ok) throw new ArgumentException($"training option {field}: expected {expected}"); }
        Check(Enum.IsDefined(Model), nameof(Model), "dssm or cdssm");
        Check(Enum.IsDefined(HardNegativeAnalyzer), nameof(HardNegativeAnalyzer), string.Join(" | ", AnalyzerFactory.Names));
        Check(Enum.IsDefined(Loss), nameof(Loss), "softmax or pointwise");
        Check(Gamma > 0, nameof(Gamma), "γ > 0");
        Check(Negatives >= 1, nameof(Negatives), "J ≥ 1");
        Check(BatchSize >= 1, nameof(BatchSize), "≥ 1");
        Check(Sampler != SamplerKind.InBatch || BatchSize > Negatives, nameof(BatchSize), $"> J ({Negatives}) for in-batch negatives");
        Check(Epochs >= 1, nameof(Epochs), "≥ 1");
        Check(LearningRate > 0, nameof(LearningRate), "> 0");
        Check(Enum.IsDefined(Schedule), nameof(Schedule), "constant, linear or cosine");
        Check(Enum.IsDefined(OnNonFinite), nameof(OnNonFinite), "stop or skip");
        Check(StreamBuffer >= 0, nameof(StreamBuffer), "≥ 0 rows (0 = load into memory)");
        Check(ClipNorm >= 0, nameof(ClipNorm), "≥ 0");
        Check(PairDevFraction is >= 0 and < 1, nameof(PairDevFraction), "a share in [0, 1)");
        Check(Towers.Output >= 1 && Towers.Hidden.All(h => h >= 1), nameof(Towers), "positive layer sizes");
        return this;
    }

    /// <summary>The learning rate at a step, for a run of <paramref name="totalSteps"/> steps.</summary>
    public double LearningRateAt(long step, long totalSteps)
    {
        if (WarmupSteps > 0 && step < WarmupSteps) return LearningRate * (step + 1) / WarmupSteps;
        var progress = totalSteps <= WarmupSteps ? 0 : Math.Clamp((double)(step - WarmupSteps) / (totalSteps - WarmupSteps), 0, 1);
        return Schedule switch
        {
            ScheduleKind.Linear => LearningRate * (1 - progress),
            ScheduleKind.Cosine => LearningRate * 0.5 * (1 + Math.Cos(Math.PI * progress)),
            _ => LearningRate,
        };
    }
}
