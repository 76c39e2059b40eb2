using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>The pair formats: the pointwise TSV, click logs, LCQMC/BQ and ATEC/AFQMC sentence pairs.</summary>
public sealed class PairReaderTests
{
    static DataFormatException Fails(Func<string, IEnumerable<PointwisePair>> read, string text) =>
        Assert.Throws<DataFormatException>(() => read(TestFiles.Write(TestFiles.TempDir(), "in.tsv", text)).ToList());

    [Fact]
    public void Pointwise_fixture()
    {
        var pairs = PointwiseReader.Read(TestFiles.Fixture("pointwise.tsv")).ToList();
        Assert.Equal(3, pairs.Count);
        Assert.Equal(new PointwisePair(1, "cheap flights to paris", "low-cost airfare for a trip to the french capital"), pairs[0]);
        Assert.Equal([1, 0, 1], pairs.Select(p => p.Label));
    }

    [Fact]
    public void Pointwise_errors_name_line_and_field()
    {
        Assert.EndsWith("in.tsv:2: label: '2'; expected 0 or 1", Fails(p => PointwiseReader.Read(p), "1\ta\tb\n2\ta\tb\n").Message);
        Assert.EndsWith("in.tsv:1: label: '-1'; expected 0 or 1", Fails(p => PointwiseReader.Read(p), "-1\ta\tb\n").Message);
        Assert.EndsWith("in.tsv:1: 2 tab-separated columns; expected 3: label<TAB>query<TAB>doc", Fails(p => PointwiseReader.Read(p), "1\ta b\n").Message);
        Assert.EndsWith("in.tsv:1: query: empty; expected text", Fails(p => PointwiseReader.Read(p), "1\t \tb\n").Message);
        Assert.EndsWith("in.tsv:1: no pairs after the header; expected lines label<TAB>query<TAB>doc", Fails(p => PointwiseReader.Read(p), "label\tquery\tdoc\n").Message);
        Assert.EndsWith("in.tsv:0: file is empty; expected at least one line", Fails(p => PointwiseReader.Read(p), "").Message);
    }

    [Fact]
    public void Pointwise_round_trip_and_lenient_counts()
    {
        var dir = TestFiles.TempDir();
        var path = TestFiles.Write(dir, "in.tsv", "label\tquery\tdoc\r\n1\ta\tb\r\n7\ta\tc\r\n0\ta\td\r\n");
        var report = new DataReadReport(path);
        var pairs = PointwiseReader.Read(path, new DataReadOptions(Lenient: true), report).ToList();
        Assert.Equal((3L, 2L), (report.Read, report.Kept));
        Assert.Equal(3L, Assert.Single(report.Skipped).Line);
        var copy = Path.Combine(dir, "copy.tsv");
        PointwiseReader.Write(copy, pairs);
        Assert.Equal("1\ta\tb\n0\ta\td\n", File.ReadAllText(copy));
    }

    [Fact]
    public void Click_log_gives_a_positive_per_click_and_a_negative_per_impression()
    {
        var pairs = ClickLogReader.Read(TestFiles.Fixture("clicklog.tsv")).ToList();
        Assert.Equal([1, 0, 0, 1, 1], pairs.Select(p => p.Label));
        Assert.Equal("paris weather in june", pairs[2].Doc);
        var ds = PointwiseConverter.ToBeir(pairs);
        var q = StableId.For("q-", "cheap flights to paris");
        Assert.Equal(2, ds.Qrels("train").Relevant(q).Count());                 // two clicked pages, from two log lines
        Assert.Equal(4, ds.Candidates[q].Count);                                 // clicked + shown
        Assert.Equal(0, ds.Qrels("train").Relevance(q, StableId.For("d-", "cheap hotel rooms in paris")));
        Assert.EndsWith("in.tsv:2: 1 column; expected at least 2: query<TAB>clicked_doc[<TAB>impression...]", Fails(p => ClickLogReader.Read(p), "a\tb\nonly a query\n").Message);
        Assert.EndsWith("in.tsv:1: impression 2: empty; expected text", Fails(p => ClickLogReader.Read(p), "a\tb\tc\t\n").Message);
    }

    [Fact]
    public void A_lenient_click_log_skips_a_bad_line_whole_and_counts_repeated_clicks_of_kept_lines()
    {
        // Line 1: click b, impressions c and b (b repeats the click) → 2 rows, 1 duplicate. Line 2: click b, impression c,
        // then an empty impression → skipped whole: none of its rows, and its repeat of b (impression 1) not counted.
        var report = new DataReadReport("in.tsv");
        var path = TestFiles.Write(TestFiles.TempDir(), "in.tsv", "a\tb\tc\tb\nq\tb\tb\tc\t\n");
        var pairs = ClickLogReader.Read(path, new DataReadOptions(Lenient: true), report).ToList();
        Assert.Equal([(1, "a", "b"), (0, "a", "c")], pairs.Select(p => (p.Label, p.Query, p.Doc)));
        Assert.Equal((2L, 1L, 1L), (report.Read, report.Kept, report.Duplicates));
        Assert.Equal(2, Assert.Single(report.Skipped).Line);
    }

    [Fact]
    public void Lcqmc_three_columns_with_header()
    {
        var pairs = SentencePairReader.Read(TestFiles.Fixture("lcqmc.tsv")).ToList();
        Assert.Equal([1, 1, 0], pairs.Select(p => p.Label));
        Assert.Equal("喜欢打篮球的男生喜欢什么样的女生", pairs[0].Query);
        var ds = PointwiseConverter.ToBeir(pairs);
        Assert.Equal(2, ds.Qrels("train").QueryIds.Count);   // the negative-only query is in no split
        Assert.Equal(3, ds.Candidates.Count);
    }

    [Fact]
    public void Afqmc_four_columns_without_header()
    {
        var pairs = SentencePairReader.Read(TestFiles.Fixture("afqmc.tsv")).ToList();
        Assert.Equal(new PointwisePair(1, "花呗如何还款", "花呗怎么还款"), pairs[0]);
        Assert.EndsWith("in.tsv:2: 3 tab-separated columns; expected 4: id<TAB>s1<TAB>s2<TAB>label", Fails(p => SentencePairReader.Read(p), "1\ta\tb\t1\n2\ta\t1\n").Message);
        Assert.EndsWith("in.tsv:2: label: '2'; expected 0 or 1", Fails(p => SentencePairReader.Read(p), "text_a\ttext_b\tlabel\na\tb\t2\n").Message);
        Assert.EndsWith("in.tsv:1: no pairs after the header; expected lines text_a<TAB>text_b<TAB>label or id<TAB>s1<TAB>s2<TAB>label", Fails(p => SentencePairReader.Read(p), "text_a\ttext_b\tlabel\n").Message);
    }

    [Fact]
    public void Stable_ids_are_sha256_prefixes()
    {
        // SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        Assert.Equal("q-ba7816bf8f01cfea", StableId.For("q-", "abc"));
    }

    [Fact]
    public void Hash_splits_put_each_query_in_one_split()
    {
        var pairs = Enumerable.Range(0, 400).Select(i => new PointwisePair(1, $"query {i}", $"doc {i}")).ToList();
        var ds = PointwiseConverter.ToBeir(pairs, new ConvertOptions(DevFraction: 0.1, TestFraction: 0.2));
        Assert.Equal(["train", "dev", "test"], ds.Splits);
        Assert.Equal(400, ds.Splits.Sum(s => ds.Qrels(s).QueryIds.Count));
        Assert.InRange(ds.Qrels("test").QueryIds.Count, 50, 110);
    }
}
