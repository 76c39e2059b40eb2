using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;
using Dssm.Research.Tests.Data;
using Dssm.Research.Text;

namespace Dssm.Research.Tests.Evaluation;

/// <summary>BM25 with the baselines' default analysis (stemmed, stop words) and with the plain words it replaced.</summary>
public class StemmedBm25Tests
{
    static readonly (string, string)[] Docs =
    [
        ("d1", "The dog runs"),          // → dog, run           |d| = 2
        ("d2", "Running dogs' files"),   // → run, dog, file     |d| = 3
        ("d3", "A cat sleeps"),          // → cat, sleep         |d| = 2
    ];

    [Fact]
    public void Stemmed_bm25_ranks_a_hand_made_example_as_derived_by_hand()
    {
        var run = Baselines.Run([("q", "running")], Docs, new BaselineOptions());
        // "running" → run; df(run) = 2 of N = 3: idf = ln(1 + (3 − 2 + .5)/(2 + .5)) = ln 1.6; avgdl = 7/3.
        // d1: ln1.6·1·1.9 / (1 + 0.9·(0.6 + 0.4·2/(7/3))) = 0.8930069 / 1.8485714 = 0.4830795
        // d2: ln1.6·1·1.9 / (1 + 0.9·(0.6 + 0.4·3/(7/3))) = 0.8930069 / 2.0028571 = 0.4458665
        var hits = run.Ranked("q");
        Assert.Equal(["d1", "d2"], hits.Select(h => h.DocId));
        Assert.Equal(Math.Log(1.6) * 1.9 / (1 + 0.9 * (0.6 + 0.4 * 2 / (7 / 3.0))), hits[0].Score, 12);
        Assert.Equal(0.4830795, hits[0].Score, 7);
        Assert.Equal(0.4458665, hits[1].Score, 7);
    }

    [Fact]
    public void Plain_bm25_still_matches_words_only_as_written()
    {
        // Plain words: d1 the, dog, runs; d2 running, dogs, files; d3 a, cat, sleeps. Only d2 has "running":
        // idf = ln(1 + 2.5/1.5) = ln(8/3); avgdl = 3, |d2| = 3: 1.9·ln(8/3)/(1 + 0.9) = ln(8/3) = 0.9808293.
        var hits = Baselines.Run([("q", "running")], Docs, new BaselineOptions(Analyzer: AnalyzerKind.Plain)).Ranked("q");
        Assert.Equal(["d2"], hits.Select(h => h.DocId));
        Assert.Equal(Math.Log(8 / 3.0), hits[0].Score, 12);
    }

    [Fact]
    public void The_default_baseline_is_stemmed_and_says_so_and_plain_is_a_named_option()
    {
        var dir = TestFiles.TempDir();
        TestFiles.Write(dir, "corpus.jsonl", string.Concat(Docs.Select(d => $"{{\"_id\": \"{d.Item1}\", \"title\": \"\", \"text\": \"{d.Item2.Replace("'", "\\u0027")}\"}}\n")));
        TestFiles.Write(dir, "queries.jsonl", "{\"_id\": \"q1\", \"text\": \"runs\"}\n");
        TestFiles.Write(dir, "qrels/test.tsv", "query-id\tcorpus-id\tscore\nq1\td2\t1\n");
        // Stemmed: "runs" → run matches d1 (|d| 2) and d2 (|d| 3); d1 is shorter and ranks first, d2 second:
        // NDCG@10 = (1/log2 3) / 1 = 0.6309298. Plain: "runs" is only in d1, d2 is never retrieved: 0.
        var stemmed = Experiment.Baseline(BaselineKind.Bm25, dir, "test");
        Assert.Equal("bm25(lucene)", stemmed.System);
        Assert.Equal("lucene", stemmed.Analyzer);
        Assert.Equal(1 / Math.Log2(3), stemmed.Metrics["ndcg@10"], 12);
        var plain = Experiment.Baseline(BaselineKind.Bm25, dir, "test", analyzer: AnalyzerKind.Plain);
        Assert.Equal("bm25(plain:mixed)", plain.System);
        Assert.Equal(0, plain.Metrics["ndcg@10"]);
        Assert.Equal(AnalyzerKind.Lucene, new BaselineOptions().Analyzer);
        Assert.Equal(AnalyzerKind.Lucene, new Dssm.Research.Training.TrainOptions().HardNegativeAnalyzer);
    }

    [Fact]
    public void Cli_baseline_with_an_unknown_analyzer_is_one_error_line_and_exit_2()
    {
        var (code, output) = DssmCli.Run(["baseline", "bm25", "--data", Path.Combine(TestFiles.RepoRoot, "datasets", "semantic-clicks"), "--analyzer", "nosuch"]);
        Assert.Equal(2, code);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("dssm: error: --analyzer: unknown analyzer 'nosuch'; expected one of: lucene, lucene-jieba, english, smartcn, cjk, plain", line.TrimEnd('\r'));
    }
}
