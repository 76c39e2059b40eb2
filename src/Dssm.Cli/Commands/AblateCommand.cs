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
        var output = new Option<string>("--out") { Description = "Folder for one run per value (and seed) and ablation-PARAM.json.", DefaultValueFactory = _ => "runs/ablation" };
        var seeds = new Option<string?>("--seeds") { Description = "Comma-separated seeds, e.g. 1,2,3: every value is trained with each; the table shows mean ± sd (default: the one --seed)." };
        var reference = new Option<string?>("--reference") { Description = "The value the dev-chosen one is tested against on test (default: the training options' own value, when listed)." };
        var permutations = new Option<int>("--permutations") { Description = "Sign flips of the randomization test.", DefaultValueFactory = _ => 10_000 };
        var binder = new TrainingOptionsBinder();
        var command = new Command("ablate", "Train once per value of one option (and per seed), same data, evaluate each on test; the value is chosen on dev and tested against a reference.") { data, param, values, output, seeds, reference, permutations };
        binder.AddTo(command);
        command.SetAction(parse =>
        {
            var options = binder.Bind(parse);
            var study = Ablation.Study(parse.GetValue(data)!, parse.GetValue(output)!, options, parse.GetValue(param)!,
                parse.GetValue(values)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                parse.GetValue(seeds) is { } s ? Ablation.ParseSeeds(s) : null, parse.GetValue(reference),
                new Dssm.Research.Evaluation.ComparisonOptions { Permutations = parse.GetValue(permutations), Seed = options.Seed },
                TrainingOptionsBinder.CommandLine(), line => Console.Error.WriteLine(line));
            Console.WriteLine(study.Table());
            Console.WriteLine($"results: {Path.GetFullPath(Path.Combine(parse.GetValue(output)!, $"ablation-{parse.GetValue(param)}.json"))}");
            return 0;
        });
        return command;
    }
}
