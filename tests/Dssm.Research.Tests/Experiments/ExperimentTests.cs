using System.Globalization;
using System.Text.RegularExpressions;
using Dssm.Research.Evaluation;
using Dssm.Research.Experiments;
using Dssm.Research.Models;
using Dssm.Research.Ranking;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary>The CLI's main paths end to end on the embedded dataset, with a few training steps.</summary>
public class ExperimentTests : IClassFixture<ExperimentTests.TrainedRun>
{
    /// <summary>One short training run shared by the tests of this class.</summary>
    public sealed class TrainedRun : IDisposable
    {
        public readonly string Root = Path.Combine(Path.GetTempPath(), "dssm-exp-" + Guid.NewGuid().ToString("N"));
        public readonly string Data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");
        public string Run => Path.Combine(Root, "run");
        public readonly string TrainOutput;

        public TrainedRun()
        {
            var (code, output) = DssmCli.Run(["train", "--data", Data, "--out", Run, "--epochs", "2", "--max-steps-per-epoch", "8", "--batch", "64", "--quiet"]);
            Assert.True(code == 0, output);
            TrainOutput = output;
        }

        public void Dispose() { if (Directory.Exists(Root)) Directory.Delete(Root, true); }
    }

    readonly TrainedRun fixture;
    public ExperimentTests(TrainedRun fixture) => this.fixture = fixture;

    [Fact]
    public void Train_writes_a_run_folder_with_config_metrics_checkpoint_and_best()
    {
        foreach (var file in new[] { "config.json", "metrics.jsonl", "checkpoint/model.bin", "checkpoint/optimizer.bin", "checkpoint/state.json", "best/model.bin", "featurizer/word-hasher.txt" })
            Assert.True(File.Exists(Path.Combine(fixture.Run, file)), file);
        Assert.Contains("best dev     ndcg@10", fixture.TrainOutput);
    }

    [Fact]
    public void The_trec_run_written_by_evaluate_re_read_by_the_metrics_code_gives_the_printed_numbers()
    {
        var runFile = Path.Combine(fixture.Root, "test.trec");
        var (code, output) = DssmCli.Run(["evaluate", "--model", fixture.Run, "--data", fixture.Data, "--split", "test", "--run-file", runFile, "--metrics", "ndcg@10,mrr,map"]);
        Assert.True(code == 0, output);
        var qrels = Dssm.Research.Data.BeirDataset.Load(fixture.Data).Qrels("test");
        var result = RankingMetrics.Evaluate(TrecRunFile.Read(runFile), qrels, RankingMetric.ParseList("ndcg@10,mrr,map"));
        var printed = output.Split('\n').Single(l => l.StartsWith("dssm ", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Mean("ndcg@10").ToString("F4", CultureInfo.InvariantCulture), printed[1]);
        Assert.Equal(result.Mean("mrr").ToString("F4", CultureInfo.InvariantCulture), printed[2]);
        Assert.Equal(result.Mean("map").ToString("F4", CultureInfo.InvariantCulture), printed[3]);
    }

    [Fact]
    public void A_saved_model_loads_in_a_new_process_and_encodes_bit_identically()
    {
        var indexFile = Path.Combine(fixture.Root, "index.bin");
        var (code, output) = DssmCli.Run(["encode", "--model", fixture.Run, "--data", fixture.Data, "--out", indexFile]);
        Assert.True(code == 0, output);
        var child = EmbeddingIndex.Load(indexFile);
        using var model = TrainedModel.Load(fixture.Run, Dssm.Research.Runtime.DeviceChoice.Cpu);
        var docs = Dssm.Research.Data.BeirDataset.Load(fixture.Data).Documents.Take(50).ToList();
        var here = model.Encode(docs.Select(d => d.FullText).ToList(), TextSide.Document);
        for (var i = 0; i < docs.Count; i++) Assert.Equal(child.Vector(docs[i].Id).ToArray(), here[i]);
    }

    [Fact]
    public void Encoding_from_several_threads_gives_the_single_threaded_result()
    {
        using var model = TrainedModel.Load(fixture.Run, Dssm.Research.Runtime.DeviceChoice.Cpu);
        var texts = Dssm.Research.Data.BeirDataset.Load(fixture.Data).Queries.Values.Take(64).ToList();
        var single = model.Encode(texts, TextSide.Query);
        var parallel = new float[8][][];
        Parallel.For(0, 8, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t => parallel[t] = model.Encode(texts, TextSide.Query));
        foreach (var result in parallel)
            for (var i = 0; i < texts.Count; i++) Assert.Equal(single[i], result[i]);
    }

    [Fact]
    public void Searching_one_loaded_index_from_several_threads_gives_the_single_threaded_results()
    {
        // As a server would: one model and one index loaded from disk, shared by every request thread.
        using var model = TrainedModel.Load(fixture.Run, Dssm.Research.Runtime.DeviceChoice.Cpu);
        var data = Dssm.Research.Data.BeirDataset.Load(fixture.Data);
        var indexFile = Path.Combine(fixture.Root, "search-threads.index");
        EmbeddingIndex.Encode(data.Documents.Select(d => (d.Id, d.FullText)).ToList(), t => model.Encode(t, TextSide.Document)).Save(indexFile);
        var index = EmbeddingIndex.Load(indexFile);
        var queries = data.Queries.Take(96).ToList();
        var texts = queries.Select(q => q.Value).ToList();
        var vectors = model.Encode(texts, TextSide.Query);
        var single = vectors.Select(v => index.Search(v, 10)).ToArray();
        var singleRun = index.Search(queries.Select((q, i) => (q.Key, vectors[i])).ToDictionary(p => p.Key, p => p.Item2), 10);

        // Each thread encodes and searches in its own way: one query at a time, a batch, or a named run.
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        Parallel.For(0, 24, new ParallelOptions { MaxDegreeOfParallelism = 8 }, t =>
        {
            var mine = model.Encode(texts, TextSide.Query);
            var hits = (t % 3) switch
            {
                0 => mine.Select(v => index.Search(v, 10)).ToArray(),
                1 => index.Search(mine, 10),
                _ => queries.Select((q, i) => (IReadOnlyList<ScoredDoc>)index.Search(new Dictionary<string, float[]> { [q.Key] = mine[i] }, 10).Ranked(q.Key)).ToArray(),
            };
            for (var q = 0; q < queries.Count; q++)
                if (!hits[q].SequenceEqual(single[q])) failures.Add($"thread {t} (mode {t % 3}), query {queries[q].Key}: [{string.Join(", ", hits[q])}] vs [{string.Join(", ", single[q])}]");
        });
        Assert.Empty(failures);
        foreach (var (q, i) in queries.Select((q, i) => (q.Key, i))) Assert.Equal(single[i], singleRun.Ranked(q));
        Assert.All(single, hits => Assert.Equal(10, hits.Count));
    }

    [Fact]
    public void Report_is_one_html_page_with_plotly_embedded_and_markdown_with_the_commands()
    {
        var baseline = Path.Combine(fixture.Root, "baselines");
        Directory.CreateDirectory(baseline);
        var (code, output) = DssmCli.Run(["baseline", "bm25", "--data", fixture.Data, "--split", "test", "--run-file", Path.Combine(baseline, "bm25.trec"), "--json"]);
        Assert.True(code == 0, output);
        File.WriteAllText(Path.Combine(baseline, "eval-test-bm25.json"), output.Trim());
        Assert.Equal(0, DssmCli.Run(["evaluate", "--model", fixture.Run, "--data", fixture.Data]).Code);
        var html = Path.Combine(fixture.Root, "report.html");
        (code, output) = DssmCli.Run(["report", "--runs", fixture.Run, baseline, "--out", html]);
        Assert.True(code == 0, output);
        var page = File.ReadAllText(html);
        Assert.Contains("Training loss", page);
        Assert.Contains("DSSM against the lexical baselines", page);
        Assert.Contains(Dssm.Research.Reporting.Charts.PlotlyScript()[..2000], page); // plotly.js itself is in the page: it opens offline
        var md = File.ReadAllText(Path.ChangeExtension(html, ".md"));
        Assert.Contains("dssm train --data", md);
        Assert.Contains("dssm baseline bm25", md);
        // The test table of the report has a bm25 row with its figures (the reproduce section's command alone is not one).
        Assert.Contains(md.Split('\n'), line => Regex.IsMatch(line, @"^bm25\(lucene\)\s+\d\.\d{4}\s"));
    }

    [Fact]
    public void Search_finds_the_corpus_the_run_recorded_and_depth_k_and_top_print_the_same()
    {
        var recorded = new RunFolder(fixture.Run).ReadProvenance();
        Assert.Equal((Path.GetFullPath(fixture.Data), null, "train"), (recorded.Data, recorded.Pairs, recorded.Split));
        Assert.StartsWith("dssm train --data", recorded.Command);

        const string query = "cheap flights to paris";
        using var search = SemanticSearch.Open(fixture.Run, device: DeviceChoice.Cpu);   // no --data: the run's own
        var result = search.Search([query], 3).Single();
        using var model = TrainedModel.Load(fixture.Run, DeviceChoice.Cpu);
        var expected = search.Index.Search(model.Encode([query], TextSide.Query)[0], 3);
        Assert.Equal(expected.Select(h => (h.DocId, h.Score)), result.Hits.Select(h => (h.DocId, h.Score)));
        Assert.Equal([1, 2, 3], result.Hits.Select(h => h.Rank));

        var printed = new[] { "--depth", "-k", "--top" }.Select(flag => DssmCli.Run(["search", "--model", fixture.Run, "--query", query, flag, "3", "--device", "cpu"])).ToList();
        Assert.All(printed, p => Assert.Equal(0, p.Code));
        Assert.Equal(result.ToText(), printed[0].Output);
        Assert.All(printed, p => Assert.Equal(printed[0].Output, p.Output));
    }

    [Fact]
    public void Compare_takes_a_run_folder_and_a_baseline_report_and_judges_both_by_the_qrels_they_name()
    {
        var folder = Path.Combine(fixture.Root, "compare");
        Directory.CreateDirectory(folder);
        var (code, output) = DssmCli.Run(["baseline", "bm25", "--data", fixture.Data, "--split", "test", "--run-file", Path.Combine(folder, "bm25.trec"), "--json"]);
        Assert.True(code == 0, output);
        var bm25 = Path.Combine(folder, "eval-test-bm25.json");
        File.WriteAllText(bm25, output.Trim());
        Assert.Equal(0, DssmCli.Run(["evaluate", "--model", fixture.Run, "--data", fixture.Data]).Code);
        var dssm = EvaluationReport.Load(Path.Combine(fixture.Run, "eval-test.json"));
        var baseline = EvaluationReport.Load(bm25);

        (code, output) = DssmCli.Run(["compare", fixture.Run, bm25]);
        Assert.True(code == 0, output);
        // The means are the ones evaluate and baseline printed: the same queries (the test qrels' 1160, all with a relevant document).
        Assert.Contains($"ndcg@10 on {dssm.Queries} queries", output);
        Assert.Contains($"mean {dssm.Metrics["ndcg@10"].ToString("F4", CultureInfo.InvariantCulture)}", output);
        Assert.Contains($"mean {baseline.Metrics["ndcg@10"].ToString("F4", CultureInfo.InvariantCulture)}", output);
        var counts = output.Split('\n').Single(l => l.Contains("A better")).Split(',').Select(p => int.Parse(p.Trim().Split(' ').Last())).ToArray();
        Assert.Equal(dssm.Queries, counts.Sum());
        Assert.Contains("10,000 random sign flips", output);

        (code, output) = DssmCli.Run(["compare", fixture.Run, fixture.Run]);
        Assert.True(code == 0, output);
        Assert.Contains($"A better 0, tied {dssm.Queries}, B better 0", output);
        Assert.Contains("randomization test  p = 1.0000", output);
    }

    [Fact]
    public void Resume_of_a_finished_run_and_bad_input_give_one_clear_line()
    {
        var (code, output) = DssmCli.Run(["train", "--data", fixture.Data, "--out", fixture.Run, "--epochs", "1"]);
        Assert.Equal(2, code);
        Assert.Contains("already holds a run", output);
        Assert.DoesNotContain("   at ", output);
        (code, output) = DssmCli.Run(["evaluate", "--model", Path.Combine(fixture.Root, "nope"), "--data", fixture.Data]);
        Assert.Equal(2, code);
        Assert.Contains("no such run folder", output);
    }

    static void CopyDirectory(string from, string to)
    {
        foreach (var dir in Directory.GetDirectories(from, "*", SearchOption.AllDirectories)) Directory.CreateDirectory(dir.Replace(from, to));
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories)) File.Copy(file, file.Replace(from, to));
    }

    [Theory]
    [InlineData("missing-weights", "is missing")]
    [InlineData("other-version", "run format version 99")]
    [InlineData("other-vocabulary", "the vocabulary and the weights do not match")]
    [InlineData("truncated-weights", "checksum mismatch")]
    [InlineData("missing-featurizer", "has no featurizer")]
    public void A_broken_model_folder_is_refused_naming_the_file(string damage, string expected)
    {
        var copy = Path.Combine(fixture.Root, "damaged-" + damage);
        CopyDirectory(fixture.Run, copy);
        switch (damage)
        {
            case "missing-weights": File.Delete(Path.Combine(copy, "best", "model.bin")); Directory.Delete(Path.Combine(copy, "checkpoint"), true); break;
            case "other-version": File.WriteAllText(Path.Combine(copy, "config.json"), File.ReadAllText(Path.Combine(copy, "config.json")).Replace("\"formatVersion\": 1", "\"formatVersion\": 99")); break;
            case "other-vocabulary":
                var hasher = Dssm.Research.Text.WordHasher.Fit(["a completely different corpus", "with few n-grams"], new Dssm.Research.Text.WordHashingOptions());
                hasher.Save(Path.Combine(copy, "featurizer", Dssm.Research.Text.WordHasher.FileName));
                break;
            case "truncated-weights":
                var path = Path.Combine(copy, "best", "model.bin");
                var bytes = File.ReadAllBytes(path);
                File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
                break;
            case "missing-featurizer": Directory.Delete(Path.Combine(copy, "featurizer"), true); break;
        }
        var (code, output) = DssmCli.Run(["evaluate", "--model", copy, "--data", fixture.Data]);
        Assert.Equal(2, code);
        Assert.Contains(expected, output);
        Assert.Contains(copy, output);
        Assert.DoesNotContain("   at ", output);
    }
}
