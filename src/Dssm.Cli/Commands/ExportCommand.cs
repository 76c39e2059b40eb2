using System.CommandLine;
using Dssm.Research.Experiments;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm export onnx</c> (<see cref="ModelExport.Onnx"/>).</summary>
public static class ExportCommand
{
    public static Command Create()
    {
        var export = new Command("export", "Export a trained model for other engines.");
        var model = new Option<string>("--model") { Description = "Run folder of a trained DSSM.", Required = true };
        var output = new Option<string>("--out") { Description = "Folder to write query.onnx, document.onnx, featurizer.json, vocabulary.tsv and model-card.md into.", Required = true };
        var onnx = new Command("onnx", "The query and document towers as ONNX graphs (padded ids + weights → unit vectors), with the featurizer described in featurizer.json and a model card.") { model, output };
        onnx.SetAction(parse =>
        {
            foreach (var file in ModelExport.Onnx(parse.GetValue(model)!, parse.GetValue(output)!)) Console.WriteLine(file);
            return 0;
        });
        export.Subcommands.Add(onnx);
        return export;
    }
}
