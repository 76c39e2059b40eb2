using System.CommandLine;
using Dssm.Research.Experiments;
using Dssm.Research.Training;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm quickstart</c>: the README's main job (Quickstart.Run).</summary>
public static class QuickstartCommand
{
    /// <summary>Defaults tuned to finish in a few minutes on 2 cores.</summary>
    public static readonly TrainOptions Defaults = new() { Epochs = 5, BatchSize = 128, Patience = 2 };

    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder.", DefaultValueFactory = _ => FindDefaultDataset() };
        var output = new Option<string>("--out") { Description = "Output folder (replaced): dssm/ run, baselines/, report.html, report.md.", DefaultValueFactory = _ => "runs/quickstart" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var binder = new TrainingOptionsBinder();
        var command = new Command("quickstart", "On the embedded dataset: train a DSSM, evaluate it against BM25 and TF-IDF on the test split, write the report.") { data, output, quiet };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var result = Quickstart.Run(parse.GetValue(data)!, parse.GetValue(output)!, binder.Bind(parse, Defaults), TrainingOptionsBinder.CommandLine(),
                line => Console.Error.WriteLine(line), Progress.For(parse.GetValue(quiet)));
            Console.WriteLine();
            Console.WriteLine(EvaluationReport.Table(result.Test));
            Console.WriteLine();
            Console.WriteLine($"report:   {result.Html}");
            Console.WriteLine($"markdown: {result.Markdown}");
            return 0;
        });
        return command;
    }

    /// <summary>datasets/semantic-clicks of the repository this command runs from (searched upwards from the current folder and the app).</summary>
    static string FindDefaultDataset()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "datasets", "semantic-clicks");
                if (File.Exists(Path.Combine(candidate, "corpus.jsonl"))) return candidate;
            }
        return Path.Combine("datasets", "semantic-clicks");
    }
}
