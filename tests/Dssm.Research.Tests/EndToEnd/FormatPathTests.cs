using System.Text.RegularExpressions;
using Dssm.Research.Data;
using Dssm.Research.Tests.Data;

namespace Dssm.Research.Tests.EndToEnd;

/// <summary>
/// Each public format the kit reads, end to end as a new user runs it: <c>data convert → data stats → train →
/// evaluate → baseline → report</c>, on small files shaped like the official releases (fixtures/: several splits in
/// one folder, WikiQA questions without a correct answer and a sentence shared by two questions, a file with BOM
/// and CRLF, the LCQMC/BQ/ATEC layouts, MS MARCO's collection + queries + qrels, BEIR with titles). A tiny model,
/// one epoch of a few steps: the figures mean nothing, the path is what is checked.
/// </summary>
[Collection("Console")]
public sealed class FormatPathTests : IDisposable
{
    readonly string dir = TestFiles.TempDir();

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static string Fixture(params string[] parts) => Path.Combine([DssmCli.Repo(), "tests", "Dssm.Research.Tests", "EndToEnd", "fixtures", .. parts]);

    static readonly string[] Tiny = ["--epochs", "1", "--max-steps-per-epoch", "3", "--batch", "4", "--negatives", "2", "--quiet", "--device", "cpu"];

    string Path_(string name) => Path.Combine(dir, name);

    /// <summary>train (BEIR) → evaluate on <paramref name="split"/> → baseline → report; returns evaluate's output.</summary>
    string TrainEvaluateBaselineReport(string data, string split, params string[] evaluateExtra)
    {
        var run = Path_("run");
        InProcessCli.Ok(["train", "--data", data, "--out", run, .. Tiny]);
        var evaluated = InProcessCli.Ok(["evaluate", "--model", run, "--data", data, "--split", split, "--device", "cpu", .. evaluateExtra]);
        Assert.Matches(new Regex(@"^(dssm|hybrid).*\s\d\.\d{4}\s", RegexOptions.Multiline), evaluated);
        var baseline = InProcessCli.Ok("baseline", "bm25", "--data", data, "--split", split, "--run-file", Path_("bm25.trec"));
        Assert.Matches(new Regex(@"^bm25\(lucene\)\s+\d\.\d{4}\s", RegexOptions.Multiline), baseline);
        var html = Path_("report.html");
        InProcessCli.Ok("report", "--runs", run, "--out", html);
        Assert.Contains("## How to reproduce every number", File.ReadAllText(Path.ChangeExtension(html, ".md")));
        return evaluated;
    }

    [Fact]
    public void Wikiqa_folder_with_three_splits_unanswered_questions_a_shared_sentence_and_bom_crlf()
    {
        var data = Path_("wikiqa");
        var converted = InProcessCli.Ok("data", "convert", "--from", "wikiqa", Fixture("wikiqa"), "--out", data);
        // train: 21 data rows, one an exact repeat (a duplicate); test has a BOM and CRLF line ends.
        Assert.Contains("read 21, kept 20, duplicates 1, skipped 0", converted);
        var ds = BeirDataset.Load(data);
        Assert.Equal(["train", "dev", "test"], ds.Splits);
        Assert.Equal(16, ds.Queries.Count);
        Assert.Equal("what is the capital of australia", ds.Queries["Q13"]); // the test file's first question: its BOM is not in the id or the text
        InProcessCli.Ok("data", "stats", data);
        // candidates.tsv lists every split's questions: evaluate on test keeps test's 4 and says it left out the 12 others.
        var evaluated = TrainEvaluateBaselineReport(data, "test");
        Assert.Contains("left out 12 queries of other splits", evaluated);
        // Q15, the test question without a correct sentence, is skipped by the metrics, as trec_eval does.
        Assert.Contains("queries: 3 evaluated, 1 skipped (no relevant document)", evaluated);
    }

    [Theory]
    [InlineData("lcqmc.tsv")]
    [InlineData("bq.tsv")]
    [InlineData("atec.tsv")]
    public void Sentence_pair_layouts_convert_and_describe(string file)
    {
        var data = Path_("pairs");
        var converted = InProcessCli.Ok("data", "convert", "--from", "lcqmc", Fixture("lcqmc", file), "--out", data, "--dev-fraction", "0.25", "--test-fraction", "0.25");
        Assert.Contains(file == "lcqmc.tsv" ? "read 31, kept 31" : "read 8, kept 8", converted);
        Assert.Contains("split train", InProcessCli.Ok("data", "stats", data));
    }

    [Fact]
    public void Lcqmc_pairs_with_dev_and_test_by_hash()
    {
        var data = Path_("lcqmc");
        InProcessCli.Ok("data", "convert", "--from", "lcqmc", Fixture("lcqmc", "lcqmc.tsv"), "--out", data, "--dev-fraction", "0.25", "--test-fraction", "0.25");
        InProcessCli.Ok("data", "stats", data);
        var evaluated = TrainEvaluateBaselineReport(data, "test", "--hybrid", "auto");
        Assert.Contains("queries of other splits", evaluated);   // the candidates of every split, restricted to test
        Assert.Contains("chosen on dev", evaluated);
    }

    [Fact]
    public void Lcqmc_release_folder_keeps_its_train_dev_and_test_files_as_splits()
    {
        var data = Path_("lcqmc-release");
        var converted = InProcessCli.Ok("data", "convert", "--from", "lcqmc", Fixture("lcqmc-release"), "--out", data);
        // 这首歌叫什么名字 is clicked in test.txt and in train.txt: it stays a test query, its train click is dropped.
        Assert.Contains("1 clicked pairs dropped: their query is also clicked in a later split's file", converted);
        var ds = BeirDataset.Load(data);
        Assert.Equal(["train", "dev", "test"], ds.Splits);
        Assert.Equal(4, ds.Qrels("test").QueryIds.Count);   // test.txt's 6 rows, two of them labelled 0
        Assert.Equal(19, File.ReadAllLines(Path.Combine(data, "pairs.tsv")).Length);   // train.txt's rows only: train --pairs never sees test
        Assert.Equal(6, File.ReadAllLines(Path.Combine(data, "pairs-test.tsv")).Length);
        InProcessCli.Ok("data", "stats", data);
        var evaluated = TrainEvaluateBaselineReport(data, "test", "--hybrid", "auto");
        Assert.Contains("queries of other splits", evaluated);
    }

    [Fact]
    public void Msmarco_collection_queries_and_qrels_of_train_and_dev()
    {
        var data = Path_("msmarco");
        InProcessCli.Ok("data", "convert", "--from", "msmarco", Fixture("msmarco"), "--out", data);
        var ds = BeirDataset.Load(data);
        Assert.Equal(["train", "dev"], ds.Splits);
        Assert.Equal(22, ds.Documents.Count);
        InProcessCli.Ok("data", "stats", data);
        // MS MARCO publishes no test judgements: dev is the evaluated split, BM25 re-ranked over its top 10.
        var evaluated = TrainEvaluateBaselineReport(data, "dev", "--rerank", "bm25:10");
        Assert.Contains("dssm rerank bm25:10", evaluated);
    }

    [Fact]
    public void Pointwise_rows_train_pointwise_and_evaluate_as_pairs_and_as_a_ranking()
    {
        var data = Path_("pointwise");
        InProcessCli.Ok("data", "convert", "--from", "pointwise", Fixture("pointwise.tsv"), "--out", data, "--dev-fraction", "0.25", "--test-fraction", "0.25");
        InProcessCli.Ok("data", "stats", data);
        var run = Path_("run");
        InProcessCli.Ok(["train", "--pairs", Path.Combine(data, "pairs.tsv"), "--out", run, .. Tiny]);
        Assert.Contains("auc", InProcessCli.Ok("evaluate", "--model", run, "--pairs", Path.Combine(data, "pairs.tsv"), "--device", "cpu"));
        var evaluated = InProcessCli.Ok("evaluate", "--model", run, "--data", data, "--split", "test", "--device", "cpu");
        Assert.Contains("queries of other splits", evaluated);
        InProcessCli.Ok("baseline", "bm25", "--data", data, "--split", "test");
        InProcessCli.Ok("report", "--runs", run, "--out", Path_("report.html"));
    }

    [Fact]
    public void Clicklog_with_impressions()
    {
        var data = Path_("clicklog");
        var converted = InProcessCli.Ok("data", "convert", "--from", "clicklog", Fixture("clicklog.tsv"), "--out", data, "--dev-fraction", "0.25", "--test-fraction", "0.25");
        Assert.Contains("duplicates 1", converted); // the clicked text shown again as an impression
        InProcessCli.Ok("data", "stats", data);
        TrainEvaluateBaselineReport(data, "test", "--hybrid", "0.5", "--fusion", "rrf");
    }

    [Fact]
    public void Beir_folder_with_titles_in_every_mode()
    {
        var data = Fixture("beir");
        Assert.Contains("ok: 22 documents, 16 queries, splits train, dev, test", InProcessCli.Ok("data", "check", data));
        InProcessCli.Ok("data", "stats", data);
        var evaluated = TrainEvaluateBaselineReport(data, "test");
        Assert.DoesNotContain("candidates", evaluated);
        var run = Path_("run");
        foreach (var mode in new[] { new[] { "--rerank", "bm25:5" }, ["--hybrid", "auto"], ["--hybrid", "auto", "--fusion", "rrf"] })
            InProcessCli.Ok(["evaluate", "--model", run, "--data", data, "--split", "test", "--device", "cpu", .. mode]);
        var html = Path_("modes.html");
        InProcessCli.Ok("report", "--runs", run, "--out", html);
        var md = File.ReadAllText(Path.ChangeExtension(html, ".md"));
        // The report's rows: BM25, the DSSM over the corpus, re-ranking, both hybrids; each tested against BM25.
        foreach (var row in new[] { @"^bm25\(lucene\) \(run\)\s+\d", @"^dssm \(run\)\s+\d", @"^dssm rerank bm25:5 \(run\)\s+\d", @"^hybrid\(linear, α=[\d.]+\) \(run\)\s+\d", @"^hybrid\(rrf k=60, α=[\d.]+\) \(run\)\s+\d" })
            Assert.Matches(new Regex(row, RegexOptions.Multiline), md);
        Assert.Matches(new Regex(@"^hybrid\(rrf k=60, α=[\d.]+\) \(run\)\s+bm25\(lucene\) \(run\)\s+ndcg@10", RegexOptions.Multiline), md);
        Assert.Contains("chosen on dev", md);
    }
}
