using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm evaluate</c>: Experiment.Evaluate / EvaluatePairs.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model.", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (BEIR layout)." };
        var pairs = new Option<string?>("--pairs") { Description = "Pointwise rows label<TAB>query<TAB>doc: prints AUC, the model's own accuracy (σ(γ·cos + b) ≥ ½) and the accuracy at a tuned threshold instead." };
        var devPairs = new Option<string?>("--dev-pairs") { Description = "With --pairs: rows that tune the accuracy threshold (without it the threshold is tuned on --pairs itself, labelled 'self')." };
        var split = new Option<string>("--split") { Description = "Split to evaluate on.", DefaultValueFactory = _ => "test" };
        var candidates = new Option<string?>("--candidates") { Description = "qid<TAB>docid lines: re-rank these instead of searching the corpus (restricted to the split's queries; what is left out is counted)." };
        var rerank = new Option<string?>("--rerank") { Description = "What to re-rank: bm25:N (BM25's top N, made with the baselines' analyzer), candidates (the dataset's candidates.tsv) or corpus. Default: the dataset's candidates when it has them, else the corpus." };
        var runFile = new Option<string?>("--run-file") { Description = "Where to write the TREC run (default RUN_DIR/run-SPLIT.trec)." };
        var metrics = new Option<string>("--metrics") { Description = "Comma-separated: ndcg@k, mrr, map, p@k, recall@k.", DefaultValueFactory = _ => "ndcg@1,ndcg@3,ndcg@10,mrr,map" };
        var hybrid = new Option<string?>("--hybrid") { Description = "Fuse with BM25: auto (α chosen on the dev split, printed; test is never read for it) or α in [0, 1], the DSSM's weight." };
        var fusion = new Option<string>("--fusion") { Description = "With --hybrid: linear (α·minmax(DSSM) + (1−α)·minmax(BM25) per query) or rrf (reciprocal rank fusion, k = 60).", DefaultValueFactory = _ => "linear" };
        var depth = CommonOptions.Depth(100, "Documents ranked per query (the depth of the run file).");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var deviceOption = CommonOptions.Device();
        var command = new Command("evaluate", "Rank a split's queries with a trained model and score the ranking (trec_eval definitions); writes the TREC run file.")
            { model, data, pairs, devPairs, split, candidates, rerank, runFile, metrics, hybrid, fusion, depth, json, deviceOption };
        var hnsw = new HnswOptionsBinder();
        hnsw.AddTo(command);
        command.SetAction(parse =>
        {
            var device = Devices.Parse(parse.GetValue(deviceOption)!);
            if (parse.GetValue(pairs) is { } pairsFile)
            {
                var result = Experiment.EvaluatePairs(parse.GetValue(model)!, pairsFile, device, parse.GetValue(devPairs));
                Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(result, Json.Options) + "\n" : result.ToText());
                return 0;
            }
            var dataDir = parse.GetValue(data) ?? throw new ArgumentException("give --data DIR (or --pairs FILE.tsv)");
            var stage = parse.GetValue(rerank) is { } r ? FirstStage.Parse(r) : null;
            if (parse.GetValue(candidates) is { } file)
                stage = stage is null || stage.Kind == FirstStageKind.Candidates ? new FirstStage(FirstStageKind.Candidates, File: file)
                    : throw new ArgumentException($"--candidates {file} and --rerank {stage.Name}: give one of them");
            var hybridOptions = parse.GetValue(hybrid) is { } h
                ? new HybridOptions(OptionName.Parse<FusionKind>(parse.GetValue(fusion)!, "--fusion"), HybridOptions.ParseAlpha(h))
                : null;
            var options = new EvaluateOptions(parse.GetValue(split)!, stage, hybridOptions, parse.GetValue(depth), RankingMetric.ParseList(parse.GetValue(metrics)!),
                parse.GetValue(runFile), device, TrainingOptionsBinder.CommandLine(), Index: hnsw.Kind(parse), Hnsw: hnsw.Options(parse));
            var report = Experiment.Evaluate(parse.GetValue(model)!, dataDir, options);
            if (!parse.GetValue(json) && report.Bm25 is { } bm25) Console.WriteLine(EvaluationReport.Table([bm25, report]));
            Print(report, parse.GetValue(json), table: report.Bm25 is null);
            return 0;
        });
        return command;
    }

    public static void Print(EvaluationReport report, bool json, bool table = true)
    {
        if (json) { Console.WriteLine(JsonSerializer.Serialize(report, Json.Options)); return; }
        if (table) Console.WriteLine(EvaluationReport.Table([report]));
        foreach (var note in report.Notes ?? []) Console.WriteLine(note);
        Console.WriteLine($"queries: {report.Queries} evaluated, {report.SkippedNoRelevant} skipped (no relevant document)");
        if (report.RunFile is not null) Console.WriteLine($"run file: {report.RunFile}");
    }
}
