using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Cli;

/// <summary>
/// The training options of <c>dssm train</c>, <c>ablate</c> and <c>quickstart</c>: the command's defaults (the
/// default recipe, <see cref="TrainRecipes"/>), or <c>--recipe paper</c>, or a --config JSON file (a TrainOptions
/// object, e.g. the "options" of a run's config.json; fields it lacks take the record's defaults, the paper's) as
/// the base, then each flag the user actually gave on top of it.
/// </summary>
public sealed class TrainingOptionsBinder
{
    readonly Option<string?> config = new("--config") { Description = "JSON file with training options (TrainOptions; the 'options' object of a run's config.json works)." };
    readonly Option<string> model = new("--model") { Description = "dssm (Huang et al. 2013) or cdssm (Shen et al. 2014)." };
    readonly Option<double> gamma = new("--gamma") { Description = "γ, the smoothing factor of the softmax over γ·cosine." };
    readonly Option<bool> learnableGamma = new("--learnable-gamma") { Description = "Learn γ with the model instead of fixing it." };
    readonly Option<int> negatives = new("--negatives") { Description = "J, unclicked documents per clicked one (the paper: 4)." };
    readonly Option<string> sampler = new("--sampler") { Description = "random | inbatch | popular | bm25." };
    readonly Option<int> epochs = new("--epochs") { Description = "Passes over the training clicks." };
    readonly Option<int> batch = new("--batch") { Description = "Queries per mini-batch." };
    readonly Option<double> lr = new("--lr", "--learning-rate") { Description = "Learning rate." };
    readonly Option<string> optimizer = new("--optimizer") { Description = "adam | sgd." };
    readonly Option<string> tokenizer = new("--tokenizer") { Description = "english | chinese | chinese-chars | mixed." };
    readonly Option<bool> sharedTowers = new("--shared-towers") { Description = "One tower for query and document (true | false; the default recipe and --pairs: true; the paper: two)." };
    readonly Option<bool> chineseCharacters = new("--chinese-characters") { Description = "Add each Han character of a Chinese word as a feature beside the word (true | false; the default for --pairs)." };
    readonly Option<int> ngram = new("--ngram") { Description = "Letter n-gram size (2–5; the paper: 3)." };
    readonly Option<int> steps = new("--max-steps-per-epoch") { Description = "Cap each epoch at this many steps (quick runs)." };
    readonly Option<int> patience = new("--patience") { Description = "Early stopping: epochs without a better dev metric (0 = off)." };
    readonly Option<double> clip = new("--clip-norm") { Description = "Clip the gradient norm (0 = off)." };
    readonly Option<string> nonFinite = new("--on-non-finite") { Description = "stop | skip, on a NaN/Inf loss or gradient." };
    readonly Option<string> loss = new("--loss") { Description = "softmax (over γ·cosine with J negatives, the paper) | pointwise (binary cross-entropy; the default for --pairs)." };
    readonly Option<int> streamBuffer = new("--stream-buffer") { Description = "--pairs only: stream the file from disk, shuffling this many rows at a time (0 = load it into memory)." };
    readonly Option<int> checkpointEvery = new("--checkpoint-every") { Description = "Also checkpoint every N steps." };
    readonly Option<string> recipe = new("--recipe") { Description = "default (in-batch negatives, shared towers, word unigrams, inverse-cloze pseudo-queries; chosen on real dev data, see README) | paper (Huang et al. 2013: J = 4 random, γ = 10, separate towers, trigrams)." };
    readonly Option<bool> inBatch = new("--inbatch") { Description = "Every other row's positive (and sampled negative) is a candidate: one (B × B·(1+J)) score matrix, as sentence-transformers' MultipleNegativesRankingLoss; --negatives then counts the extra sampled ones (0 = none). '--inbatch false' turns it off." };
    readonly Option<bool> noDuplicates = new("--no-duplicates") { Description = "No document or query text twice in a batch (in-batch candidates are never copies of the positive)." };
    readonly Option<double> hardRatio = new("--hard-ratio") { Description = "--sampler bm25: share of the J negatives from BM25's guarded top (the rest random), e.g. 0.5." };
    readonly Option<double> hardMargin = new("--hard-margin") { Description = "--sampler bm25: skip candidates scoring above this fraction of the positive's BM25 (default 0.95; 0 = off)." };
    readonly Option<bool> wordUnigrams = new("--word-unigrams") { Description = "Add each word as a feature beside its letter n-grams." };
    readonly Option<int> maxFeatures = new("--max-features") { Description = "Keep the N most frequent input features (trigrams and words) of the fitted vocabulary." };
    readonly Option<string> hidden = new("--hidden") { Description = "Hidden layer sizes, e.g. 300,300 (the paper)." };
    readonly Option<int> output = new("--output") { Description = "Size of the semantic vector (the paper: 128)." };
    readonly Option<double> gammaMax = new("--gamma-max") { Description = "--learnable-gamma: upper bound of γ (default 50; the lower is 1)." };
    readonly Option<string> pseudoQueries = new("--pseudo-queries") { Description = "none | ict (a sentence of a document as a query for it; Lee et al. 2019) | title | auto (ict when the training clicks are fewer than the documents; the default): corpus-only pseudo-queries mixed into the training clicks." };
    readonly Option<int> pseudoPerDocument = new("--pseudo-queries-per-doc") { Description = "Pseudo-queries per document (default 3)." };
    readonly Option<int> pseudoLimit = new("--pseudo-queries-limit") { Description = "At most this many pseudo-queries in all, from a seeded sample of the documents past it (default 100,000)." };
    readonly Option<int> featureCacheMb = new("--feature-cache-mb") { Description = "Memory bound of the feature tables in MB: held while they fit, featurized per batch past it (default 1024; 0 = always per batch). Same numbers either way." };
    readonly Option<int> devQueriesLimit = new("--dev-queries-limit") { Description = "Dev evaluation between epochs: at most this many dev queries, a seeded sample past it (default 5,000)." };
    readonly Option<int> devDocumentsLimit = new("--dev-documents-limit") { Description = "Dev evaluation between epochs: at most this many documents, the relevant ones and a seeded sample of the rest past it (default 100,000)." };
    readonly Option<int> seed = CommonOptions.Seed();
    readonly Option<string> device = CommonOptions.Device();
    readonly Option<int> threads = CommonOptions.Threads();

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { recipe, config, model, gamma, learnableGamma, gammaMax, negatives, sampler, inBatch, noDuplicates, hardRatio, hardMargin, epochs, batch, lr, optimizer,
                     tokenizer, ngram, wordUnigrams, chineseCharacters, maxFeatures, sharedTowers, hidden, output, pseudoQueries, pseudoPerDocument, pseudoLimit, featureCacheMb, devQueriesLimit, devDocumentsLimit,
                     steps, patience, clip, nonFinite, loss, streamBuffer, checkpointEvery, seed, device, threads })
            command.Options.Add(o);
    }

    public TrainOptions Bind(ParseResult parse, TrainOptions? defaults = null)
    {
        var options = defaults ?? TrainRecipes.Of(TrainRecipe.Default);
        bool Given(Option o) => parse.GetResult(o) is { Implicit: false };
        if (Given(recipe) && Given(config)) throw new ArgumentException("--recipe and --config both set the whole recipe; give one (a config file is complete in itself)");
        if (Given(recipe)) options = TrainRecipes.Apply(OptionName.Parse<TrainRecipe>(parse.GetValue(recipe)!, "recipe"), options);
        if (parse.GetValue(config) is { } file)
        {
            try { options = JsonSerializer.Deserialize<TrainOptions>(File.ReadAllText(file), Json.Options) ?? options; }
            catch (JsonException e) { throw new InvalidDataException($"{file}: not a TrainOptions JSON object ({e.Message})"); }
        }
        if (Given(model)) options = options with { Model = OptionName.Parse<ModelKind>(parse.GetValue(model)!, "model") };
        if (Given(gamma)) options = options with { Gamma = parse.GetValue(gamma) };
        if (Given(learnableGamma)) options = options with { LearnableGamma = parse.GetValue(learnableGamma) };
        if (Given(gammaMax)) options = options with { GammaMax = parse.GetValue(gammaMax) };
        if (Given(negatives)) options = options with { Negatives = parse.GetValue(negatives) };
        if (Given(inBatch)) options = options with { InBatch = parse.GetValue(inBatch) };
        if (Given(noDuplicates)) options = options with { NoDuplicates = parse.GetValue(noDuplicates) };
        if (Given(hardRatio)) options = options with { HardRatio = parse.GetValue(hardRatio) };
        if (Given(hardMargin)) options = options with { HardNegativeMargin = parse.GetValue(hardMargin) };
        if (Given(wordUnigrams)) options = options with { Hashing = options.Hashing with { WordUnigrams = parse.GetValue(wordUnigrams) } };
        if (Given(chineseCharacters)) options = options with { Hashing = options.Hashing with { ChineseCharacters = parse.GetValue(chineseCharacters) } };
        if (Given(maxFeatures)) options = options with { Hashing = options.Hashing with { MaxFeatures = parse.GetValue(maxFeatures) } };
        if (Given(sharedTowers)) options = options with { Towers = options.Towers with { SharedTowers = parse.GetValue(sharedTowers) } };
        if (Given(hidden)) options = options with { Towers = options.Towers with { Hidden = Ablation.ParseLayers(parse.GetValue(hidden)!, "--hidden") } };
        if (Given(output)) options = options with { Towers = options.Towers with { Output = parse.GetValue(output) } };
        if (Given(pseudoQueries)) options = options with { PseudoQueries = OptionName.Parse<PseudoQueryKind>(parse.GetValue(pseudoQueries)!, "pseudo-queries") };
        if (Given(pseudoPerDocument)) options = options with { PseudoQueriesPerDocument = parse.GetValue(pseudoPerDocument) };
        if (Given(pseudoLimit)) options = options with { PseudoQueriesLimit = parse.GetValue(pseudoLimit) };
        if (Given(featureCacheMb)) options = options with { FeatureCacheMb = parse.GetValue(featureCacheMb) };
        if (Given(devQueriesLimit)) options = options with { DevQueriesLimit = parse.GetValue(devQueriesLimit) };
        if (Given(devDocumentsLimit)) options = options with { DevDocumentsLimit = parse.GetValue(devDocumentsLimit) };
        if (Given(sampler)) options = options with { Sampler = SamplerKinds.Parse(parse.GetValue(sampler)!) };
        if (Given(epochs)) options = options with { Epochs = parse.GetValue(epochs) };
        if (Given(batch)) options = options with { BatchSize = parse.GetValue(batch) };
        if (Given(lr)) options = options with { LearningRate = parse.GetValue(lr) };
        if (Given(optimizer)) options = options with { Optimizer = OptionName.Parse<OptimizerKind>(parse.GetValue(optimizer)!, "optimizer") };
        if (Given(tokenizer)) options = options with { Hashing = options.Hashing with { Tokenizer = TokenizerFactory.Parse(parse.GetValue(tokenizer)!) } };
        if (Given(ngram)) options = options with { Hashing = options.Hashing with { N = parse.GetValue(ngram) } };
        if (Given(steps)) options = options with { MaxStepsPerEpoch = parse.GetValue(steps) };
        if (Given(patience)) options = options with { Patience = parse.GetValue(patience) };
        if (Given(clip)) options = options with { ClipNorm = parse.GetValue(clip) };
        if (Given(nonFinite)) options = options with { OnNonFinite = OptionName.Parse<NonFiniteAction>(parse.GetValue(nonFinite)!, "on-non-finite") };
        if (Given(loss)) options = options with { Loss = OptionName.Parse<LossKind>(parse.GetValue(loss)!, "loss") };
        if (Given(streamBuffer)) options = options with { StreamBuffer = parse.GetValue(streamBuffer) };
        if (Given(checkpointEvery)) options = options with { CheckpointEverySteps = parse.GetValue(checkpointEvery) };
        if (Given(seed)) options = options with { Seed = parse.GetValue(seed) };
        if (Given(device)) options = options with { Device = Devices.Parse(parse.GetValue(device)!) };
        if (Given(threads)) options = options with { Threads = parse.GetValue(threads) };
        return options.Validate();
    }

    /// <summary>The command line as typed, for config.json and the report.</summary>
    public static string CommandLine() => "dssm " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"\"{a}\"" : a));
}
