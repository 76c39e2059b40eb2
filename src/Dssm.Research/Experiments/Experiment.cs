using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// The kit's entry points, one per CLI command: train on a BEIR folder or on pointwise rows, evaluate a
/// trained model, run the lexical baselines the paper compares against (BM25, TF-IDF), ablate one option.
/// Each reads files, calls the layers below and writes files; the CLI only parses options.
/// </summary>
public static class Experiment
{
    /// <summary>Trains on the clicks (qrels with score &gt; 0) of <paramref name="split"/>; early-stops on "dev" when present.</summary>
    public static TrainResult Train(string dataDir, string runDir, TrainOptions options, string split = "train",
        IReadOnlyDictionary<string, object?>? provenance = null, Action<TrainProgress>? progress = null, bool resume = false)
    {
        if (resume) options = new RunFolder(runDir).ReadOptions();
        else new RunFolder(runDir).CheckWritable(); // before loading the data: a wrong --out fails at once
        if (options.StreamBuffer > 0) throw new ArgumentException("training option StreamBuffer: streaming reads a pair file (TrainPairs, --pairs); a BEIR folder is loaded into memory");
        var (documents, queries, clicks, pseudo, realQueries, trainQueryTexts, devQrels) = TrainingTables(dataDir, split, options);
        ReturnGarbage();   // the loaded dataset: its pages back before the vocabulary and the feature tables are built
        var clickData = new ClickData(documents, queries, clicks);

        var hasher = resume
            ? WordHasher.Load(Path.Combine(new RunFolder(runDir).FeaturizerPath, WordHasher.FileName))
            : options.Hashing.Mode == WordHashingMode.Vocabulary
                ? WordHasher.Fit(documents.Select(d => d.Text).Concat(trainQueryTexts), options.Hashing)
                : new WordHasher(options.Hashing);
        var dev = devQrels is null ? null
            : new RankingDevEvaluator(devQrels, documents.Select(d => d.Id).ToList(), queries.Take(realQueries).Select(q => q.Id).ToList(), options.DevMetric,
                queriesLimit: options.DevQueriesLimit, documentsLimit: options.DevDocumentsLimit, seed: options.Seed);
        var notes = new List<IReadOnlyDictionary<string, object?>>();
        Func<int, IReadOnlyList<int>>? hard = null;
        if (options.Sampler == SamplerKind.Bm25 && (!options.InBatch || options.Negatives > 0))
        {
            var (pools, counts) = HardNegativePools.Build(documents.Select(d => d.Item2).ToList(), queries.Select(q => q.Text).ToList(), clickData.PositivesOf, options);
            hard = q => pools[q];
            notes.Add(counts.ToRecord());
        }
        var record = new Dictionary<string, object?>(provenance ?? new Dictionary<string, object?>())
        {
            ["data"] = Path.GetFullPath(dataDir), ["split"] = split,
            ["documents"] = documents.Count, ["queries"] = realQueries, ["clicks"] = clicks.Count - pseudo.Count,
        };
        if (options.PseudoQueries != PseudoQueryKind.None) record["pseudo_queries"] = new Dictionary<string, object?> { ["kind"] = OptionName.Of(pseudo.Kind), ["count"] = pseudo.Count };
        if (dev is { Sampled: true }) record["dev_sample"] = new Dictionary<string, object?> { ["queries"] = dev.Queries, ["documents"] = dev.Documents };
        foreach (var note in notes) record[(string)note["event"]!] = note.Where(p => p.Key != "event").ToDictionary(p => p.Key, p => p.Value);
        using var trainer = new Trainer(options, clickData, hasher, dev, progress, hard) { Notes = notes };
        record["feature_tables"] = new Dictionary<string, object?> { ["documents"] = TableNote(trainer.Documents), ["queries"] = TableNote(trainer.Queries) };
        ReturnGarbage();   // the vocabulary's counts and any feature blocks dropped for streaming
        return trainer.Run(runDir, resume, record);
    }

    /// <summary>
    /// One blocking, compacting collection that also returns the freed pages to the system. The GC would collect the
    /// set-up's garbage (gigabytes for a corpus of a million documents) only when it next needs to, after the training
    /// loop has grown the process on top of it; this keeps peak memory to what is alive.
    /// </summary>
    static void ReturnGarbage() => GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);

    static string TableNote(FeatureCache table) => table.Streamed ? "featurized per batch" : $"cached, {table.Bytes / 1e6:F0} MB";

    /// <summary>
    /// The training tables from a BEIR folder — documents as the towers read them, queries (pseudo-queries appended),
    /// clicks as indices — and the qrels training needs. The dataset itself is not kept: past this point only the
    /// tables hold text, once.
    /// </summary>
    static (List<(string Id, string Text)> Documents, List<(string Id, string Text)> Queries, List<(int, int)> Clicks,
        (PseudoQueryKind Kind, int Count) Pseudo, int RealQueries, List<string> TrainQueryTexts, Qrels? Dev) TrainingTables(string dataDir, string split, TrainOptions options)
    {
        var data = BeirDataset.Load(dataDir);
        var documents = data.Documents.Select(d => (d.Id, d.FullText)).ToList();
        var queries = data.Queries.Select(q => (q.Key, q.Value)).ToList();
        var docIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var queryIndex = queries.Select((q, i) => (q.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var train = data.Qrels(split);
        var clicks = train.QueryIds.SelectMany(q => train.Relevant(q).Select(d => (queryIndex[q], docIndex[d]))).ToList();
        var realQueries = queries.Count;
        // Corpus-only pseudo-queries join the query table after the real ones (the dev evaluator ranks by query id, so it never sees them).
        var pseudoKind = PseudoQueries.Resolve(options.PseudoQueries, clicks.Count, documents.Count);
        var pseudo = PseudoQueries.Make(pseudoKind, data.Documents, options.PseudoQueriesPerDocument, options.Seed, options.PseudoQueriesLimit);
        foreach (var (doc, text) in pseudo)
        {
            clicks.Add((queries.Count, doc));
            queries.Add(($"pseudo:{documents[doc].Id}:{queries.Count - realQueries}", text));
        }
        return (documents, queries, clicks, (pseudoKind, pseudo.Count), realQueries, train.QueryIds.Select(q => data.Queries[q]).ToList(), data.Splits.Contains("dev") ? data.Qrels("dev") : null);
    }

    /// <summary>
    /// Trains on (label, query, doc) rows: with the pointwise loss on every row, or with the softmax loss on the
    /// rows labelled 1 (negatives sampled). <see cref="TrainOptions.StreamBuffer"/> &gt; 0 streams the file from
    /// disk instead of loading it (flat memory for any size; random or in-batch negatives from the block).
    /// Early stopping and <c>best/</c> follow the AUC of dev pairs: <paramref name="devPairsFile"/>, or else (in
    /// memory) the queries that <see cref="TrainOptions.PairDevFraction"/> holds out of the file.
    /// </summary>
    public static TrainResult TrainPairs(string pairsFile, string runDir, TrainOptions options,
        IReadOnlyDictionary<string, object?>? provenance = null, Action<TrainProgress>? progress = null, bool resume = false,
        string? devPairsFile = null)
    {
        if (resume) options = new RunFolder(runDir).ReadOptions();
        else new RunFolder(runDir).CheckWritable();
        var record = new Dictionary<string, object?>(provenance ?? new Dictionary<string, object?>()) { ["pairs"] = Path.GetFullPath(pairsFile) };
        WordHasher Featurizer(Func<IEnumerable<string>> texts) => resume
            ? WordHasher.Load(Path.Combine(new RunFolder(runDir).FeaturizerPath, WordHasher.FileName))
            : options.Hashing.Mode == WordHashingMode.Vocabulary ? WordHasher.Fit(texts(), options.Hashing) : new WordHasher(options.Hashing);
        var devRows = devPairsFile is null ? null : PointwiseReader.Read(devPairsFile).ToList();
        if (devPairsFile is not null) record["dev_pairs"] = Path.GetFullPath(devPairsFile);
        if (options.StreamBuffer > 0)
        {
            // The vocabulary is fitted in one streamed pass (every row's texts, repeats included).
            var hasher = Featurizer(() => PointwiseReader.Read(pairsFile).SelectMany(p => new[] { p.Query, p.Doc }));
            var streamedDev = devRows is null ? null : new PairDevEvaluator(devRows, hasher);
            using var trainer = new Trainer(options, new PairStream(pairsFile, options.StreamBuffer), hasher, progress, streamedDev);
            record["rows"] = trainer.Rows; record["rows_labelled_1"] = trainer.Positives;
            if (streamedDev is not null) record["dev_rows"] = streamedDev.Rows;
            if (options.Loss == LossKind.Softmax) record["rows_labelled_0_not_used"] = trainer.Rows - trainer.Positives;
            return trainer.Run(runDir, resume, record);
        }
        var pairs = PointwiseReader.Read(pairsFile).ToList();
        if (devRows is null && options.PairDevFraction > 0)
        {
            var (held, kept) = HoldOut(pairs, options.PairDevFraction);
            if (held.Any(p => p.Label == 1) && held.Any(p => p.Label == 0) && kept.Count > 0)
            {
                (devRows, pairs) = (held, kept);
                record["dev_held_out"] = options.PairDevFraction;
            }
            else record["dev_held_out"] = $"none: the queries held out ({options.PairDevFraction}) lack a label or leave no training row";
        }
        var data = ClickData.FromPairs(pairs.Select(p => (p.Label, p.Query, p.Doc)), clicks: options.Loss == LossKind.Softmax);
        var fitted = Featurizer(() => data.Documents.Select(d => d.Text).Concat(data.Queries.Select(q => q.Text)));
        record["rows"] = pairs.Count; record["rows_labelled_1"] = pairs.Count(p => p.Label == 1);
        if (devRows is not null) record["dev_rows"] = devRows.Count;
        if (options.Loss == LossKind.Softmax) record["clicks"] = data.Clicks.Count;
        var dev = devRows is null ? null : new PairDevEvaluator(devRows, fitted);
        using (var trainer = new Trainer(options, data, fitted, dev, progress))
            return trainer.Run(runDir, resume, record);
    }

    /// <summary>Splits rows by a hash of their query text (<see cref="StableId"/>): a query's rows all go to one side.</summary>
    internal static (List<PointwisePair> Held, List<PointwisePair> Kept) HoldOut(IReadOnlyList<PointwisePair> pairs, double fraction)
    {
        var held = new List<PointwisePair>(); var kept = new List<PointwisePair>();
        foreach (var p in pairs) (StableId.Unit(StableId.For("q-", p.Query)) < fraction ? held : kept).Add(p);
        return (held, kept);
    }

    /// <summary>
    /// Ranks the split's queries with a trained model — the whole corpus, or the given candidates — optionally
    /// mixed with BM25 (α·DSSM + (1−α)·BM25, min-max normalised per query); see the overload with
    /// <see cref="EvaluateOptions"/> for every mode.
    /// </summary>
    public static EvaluationReport Evaluate(string runDir, string dataDir, string split = "test", string? candidatesFile = null,
        string? runFile = null, IReadOnlyList<RankingMetric>? metrics = null, double? hybridAlpha = null, int depth = 100,
        DeviceChoice device = DeviceChoice.Auto, string? command = null, AnalyzerKind hybridAnalyzer = AnalyzerFactory.Default) =>
        Evaluate(runDir, dataDir, new EvaluateOptions(split,
            candidatesFile is null ? null : new FirstStage(FirstStageKind.Candidates, File: candidatesFile),
            hybridAlpha is { } a ? new HybridOptions(Alpha: a) : null, depth, metrics, runFile, device, command, hybridAnalyzer));

    /// <summary>
    /// Ranks the split's queries with a trained model and scores the ranking, in one of three first stages — the
    /// whole corpus, a candidates file (the dataset's, or one given; restricted to the split, what it left out
    /// counted in <see cref="EvaluationReport.Notes"/>), or BM25's top N made on the fly with the baselines'
    /// analyzer (the paper's re-ranking setting, Huang et al. 2013 §4) — optionally fused with BM25 over the same
    /// documents (<see cref="HybridOptions"/>: linear or reciprocal rank fusion; α given, or chosen on the dev split
    /// and never on the evaluated one). Writes the TREC run file and eval-SPLIT[-MODE].json in the run folder;
    /// when BM25 ran, its own report too (eval-SPLIT-bm25.json), so a report compares the modes with the BM25 of
    /// the same run.
    /// </summary>
    /// <exception cref="ArgumentException">no such split, an empty split, unusable candidates, or auto α without a dev split.</exception>
    public static EvaluationReport Evaluate(string runDir, string dataDir, EvaluateOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var model = TrainedModel.Load(runDir, options.Device);
        var data = BeirDataset.Load(dataDir);
        using var ranker = new ModeRanker(model, data, dataDir, options);
        var hybrid = options.Hybrid;
        var runs = ranker.Rank(options.Split, lexical: hybrid is not null);
        var notes = new List<string>();
        if (runs.Restriction is { } r) notes.Add(r.Summary);
        var stage = ranker.Stage;
        var run = runs.Dssm;
        var system = OptionName.Of(model.Options.Model) + (stage.Kind == FirstStageKind.Corpus ? "" : $" rerank {stage.Name}");
        double? alpha = null;
        if (hybrid is not null)
        {
            alpha = hybrid.Alpha ?? HybridTuning.Choose(ranker, data, dataDir, hybrid, options.Split, notes);
            run = HybridScoring.Fuse(runs.Dssm, runs.Lexical!, hybrid.Fusion, alpha.Value, hybrid.RrfK);
            var how = hybrid.Fusion == FusionKind.Rrf ? $"rrf k={hybrid.RrfK}" : "linear";
            system = $"hybrid({how}, α={alpha.Value:0.###}{(stage.Kind == FirstStageKind.Corpus ? "" : $", {stage.Name}")})";
        }
        var suffix = EvaluateOptions.SuffixOf(stage, hybrid);
        var runFile = options.RunFile ?? Path.Combine(runDir, $"run-{options.Split}{suffix}.trec");
        TrecRunFile.Write(runFile, run, system.Replace(' ', '_'));
        var metrics = options.Metrics ?? RankingMetric.Default;
        var result = RankingMetrics.Evaluate(run, runs.Qrels, metrics);
        EvaluationReport? bm25 = null;
        if (runs.Lexical is { } lexical)
        {
            var candidates = stage.Kind == FirstStageKind.Candidates ? "-candidates" : "";
            var bm25Run = Path.Combine(runDir, $"run-{options.Split}-bm25{candidates}.trec");
            TrecRunFile.Write(bm25Run, lexical, ranker.Bm25Options.SystemName);
            bm25 = EvaluationReport.From(ranker.Bm25Options.SystemName + (candidates.Length > 0 ? " candidates" : ""), dataDir, options.Split,
                RankingMetrics.Evaluate(lexical, runs.Qrels, metrics), Path.GetFullPath(bm25Run), options.Command) with
            { Analyzer = ranker.Bm25Options.Analysis, FirstStage = stage.Kind == FirstStageKind.Candidates ? stage.Name : "corpus", Notes = runs.Restriction is null ? null : [runs.Restriction.Summary] };
            bm25.Save(Path.Combine(runDir, $"eval-{options.Split}-bm25{candidates}.json"));
        }
        var report = EvaluationReport.From(system, dataDir, options.Split, result, Path.GetFullPath(runFile), options.Command) with
        {
            Analyzer = hybrid is null && stage.Kind != FirstStageKind.Bm25 ? null : ranker.Bm25Options.Analysis,
            FirstStage = stage.Name,
            Alpha = alpha,
            Notes = notes.Count == 0 ? null : notes,
            Bm25 = bm25,
        };
        report.Save(Path.Combine(runDir, $"eval-{options.Split}{suffix}.json"));
        return report;
    }

    /// <summary>
    /// A pair run judged on pointwise rows (<see cref="PairEvaluation"/>): AUC of cos(y_Q, y_D); the model's own
    /// decision σ(γ·cos + b) ≥ ½ with its learned b (pointwise runs); and the accuracy at the cosine threshold that
    /// is best on <paramref name="devPairsFile"/> (or, without one, on the judged rows themselves, labelled <c>self</c>).
    /// </summary>
    public static PairEvaluation EvaluatePairs(string runDir, string pairsFile, DeviceChoice device = DeviceChoice.Auto, string? devPairsFile = null)
    {
        using var model = TrainedModel.Load(runDir, device);
        (IReadOnlyList<double>, IReadOnlyList<int>) Score(string file)
        {
            var pairs = PointwiseReader.Read(file).ToList();
            var q = model.Encode(pairs.Select(p => p.Query).ToList(), TextSide.Query);
            var d = model.Encode(pairs.Select(p => p.Doc).ToList(), TextSide.Document);
            return (pairs.Select((_, i) => (double)q[i].Zip(d[i], (a, b) => a * b).Sum()).ToList(), pairs.Select(p => p.Label).ToList());
        }
        var (scores, labels) = Score(pairsFile);
        (IReadOnlyList<double>, IReadOnlyList<int>, string)? dev = null;
        if (devPairsFile is not null) { var (s, l) = Score(devPairsFile); dev = (s, l, Path.GetFileName(devPairsFile)); }
        return PairEvaluation.Of(OptionName.Of(model.Options.Model), scores, labels, dev, model.DecisionThreshold);
    }

    /// <summary>
    /// BM25 or TF-IDF on the split, writes the run file and returns the report. Text is analysed by
    /// <paramref name="analyzer"/> (by default Anserini's: stemmed English, Han bigrams);
    /// <c>plain</c> keeps the words of <paramref name="tokenizer"/> (the model's). The report's system is named
    /// with its analysis, <c>bm25(lucene)</c>, so a BM25 row always says how it was computed.
    /// </summary>
    public static EvaluationReport Baseline(BaselineKind kind, string dataDir, string split = "test", TokenizerKind tokenizer = TokenizerKind.Mixed,
        string? candidatesFile = null, string? runFile = null, IReadOnlyList<RankingMetric>? metrics = null, int depth = 100, string? command = null,
        AnalyzerKind analyzer = AnalyzerFactory.Default)
    {
        var data = BeirDataset.Load(dataDir);
        var (qrels, queryIds) = ModeRanker.SplitQueries(data, dataDir, split);
        var options = new BaselineOptions(kind, depth, Analyzer: analyzer, PlainTokenizer: tokenizer);
        var (candidates, restriction) = candidatesFile is not null || data.Candidates.Count > 0
            ? CandidateFiles.Load(data, dataDir, split, queryIds, candidatesFile)
            : (null, null);
        var run = Baselines.Run(queryIds.Select(q => (q, data.Queries[q])), data.Documents.Select(d => (d.Id, d.FullText)), options, candidates);
        if (runFile is not null) TrecRunFile.Write(runFile, run, options.SystemName);
        return EvaluationReport.From(options.SystemName, dataDir, split, RankingMetrics.Evaluate(run, qrels, metrics ?? RankingMetric.Default),
            runFile is null ? null : Path.GetFullPath(runFile), command) with
        { Analyzer = options.Analysis, FirstStage = candidates is null ? "corpus" : "candidates", Notes = restriction is null ? null : [restriction.Summary] };
    }

}
