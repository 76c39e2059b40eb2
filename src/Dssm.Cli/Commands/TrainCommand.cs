using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Experiments;
using Dssm.Research.Losses;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm train</c>: Experiment.Train / TrainPairs.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Dataset folder in the BEIR layout (corpus.jsonl, queries.jsonl, qrels/)." };
        var pairs = new Option<string?>("--pairs") { Description = "Rows label<TAB>query<TAB>doc instead of --data (pointwise loss by default; --loss softmax trains on the rows labelled 1)." };
        var stream = new Option<bool>("--stream") { Description = "--pairs only: read the file block by block instead of loading it (flat memory for any size; same as --stream-buffer 65536)." };
        var split = new Option<string>("--split") { Description = "Split whose clicks (qrels with score > 0) train the model.", DefaultValueFactory = _ => "train" };
        var output = new Option<string?>("--out") { Description = "Run folder to create (config.json, metrics.jsonl, checkpoint/, best/)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in RUN_DIR from its last checkpoint (its config.json is used)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var binder = new TrainingOptionsBinder();
        var command = new Command("train", "Train a DSSM/CDSSM: softmax over γ·cosine of each clicked document against J sampled ones (or pointwise rows with --pairs). Writes a run folder.")
            { data, pairs, stream, split, output, resume, quiet, json };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var resumeDir = parse.GetValue(resume);
            var runDir = resumeDir ?? parse.GetValue(output) ?? throw new ArgumentException("give --out RUN_DIR for a new run, or --resume RUN_DIR");
            var pairsFile = parse.GetValue(pairs);
            var dataDir = parse.GetValue(data);
            if (resumeDir is not null && dataDir is null && pairsFile is null)
            {
                using var cfg = JsonDocument.Parse(File.ReadAllText(new RunFolder(resumeDir).ConfigPath));
                var prov = cfg.RootElement.GetProperty("provenance");
                if (prov.TryGetProperty("data", out var d)) dataDir = d.GetString();
                if (prov.TryGetProperty("pairs", out var p)) pairsFile = p.GetString();
            }
            if ((dataDir is null) == (pairsFile is null)) throw new ArgumentException("give exactly one of --data DIR or --pairs FILE.tsv");
            var options = binder.Bind(parse, pairsFile is not null ? new TrainOptions { Loss = LossKind.Pointwise } : null);
            if (parse.GetValue(stream))
            {
                if (pairsFile is null) throw new ArgumentException("--stream reads a pair file: give --pairs FILE.tsv");
                if (options.StreamBuffer == 0) options = options with { StreamBuffer = 65_536 };
            }
            var provenance = new Dictionary<string, object?> { ["command"] = TrainingOptionsBinder.CommandLine() };
            var progress = Progress.For(parse.GetValue(quiet) || parse.GetValue(json));
            var result = pairsFile is not null
                ? Experiment.TrainPairs(pairsFile, runDir, options, provenance, progress, resumeDir is not null)
                : Experiment.Train(dataDir!, runDir, options, parse.GetValue(split)!, provenance, progress, resumeDir is not null);
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(result, Json.Options));
            else
            {
                Console.WriteLine($"run folder   {Path.GetFullPath(result.RunDirectory)}");
                Console.WriteLine($"epochs       {result.EpochsRun}{(result.StoppedEarly ? " (stopped early)" : "")}, {result.Steps} steps, {result.Seconds:F1} s, {result.QueriesPerSecond:F0} queries/s");
                if (result.BestDev is { } best) Console.WriteLine($"best dev     {result.DevMetric} {best:F4} (epoch {result.BestEpoch})");
                if (result.SkippedBatches > 0) Console.WriteLine($"skipped      {result.SkippedBatches} batches with a non-finite loss or gradient");
            }
            return 0;
        });
        return command;
    }
}
