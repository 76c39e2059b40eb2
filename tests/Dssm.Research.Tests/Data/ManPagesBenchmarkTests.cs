using System.Text;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>
/// The man-page benchmark built from real Debian pages committed as fixtures (datasets/fixtures/manpages)
/// and from small pages written for one rule each. The expected texts are read off the page sources by hand.
/// </summary>
public sealed class ManPagesBenchmarkTests
{
    static string English => TestFiles.Fixture("manpages", "en");
    static string Chinese => TestFiles.Fixture("manpages", "zh_CN");

    static (BeirDataset Dataset, ManPagesSummary Summary) FromFolder(string dir, ManPagesLanguage language = ManPagesLanguage.English, double dev = 0.15, double test = 0.15) =>
        ManPagesBenchmark.Build(new ManPagesOptions(language, dir, DevFraction: dev, TestFraction: test));

    static string SplitOf(BeirDataset ds, string queryId) => ds.Splits.Single(s => ds.Qrels(s).QueryIds.Contains(queryId));

    [Fact]
    public void English_fixture_query_and_document_read_off_the_page()
    {
        var (ds, summary) = FromFolder(English);

        // full.4: ".SH NAME / full \- always full device"; its DESCRIPTION is four .PP paragraphs, .I and .B
        // only change the font, and \e0 prints a backslash and a zero.
        Assert.Equal("always full device", ds.Queries["full.4"]);
        var full = ds.Document("full.4");
        Assert.Equal("full", full.Title);
        Assert.Equal(
            "The file /dev/full has major device number 1 and minor device number 7.\n" +
            "Writes to the /dev/full device fail with an ENOSPC error. This can be used to test how a program handles disk-full errors.\n" +
            "Reads from the /dev/full device will return \\0 characters.\n" +
            "Seeks on /dev/full will always succeed.",
            full.Text);

        // open.2 (manpages-dev, gzip'd as Debian ships it): the issue's example NAME line.
        Assert.Equal("open and possibly create a file", ds.Queries["open.2"]);
        var open = ds.Document("open.2");
        Assert.Equal("open, openat, creat", open.Title);
        Assert.StartsWith("The open() system call opens the file specified by pathname. If the specified file does not exist, " +
                          "it may optionally (if O_CREAT is specified in flags) be created by open().\n", open.Text);

        // sigevent.3type is only ".so man7/system_data_types.7": an alias, no document, no query.
        Assert.Equal("overview of system data types", ds.Queries["system_data_types.7"]);
        Assert.False(ds.TryGetDocument("sigevent.3type", out _));
        Assert.False(ds.Queries.ContainsKey("sigevent.3type"));

        Assert.Equal((4, 1, 0, 3, 0), (summary.PageFiles, summary.SoAliases, summary.SymlinkAliases, summary.PagesRead, summary.Skipped.Count));
        Assert.Equal((3, 3, 3), (summary.PagesUsed, summary.Documents, summary.Queries));
        Assert.Equal(["full.4", "open.2", "system_data_types.7"], ds.Documents.Select(d => d.Id));   // ordinal id order
    }

    [Fact]
    public void Chinese_fixture_query_and_document_read_off_the_page()
    {
        var (ds, summary) = FromFolder(Chinese, ManPagesLanguage.SimplifiedChinese);
        // intro.6: ".SH 名称 / intro \- 对游戏的介绍", ".SH 描述" one line.
        Assert.Equal("对游戏的介绍", ds.Queries["intro.6"]);
        Assert.Equal(new BeirDocument("intro.6", "intro", "手册的第六部分描述了系统上可用的游戏和有趣的小程序。"), ds.Document("intro.6"));
        Assert.Equal("I/O 事件通知设施", ds.Queries["epoll.7"]);
        // kill.1.gz: three source lines of one paragraph; 和|0 and 的|PGID join with a space (one side is not
        // CJK), \fB\-l\fP is "-l"; the space after "TERM。" is in the source.
        Assert.Equal("终止进程", ds.Queries["kill.1"]);
        Assert.Equal(
            "默认的终止信号是 TERM。 使用 -l 或 -L 列出可用的信号。常用的信号包括 HUP，INT，KILL，STOP，CONT 和 0。" +
            "可以用三种方式指定备用信号：-9，-SIGKILL 或 -KILL。负数 PID 值可用于选择整个进程组。请参阅 ps 命令输出的 PGID 列。" +
            "-1 是特殊的 PID；它表示除 kill 进程本身和 init 之外的所有进程。",
            ds.Document("kill.1").Text);
        Assert.Equal((3, 3, 0), (summary.PagesRead, summary.Documents, summary.Skipped.Count));
    }

    [Fact]
    public void Rerun_writes_the_same_bytes()
    {
        foreach (var (dir, lang) in new[] { (English, ManPagesLanguage.English), (Chinese, ManPagesLanguage.SimplifiedChinese) })
        {
            var a = TestFiles.TempDir();
            var b = TestFiles.TempDir();
            ManPagesBenchmark.Write(a, new ManPagesOptions(lang, dir));
            ManPagesBenchmark.Write(b, new ManPagesOptions(lang, dir));
            var files = Directory.GetFiles(a, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(a, f)).Order(StringComparer.Ordinal).ToList();
            Assert.Contains(Path.Combine("qrels", "train.tsv"), files);
            Assert.Equal(files, Directory.GetFiles(b, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(b, f)).Order(StringComparer.Ordinal));
            foreach (var f in files) Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
            Assert.Equal(3, BeirDataset.Load(a).Documents.Count);   // and it passes the strict reader
        }
    }

    [Fact]
    public void A_page_keeps_its_split_when_other_pages_come_and_go()
    {
        // The split is a function of the page id alone: drop every other page and no remaining query moves.
        static string Pages(IEnumerable<int> numbers)
        {
            var dir = TestFiles.TempDir();
            foreach (var n in numbers)
                TestFiles.Write(dir, $"man1/p{n:D2}.1", $".TH p{n:D2} 1\n.SH NAME\np{n:D2} \\- query {n}\n.SH DESCRIPTION\nbody {n}\n");
            return dir;
        }
        var (all, _) = FromFolder(Pages(Enumerable.Range(0, 40)));
        var (some, _) = FromFolder(Pages(Enumerable.Range(0, 40).Where(n => n % 2 == 1)));
        Assert.Equal(["train", "dev", "test"], all.Splits);
        Assert.Equal(20, some.Queries.Count);
        foreach (var q in some.Queries.Keys) Assert.Equal(SplitOf(all, q), SplitOf(some, q));
        var (trainOnly, _) = FromFolder(English, dev: 0, test: 0);
        Assert.Equal(["train"], trainOnly.Splits);
    }

    [Fact]
    public void The_name_line_dash_needs_a_blank_on_one_side()
    {
        // Real manpages-zh NAME lines: "write -在…", "perldata- Perl …"; a dash inside a name is no separator.
        var dir = TestFiles.TempDir();
        TestFiles.Write(dir, "man2/write.2", ".TH WRITE 2\n.SH NAME\nwrite -在一个文件描述符上执行写操作\n.SH DESCRIPTION\nx\n");
        TestFiles.Write(dir, "man7/perldata.7", ".TH PERLDATA 7\n.SH NAME\nperldata- Perl 数据类型\n.SH DESCRIPTION\ny\n");
        TestFiles.Write(dir, "man8/named-bootconf.8", ".TH NAMED-BOOTCONF 8\n.SH NAME\nnamed-bootconf 转换名字服务器的配置文件\n.SH DESCRIPTION\nz\n");
        var (ds, summary) = FromFolder(dir, ManPagesLanguage.SimplifiedChinese, dev: 0, test: 0);
        Assert.Equal(new Dictionary<string, string> { ["perldata.7"] = "Perl 数据类型", ["write.2"] = "在一个文件描述符上执行写操作" }, ds.Queries.ToDictionary());
        Assert.Equal(("write", "perldata"), (ds.Document("write.2").Title, ds.Document("perldata.7").Title));
        Assert.Equal(ManPageSkipReasons.NoDescriptionInName, summary.Skipped.Single().Reason);
    }

    [Fact]
    public void Symbolic_link_aliases_resolve_and_broken_ones_are_counted()
    {
        var dir = TestFiles.TempDir();
        foreach (var f in Directory.GetFiles(English, "*", SearchOption.AllDirectories))
            TestFiles.WriteBytes(dir, Path.GetRelativePath(English, f), File.ReadAllBytes(f));
        File.CreateSymbolicLink(Path.Combine(dir, "man2", "creat.2.gz"), "open.2.gz");         // as Debian ships creat.2
        File.CreateSymbolicLink(Path.Combine(dir, "man2", "gone.2.gz"), "missing.2.gz");
        var outside = TestFiles.Write(TestFiles.TempDir(), "elsewhere.7", ".TH x 7\n.SH NAME\nx \\- y\n.SH DESCRIPTION\nz\n");
        File.CreateSymbolicLink(Path.Combine(dir, "man7", "elsewhere.7"), outside);

        var (ds, summary) = FromFolder(dir);
        Assert.Equal((1, 1, 3), (summary.SymlinkAliases, summary.SoAliases, summary.Documents));
        Assert.False(ds.TryGetDocument("creat.2", out _));
        Assert.Equal([(ManPageSkipReasons.BrokenAlias, 1), (ManPageSkipReasons.AliasOutside, 1)], summary.SkippedByReason.OrderBy(r => r.Reason, StringComparer.Ordinal));
    }

    [Fact]
    public void Bad_pages_are_skipped_with_their_reason_and_counted()
    {
        var dir = TestFiles.TempDir();
        void Page(string name, string roff) => TestFiles.Write(dir, Path.Combine("man1", name), roff);
        Page("good.1", ".TH GOOD 1\n.SH NAME\ngood \\- a good page\n.SH DESCRIPTION\nIt works.\n");
        Page("notitle.1", ".SH NAME\nx \\- y\n.SH DESCRIPTION\nz\n");
        Page("noname.1", ".TH N 1\n.SH DESCRIPTION\nz\n");
        Page("nodash.1", ".TH N 1\n.SH NAME\nnodash just words\n.SH DESCRIPTION\nz\n");
        Page("nodesc.1", ".TH N 1\n.SH NAME\nnodesc \\- has no body\n.SH OPTIONS\nz\n");
        Page("emptydesc.1", ".TH N 1\n.SH NAME\nempty \\- empty body\n.SH DESCRIPTION\n.PP\n.SH FILES\nf\n");
        Page("broken.1", ".so man1/nothere.1\n");
        Page("a.1", ".so man1/b.1\n");
        Page("b.1", ".so man1/a.1\n");
        TestFiles.WriteBytes(dir, Path.Combine("man1", "corrupt.1.gz"), "not gzip at all"u8.ToArray());
        TestFiles.Write(dir, "README.txt", "not a page\n");

        var (ds, summary) = FromFolder(dir);
        Assert.Equal(["good.1"], ds.Documents.Select(d => d.Id));
        Assert.Equal(1, summary.OtherFiles);
        var byReason = summary.SkippedByReason.ToDictionary(r => r.Reason, r => r.Count);
        Assert.Equal(new Dictionary<string, int>
        {
            [ManPageSkipReasons.NoTitle] = 1, [ManPageSkipReasons.NoName] = 1, [ManPageSkipReasons.NoDescriptionInName] = 1,
            [ManPageSkipReasons.NoDescription] = 1, [ManPageSkipReasons.EmptyDescription] = 1, [ManPageSkipReasons.BrokenAlias] = 1,
            [ManPageSkipReasons.AliasLoop] = 2, [ManPageSkipReasons.Unreadable] = 1,
        }, byReason);
        var broken = summary.Skipped.Single(s => s.Reason == ManPageSkipReasons.BrokenAlias);
        Assert.EndsWith(Path.Combine("man1", "broken.1"), broken.Path);
        Assert.StartsWith("line 1: .so man1/nothere.1: no such page ", broken.Detail);
        Assert.Contains(ManPageSkipReasons.NoTitle, summary.ToText());
    }

    [Fact]
    public void Identical_descriptions_merge_documents_and_identical_names_merge_queries()
    {
        var dir = TestFiles.TempDir();
        TestFiles.Write(dir, "man3/a.3", ".TH a 3\n.SH NAME\na \\- same words\n.SH DESCRIPTION\nShared body.\n");
        TestFiles.Write(dir, "man3/b.3", ".TH b 3\n.SH NAME\nb \\- same words\n.SH DESCRIPTION\nOther body.\n");
        TestFiles.Write(dir, "man3/c.3", ".TH c 3\n.SH NAME\nc \\- different\n.SH DESCRIPTION\nShared   body.\n");
        var (ds, summary) = FromFolder(dir, dev: 0, test: 0);
        // c.3's body is a.3's (blanks collapse), so a.3 keeps it; "same words" is one query with a.3 and b.3 relevant.
        Assert.Equal(["a.3", "b.3"], ds.Documents.Select(d => d.Id));
        Assert.Equal(new Dictionary<string, string> { ["a.3"] = "same words", ["c.3"] = "different" }, ds.Queries.ToDictionary());
        Assert.Equal(["a.3", "b.3"], ds.Qrels("train").Relevant("a.3"));
        Assert.Equal(["a.3"], ds.Qrels("train").Relevant("c.3"));
        Assert.Equal((1, 1), (summary.MergedDocuments, summary.MergedQueries));
    }

    [Fact]
    public void A_page_that_is_not_utf8_is_read_in_the_legacy_encoding_and_counted()
    {
        // Older manpages-zh shipped zh_CN pages in GB2312; GB18030 reads them.
        var dir = TestFiles.TempDir();
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var gb = Encoding.GetEncoding("GB18030").GetBytes(".TH LS 1\n.SH 名称\nls \\- 列出目录内容\n.SH 描述\n列出指定文件的信息。\n");
        TestFiles.WriteBytes(dir, Path.Combine("man1", "ls.1"), gb);
        var (ds, summary) = FromFolder(dir, ManPagesLanguage.SimplifiedChinese);
        Assert.Equal("列出目录内容", ds.Queries["ls.1"]);
        Assert.Equal("列出指定文件的信息。", ds.Document("ls.1").Text);
        Assert.Equal(new Dictionary<string, int> { ["gb18030"] = 1 }, summary.DecodedAs.ToDictionary());
    }

    [Fact]
    public void Dpkg_lists_decide_which_files_are_pages()
    {
        // A fake dpkg database over a copy of the fixtures: only listed files are read, so an extra page in
        // the same folder is not, and a listed file missing from disk is counted.
        var root = TestFiles.TempDir();
        var man = Path.Combine(root, "usr", "share", "man");
        var listed = new List<string>();
        foreach (var f in Directory.GetFiles(English, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            listed.Add(TestFiles.WriteBytes(man, Path.GetRelativePath(English, f), File.ReadAllBytes(f)));
        TestFiles.Write(man, "man1/extra.1", ".TH extra 1\n.SH NAME\nextra \\- not listed\n.SH DESCRIPTION\nunlisted\n");
        var dpkg = TestFiles.TempDir();
        TestFiles.Write(dpkg, "info/manpages.list", string.Join("\n", ["/.", man, Path.Combine(man, "man4"), listed[2], listed[3], Path.Combine(root, "usr/share/doc/manpages/copyright")]) + "\n");
        TestFiles.Write(dpkg, "info/manpages-dev.list", string.Join("\n", [listed[0], listed[1], Path.Combine(man, "man2", "gone.2.gz")]) + "\n");
        TestFiles.Write(dpkg, "status", "Package: manpages\nStatus: install ok installed\nVersion: 6.03-2\n\nPackage: manpages-dev\nStatus: install ok installed\nVersion: 6.03-2\n\nPackage: manpages-zh\nStatus: deinstall ok config-files\nVersion: 1.6.4.0-1\n");

        var (ds, summary) = ManPagesBenchmark.Build(new ManPagesOptions(DpkgDirectory: dpkg));
        Assert.Equal("dpkg: manpages 6.03-2, manpages-dev 6.03-2", summary.Source);
        Assert.Equal(["full.4", "open.2", "system_data_types.7"], ds.Documents.Select(d => d.Id));
        Assert.Equal(5, summary.PageFiles);
        Assert.Equal(ManPageSkipReasons.Missing, summary.Skipped.Single().Reason);

        var none = TestFiles.TempDir();
        var e = Assert.Throws<DataFormatException>(() => ManPagesBenchmark.Build(new ManPagesOptions(ManPagesLanguage.SimplifiedChinese, DpkgDirectory: none)));
        Assert.Equal($"{Path.Combine(none, "info", "manpages-zh.list")}:0: no such file: the package 'manpages-zh' is not installed; expected `apt-get install manpages-zh`, or --man-dir DIR with the pages", e.Message);
    }

    [Fact]
    public void A_build_without_one_usable_page_is_an_error_naming_the_source()
    {
        var dir = TestFiles.TempDir();
        TestFiles.Write(dir, "man1/x.1", ".TH x 1\n.SH NAME\nx \\- y\n");
        var e = Assert.Throws<DataFormatException>(() => FromFolder(dir));
        Assert.Equal($"folder {dir}:0: no page with a NAME description and a DESCRIPTION among 1 page files; expected Debian's manual pages", e.Message);
        Assert.Throws<DirectoryNotFoundException>(() => FromFolder(Path.Combine(dir, "nosuch")));
    }
}
