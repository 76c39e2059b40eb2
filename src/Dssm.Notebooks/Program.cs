namespace Dssm.Notebooks;

/// <summary>
/// The runner as its own process: <c>dotnet Dssm.Notebooks.dll [--quick] [--shared-plotly] [--out DIR] FILES…</c>.
/// <c>dssm notebooks run</c> starts it instead of running notebooks in the CLI's process, because the
/// CLI has Dssm.Research and TorchSharp on its own load path, and a notebook's
/// <c>#r "nuget: Dssm.Research"</c> would silently bind to those copies instead of the package's.
/// This host's dependency list names neither, so a notebook gets exactly what the package brings.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var quick = args.Contains("--quick");
        var sharedPlotly = args.Contains("--shared-plotly");
        var outIndex = Array.IndexOf(args, "--out");
        var output = outIndex >= 0 && outIndex + 1 < args.Length ? args[outIndex + 1] : Path.Combine("notebooks", "out");
        var files = args.Where((a, i) => a != "--quick" && a != "--shared-plotly" && a != "--out" && (outIndex < 0 || i != outIndex + 1)).ToArray();
        if (files.Length == 0)
        {
            Console.Error.WriteLine("usage: Dssm.Notebooks [--quick] [--shared-plotly] [--out DIR] NOTEBOOK…");
            return 2;
        }
        // Full mode trains real models (notebooks 04 and 05 train one per ablation value in one cell), which on a
        // CPU can take longer than the default 20 minutes a cell.
        var runner = new NotebookRunner(new NotebookRunOptions
        {
            Quick = quick, SharedPlotlyJs = sharedPlotly, OutputDirectory = Path.GetFullPath(output), Log = Console.WriteLine,
            CellTimeout = quick ? new NotebookRunOptions().CellTimeout : TimeSpan.FromHours(12),
        });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var notebook in files)
        {
            Console.WriteLine(notebook);
            var result = await runner.RunAsync(notebook);
            Console.WriteLine(result.Succeeded
                ? $"  ok: {result.Cells.Count} code cells in {result.Elapsed.TotalSeconds:0.0} s -> {result.IpynbPath}, {result.HtmlPath}"
                : $"  FAILED: {result.Summary}");
            if (!result.Succeeded) return 1;
        }
        Console.WriteLine($"{files.Length} notebook(s) passed in {clock.Elapsed.TotalSeconds:0} s");
        return 0;
    }
}
