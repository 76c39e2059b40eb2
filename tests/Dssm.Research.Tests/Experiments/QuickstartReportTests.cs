using Dssm.Research.Experiments;

namespace Dssm.Research.Tests.Experiments;

/// <summary>The quickstart report says what the generated data can show, and tests DSSM against each baseline per query.</summary>
public sealed class QuickstartReportTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-quickstart-").FullName;
    static readonly string Data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void The_about_sentence_says_how_the_data_was_made_and_links_the_real_data_section()
    {
        var about = Quickstart.About(Data, Path.Combine(DssmCli.Repo(), "runs", "quickstart"));
        Assert.Contains("is generated so that queries and the pages clicked under them share few words while distractor pages carry the query's words", about);
        Assert.Contains("cannot show how it compares with BM25 on real text", about);
        Assert.Contains("[README.md#real-data](../../README.md#real-data)", about);   // relative to runs/quickstart/report.html
    }

    [Fact]
    public void A_short_quickstart_report_carries_the_caveat_and_the_per_query_tests_against_bm25_and_tfidf()
    {
        var output = Path.Combine(dir, "qs");
        var (code, text) = DssmCli.Run(["quickstart", "--out", output, "--epochs", "1", "--max-steps-per-epoch", "3", "--batch", "64", "--quiet"]);
        Assert.True(code == 0, text);
        var md = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.StartsWith("# DSSM quickstart on generated clicks\n\n**What these figures can show.**", md);
        Assert.DoesNotContain("beats", md);
        Assert.Contains("## Significance: each system against each baseline", md);
        var rows = md.Split('\n').Where(l => l.StartsWith("dssm ", StringComparison.Ordinal)).ToList();
        // dssm against bm25 and tfidf, on each of the five measures of the test table.
        Assert.Equal(10, rows.Count(l => l.Contains(" / ")));
        Assert.Contains(rows, l => l.Contains("bm25") && l.Contains("ndcg@10"));
        Assert.Contains(rows, l => l.Contains("tfidf") && l.Contains("map"));
        Assert.Contains("What these figures can show", File.ReadAllText(Path.Combine(output, "report.html")));
    }
}
