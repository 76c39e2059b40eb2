using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;

namespace Dssm.Research.Tests.Evaluation;

/// <summary>Hand-computed cases, each with its arithmetic in a comment (trec_eval 9.x definitions).</summary>
public class RankingMetricsTests
{
    // Judged: d1=3, d2=2, d3=0, d4=1, d5=2 (d5 is never retrieved); x is retrieved but unjudged.
    // Ranked: d3 (0), d1 (3), d4 (1), d2 (2), x (–).
    static readonly string[] Ranked = ["d3", "d1", "d4", "d2", "x"];
    static readonly Dictionary<string, int> Judged = new() { ["d1"] = 3, ["d2"] = 2, ["d3"] = 0, ["d4"] = 1, ["d5"] = 2 };

    [Fact]
    public void Ndcg_uses_graded_gains_log2_discount_and_the_ideal_of_all_judged_documents()
    {
        // DCG@3  = 0/log2(2) + 3/log2(3) + 1/log2(4)            = 2.39279
        // IDCG@3 = ideal [3, 2, 2, 1] (d5 counts): 3 + 2/log2(3) + 2/log2(4) = 5.26186
        Assert.Equal(0.4547421415311807, RankingMetrics.Ndcg(Ranked, Judged, 3), 12);
        // DCG@10 adds d2 at rank 4: 2/log2(5); IDCG@10 adds 1/log2(5).
        Assert.Equal(0.5716507264214418, RankingMetrics.Ndcg(Ranked, Judged, 10), 12);
        Assert.Equal(0, RankingMetrics.Ndcg(Ranked, Judged, 1));
        Assert.Equal(1, RankingMetrics.Ndcg(["d1", "d2", "d5", "d4"], Judged, 10), 12);
    }

    [Fact]
    public void Mrr_map_precision_recall()
    {
        Assert.Equal(0.5, RankingMetrics.ReciprocalRank(Ranked, Judged));                   // first relevant at rank 2
        Assert.Equal((1 / 2.0 + 2 / 3.0 + 3 / 4.0) / 4, RankingMetrics.AveragePrecision(Ranked, Judged), 12); // 4 relevant in qrels
        Assert.Equal(2 / 3.0, RankingMetrics.PrecisionAt(Ranked, Judged, 3), 12);
        Assert.Equal(0.25, RankingMetrics.RecallAt(Ranked, Judged, 2));                      // d1 of {d1,d2,d4,d5}
        Assert.Equal(0.75, RankingMetrics.RecallAt(Ranked, Judged, 100));
    }

    [Fact]
    public void K_beyond_the_list_length()
    {
        // P@10 divides by 10 even though only 5 were retrieved (trec_eval's P.10).
        Assert.Equal(0.3, RankingMetrics.PrecisionAt(Ranked, Judged, 10), 12);
        Assert.Equal(0.75, RankingMetrics.RecallAt(Ranked, Judged, 1000));
        Assert.Equal(RankingMetrics.Ndcg(Ranked, Judged, 5), RankingMetrics.Ndcg(Ranked, Judged, 1000), 12);
        Assert.Equal(0, RankingMetrics.ReciprocalRank([], Judged));
    }

    [Fact]
    public void Ties_are_broken_by_document_id_descending_like_trec_eval()
    {
        var run = new RankedRun();
        run.Add("q", "a", 1.0);
        run.Add("q", "b", 1.0);
        run.Add("q", "c", 1.0);
        run.Add("q", "z", 0.5);
        Assert.Equal(["c", "b", "a", "z"], run.Ranked("q").Select(d => d.DocId));
        var qrels = new Qrels();
        qrels.Add("q", "a", 1);
        var result = RankingMetrics.Evaluate(run, qrels, RankingMetric.ParseList("mrr,p@1,ndcg@3"));
        Assert.Equal(1 / 3.0, result.Mean("mrr"), 12);
        Assert.Equal(0, result.Mean("p@1"));
        Assert.Equal(0.5, result.Mean("ndcg@3"), 12);   // 1/log2(4) over ideal 1
    }

    [Fact]
    public void Queries_without_relevant_documents_are_skipped_and_counted()
    {
        var qrels = new Qrels();
        qrels.Add("q1", "d1", 1);
        qrels.Add("q2", "d1", 0);          // judged, none relevant: skipped
        qrels.Add("q3", "d9", 2);          // relevant, but the run lacks q3: scores 0
        var run = new RankedRun();
        run.Add("q1", "d1", 0.9);
        run.Add("q2", "d1", 0.9);
        run.Add("q4", "d1", 0.9);          // no judgements: ignored
        var result = RankingMetrics.Evaluate(run, qrels, [RankingMetric.Parse("map")]);
        Assert.Equal(["q1", "q3"], result.EvaluatedQueries);
        Assert.Equal(["q2"], result.SkippedNoRelevant);
        Assert.Equal(["q3"], result.MissingFromRun);
        Assert.Equal(["q4"], result.UnjudgedInRun);
        Assert.Equal(0.5, result.Mean("map"));    // (1 + 0) / 2
        Assert.Equal(1, result.For("q1", RankingMetric.Parse("map")));
        Assert.Contains("1 skipped", result.ToString());
    }

    [Theory]
    [InlineData("ndcg@10", MetricKind.Ndcg, 10)]
    [InlineData("NDCG@1", MetricKind.Ndcg, 1)]
    [InlineData("ndcg_cut.3", MetricKind.Ndcg, 3)]
    [InlineData(" MRR ", MetricKind.Mrr, null)]
    [InlineData("recip_rank", MetricKind.Mrr, null)]
    [InlineData("map", MetricKind.Map, null)]
    [InlineData("P@5", MetricKind.Precision, 5)]
    [InlineData("P.5", MetricKind.Precision, 5)]
    [InlineData("recall@100", MetricKind.Recall, 100)]
    public void Metric_names_parse(string name, MetricKind kind, int? cutoff) =>
        Assert.Equal(new RankingMetric(kind, cutoff), RankingMetric.Parse(name));

    [Theory]
    [InlineData("bleu", "unknown metric 'bleu'")]
    [InlineData("ndcg@0", "positive integer")]
    [InlineData("p", "needs a cutoff")]
    [InlineData("map@10", "takes no cutoff")]
    public void Bad_metric_names_are_clear_errors(string name, string message) =>
        Assert.Contains(message, Assert.Throws<FormatException>(() => RankingMetric.Parse(name)).Message);

    [Theory]
    [InlineData("ndcg@10", "ndcg@10")]
    [InlineData("NDCG_cut.10", "ndcg@10")]
    [InlineData("recip_rank", "mrr")]
    [InlineData("P.5", "p@5")]
    [InlineData("r@100", "recall@100")]
    [InlineData("map", "map")]
    public void Metric_names_round_trip_through_ToString(string name, string canonical)
    {
        var metric = RankingMetric.Parse(name);
        Assert.Equal(canonical, metric.ToString());
        Assert.Equal(metric, RankingMetric.Parse(metric.ToString()));   // the canonical name parses back to the same metric
    }

    [Fact]
    public void The_default_metrics_are_the_papers_ndcg_cutoffs_then_mrr_and_map() =>
        Assert.Equal("ndcg@1,ndcg@3,ndcg@10,mrr,map", string.Join(",", RankingMetric.Default));
}
