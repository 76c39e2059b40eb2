using System.CommandLine;
using System.Diagnostics;
using Dssm.Notebooks;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm notebooks run [--quick] [--shared-plotly] [--out DIR] [FILES…]</c>: executes .dib notebooks headless (every
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
        run.SetAction(parse =>
        {
            var notebooks = parse.GetValue(files) is { Length: > 0 } given ? given : DefaultNotebooks();
            if (notebooks.Length == 0)
                throw new FileNotFoundException("no notebooks given and none found as notebooks/[0-9]*.dib under the current directory");
            foreach (var notebook in notebooks)
                if (!File.Exists(notebook)) throw new FileNotFoundException($"notebook {notebook} does not exist", notebook);
            // A child process (see src/Dssm.Notebooks/Program.cs): in this one, Dssm.Research and
            // TorchSharp are already on the load path and a notebook's #r would bind to them.
            var host = HostCommand();
            var start = new ProcessStartInfo(host[0]) { UseShellExecute = false };
            foreach (var arg in host.Skip(1)) start.ArgumentList.Add(arg);
            if (parse.GetValue(quick)) start.ArgumentList.Add("--quick");
            if (parse.GetValue(sharedPlotly)) start.ArgumentList.Add("--shared-plotly");
            start.ArgumentList.Add("--out");
            start.ArgumentList.Add(Path.GetFullPath(parse.GetValue(output)!));
            foreach (var notebook in notebooks) start.ArgumentList.Add(notebook);
            // glibc reads these at start-up only; see TorchRuntime.MallocTunables. A user's own setting wins.
            if (OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable("GLIBC_TUNABLES") is null)
                start.Environment["GLIBC_TUNABLES"] = Dssm.Research.Runtime.TorchRuntime.MallocTunables;
            using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {host[0]}");
            process.WaitForExit();
            return process.ExitCode;
        });
        var command = new Command("notebooks", "The course notebooks (notebooks/*.dib): run them headless as reports.");
        command.Subcommands.Add(run);
        return command;
    }

    /// <summary>The runner host beside this program: its apphost where there is one, else <c>dotnet Dssm.Notebooks.dll</c>.</summary>
    static string[] HostCommand()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "Dssm.Notebooks.exe" : "Dssm.Notebooks");
        if (File.Exists(apphost)) return [apphost];
        var dll = Path.Combine(dir, "Dssm.Notebooks.dll");
        if (!File.Exists(dll)) throw new FileNotFoundException($"the notebook runner {dll} is missing: rebuild src/Dssm.Cli");
        return [Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } dotnet ? dotnet : "dotnet", dll];
    }

    static string[] DefaultNotebooks() =>
        Directory.Exists("notebooks")
            ? Directory.GetFiles("notebooks", "*.dib").Where(f => char.IsDigit(Path.GetFileName(f)[0])).Order(StringComparer.Ordinal).ToArray()
            : [];
}
