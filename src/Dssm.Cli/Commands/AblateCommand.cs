using System.CommandLine;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm ablate</c>: Ablation.Run.</summary>
public static class AblateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "Dataset folder (BEIR layout).", Required = true };
        var param = new Option<string>("--param") { Description = $"Option to vary: {string.Join(", ", Ablation.Params)}.", Required = true };
        var values = new Option<string>("--values") { Description = "Comma-separated values, e.g. 1,5,10,20,50 (gamma also takes 'learnable').", Required = true };
        var output = new Option<string>("--out") { Description = "Folder for one run per value and ablation-PARAM.json.", DefaultValueFactory = _ => "runs/ablation" };
        var binder = new TrainingOptionsBinder();
        var command = new Command("ablate", "Train once per value of one option, same seed and data, evaluate each on test, and print one table.") { data, param, values, output };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var rows = Ablation.Run(parse.GetValue(data)!, parse.GetValue(output)!, binder.Bind(parse), parse.GetValue(param)!,
                parse.GetValue(values)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                TrainingOptionsBinder.CommandLine(), line => Console.Error.WriteLine(line));
            Console.WriteLine(Ablation.Table(rows));
            Console.WriteLine($"results: {Path.GetFullPath(Path.Combine(parse.GetValue(output)!, $"ablation-{parse.GetValue(param)}.json"))}");
            return 0;
        });
        return command;
    }
}
