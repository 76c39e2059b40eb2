using System.CommandLine;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm quickstart</c>: the README's main job (<see cref="Quickstart.Run"/>).</summary>
public static class QuickstartCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder.", DefaultValueFactory = _ => Quickstart.DefaultData() };
        var output = new Option<string>("--out") { Description = "Output folder (replaced): dssm/ run, baselines/, report.html, report.md.", DefaultValueFactory = _ => "runs/quickstart" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress output." };
        var binder = new TrainingOptionsBinder();
        var command = new Command("quickstart", "On the embedded dataset: train a DSSM, evaluate it against BM25 and TF-IDF on the test split, write the report.") { data, output, quiet };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var result = Quickstart.Run(parse.GetValue(data)!, parse.GetValue(output)!, binder.Bind(parse, Quickstart.Defaults), TrainingOptionsBinder.CommandLine(),
                line => Console.Error.WriteLine(line), Progress.For(parse.GetValue(quiet)));
            Console.Write(result.ToText());
            return 0;
        });
        return command;
    }
}
