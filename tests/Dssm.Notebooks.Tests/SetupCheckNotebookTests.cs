using System.Diagnostics;
using Xunit.Abstractions;

namespace Dssm.Notebooks.Tests;

/// <summary>Runs notebooks/00-setup-check.dib in quick mode, as CI does, against the local package feed.</summary>
[Collection(NotebookCollection.Name)]
public class SetupCheckNotebookTests(ITestOutputHelper output)
{
    [Fact]
    public void The_package_carries_the_plotly_bridge_and_the_notebook_extension()
    {
        LocalFeed.EnsurePacked();
        var package = Directory.EnumerateFiles(RepositoryPaths.Feed, "Dssm.Research.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).First();
        using var zip = System.IO.Compression.ZipFile.OpenRead(package);
        var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("lib/net10.0/Dssm.Research.dll", entries);
        Assert.Contains("interactive-extensions/dotnet/extension.dib", entries);
        foreach (var dll in new[] { "Dssm.Research.Plotly", "Plotly.NET", "Plotly.NET.CSharp", "FSharp.Core", "DynamicObj", "Giraffe.ViewEngine", "Newtonsoft.Json" })
            Assert.Contains($"plotly-bridge/{dll}.dll", entries);
        // Nothing that would let a notebook host load FSharp.Core 10.1 into its own context.
        Assert.DoesNotContain(entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("FSharp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Setup_check_runs_every_cell_and_its_report_has_the_chart_and_the_table()
    {
        var clock = Stopwatch.StartNew();
        output.WriteLine(LocalFeed.EnsurePacked() + $" ({clock.Elapsed.TotalSeconds:0.0} s)");
        var outDir = Path.Combine(RepositoryPaths.Root, "notebooks", "out", "test");
        clock.Restart();
        var runner = new NotebookRunner(new NotebookRunOptions { Quick = true, OutputDirectory = outDir, Log = output.WriteLine });
        var result = await runner.RunAsync(Path.Combine(RepositoryPaths.Notebooks, "00-setup-check.dib"));
        output.WriteLine($"{result.Summary} (test wall clock {clock.Elapsed.TotalSeconds:0.0} s)");
        Assert.True(result.Succeeded, result.Summary);

        var ipynb = File.ReadAllText(result.IpynbPath!);
        Assert.Contains("dssm-chart", ipynb);       // the chart, as text/html
        Assert.Contains("dssm-table", ipynb);       // the DataFrame, as an HTML table
        // The restore report of the first cell names the feed relative to the repository, not by this machine's path.
        Assert.Contains("Installed Packages", ipynb);
        Assert.DoesNotContain(RepositoryPaths.Feed, ipynb);
        Assert.DoesNotContain(RepositoryPaths.Root, ipynb);
        var html = File.ReadAllText(result.HtmlPath!);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("plotly.js v", html);       // the bundle itself is embedded: the page works offline
    }
}
