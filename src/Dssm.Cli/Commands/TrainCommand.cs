using System.CommandLine;
using System.Text.Json;
using Dssm.Research.Experiments;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm train</c>: <see cref="TrainRequest.Run"/>.</summary>
public static class TrainCommand
{
    public static Command Create()
    {
        var data = new Option<string?>("--data") { Description = "Dataset folder in the BEIR layout (corpus.jsonl, queries.jsonl, qrels/)." };
        var pairs = new Option<string?>("--pairs") { Description = "Rows label<TAB>query<TAB>doc instead of --data (pointwise loss by default; --loss softmax trains on the rows labelled 1)." };
        var stream = new Option<bool>("--stream") { Description = $"--pairs only: read the file block by block instead of loading it (flat memory for any size; same as --stream-buffer {TrainRequest.StreamRows})." };
        var devPairs = new Option<string?>("--dev-pairs") { Description = "--pairs only: dev rows whose AUC early-stops the run and picks best/ (default: 10% of the queries held out of --pairs)." };
        var split = new Option<string>("--split") { Description = "Split whose clicks (qrels with score > 0) train the model.", DefaultValueFactory = _ => "train" };
        var output = new Option<string?>("--out") { Description = "Run folder to create (config.json, metrics.jsonl, checkpoint/, best/)." };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in RUN_DIR from its last checkpoint (its config.json is used)." };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var json = new Option<bool>("--json") { Description = "Print the result as one JSON object." };
        var binder = new TrainingOptionsBinder();
        var command = new Command("train", "Train a DSSM/CDSSM: softmax over γ·cosine of each clicked document against J sampled ones (or pointwise rows with --pairs). Writes a run folder.")
            { data, pairs, devPairs, stream, split, output, resume, quiet, json };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var resumeDir = parse.GetValue(resume);
            var request = new TrainRequest(resumeDir ?? parse.GetValue(output) ?? throw new ArgumentException("give --out RUN_DIR for a new run, or --resume RUN_DIR"),
                parse.GetValue(data), parse.GetValue(pairs), parse.GetValue(split)!, resumeDir is not null, parse.GetValue(stream), parse.GetValue(devPairs));
            var result = request.Run(defaults => binder.Bind(parse, defaults), new Dictionary<string, object?> { ["command"] = TrainingOptionsBinder.CommandLine() },
                Progress.For(parse.GetValue(quiet) || parse.GetValue(json)));
            Console.Write(parse.GetValue(json) ? JsonSerializer.Serialize(result, Json.Options) + "\n" : result.ToText());
            return 0;
        });
        return command;
    }
}
