using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Evaluation;

/// <summary>
/// The kit agrees with trec_eval on trec_eval's own test files: every value the kit computes, per query and over
/// all queries, equals the value trec_eval printed (four decimals). The expected values are read from trec_eval's
/// output files in <c>trec_eval/</c> (see its README for the command that made each), never from the kit.
/// </summary>
public class TrecEvalAgreementTests
{
    static readonly string Dir = Path.Combine(DssmCli.Repo(), "tests", "Dssm.Research.Tests", "Evaluation", "trec_eval");

    static string F(string name) => Path.Combine(Dir, name);

    /// <summary>trec_eval's output: (query, measure) → printed value.</summary>
    static Dictionary<(string Query, string Name), string> Expected(string file) =>
        File.ReadLines(F(file)).Select(l => l.Split('\t')).Where(p => p.Length == 3)
            .ToDictionary(p => (p[1], p[0].Trim()), p => p[2]);

    /// <summary>trec_eval ignores words after the run tag (results.trunc has some); the kit's reader wants six fields.</summary>
    static RankedRun RunFirstSixFields(string file) =>
        TrecRunFile.Parse(new StringReader(string.Join('\n', File.ReadLines(F(file)).Select(l => string.Join(' ', TrecLine.Split(l).Take(6))))), F(file));

    /// <summary>Compares every value of ours with trec_eval's printed one; returns how many were compared.</summary>
    static int AssertAgrees(TrecEvalResult ours, string expectedFile, string? onlyQuery = null)
    {
        var expected = Expected(expectedFile);
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var line in ours.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var p = line.Split('\t');
            var key = (onlyQuery is not null && p[1] == "all" ? onlyQuery : p[1], p[0].Trim());
            if (onlyQuery is not null && key.Item1 != onlyQuery) continue;
            if (onlyQuery is not null && key.Item2 is "num_q" or "gm_map" or "runid") continue;   // summary-only lines
            if (!expected.TryGetValue(key, out var theirs)) { mismatches.Add($"{key}: not in {expectedFile}"); continue; }
            compared++;
            if (theirs != p[2]) mismatches.Add($"{key}: ours {p[2]}, trec_eval {theirs}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        return compared;
    }

    const int PerQuery = 58, SummaryLines = 61;

    static TrecEvalOptions AllPerQuery => new() { Measures = TrecMeasure.All, PerQuery = true };

    [Fact]
    public void Default_output_is_trec_evals_byte_for_byte()
    {
        // trec_eval qrels.test results.test: the official measures, summary only.
        var ours = TrecEval.Score(F("qrels.test"), F("results.test"));
        Assert.Equal(File.ReadAllText(F("out.test")), ours.ToString());
    }

    [Fact]
    public void All_measures_per_query_agree_on_qrels_test()
    {
        var ours = TrecEval.Score(F("qrels.test"), F("results.test"), AllPerQuery);
        // Per query 58 values: num_ret, num_rel, num_rel_ret, map, Rprec, bpref, recip_rank (7), iprec_at_recall (11),
        // P, recall, ndcg_cut, map_cut (4 × 9), ndcg, success (3); the summary adds runid, num_q and gm_map: 61.
        Assert.Equal(PerQuery * 3 + SummaryLines, AssertAgrees(ours, "out.test.aq"));
        Assert.Equal(0.1785, ours.Summary("map"), 4);
    }

    [Fact]
    public void Complete_flag_scores_a_missing_query_zero_and_averages_over_all_qrels_queries()
    {
        // results.trunc lacks topic 302: with -c it counts, with 0 (and num_ret 0), in every mean.
        var ours = TrecEval.Evaluate(RunFirstSixFields("results.trunc"), Qrels.Read(F("qrels.test")),
            AllPerQuery with { Complete = true }, "STANDARD");
        Assert.Equal(["302"], ours.MissingScoredZero);
        Assert.Equal(PerQuery * 3 + SummaryLines, AssertAgrees(ours, "out.test.aqc"));
    }

    [Fact]
    public void Complete_flag_with_a_one_query_run_agrees_with_the_binary()
    {
        var ours = TrecEval.Score(F("qrels.test"), F("results-302.test"), AllPerQuery with { Complete = true });
        Assert.Equal(["301", "303"], ours.MissingScoredZero);
        Assert.Equal(PerQuery * 3 + SummaryLines, AssertAgrees(ours, "out.302.aqc-qrels.test"));
    }

    [Fact]
    public void Relevance_level_2_on_graded_qrels_agrees()
    {
        // -l2: levels 2..4 are relevant (bpref counts 0 and 1 as judged nonrelevant; −1 is in the pool but unjudged);
        // NDCG keeps the levels as gains.
        var ours = TrecEval.Score(F("qrels.rel_level"), F("results.test"), AllPerQuery with { RelevanceLevel = 2 });
        Assert.Equal(PerQuery * 3 + SummaryLines, AssertAgrees(ours, "out.test.aql"));
    }

    [Fact]
    public void Topic_302_alone_agrees_with_the_binary_and_with_its_rows_in_the_three_topic_output()
    {
        var ours = TrecEval.Score(F("qrels-302.test"), F("results-302.test"), AllPerQuery);
        Assert.Equal(PerQuery + SummaryLines, AssertAgrees(ours, "out.302.aq"));
        // One query: its summary equals its own row, which trec_eval's out.test.aq also printed for 302.
        Assert.Equal(PerQuery + PerQuery, AssertAgrees(ours, "out.test.aq", onlyQuery: "302"));
    }

    [Fact]
    public void The_kits_ranking_metrics_agree_with_trec_eval_per_query()
    {
        // RankingMetrics (what dssm evaluate prints) on the same files: ndcg@k = ndcg_cut_k, mrr = recip_rank,
        // map, p@k = P_k, recall@k = recall_k; every query has relevant documents, so none is skipped.
        var expected = Expected("out.test.aq");
        var cutoffs = new[] { 5, 10, 15, 20, 30, 100, 200, 500, 1000 };
        var pairs = cutoffs.SelectMany(k => new[] { ($"ndcg@{k}", $"ndcg_cut_{k}"), ($"p@{k}", $"P_{k}"), ($"recall@{k}", $"recall_{k}") })
            .Append(("mrr", "recip_rank")).Append(("map", "map")).Append(("ndcg", "ndcg")).ToArray();
        var result = RankingMetrics.Evaluate(TrecRunFile.Read(F("results.test")), Qrels.Read(F("qrels.test")), pairs.Select(p => RankingMetric.Parse(p.Item1)));
        Assert.Equal(["301", "302", "303"], result.EvaluatedQueries.Order(StringComparer.Ordinal));
        foreach (var q in new[] { "301", "302", "303", "all" })
            foreach (var (kit, trec) in pairs)
            {
                var ours = q == "all" ? result.Mean(kit) : result.For(q, RankingMetric.Parse(kit));
                Assert.True(TrecEvalResult.Fixed4(ours) == expected[(q, trec)], $"{kit} on {q}: ours {ours:F6}, trec_eval {expected[(q, trec)]}");
            }

        // Graded: NDCG's gains are the levels, whatever -l says, so the kit's NDCG on qrels.rel_level is out.test.aql's.
        var graded = Expected("out.test.aql");
        var levels = RankingMetrics.Evaluate(TrecRunFile.Read(F("results.test")), Qrels.Read(F("qrels.rel_level")), cutoffs.Select(k => RankingMetric.Parse($"ndcg@{k}")));
        foreach (var q in new[] { "301", "302", "303" })
            foreach (var k in cutoffs)
                Assert.Equal(graded[(q, $"ndcg_cut_{k}")], TrecEvalResult.Fixed4(levels.For(q, RankingMetric.Parse($"ndcg@{k}"))));
    }

    [Theory]
    [InlineData(0.03125, "0.0312")]     // an exact binary tie: glibc's printf rounds to even, .NET's F4 away from zero
    [InlineData(0.03135, "0.0314")]     // 0.031350000000000003 in binary: not a tie, the nearer value
    [InlineData(0.00005, "0.0001")]     // 5e-5 is 0.0000500000000000000024 in binary: above the tie
    [InlineData(-412.66666666, "-412.6667")]
    [InlineData(0.0, "0.0000")]
    public void Values_are_printed_as_cs_printf_prints_them(double value, string printed) =>
        Assert.Equal(printed, TrecEvalResult.Fixed4(value));
}
