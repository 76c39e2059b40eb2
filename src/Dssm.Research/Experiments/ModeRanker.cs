using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Experiments;

/// <summary>
/// Ranks a split's queries in one of <c>dssm evaluate</c>'s modes — the whole corpus, a candidates file, or BM25's
/// top N — with the DSSM and, when asked, with BM25 over the same documents (for a hybrid, or the BM25 row of the
/// same run). The corpus is encoded and BM25's index built once, so the dev split that chooses a hybrid's α and the
/// evaluated split share them.
/// </summary>
sealed class ModeRanker : IDisposable
{
    readonly TrainedModel model;
    readonly BeirDataset data;
    readonly string dataDir;
    readonly EvaluateOptions options;
    readonly FirstStage stage;
    readonly Lazy<EmbeddingIndex> index;
    readonly Lazy<HnswIndex>? hnsw;
    readonly Lazy<ILexicalModel> bm25;

    public ModeRanker(TrainedModel model, BeirDataset data, string dataDir, EvaluateOptions options)
    {
        this.model = model; this.data = data; this.dataDir = dataDir; this.options = options;
        // Without a choice, a dataset that ships candidates (WikiQA) is ranked over them, as before.
        stage = options.FirstStage ?? (data.Candidates.Count > 0 ? new FirstStage(FirstStageKind.Candidates) : FirstStage.Corpus);
        Bm25Options = new BaselineOptions(BaselineKind.Bm25, options.Depth, Analyzer: options.Analyzer, PlainTokenizer: model.Options.Hashing.Tokenizer);
        index = new(() => EmbeddingIndex.Encode(data.DocumentTexts, t => model.Encode(t, TextSide.Document), concurrency: Environment.ProcessorCount));
        if (options.Index == IndexKind.Hnsw) hnsw = new(() => HnswIndex.Build(index.Value, options.Hnsw));   // the full corpus through the approximate index
        var analyzer = Bm25Options.CreateAnalyzer();
        bm25 = new(() => Baselines.Build(data.Documents.AsParallel().AsOrdered().Select(d => (d.Id, analyzer.Tokenize(d.FullText))), Bm25Options));
        Analyze = text => analyzer.Tokenize(text);
    }

    /// <summary>The first stage in use (the dataset's candidates when none was chosen and it has some).</summary>
    public FirstStage Stage => stage;

    /// <summary>BM25 as the baselines compute it (Lucene's analysis by default).</summary>
    public BaselineOptions Bm25Options { get; }

    Func<string, IReadOnlyList<string>> Analyze { get; }

    /// <summary>A split's judgements and its judged queries.</summary>
    /// <exception cref="ArgumentException">no such split, it judges no query, or no query has a relevant document; the message names the option or the file.</exception>
    public static (Qrels Qrels, IReadOnlyList<string> QueryIds) SplitQueries(BeirDataset data, string dataDir, string split)
    {
        if (!data.Splits.Contains(split))
            throw new ArgumentException($"--split {split}: {dataDir} has no qrels/{split}.tsv; its splits are {string.Join(", ", data.Splits)}");
        var qrels = data.Qrels(split);
        var queryIds = qrels.QueryIds.Where(data.Queries.ContainsKey).ToList();
        var file = Path.Combine(dataDir, "qrels", split + ".tsv");
        if (queryIds.Count == 0) throw new ArgumentException($"{file}: split '{split}' judges no query; nothing to evaluate");
        // Metrics skip a query without a relevant document (trec_eval's convention); with none left, a mean of 0 over 0 queries would be printed as if it were a result.
        if (!queryIds.Any(q => qrels.Relevant(q).Any()))
            throw new ArgumentException($"{file}: none of the {queryIds.Count:N0} queries of split '{split}' has a relevant document (score > 0); nothing to evaluate");
        return (qrels, queryIds);
    }

    /// <summary>Ranks <paramref name="split"/>; BM25's run too when <paramref name="lexical"/> or the first stage is BM25.</summary>
    /// <exception cref="ArgumentException">no such split, or it judges no query.</exception>
    public SplitRuns Rank(string split, bool lexical)
    {
        var (qrels, queryIds) = SplitQueries(data, dataDir, split);
        Candidates? candidates = null;
        CandidateRestriction? restriction = null;
        RankedRun? lex = null;
        var tokens = new Lazy<(string, IReadOnlyList<string>)[]>(() => queryIds.Select(q => (q, Analyze(data.Queries[q]))).ToArray());
        switch (stage.Kind)
        {
            case FirstStageKind.Candidates:
                (candidates, restriction) = CandidateFiles.Load(data, dataDir, split, queryIds, stage.File);
                break;
            case FirstStageKind.Bm25:
                lex = Baselines.Run(bm25.Value, tokens.Value, stage.Depth);
                candidates = Candidates.FromRun(lex, stage.Depth);
                break;
        }
        var vectors = model.Encode(queryIds.Select(q => data.Queries[q]).ToList(), TextSide.Query);
        var byId = queryIds.Select((q, i) => (q, vectors[i])).ToDictionary(p => p.q, p => p.Item2, StringComparer.Ordinal);
        var dssm = candidates is not null ? index.Value.Rerank(candidates, byId)
            : hnsw is not null ? hnsw.Value.Search(byId, options.Depth) : index.Value.Search(byId, options.Depth);
        if (lexical && lex is null) lex = Baselines.Run(bm25.Value, tokens.Value, options.Depth, candidates);
        return new SplitRuns(split, qrels, dssm, lex, restriction);
    }

    public void Dispose()
    {
        if (hnsw is { IsValueCreated: true }) hnsw.Value.Dispose();
    }
}
