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
        var data = BeirDataset.Load(dataDir);
        var documents = data.Documents.Select(d => (d.Id, d.FullText)).ToList();
        var queries = data.Queries.Select(q => (q.Key, q.Value)).ToList();
        var docIndex = documents.Select((d, i) => (d.Id, i)).ToDictionary(p => p.Id, p => p.i, StringComparer.Ordinal);
        var queryIndex = queries.Select((q, i) => (q.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);
        var train = data.Qrels(split);
        var clicks = train.QueryIds.SelectMany(q => train.Relevant(q).Select(d => (queryIndex[q], docIndex[d]))).ToList();
        var clickData = new ClickData(documents, queries, clicks);

        var hasher = resume
            ? WordHasher.Load(Path.Combine(new RunFolder(runDir).FeaturizerPath, WordHasher.FileName))
            : options.Hashing.Mode == WordHashingMode.Vocabulary
                ? WordHasher.Fit(documents.Select(d => d.Item2).Concat(train.QueryIds.Select(q => data.Queries[q])), options.Hashing)
                : new WordHasher(options.Hashing);
        IDevEvaluator? dev = data.Splits.Contains("dev")
            ? new RankingDevEvaluator(data.Qrels("dev"), documents.Select(d => d.Id).ToList(), queries.Select(q => q.Key).ToList(), options.DevMetric)
            : null;
        Func<int, IReadOnlyList<int>>? hard = null;
        if (options.Sampler == SamplerKind.Bm25)
        {
            // The BM25 of the baselines (TrainOptions.HardNegativeAnalyzer, by default Lucene's stemmed analysis), not the model's tokenizer.
            var tokenizer = AnalyzerFactory.Create(options.HardNegativeAnalyzer, options.Hashing.Tokenizer);
            var bm25 = new Bm25(documents.AsParallel().AsOrdered().Select(d => (d.Id, tokenizer.Tokenize(d.Item2))));
            var trainQueries = new HashSet<int>(clicks.Select(c => c.Item1));
            var pools = new IReadOnlyList<int>[queries.Count];
            Parallel.For(0, queries.Count, q => pools[q] = trainQueries.Contains(q)
                ? bm25.Search(tokenizer.Tokenize(queries[q].Value), options.HardNegativePool + 5).Select(h => docIndex[h.DocId]).ToList()
                : Array.Empty<int>());
            hard = q => pools[q];
        }
        var record = new Dictionary<string, object?>(provenance ?? new Dictionary<string, object?>())
        {
            ["data"] = Path.GetFullPath(dataDir), ["split"] = split,
            ["documents"] = documents.Count, ["queries"] = queries.Count, ["clicks"] = clicks.Count,
        };
        using var trainer = new Trainer(options, clickData, hasher, dev, progress, hard);
        return trainer.Run(runDir, resume, record);
    }

    /// <summary>
    /// Trains on (label, query, doc) rows: with the pointwise loss on every row, or with the softmax loss on the
    /// rows labelled 1 (negatives sampled). <see cref="TrainOptions.StreamBuffer"/> &gt; 0 streams the file from
    /// disk instead of loading it (flat memory for any size; random or in-batch negatives from the block).
    /// </summary>
    public static TrainResult TrainPairs(string pairsFile, string runDir, TrainOptions options,
        IReadOnlyDictionary<string, object?>? provenance = null, Action<TrainProgress>? progress = null, bool resume = false)
    {
        if (resume) options = new RunFolder(runDir).ReadOptions();
        else new RunFolder(runDir).CheckWritable();
        var record = new Dictionary<string, object?>(provenance ?? new Dictionary<string, object?>()) { ["pairs"] = Path.GetFullPath(pairsFile) };
        WordHasher Featurizer(Func<IEnumerable<string>> texts) => resume
            ? WordHasher.Load(Path.Combine(new RunFolder(runDir).FeaturizerPath, WordHasher.FileName))
            : options.Hashing.Mode == WordHashingMode.Vocabulary ? WordHasher.Fit(texts(), options.Hashing) : new WordHasher(options.Hashing);
        if (options.StreamBuffer > 0)
        {
            // The vocabulary is fitted in one streamed pass (every row's texts, repeats included).
            var hasher = Featurizer(() => PointwiseReader.Read(pairsFile).SelectMany(p => new[] { p.Query, p.Doc }));
            using var trainer = new Trainer(options, new PairStream(pairsFile, options.StreamBuffer), hasher, progress);
            record["rows"] = trainer.Rows; record["rows_labelled_1"] = trainer.Positives;
            if (options.Loss == LossKind.Softmax) record["rows_labelled_0_not_used"] = trainer.Rows - trainer.Positives;
            return trainer.Run(runDir, resume, record);
        }
        var pairs = PointwiseReader.Read(pairsFile).ToList();
        var data = ClickData.FromPairs(pairs.Select(p => (p.Label, p.Query, p.Doc)), clicks: options.Loss == LossKind.Softmax);
        var fitted = Featurizer(() => data.Documents.Select(d => d.Text).Concat(data.Queries.Select(q => q.Text)));
        record["rows"] = pairs.Count; record["rows_labelled_1"] = pairs.Count(p => p.Label == 1);
        if (options.Loss == LossKind.Softmax) record["clicks"] = data.Clicks.Count;
        using (var trainer = new Trainer(options, data, fitted, null, progress))
            return trainer.Run(runDir, resume, record);
    }

    /// <summary>
    /// Ranks the split's queries with a trained model — the whole corpus, or the given candidates — optionally
    /// mixed with BM25 (α·DSSM + (1−α)·BM25, min-max normalised per query), scores the ranking and writes the
    /// TREC run file. Returns the report (also saved as eval-SPLIT.json in the run folder). The hybrid's BM25 is
    /// the baseline's (<paramref name="hybridAnalyzer"/>, by default Lucene's stemmed analysis; <c>plain</c> uses
    /// the model's tokenizer), and the report's <see cref="EvaluationReport.Analyzer"/> names it.
    /// </summary>
    public static EvaluationReport Evaluate(string runDir, string dataDir, string split = "test", string? candidatesFile = null,
        string? runFile = null, IReadOnlyList<RankingMetric>? metrics = null, double? hybridAlpha = null, int depth = 100,
        DeviceChoice device = DeviceChoice.Auto, string? command = null, AnalyzerKind hybridAnalyzer = AnalyzerFactory.Default)
    {
        using var model = TrainedModel.Load(runDir, device);
        var data = BeirDataset.Load(dataDir);
        var qrels = data.Qrels(split);
        var queryIds = qrels.QueryIds.Where(data.Queries.ContainsKey).ToList();
        var candidates = LoadCandidates(data, candidatesFile);
        var docs = data.Documents.Select(d => (d.Id, d.FullText)).ToList();
        var index = EmbeddingIndex.Encode(docs, texts => model.Encode(texts, TextSide.Document));
        var vectors = model.Encode(queryIds.Select(q => data.Queries[q]).ToList(), TextSide.Query);
        var queryVectors = queryIds.Select((q, i) => (q, vectors[i])).ToDictionary(p => p.q, p => p.Item2, StringComparer.Ordinal);
        var run = candidates is null ? index.Search(queryVectors, depth) : index.Rerank(candidates, queryVectors);
        var system = OptionName.Of(model.Options.Model);
        string? analysis = null;
        if (hybridAlpha is { } alpha)
        {
            var bm25 = new BaselineOptions(BaselineKind.Bm25, depth, Analyzer: hybridAnalyzer, PlainTokenizer: model.Options.Hashing.Tokenizer);
            run = HybridScoring.Combine(run, LexicalRun(bm25, data, queryIds, candidates), alpha);
            system = $"hybrid(α={alpha:0.##})";
            analysis = bm25.Analysis;
        }
        runFile ??= Path.Combine(runDir, $"run-{split}{(hybridAlpha is null ? "" : "-hybrid")}.trec");
        TrecRunFile.Write(runFile, run, system.Replace(' ', '_'));
        var result = RankingMetrics.Evaluate(run, qrels, metrics ?? RankingMetric.Default);
        var report = EvaluationReport.From(system, dataDir, split, result, Path.GetFullPath(runFile), command) with { Analyzer = analysis };
        report.Save(Path.Combine(runDir, $"eval-{split}{(hybridAlpha is null ? "" : "-hybrid")}.json"));
        return report;
    }

    /// <summary>AUC of cos(y_Q, y_D) against the labels of pointwise rows, and accuracy with the threshold cos &gt; 0.</summary>
    public static (double Auc, double Accuracy, int Rows) EvaluatePairs(string runDir, string pairsFile, DeviceChoice device = DeviceChoice.Auto)
    {
        using var model = TrainedModel.Load(runDir, device);
        var pairs = PointwiseReader.Read(pairsFile).ToList();
        var q = model.Encode(pairs.Select(p => p.Query).ToList(), TextSide.Query);
        var d = model.Encode(pairs.Select(p => p.Doc).ToList(), TextSide.Document);
        var scores = pairs.Select((_, i) => (double)q[i].Zip(d[i], (a, b) => a * b).Sum()).ToList();
        var labels = pairs.Select(p => p.Label).ToList();
        return (PointwiseMetrics.Auc(scores, labels), PointwiseMetrics.Accuracy(scores, labels, threshold: 0), pairs.Count);
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
        var qrels = data.Qrels(split);
        var queryIds = qrels.QueryIds.Where(data.Queries.ContainsKey).ToList();
        var options = new BaselineOptions(kind, depth, Analyzer: analyzer, PlainTokenizer: tokenizer);
        var run = LexicalRun(options, data, queryIds, LoadCandidates(data, candidatesFile));
        if (runFile is not null) TrecRunFile.Write(runFile, run, options.SystemName);
        return EvaluationReport.From(options.SystemName, dataDir, split, RankingMetrics.Evaluate(run, qrels, metrics ?? RankingMetric.Default),
            runFile is null ? null : Path.GetFullPath(runFile), command) with
        { Analyzer = options.Analysis };
    }

    static RankedRun LexicalRun(BaselineOptions options, BeirDataset data, IReadOnlyList<string> queryIds, Candidates? candidates) =>
        Baselines.Run(queryIds.Select(q => (q, data.Queries[q])), data.Documents.Select(d => (d.Id, d.FullText)), options, candidates);

    static Candidates? LoadCandidates(BeirDataset data, string? file)
    {
        if (file is not null) return Candidates.Read(file);
        if (data.Candidates.Count == 0) return null;
        var c = new Candidates();
        foreach (var (q, docs) in data.Candidates) foreach (var d in docs) c.Add(q, d);
        return c;
    }
}
