using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

public sealed class ConverterTests
{
    [Fact]
    public void WikiQa_folder_becomes_beir_with_candidates_and_official_splits()
    {
        var ds = WikiQaConverter.Convert(TestFiles.Fixture("wikiqa"));
        Assert.Equal(["train", "test"], ds.Splits);
        Assert.Equal("how are glacier caves formed?", ds.Queries["Q1"]);
        Assert.Equal(["D1-2"], ds.Qrels("train").Relevant("Q1"));
        Assert.Equal(0, ds.Qrels("train").For("Q1")["D1-0"]);
        Assert.Equal(["D1-0", "D1-1", "D1-2"], ds.Candidates["Q1"]);
        Assert.Equal("Glacier cave A glacier cave is a cave formed within the ice of a glacier.", ds.Document("D1-2").FullText);
        Assert.Equal(["D3-0"], ds.Qrels("test").Relevant("Q3"));
    }

    [Fact]
    public void WikiQa_bad_header_and_bad_label()
    {
        var dir = TestFiles.TempDir();
        var bad = TestFiles.Write(dir, "a.tsv", "Question\tAnswer\n");
        Assert.EndsWith("a.tsv:1: header 'Question\tAnswer'; expected QuestionID<TAB>Question<TAB>DocumentID<TAB>DocumentTitle<TAB>SentenceID<TAB>Sentence<TAB>Label",
            Assert.Throws<DataFormatException>(() => WikiQaConverter.Convert(bad)).Message);
        var label = TestFiles.Write(dir, "b.tsv", "QuestionID\tQuestion\tDocumentID\tDocumentTitle\tSentenceID\tSentence\tLabel\nQ1\tq\tD1\tt\tD1-0\ts\tyes\n");
        Assert.EndsWith("b.tsv:2: Label: 'yes'; expected 0 or 1", Assert.Throws<DataFormatException>(() => WikiQaConverter.Convert(label)).Message);
    }

    [Fact]
    public void MsMarco_streams_into_a_loadable_beir_folder()
    {
        var output = TestFiles.TempDir();
        var reports = MsMarcoConverter.Convert(TestFiles.Fixture("msmarco"), output);
        var ds = BeirDataset.Load(output);
        Assert.Equal(4, ds.Documents.Count);
        Assert.Equal(["train", "dev"], ds.Splits);
        Assert.Equal(["0"], ds.Qrels("train").Relevant("1185869"));
        Assert.Equal(2, ds.Queries.Count);                         // the unjudged train query is left out, as BEIR does
        Assert.Equal(4L, reports.Single(r => r.File.EndsWith("collection.tsv")).Kept);
    }

    [Fact]
    public void MsMarco_qrel_for_a_missing_passage()
    {
        var input = TestFiles.TempDir();
        foreach (var f in Directory.GetFiles(TestFiles.Fixture("msmarco"))) File.Copy(f, Path.Combine(input, Path.GetFileName(f)));
        TestFiles.Write(input, "qrels.dev.tsv", "300674\t0\t3\t1\n300674\t0\t99\t1\n");
        var e = Assert.Throws<DataFormatException>(() => MsMarcoConverter.Convert(input, TestFiles.TempDir()));
        Assert.EndsWith("qrels.dev.tsv:2: pid: passage '99' is not in collection.tsv; expected a judged passage to exist", e.Message);
    }
}
