namespace Dssm.Research.Tests.Cli;

/// <summary><c>dssm score</c> and <c>dssm compare</c> as a user runs them, on trec_eval's files and on hand-made runs.</summary>
public sealed class ScoreCompareCommandTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-score-").FullName;
    static readonly string TrecEvalDir = Path.Combine(DssmCli.Repo(), "tests", "Dssm.Research.Tests", "Evaluation", "trec_eval");

    public void Dispose() => Directory.Delete(dir, recursive: true);

    string Write(string name, string text)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    // Four queries, one relevant document r each. A ranks r first on q1–q3 and second on q4; B the reverse:
    // reciprocal ranks A = (1, 1, 1, ½), B = (½, ½, ½, 1), d = (½, ½, ½, −½).
    // Means 0.875 and 0.625, difference 0.25; A better on 3, B on 1. Exact randomization: as for (1, 1, 1, −1),
    // 10 of the 16 sign flips reach |Σ| ≥ 1 → p = 0.625. t: mean ¼, sd ½, t = ¼ / (½ / 2) = 1 on 3 df → p = 0.3910
    // (scipy: 2 · t.cdf(−1, 3) = 0.391002).
    const string Qrels = "q1 0 r 1\nq2 0 r 1\nq3 0 r 1\nq4 0 r 1\n";
    const string RunA = "q1 Q0 r 1 2 a\nq1 Q0 x 2 1 a\nq2 Q0 r 1 2 a\nq2 Q0 x 2 1 a\nq3 Q0 r 1 2 a\nq3 Q0 x 2 1 a\nq4 Q0 x 1 2 a\nq4 Q0 r 2 1 a\n";
    const string RunB = "q1 Q0 x 1 2 b\nq1 Q0 r 2 1 b\nq2 Q0 x 1 2 b\nq2 Q0 r 2 1 b\nq3 Q0 x 1 2 b\nq3 Q0 r 2 1 b\nq4 Q0 r 1 2 b\nq4 Q0 x 2 1 b\n";

    [Fact]
    public void Score_prints_what_trec_eval_printed_for_its_test_files()
    {
        var (code, output) = DssmCli.Run(["score", "--qrels", Path.Combine(TrecEvalDir, "qrels.test"), "--run", Path.Combine(TrecEvalDir, "results.test")]);
        Assert.True(code == 0, output);
        Assert.Equal(File.ReadAllText(Path.Combine(TrecEvalDir, "out.test")), output);
    }

    [Fact]
    public void Score_takes_kit_and_trec_eval_names_per_query_and_the_complete_flag()
    {
        var qrels = Write("q.trec", Qrels + "q5 0 r 1\n");
        var run = Write("a.trec", RunA);
        var (code, output) = DssmCli.Run(["score", "--qrels", qrels, "--run", run, "-m", "mrr,P.1", "-q"]);
        Assert.True(code == 0, output);
        // Without -c q5 (not in the run) is left out: MRR (1 + 1 + 1 + ½) / 4, P@1 3/4.
        Assert.Contains("recip_rank            \tq4\t0.5000\n", output);
        Assert.Contains("recip_rank            \tall\t0.8750\n", output);
        Assert.Contains("P_1                   \tall\t0.7500\n", output);
        Assert.Contains("note: 1 query of the qrels not in the run, left out of the means", output);
        (code, output) = DssmCli.Run(["score", "--qrels", qrels, "--run", run, "-m", "ndcg@10", "-c"]);
        Assert.True(code == 0, output);
        // -c: q5 scores 0. NDCG@10 per query 1, 1, 1, 1/log2(3) = 0.63093: (3.63093 + 0) / 5 = 0.72619.
        Assert.Contains("ndcg_cut_10           \tall\t0.7262\n", output);
    }

    [Fact]
    public void Score_reads_beir_qrels_as_it_reads_trec_qrels()
    {
        var run = Write("a.trec", RunA);
        var trec = DssmCli.Run(["score", "--qrels", Write("q.trec", Qrels), "--run", run, "-m", "all", "-q"]);
        var beir = DssmCli.Run(["score", "--qrels", Write("test.tsv", "query-id\tcorpus-id\tscore\n" + Qrels.Replace(" 0 ", "\t").Replace(" 1\n", "\t1\n")), "--run", run, "-m", "all", "-q"]);
        Assert.True(trec.Code == 0 && beir.Code == 0, trec.Output + beir.Output);
        Assert.Contains("recip_rank            \tall\t0.8750\n", trec.Output);
        Assert.Equal(trec.Output, beir.Output);
    }

    [Fact]
    public void Compare_two_runs_prints_wins_losses_and_both_p_values()
    {
        var (code, output) = DssmCli.Run(["compare", Write("a.trec", RunA), Write("b.trec", RunB), "--qrels", Write("q.trec", Qrels), "--metric", "mrr"]);
        Assert.True(code == 0, output);
        Assert.Contains("mrr on 4 queries", output);
        Assert.Contains("mean 0.8750", output);
        Assert.Contains("mean 0.6250", output);
        Assert.Contains("A − B               +0.2500", output);
        Assert.Contains("A better 3, tied 0, B better 1", output);
        Assert.Contains("randomization test  p = 0.6250  (two-sided; all 16 sign flips", output);
        Assert.Contains("paired t-test       p = 0.3910  (two-sided; t = 1.000, df = 3)", output);
    }

    [Fact]
    public void Compare_a_run_with_itself_gives_p_1_and_no_wins_or_losses()
    {
        var run = Path.Combine(TrecEvalDir, "results.test");
        var (code, output) = DssmCli.Run(["compare", run, run, "--qrels", Path.Combine(TrecEvalDir, "qrels.test")]);
        Assert.True(code == 0, output);
        Assert.Contains("A better 0, tied 3, B better 0", output);
        Assert.Contains("randomization test  p = 1.0000", output);
        Assert.Contains("paired t-test       p = 1.0000", output);
    }

    [Fact]
    public void Compare_with_a_fixed_seed_is_reproducible_and_sampled_beyond_the_budget()
    {
        var q = Write("q.trec", Qrels);
        string[] args = ["compare", Write("a.trec", RunA), Write("b.trec", RunB), "--qrels", q, "--metric", "mrr", "--permutations", "10", "--seed", "5"];
        var first = DssmCli.Run(args);
        Assert.True(first.Code == 0, first.Output);
        Assert.Contains("10 random sign flips of the per-query differences, seed 5; p = (count + 1) / (N + 1)", first.Output);
        Assert.Equal(first.Output, DssmCli.Run(args).Output);
    }

    [Theory]
    [InlineData("missing-run")]
    [InlineData("five-fields")]
    [InlineData("bad-relevance")]
    public void Bad_input_to_score_is_one_error_line_with_exit_code_2(string damage)
    {
        var qrels = Write("q.trec", damage == "bad-relevance" ? "q1 0 r 1\nq2 0 r high\n" : Qrels);
        var run = damage switch
        {
            "missing-run" => Path.Combine(dir, "nope.trec"),
            "five-fields" => Write("a.trec", "q1 Q0 r 1 2 a\nq2 Q0 r 1 2\n"),
            _ => Write("a.trec", RunA),
        };
        var expected = damage switch
        {
            "missing-run" => $"dssm: error: {run}: no such run file; expected a TREC run (qid Q0 docid rank score tag)\n",
            "five-fields" => $"dssm: error: {run}:2: expected 6 whitespace-separated fields (qid Q0 docid rank score tag), found 5\n",
            _ => $"dssm: error: {qrels}:2: field 4 (rel): 'high' is not an integer\n",
        };
        var (code, output) = DssmCli.Run(["score", "--qrels", qrels, "--run", run]);
        Assert.Equal(2, code);
        Assert.Equal(expected, output);
        (code, output) = DssmCli.Run(["compare", run, run, "--qrels", qrels]);
        Assert.Equal(2, code);
        Assert.Equal(damage == "missing-run" ? $"dssm: error: {run}: no such run file, report or run folder\n" : expected, output);
    }

    [Fact]
    public void Compare_plain_run_files_without_qrels_is_an_error_naming_the_option()
    {
        var run = Write("a.trec", RunA);
        var (code, output) = DssmCli.Run(["compare", run, run]);
        Assert.Equal(2, code);
        Assert.Equal($"dssm: error: --qrels: needed to judge the plain run file {run} (TREC qrels or a BEIR qrels/SPLIT.tsv)\n", output);
    }
}
