using System.CommandLine;
using Dssm.Notebooks;
using Dssm.Research.Runtime;

namespace Dssm.Cli.Commands;

/// <summary><c>dssm notebooks run [--quick] [--shared-plotly] [--out DIR] [FILES…]</c>: <see cref="NotebookHost.Run"/>.</summary>
public static class NotebooksCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick")
        {
            Description = $"Quick mode: sets {NotebookRunner.QuickVariable}=1, which each notebook's parameter cell reads to shrink data and epochs (what CI runs).",
        };
        var sharedPlotly = new Option<bool>("--shared-plotly")
        {
            Description = "Write plotly.js once into --out (plotly-VERSION.min.js) and have every HTML page load it from there, instead of embedding 3.5 MB in each page.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Folder for the executed notebooks (.ipynb) and their HTML reports.",
            DefaultValueFactory = _ => Path.Combine("notebooks", "out"),
        };
        var files = new Argument<string[]>("files")
        {
            Description = "Notebooks to run (.dib or .ipynb). Default: notebooks/[0-9]*.dib, in name order.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var run = new Command("run", "Run notebooks headless, cell by cell; fail on the first cell error with the notebook, cell number and error; write .ipynb and .html reports.");
        run.Options.Add(quick);
        run.Options.Add(sharedPlotly);
        run.Options.Add(output);
        run.Arguments.Add(files);
        run.SetAction(parse => NotebookHost.Run(parse.GetValue(files) ?? [], parse.GetValue(quick), parse.GetValue(sharedPlotly), parse.GetValue(output)!,
            TorchRuntime.MallocTunables));
        var command = new Command("notebooks", "The course notebooks (notebooks/*.dib): run them headless as reports.");
        command.Subcommands.Add(run);
        return command;
    }
}
