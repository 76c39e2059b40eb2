using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Ranking;

public sealed class TrecFilesTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-trec-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    [Fact]
    public void A_run_written_and_read_back_gives_the_same_metrics()
    {
        var random = new Random(7);
        var run = new RankedRun();
        var qrels = new Qrels();
        for (var q = 0; q < 20; q++)
        {
            for (var d = 0; d < 30; d++)
            {
                // Scores with many ties and with full float/double precision.
                var score = d % 3 == 0 ? Math.Round(random.NextDouble(), 1) : random.NextDouble() * 1e-3 + (float)random.NextDouble();
                run.Add($"q{q}", $"d{d}", score);
                if (random.Next(4) == 0) qrels.Add($"q{q}", $"d{d}", random.Next(3));
            }
        }
        var metrics = RankingMetric.ParseList("ndcg@1,ndcg@3,ndcg@10,mrr,map,p@5,recall@100");
        var before = RankingMetrics.Evaluate(run, qrels, metrics);

        var runPath = Path.Combine(dir, "run.trec");
        var qrelsPath = Path.Combine(dir, "qrels.txt");
        TrecRunFile.Write(runPath, run, "test");
        qrels.Write(qrelsPath);
        var after = RankingMetrics.Evaluate(TrecRunFile.Read(runPath), Qrels.Read(qrelsPath), metrics);

        Assert.Equal(before.Means, after.Means);
        Assert.Equal(before.EvaluatedQueries, after.EvaluatedQueries);
        Assert.Equal(before.SkippedNoRelevant, after.SkippedNoRelevant);
    }

    [Fact]
    public void Run_lines_have_the_trec_layout_with_ranks_in_trec_eval_order()
    {
        var run = new RankedRun();
        run.Add("q1", "a", 0.5);
        run.Add("q1", "b", 0.5);
        run.Add("q1", "c", 0.75);
        var text = new StringWriter();
        TrecRunFile.Write(text, run, "bm25");
        Assert.Equal("q1 Q0 c 1 0.75 bm25\nq1 Q0 b 2 0.5 bm25\nq1 Q0 a 3 0.5 bm25\n", text.ToString());
    }

    [Fact]
    public void Ids_with_whitespace_cannot_be_written()
    {
        var run = new RankedRun();
        run.Add("q1", "doc 1", 1);
        Assert.Contains("document id 'doc 1' contains whitespace", Assert.Throws<ArgumentException>(() => TrecRunFile.Write(new StringWriter(), run)).Message);
    }

    [Fact]
    public void The_rank_column_is_ignored_like_trec_eval()
    {
        var run = TrecRunFile.Parse(new StringReader("q1 Q0 a 1 0.1 t\nq1 Q0 b 2 0.9 t\n"));
        Assert.Equal(["b", "a"], run.Ranked("q1").Select(d => d.DocId));
    }

    [Theory]
    [InlineData("q1 Q0 a 1 high t\n", "<run>:1: field 5 (score): 'high' is not a number")]
    [InlineData("q1 Q0 a 1 0.5 t\n\nq1 Q0 a x 0.5\n", "<run>:3: expected 6 whitespace-separated fields")]
    [InlineData("q1 Q0 a one 0.5 t\n", "<run>:1: field 4 (rank)")]
    [InlineData("q1 Q0 a 1 0.5 t\nq1 Q0 a 2 0.4 t\n", "<run>:2: field 3 (docid): document 'a' appears twice")]
    public void Bad_run_lines_name_line_and_field(string text, string message) =>
        Assert.StartsWith(message, Assert.Throws<FormatException>(() => TrecRunFile.Parse(new StringReader(text))).Message);

    [Fact]
    public void Qrels_errors_name_the_file_line_and_field()
    {
        var path = Path.Combine(dir, "bad.qrels");
        File.WriteAllText(path, "q1 0 d1 1\nq1 0 d2 yes\n");
        var e = Assert.Throws<FormatException>(() => Qrels.Read(path));
        Assert.Equal($"{path}:2: field 4 (rel): 'yes' is not an integer", e.Message);
        File.WriteAllText(path, "q1\td1\t1\n");
        Assert.Contains(":1: expected 4 whitespace-separated fields (qid 0 docid rel), found 3", Assert.Throws<FormatException>(() => Qrels.Read(path)).Message);
    }

    [Fact]
    public void Qrels_read_tabs_and_spaces_and_keep_graded_relevance()
    {
        var qrels = Qrels.Parse(new StringReader("q1\t0\td1\t2\n\nq1 0 d2 0\nq2  0  d1  1\n"));
        Assert.Equal(3, qrels.Count);
        Assert.Equal(2, qrels.Relevance("q1", "d1"));
        Assert.Equal(["d1"], qrels.Relevant("q1"));
    }

    [Fact]
    public void Candidates_read_qid_tab_docid_lines()
    {
        var c = Candidates.Parse(new StringReader("q1\td1\nq1\td2\t1\nq2\td1\nq1\td1\n"));
        Assert.Equal(["d1", "d2"], c.For("q1"));
        Assert.Equal(3, c.Count);
        Assert.Contains("<candidates>:1: expected qid<TAB>docid", Assert.Throws<FormatException>(() => Candidates.Parse(new StringReader("q1 d1\n"))).Message);
    }
}
