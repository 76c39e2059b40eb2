using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>The bad-input matrix of the BEIR reader: each case names file, line and what was expected.</summary>
public sealed class BadInputTests
{
    static DataFormatException Fails(string dir, DataReadOptions? options = null) =>
        Assert.Throws<DataFormatException>(() => BeirDataset.Load(dir, options));

    [Fact]
    public void Empty_file()
    {
        var e = Fails(TestFiles.Beir(corpus: ""));
        Assert.EndsWith("corpus.jsonl:0: file is empty; expected at least one line", e.Message);
    }

    [Fact]
    public void Qrels_with_a_header_only()
    {
        var e = Fails(TestFiles.Beir(train: "query-id\tcorpus-id\tscore\n"));
        Assert.EndsWith("train.tsv:1: no judgements after the header; expected lines qid<TAB>docid<TAB>score", e.Message);
    }

    [Fact]
    public void Wrong_column_count()
    {
        var e = Fails(TestFiles.Beir(train: "query-id\tcorpus-id\tscore\nq1\td1\t1\nq2 d2 1\n"));
        Assert.EndsWith("train.tsv:3: 1 tab-separated columns; expected 3: query-id<TAB>corpus-id<TAB>score", e.Message);
        Assert.Equal(3, e.Line);
    }

    [Fact]
    public void Score_that_is_not_an_integer()
    {
        var e = Fails(TestFiles.Beir(train: "query-id\tcorpus-id\tscore\nq1\td1\thigh\n"));
        Assert.EndsWith("train.tsv:2: score: 'high' is not an integer; expected an integer relevance grade (0 = not relevant)", e.Message);
        Assert.Equal("score", e.Field);
    }

    [Fact]
    public void Bad_json()
    {
        var e = Fails(TestFiles.Beir(corpus: "{\"_id\":\"d1\",\"text\":\"one\"}\n{\"_id\":\"d2\",\"text\":\"two\"\n"));
        Assert.Contains("corpus.jsonl:2: bad JSON (", e.Message);
        Assert.EndsWith("expected one JSON object per line", e.Message);
    }

    [Fact]
    public void Json_that_is_not_an_object_or_lacks_fields()
    {
        Assert.EndsWith("corpus.jsonl:1: a JSON array; expected one JSON object per line", Fails(TestFiles.Beir(corpus: "[1,2]\n")).Message);
        Assert.EndsWith("corpus.jsonl:1: _id: missing; expected a string id", Fails(TestFiles.Beir(corpus: "{\"text\":\"x\"}\n")).Message);
        Assert.EndsWith("corpus.jsonl:1: text: a JSON number; expected a string", Fails(TestFiles.Beir(corpus: "{\"_id\":\"d1\",\"text\":3}\n")).Message);
        Assert.EndsWith("corpus.jsonl:1: text: document 'd1' has neither title nor text; expected a non-empty \"text\"", Fails(TestFiles.Beir(corpus: "{\"_id\":\"d1\",\"title\":\"\"}\n")).Message);
    }

    [Fact]
    public void Invalid_utf8()
    {
        var dir = TestFiles.Beir();
        TestFiles.WriteBytes(dir, "corpus.jsonl", [.. "{\"_id\":\"d1\",\"text\":\"one\"}\n{\"_id\":\"d2\",\"text\":\"t"u8, 0xC3, 0x28, .. "\"}\n"u8]);
        var e = Fails(dir);
        Assert.EndsWith("corpus.jsonl:2: invalid UTF-8 at byte 22; expected UTF-8 text (convert the file with iconv first)", e.Message);
    }

    [Fact]
    public void Nul_bytes()
    {
        var e = Fails(TestFiles.Beir(queries: "{\"_id\":\"q1\",\"text\":\"first\"}\n{\"_id\":\"q2\",\"text\":\"se\0cond\"}\n"));
        Assert.EndsWith("queries.jsonl:2: NUL byte at byte 23; expected UTF-8 text (is this a binary or UTF-16 file?)", e.Message);
    }

    [Fact]
    public void A_10_MB_line_is_read_under_the_default_limit_and_refused_over_a_lower_one()
    {
        var big = new string('x', 10 * 1024 * 1024);
        var dir = TestFiles.Beir(corpus: "{\"_id\":\"d1\",\"text\":\"" + big + "\"}\n{\"_id\":\"d2\",\"text\":\"two\"}\n");
        Assert.Equal(big.Length, BeirDataset.Load(dir).Document("d1").Text.Length);
        var e = Fails(dir, new DataReadOptions(MaxLineBytes: 1 << 20));
        Assert.EndsWith("corpus.jsonl:1: line is 10,485,782 bytes, longer than the limit of 1,048,576; expected one record per line (raise DataReadOptions.MaxLineBytes if such lines are legitimate)", e.Message);
    }

    [Fact]
    public void Qrel_for_a_missing_document_or_query()
    {
        Assert.EndsWith("train.tsv:2: corpus-id: document 'd9' is not in corpus.jsonl; expected a known document id",
            Fails(TestFiles.Beir(train: "query-id\tcorpus-id\tscore\nq1\td9\t1\n")).Message);
        Assert.EndsWith("train.tsv:2: query-id: query 'q9' is not in queries.jsonl; expected a known query id",
            Fails(TestFiles.Beir(train: "query-id\tcorpus-id\tscore\nq9\td1\t1\n")).Message);
    }

    [Fact]
    public void Duplicate_ids()
    {
        Assert.EndsWith("corpus.jsonl:3: _id: duplicate document id 'd1'; expected unique ids",
            Fails(TestFiles.Beir(corpus: "{\"_id\":\"d1\",\"text\":\"a\"}\n{\"_id\":\"d2\",\"text\":\"b\"}\n{\"_id\":\"d1\",\"text\":\"c\"}\n")).Message);
        Assert.EndsWith("queries.jsonl:2: _id: duplicate query id 'q1'; expected unique ids",
            Fails(TestFiles.Beir(queries: "{\"_id\":\"q1\",\"text\":\"a\"}\n{\"_id\":\"q1\",\"text\":\"b\"}\n")).Message);
    }

    [Fact]
    public void Empty_query_text()
    {
        Assert.EndsWith("queries.jsonl:2: text: query 'q2' has an empty text; expected the query string",
            Fails(TestFiles.Beir(queries: "{\"_id\":\"q1\",\"text\":\"a\"}\n{\"_id\":\"q2\",\"text\":\"  \"}\n")).Message);
    }

    [Fact]
    public void A_query_in_two_splits()
    {
        var e = Fails(TestFiles.Beir(test: "query-id\tcorpus-id\tscore\nq2\td2\t1\nq1\td2\t1\n"));
        Assert.EndsWith("test.tsv:3: query-id: query 'q1' is already judged in split 'train'; expected each query in one split only", e.Message);
    }

    [Fact]
    public void Missing_folder_or_file()
    {
        Assert.Throws<DirectoryNotFoundException>(() => BeirDataset.Load(Path.Combine(TestFiles.TempDir(), "nope")));
        var dir = TestFiles.Beir();
        File.Delete(Path.Combine(dir, "queries.jsonl"));
        Assert.Contains("queries.jsonl: file not found", Assert.Throws<FileNotFoundException>(() => BeirDataset.Load(dir)).Message);
    }

    [Fact]
    public void Lenient_mode_skips_bad_lines_and_reports_exactly_which()
    {
        var dir = TestFiles.Beir(
            corpus: "{\"_id\":\"d1\",\"text\":\"a\"}\n{oops\n{\"_id\":\"d2\",\"text\":\"b\"}\n\n{\"_id\":\"d3\"}\n{\"_id\":\"d4\",\"text\":\"d\"}\n",
            train: "query-id\tcorpus-id\tscore\nq1\td1\t1\nq1\td9\t1\nq2\td2\tx\nq2\td4\t1\n");
        var ds = BeirDataset.Load(dir, new DataReadOptions(Lenient: true));
        Assert.Equal(["d1", "d2", "d4"], ds.Documents.Select(d => d.Id));
        var corpus = ds.Reports[0];
        Assert.Equal((5L, 3L, 1L), (corpus.Read, corpus.Kept, corpus.BlankLines));
        Assert.Equal([2L, 5L], corpus.Skipped.Select(s => s.Line));
        Assert.StartsWith("bad JSON", corpus.Skipped[0].Reason);
        Assert.Equal("text", corpus.Skipped[1].Field);
        var train = ds.Reports.Single(r => r.File.EndsWith("train.tsv"));
        Assert.Equal((4L, 2L), (train.Read, train.Kept));
        Assert.Equal([3L, 4L], train.Skipped.Select(s => s.Line));
        Assert.Equal(["d1"], ds.Qrels("train").Relevant("q1"));
        Assert.EndsWith("read 5, kept 3, duplicates 0, skipped 2, blank lines 1", corpus.ToString());
    }
}
