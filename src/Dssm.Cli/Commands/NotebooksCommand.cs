using System.CommandLine;
using Dssm.Notebooks;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm notebooks run [--quick] [--out DIR] [FILES…]</c>: executes .dib notebooks headless (every
/// cell in order, stopping at the first error) and writes each as an executed .ipynb and an HTML
/// report. Without FILES, every notebooks/NN-*.dib under the current directory, in name order.
/// </summary>
public static class NotebooksCommand
{
    public static Command Create()
    {
        var quick = new Option<bool>("--quick")
        {
            Description = $"Quick mode: sets {NotebookRunner.QuickVariable}=1, which each notebook's parameter cell reads to shrink data and epochs (what CI runs).",
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
        run.Options.Add(output);
        run.Arguments.Add(files);
        run.SetAction(parse =>
        {
            var notebooks = parse.GetValue(files) is { Length: > 0 } given ? given : DefaultNotebooks();
            if (notebooks.Length == 0)
                throw new FileNotFoundException("no notebooks given and none found as notebooks/[0-9]*.dib under the current directory");
            var outDir = Path.GetFullPath(parse.GetValue(output)!);
            var runner = new NotebookRunner(new NotebookRunOptions { Quick = parse.GetValue(quick), OutputDirectory = outDir, Log = Console.WriteLine });
            var failed = 0;
            foreach (var notebook in notebooks)
            {
                Console.WriteLine($"{notebook}");
                var result = runner.RunAsync(notebook).GetAwaiter().GetResult();
                Console.WriteLine(result.Succeeded
                    ? $"  ok: {result.Cells.Count} cells in {result.Elapsed.TotalSeconds:0.0} s -> {result.IpynbPath}, {result.HtmlPath}"
                    : $"  FAILED: {result.Summary}");
                if (!result.Succeeded) { failed++; break; }
            }
            Console.WriteLine(failed == 0 ? $"{notebooks.Length} notebook(s) passed" : "notebook run failed");
            return failed == 0 ? 0 : 1;
        });
        var command = new Command("notebooks", "The course notebooks (notebooks/*.dib): run them headless as reports.");
        command.Subcommands.Add(run);
        return command;
    }

    static string[] DefaultNotebooks() =>
        Directory.Exists("notebooks")
            ? Directory.GetFiles("notebooks", "*.dib").Where(f => char.IsDigit(Path.GetFileName(f)[0])).Order(StringComparer.Ordinal).ToArray()
            : [];
}
