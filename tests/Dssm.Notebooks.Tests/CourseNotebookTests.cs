using System.Diagnostics;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace Dssm.Notebooks.Tests;

/// <summary>
/// Runs each course notebook (notebooks/01–07) in quick mode, as CI does, against the local package feed: a cell
/// error fails the test with the notebook, cell number and error. One test per notebook; they share the
/// <see cref="NotebookCollection"/> so that they run one after another (each trains models on the same few cores).
/// Executed copies go to notebooks/out/test/.
/// </summary>
[Collection(NotebookCollection.Name)]
public class CourseNotebookTests(ITestOutputHelper output)
{
    async Task<string> Run(string name, params string[] mustContain)
    {
        LocalFeed.EnsurePacked();
        var clock = Stopwatch.StartNew();
        var outDir = Path.Combine(RepositoryPaths.Notebooks, "out", "test");
        var runner = new NotebookRunner(new NotebookRunOptions { Quick = true, OutputDirectory = outDir, Log = output.WriteLine });
        var result = await runner.RunAsync(Path.Combine(RepositoryPaths.Notebooks, name));
        output.WriteLine($"{result.Summary} (test wall clock {clock.Elapsed.TotalSeconds:0.0} s)");
        Assert.True(result.Succeeded, result.Summary);
        var ipynb = File.ReadAllText(result.IpynbPath!);
        foreach (var text in mustContain) Assert.Contains(text, ipynb);
        return ipynb;
    }

    [Fact]
    public Task Data_prep() => Run("01-data-prep.dib", "dssm-table", "dssm-chart", "identical: True");

    [Fact]
    public Task Word_hashing() => Run("02-word-hashing.dib", "#go goo ood od#", "dssm-chart", "清华大学");

    [Fact]
    public Task Training() => Run("03-gpu-training.dib", "training device:", "dssm-chart", "best/model.bin");

    [Fact]
    public Task Ablation_gamma() => Run("04-ablation-gamma.dib", "gamma = learnable: test ndcg@10", "dssm-chart");

    [Fact]
    public Task Ablation_negatives() => Run("05-ablation-negatives.dib", "sampler = bm25: test ndcg@10", "dssm-chart");

    [Fact]
    public async Task Visualisations()
    {
        var ipynb = await Run("06-visualisations.dib", "dssm-chart");
        // The per-query count: every test query of the embedded set (1,160 with a relevant document) is counted once.
        int Count(string outcome) => int.Parse(Regex.Match(ipynb, $"{outcome}</td><td>(\\d+)</td>").Groups[1].Value);
        Assert.Equal(1160, Count("DSSM better") + Count("tie") + Count("BM25 better"));
    }

    [Fact]
    public Task Baselines() => Run("07-baselines.dib", "hybrid(", "cdssm", "dssm-chart");

    /// <summary>The man-page benchmark from the installed pages (Debian's manpages, manpages-dev): skipped, and counted, where they are absent.</summary>
    [InstalledManPagesFact]
    public Task Real_text() => Run("08-real-text.dib", "bm25(lucene)", "dssm default, hybrid", "p (randomization)", "DSSM's largest wins");

    [Fact]
    public void Every_numbered_notebook_has_a_test_and_follows_the_course_layout()
    {
        var notebooks = Directory.GetFiles(RepositoryPaths.Notebooks, "*.dib").Select(Path.GetFileName).Where(n => char.IsDigit(n![0])).Order().ToList();
        var tested = typeof(CourseNotebookTests).GetMethods().SelectMany(m => m.GetCustomAttributes(typeof(FactAttribute), false)).Count() - 1;
        Assert.Equal(notebooks.Count - 1, tested);   // 00-setup-check has its own test class
        var firstCell = ExtractSetupCell(File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, "00-setup-check.dib")));
        foreach (var name in notebooks)
        {
            var text = File.ReadAllText(Path.Combine(RepositoryPaths.Notebooks, name!));
            Assert.True(text.Contains("In this notebook you will learn", StringComparison.Ordinal), $"{name}: no 'In this notebook you will learn'");
            Assert.True(ExtractSetupCell(text) == firstCell, $"{name}: the first code cell differs from 00-setup-check.dib's");
            Assert.True(text.Contains("DSSM_NOTEBOOK_QUICK", StringComparison.Ordinal), $"{name}: no parameter cell reading DSSM_NOTEBOOK_QUICK");
            var kinds = text.Split("\n#!").Skip(1).Select(c => c.Split('\n')[0].Trim()).ToList();
            for (var i = 1; i < kinds.Count; i++)
                Assert.False(kinds[i] == "csharp" && kinds[i - 1] == "csharp", $"{name}: code cell {i + 1} has no markdown before it");
        }
    }

    static string ExtractSetupCell(string dib)
    {
        var start = dib.IndexOf("#!csharp", StringComparison.Ordinal);
        var end = dib.IndexOf("#!markdown", start, StringComparison.Ordinal);
        return dib[start..end].Trim();
    }
}

/// <summary>Notebook tests run one at a time: each starts a kernel and trains on the machine's few cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NotebookCollection
{
    public const string Name = "notebooks";
}
