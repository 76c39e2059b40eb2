using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

public sealed class BeirDatasetTests
{
    [Fact]
    public void Loads_the_fixture_in_file_order_with_lookups_splits_and_candidates()
    {
        var ds = BeirDataset.Load(TestFiles.Fixture("beir"));
        Assert.Equal(["d1", "d2", "d3", "4"], ds.Documents.Select(d => d.Id));   // a numeric _id is read as its text
        Assert.Equal("Low-cost airfare Discount airline fares for a trip to the french capital.", ds.Document("d1").FullText);
        Assert.Equal("Step by step preparation of a layered pasta bake.", ds.Document("d3").FullText);   // empty title: text alone
        Assert.Equal("便宜机票去北京", ds.Queries["q3"]);
        Assert.Equal(["train", "test"], ds.Splits);
        Assert.Equal(1, ds.Qrels("train").Relevance("q1", "d1"));
        Assert.Equal(0, ds.Qrels("train").Relevance("q1", "d2"));
        Assert.Equal(2, ds.Qrels("train").Relevance("q2", "d3"));
        Assert.Equal(["d1", "d2"], ds.Candidates["q1"]);
        Assert.Equal(["4", "d1"], ds.Candidates["q3"]);
        var corpus = ds.Reports.Single(r => r.File.EndsWith("corpus.jsonl"));
        Assert.Equal((4, 4, 0, 0), (corpus.Read, corpus.Kept, corpus.Duplicates, corpus.Skipped.Count));
        Assert.Contains("no split 'dev' (no qrels/dev.tsv); this dataset has: train, test", Assert.Throws<KeyNotFoundException>(() => ds.Qrels("dev")).Message);
    }

    [Fact]
    public void Save_then_load_gives_the_same_dataset_and_the_same_bytes_twice()
    {
        var ds = BeirDataset.Load(TestFiles.Fixture("beir"));
        var a = TestFiles.TempDir();
        var b = TestFiles.TempDir();
        ds.Save(a);
        BeirDataset.Load(a).Save(b);
        foreach (var f in new[] { "corpus.jsonl", "queries.jsonl", "qrels/train.tsv", "qrels/test.tsv", "candidates.tsv" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(a, f)), File.ReadAllBytes(Path.Combine(b, f)));
        Assert.Equal("{\"_id\":\"4\",\"title\":\"首都航班\",\"text\":\"前往首都的低廉航班。\"}\n", File.ReadAllLines(Path.Combine(a, "corpus.jsonl"))[3] + "\n");
        Assert.Equal("query-id\tcorpus-id\tscore\nq3\t4\t1\n", File.ReadAllText(Path.Combine(a, "qrels/test.tsv")));
    }

    [Fact]
    public void Crlf_line_endings_and_a_bom_are_accepted()
    {
        var dir = TestFiles.Beir(corpus: "\uFEFF{\"_id\":\"d1\",\"text\":\"one\"}\r\n{\"_id\":\"d2\",\"text\":\"two\"}\r\n",
                                 train: "\uFEFFquery-id\tcorpus-id\tscore\r\nq1\td2\t1\r\n");
        var ds = BeirDataset.Load(dir);
        Assert.Equal(["d1", "d2"], ds.Documents.Select(d => d.Id));
        Assert.Equal(1, ds.Qrels("train").Relevance("q1", "d2"));
    }

    [Fact]
    public void Deduplication_merges_equal_documents_and_moves_their_judgements()
    {
        var dir = TestFiles.Beir(
            corpus: "{\"_id\":\"d1\",\"text\":\"same  text\"}\n{\"_id\":\"d2\",\"text\":\"other\"}\n{\"_id\":\"d3\",\"text\":\"same text\"}\n",
            train: "query-id\tcorpus-id\tscore\nq1\td3\t1\n");
        var ds = BeirDataset.Load(dir, new DataReadOptions(DeduplicateDocuments: true));
        Assert.Equal(["d1", "d2"], ds.Documents.Select(d => d.Id));
        Assert.Equal("d1", ds.DocumentAliases["d3"]);
        Assert.Equal(1, ds.Qrels("train").Relevance("q1", "d1"));
        Assert.Same(ds.Document("d1"), ds.Document("d3"));
        var corpus = ds.Reports[0];
        Assert.Equal((3L, 2L, 1L), (corpus.Read, corpus.Kept, corpus.Duplicates));
        Assert.Equal(3, BeirDataset.Load(dir).Documents.Count);   // off by default
    }
}
