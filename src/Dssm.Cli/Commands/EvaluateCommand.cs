using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;
using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm evaluate</c>: Experiment.Evaluate / EvaluatePairs.</summary>
public static class EvaluateCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Run folder of a trained model.", Required = true };
        var data = new Option<string?>("--data") { Description = "Dataset folder (BEIR layout)." };
        var pairs = new Option<string?>("--pairs") { Description = "Pointwise rows label<TAB>query<TAB>doc: prints AUC and accuracy instead." };
        var split = new Option<string>("--split") { Description = "Split to evaluate on.", DefaultValueFactory = _ => "test" };
        var candidates = new Option<string?>("--candidates") { Description = "qid<TAB>docid lines: re-rank these instead of searching the corpus." };
        var runFile = new Option<string?>("--run-file") { Description = "Where to write the TREC run (default RUN_DIR/run-SPLIT.trec)." };
        var metrics = new Option<string>("--metrics") { Description = "Comma-separated: ndcg@k, mrr, map, p@k, recall@k.", DefaultValueFactory = _ => "ndcg@1,ndcg@3,ndcg@10,mrr,map" };
        var hybrid = new Option<double?>("--hybrid") { Description = "α in α·DSSM + (1−α)·BM25 (min-max normalised per query)." };
        var depth = CommonOptions.Depth(100, "Documents ranked per query (the depth of the run file).");
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var deviceOption = CommonOptions.Device();
        var command = new Command("evaluate", "Rank a split's queries with a trained model and score the ranking (trec_eval definitions); writes the TREC run file.")
            { model, data, pairs, split, candidates, runFile, metrics, hybrid, depth, json, deviceOption };
        command.SetAction(parse =>
        {
            var device = Devices.Parse(parse.GetValue(deviceOption)!);
            if (parse.GetValue(pairs) is { } pairsFile)
            {
                var (auc, accuracy, rows) = Experiment.EvaluatePairs(parse.GetValue(model)!, pairsFile, device);
                Console.WriteLine(parse.GetValue(json) ? JsonSerializer.Serialize(new { auc, accuracy, rows }, Json.Options) : $"rows      {rows}\nauc       {auc:F4}\naccuracy  {accuracy:F4}  (cos > 0)");
                return 0;
            }
            var dataDir = parse.GetValue(data) ?? throw new ArgumentException("give --data DIR (or --pairs FILE.tsv)");
            var report = Experiment.Evaluate(parse.GetValue(model)!, dataDir, parse.GetValue(split)!, parse.GetValue(candidates), parse.GetValue(runFile),
                RankingMetric.ParseList(parse.GetValue(metrics)!), parse.GetValue(hybrid), parse.GetValue(depth), device, TrainingOptionsBinder.CommandLine());
            Print(report, parse.GetValue(json));
            return 0;
        });
        return command;
    }

    public static void Print(EvaluationReport report, bool json)
    {
        if (json) { Console.WriteLine(JsonSerializer.Serialize(report, Json.Options)); return; }
        Console.WriteLine(EvaluationReport.Table([report]));
        Console.WriteLine($"queries: {report.Queries} evaluated, {report.SkippedNoRelevant} skipped (no relevant document)");
        if (report.RunFile is not null) Console.WriteLine($"run file: {report.RunFile}");
    }
}
