using System.Diagnostics;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// The benchmark built from this machine's installed Debian pages, the way a user builds it. Every page
/// file must end up somewhere — an alias, a skip with a reason, or a page in the benchmark — which the
/// test checks against its own reading of dpkg's lists.
/// </summary>
public sealed class ManPagesInstalledTests
{
    static readonly string[] ContentReasons =
    [
        ManPageSkipReasons.NoTitle, ManPageSkipReasons.NoName, ManPageSkipReasons.NoDescriptionInName,
        ManPageSkipReasons.NoDescription, ManPageSkipReasons.EmptyDescription,
    ];

    /// <summary>The list entries that are page files under ROOT/man*/, read here independently of the library.</summary>
    static List<string> ListedPages(string rootName, params string[] packages) =>
        packages.SelectMany(p => File.ReadLines(Path.Combine(InstalledManPagesFactAttribute.DpkgInfo, p + ".list")))
            .Where(e => Path.GetDirectoryName(e) is { } dir && Path.GetFileName(dir).StartsWith("man", StringComparison.Ordinal) && Path.GetFileName(dir).Length > 3
                        && Path.GetFileName(Path.GetDirectoryName(dir)) == rootName && !Directory.Exists(e))
            .ToList();

    static void EveryFileIsAccountedFor(ManPagesSummary s, List<string> listed)
    {
        Assert.Equal(listed.Count, s.PageFiles);
        Assert.Equal(listed.Count(f => new FileInfo(f).LinkTarget is not null), s.SymlinkAliases + s.Skipped.Count(k => new FileInfo(k.Path).LinkTarget is not null));
        int contentSkips = s.Skipped.Count(k => ContentReasons.Contains(k.Reason));
        Assert.Equal(s.PageFiles, s.SymlinkAliases + s.SoAliases + s.PagesRead + (s.Skipped.Count - contentSkips));
        Assert.Equal(s.PagesRead, s.PagesUsed + contentSkips);
        Assert.Equal(s.PagesUsed, s.Documents + s.MergedDocuments);
        Assert.Equal(s.PagesUsed, s.Queries + s.MergedQueries);
    }

    [InstalledManPagesFact("manpages", "manpages-dev")]
    public void English_from_the_installed_packages()
    {
        var clock = Stopwatch.StartNew();
        var (ds, summary) = ManPagesBenchmark.Build();
        clock.Stop();
        EveryFileIsAccountedFor(summary, ListedPages("man", "manpages", "manpages-dev"));
        Assert.StartsWith("dpkg: manpages ", summary.Source);
        Assert.Equal("open and possibly create a file", ds.Queries["open.2"]);
        Assert.Equal("open, openat, creat", ds.Document("open.2").Title);
        Assert.False(ds.TryGetDocument("creat.2", out _));           // Debian's symbolic link to open.2.gz
        Assert.True(summary.SoAliases > 0);
        Assert.True(summary.Documents > 1000, $"{summary.Documents} documents");
        double test = (double)ds.Qrels("test").QueryIds.Count / ds.Queries.Count;
        Assert.InRange(test, 0.10, 0.20);                              // 15 % by the hash
        Assert.True(clock.Elapsed < TimeSpan.FromMinutes(1), $"built in {clock.Elapsed}");
    }

    [InstalledManPagesFact("manpages-zh")]
    public void Chinese_from_the_installed_package_in_both_scripts()
    {
        var (cn, cnSummary) = ManPagesBenchmark.Build(new ManPagesOptions(ManPagesLanguage.SimplifiedChinese));
        EveryFileIsAccountedFor(cnSummary, ListedPages("zh_CN", "manpages-zh"));
        Assert.Equal("列出目录内容", cn.Queries["ls.1"]);
        Assert.True(cnSummary.Documents > 600, $"{cnSummary.Documents} documents");
        Assert.Empty(cnSummary.DecodedAs);                             // manpages-zh 1.6 is UTF-8 throughout

        var (tw, twSummary) = ManPagesBenchmark.Build(new ManPagesOptions(ManPagesLanguage.TraditionalChinese));
        EveryFileIsAccountedFor(twSummary, ListedPages("zh_TW", "manpages-zh"));
        Assert.Equal("列出目錄內容", tw.Queries["ls.1"]);
        Assert.DoesNotContain(tw.Queries.Values, q => q == "列出目录内容");
    }

    [InstalledManPagesFact("manpages", "manpages-dev")]
    public void The_installed_build_is_byte_identical_on_rerun()
    {
        var a = TestFiles.TempDir();
        var b = TestFiles.TempDir();
        ManPagesBenchmark.Write(a);
        ManPagesBenchmark.Write(b);
        foreach (var f in new[] { "corpus.jsonl", "queries.jsonl", "qrels/train.tsv", "qrels/dev.tsv", "qrels/test.tsv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
    }
}
