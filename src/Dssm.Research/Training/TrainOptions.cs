using System.Text.Json.Serialization;
using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;

namespace Dssm.Research.Training;

/// <summary>
/// Everything a training run depends on; written to <c>config.json</c> in the run folder so the run can be
/// repeated. The record's own defaults are the paper's recipe (J = 4 random negatives, γ = 10, separate
/// 300-300-128 tanh towers over letter trigrams, §3–4; <see cref="TrainRecipe.Paper"/>) and common practice
/// where it does not speak (Adam 1e-3, as PyTorch implementations use), so a config file written before a
/// field existed reads as the run it was. <c>dssm train</c> starts from <see cref="TrainRecipe.Default"/>
/// instead (<see cref="TrainRecipes"/>: in-batch negatives, shared towers, word unigrams), chosen on the dev
/// splits of real data. An ablation is <c>baseline with { Gamma = 20 }</c>.
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

    /// <summary>Learn γ with the model instead of fixing it in advance, inside [<see cref="GammaMin"/>, <see cref="GammaMax"/>].</summary>
    public bool LearnableGamma { get; init; }

    /// <summary>
    /// Learnable γ only: its bounds. γ = γ_min + (γ_max − γ_min)·σ(θ) cannot run off to 0 or to ∞, the known
    /// failure of learned temperatures (CLIP clamps its logit scale at 100 for the same reason); 1 and 50
    /// bracket every γ the field uses with cosine scores (MultipleNegativesRankingLoss: 20).
    /// </summary>
    public double GammaMin { get; init; } = 1;

    /// <inheritdoc cref="GammaMin"/>
    public double GammaMax { get; init; } = 50;

    /// <summary>
    /// J, unclicked documents per clicked one (the paper uses 4); with <see cref="InBatch"/>, the sampled
    /// negatives each row adds to the in-batch ones (0 = in-batch only).
    /// </summary>
    public int Negatives { get; init; } = 4;

    /// <summary>
    /// Who picks the J sampled negatives. <see cref="SamplerKind.InBatch"/> is the older in-batch mode
    /// (J cyclic rows of the batch); with <see cref="InBatch"/> on, this names the sampler of the extra ones.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public SamplerKind Sampler { get; init; } = SamplerKind.Random;

    /// <summary>
    /// In-batch negatives as sentence-transformers' MultipleNegativesRankingLoss takes them: the scores are one
    /// (B, B·(1+J)) matrix product of the batch's queries with every document the batch encodes — each row's
    /// positive and its J sampled negatives — so query i's candidates are the other B − 1 positives plus all
    /// B·J sampled documents, and a candidate that is also a positive of query i is masked. No document is
    /// encoded twice and none is gathered per candidate (<see cref="SoftmaxRankingLoss.ForwardInBatch"/>).
    /// </summary>
    public bool InBatch { get; init; }

    /// <summary>
    /// Batches hold no document text and no query text twice (sentence-transformers' NoDuplicatesBatchSampler):
    /// with in-batch negatives a repeated text would be a false negative the positive mask cannot see (two
    /// ids, one text). A seeded greedy pass over the shuffled epoch; a row that cannot be placed waits for a
    /// later batch, and rows still waiting when the epoch's batches are full are left out of that epoch
    /// (counted as <c>no_duplicates_left_out</c> in metrics.jsonl).
    /// </summary>
    public bool NoDuplicates { get; init; }

    /// <summary>
    /// The bm25 sampler: the share of the J negatives drawn from the guarded BM25 pool, the rest uniformly at
    /// random (Tevatron and DPR mix hard negatives with random or in-batch ones; BM25-hard alone overfits to
    /// what BM25 confuses). Per row, round(ratio·J) stochastically.
    /// </summary>
    public double HardRatio { get; init; } = 1;

    /// <summary>
    /// The bm25 sampler's false-negative guard: a candidate whose BM25 score is above this fraction of the
    /// positive's BM25 score for the query is skipped (sentence-transformers' mine_hard_negatives
    /// <c>relative_margin</c> 0.05 is a fraction of 0.95); 0 = off.
    /// </summary>
    public double HardNegativeMargin { get; init; } = 0.95;

    /// <summary>
    /// The bm25 sampler's near-duplicate guard: a candidate whose set of words has a Jaccard similarity of at
    /// least this with a positive's is skipped (an unlabelled copy of the positive is no negative); 0 = off.
    /// </summary>
    public double NearDuplicateJaccard { get; init; } = 0.9;

    /// <summary>
    /// Corpus-only pseudo-queries mixed into the training clicks (<see cref="PseudoQueryKind"/>): the inverse
    /// cloze task of Lee et al. 2019 (a sentence of a document as the query for it) or a document's title, or
    /// <c>auto</c>: the inverse cloze task when the clicks are fewer than the documents. For small click sets;
    /// built from the corpus alone, never from dev or test queries.
    /// </summary>
    [JsonConverter(typeof(JsonStringEnumConverter))]
    public PseudoQueryKind PseudoQueries { get; init; } = PseudoQueryKind.None;

    /// <summary>Pseudo-queries per document (sentences drawn for the inverse cloze task; a title gives one).</summary>
    public int PseudoQueriesPerDocument { get; init; } = 3;

    /// <summary>
    /// At most this many pseudo-queries in all: past it, the documents that give them are a seeded sample, so a corpus
    /// of millions adds a bounded query table (the man-page benchmark makes ~3,000).
    /// </summary>
    public int PseudoQueriesLimit { get; init; } = 100_000;

    /// <summary>
    /// Memory bound of the feature tables (MB): the documents' and the queries' features are held while they fit in this
    /// together (documents first); a table past it is featurized again for each batch in the prefetch thread — the same
    /// features, so the same numbers — instead of growing with the corpus (<see cref="FeatureCache"/>).
    /// </summary>
    public int FeatureCacheMb { get; init; } = 1024;

    /// <summary>
    /// The dev evaluation between epochs ranks at most this many dev queries (a seeded sample past it) …
    /// </summary>
    public int DevQueriesLimit { get; init; } = 5_000;

    /// <summary>
    /// … over at most this many documents: past it, the relevant documents of those queries and a seeded sample of the
    /// rest (Experiments.RankingDevEvaluator), so its corpus matrix and score blocks stay bounded; the figure is then an
    /// early-stopping signal on a sample, recorded as such in config.json, and <c>dssm evaluate</c> gives the real one.
    /// </summary>
    public int DevDocumentsLimit { get; init; } = 100_000;

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
        Check(Negatives >= (InBatch ? 0 : 1), nameof(Negatives), InBatch ? "J ≥ 0 sampled negatives beside the in-batch ones" : "J ≥ 1");
        Check(BatchSize >= 1, nameof(BatchSize), "≥ 1");
        Check(Sampler != SamplerKind.InBatch || InBatch || BatchSize > Negatives, nameof(BatchSize), $"> J ({Negatives}) for in-batch negatives");
        Check(!InBatch || Negatives == 0 || Sampler != SamplerKind.InBatch, nameof(Sampler),
            "random, popular or bm25 for the J extra negatives when InBatch is on (every other row is already a candidate), or Negatives = 0");
        Check(!InBatch || Negatives > 0 || BatchSize >= 2, nameof(BatchSize), "≥ 2 for in-batch negatives alone");
        Check(!InBatch || Loss == LossKind.Softmax, nameof(InBatch), "the softmax loss (in-batch candidates compete in one softmax)");
        Check(!LearnableGamma || (GammaMin > 0 && GammaMax > GammaMin && Gamma > GammaMin && Gamma < GammaMax), nameof(GammaMax),
            $"0 < GammaMin < Gamma < GammaMax for a learnable γ (got {GammaMin}, {Gamma}, {GammaMax})");
        Check(HardRatio is >= 0 and <= 1, nameof(HardRatio), "a share between 0 and 1");
        Check(HardNegativeMargin >= 0, nameof(HardNegativeMargin), "≥ 0 (0 = off)");
        Check(NearDuplicateJaccard is >= 0 and <= 1, nameof(NearDuplicateJaccard), "between 0 and 1 (0 = off)");
        Check(Enum.IsDefined(PseudoQueries), nameof(PseudoQueries), "none, ict, title or auto");
        Check(PseudoQueriesPerDocument >= 1, nameof(PseudoQueriesPerDocument), "≥ 1");
        Check(PseudoQueriesLimit >= 1, nameof(PseudoQueriesLimit), "≥ 1");
        Check(FeatureCacheMb >= 0, nameof(FeatureCacheMb), "≥ 0 MB (0 = featurize every batch)");
        Check(DevQueriesLimit >= 1, nameof(DevQueriesLimit), "≥ 1");
        Check(DevDocumentsLimit >= 1, nameof(DevDocumentsLimit), "≥ 1");
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
