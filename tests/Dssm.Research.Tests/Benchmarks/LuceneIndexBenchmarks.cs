using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;
using Dssm.Research.Tests.Data;
using Dssm.Research.Text;
using Xunit.Abstractions;

namespace Dssm.Research.Tests.Benchmarks;

/// <summary>
/// Should Lucene's whole BM25 index replace the kit's <see cref="Bm25"/>? Both index the same analysed tokens
/// (the default <c>lucene</c> analysis; analysis time is not in the figures); the benchmark prints indexing time,
/// managed memory held, top-1000 query time, top-10 agreement and NDCG@10 of each. Folders from
/// <c>DSSM_BENCH_DATA</c> (';'-separated BEIR folders, split test), by default <c>datasets/semantic-clicks</c>.
/// <c>DSSM_BENCH=1 DSSM_BENCH_DATA="datasets/semantic-clicks;/tmp/big60k" dotnet test tests/Dssm.Research.Tests -c Release
/// --filter "FullyQualifiedName~LuceneIndexBenchmarks" --logger "console;verbosity=detailed"</c>
/// </summary>
public sealed class LuceneIndexBenchmarks(ITestOutputHelper output)
{
    [BenchFact]
    public void Kit_index_against_Lucene_index()
    {
        var folders = (Environment.GetEnvironmentVariable("DSSM_BENCH_DATA") ?? Path.Combine(TestFiles.RepoRoot, "datasets", "semantic-clicks")).Split(';');
        var analyzer = AnalyzerFactory.Create(AnalyzerKind.Lucene);
        foreach (var folder in folders)
        {
            var data = BeirDataset.Load(folder);
            var docs = data.Documents.AsParallel().AsOrdered().Select(d => (d.Id, analyzer.Tokenize(d.FullText))).ToList();
            var qrels = data.Qrels("test");
            var queries = qrels.QueryIds.Where(data.Queries.ContainsKey).Select(q => (Id: q, Tokens: analyzer.Tokenize(data.Queries[q]))).ToList();
            output.WriteLine($"{folder}: {docs.Count} documents, {docs.Sum(d => (long)d.Item2.Count)} tokens, {queries.Count} queries");

            var (kit, kitMs, kitBytes) = Measure(() => new Bm25(docs));
            var (lucene, luceneMs, luceneBytes) = Measure(() => new LuceneBm25(docs, new Bm25Options()));
            using (lucene)
            {
                var (kitRun, kitQueryMs) = Time(() => queries.Select(q => kit.Search(q.Tokens, 1000)).ToList());
                var (luceneRun, luceneQueryMs) = Time(() => queries.Select(q => lucene.Search(q.Tokens, 1000)).ToList());
                double Ndcg(List<IReadOnlyList<ScoredDoc>> hits)
                {
                    var run = new RankedRun();
                    for (var i = 0; i < queries.Count; i++) run.AddRange(queries[i].Id, hits[i]);
                    return RankingMetrics.Evaluate(run, qrels, [RankingMetric.Parse("ndcg@10")]).Means[0];
                }
                var sameTop10 = 0; double overlap = 0;
                for (var i = 0; i < queries.Count; i++)
                {
                    var a = RankingMetrics.TrecOrder(kitRun[i]).Take(10).ToArray();
                    var b = RankingMetrics.TrecOrder(luceneRun[i]).Take(10).ToArray();
                    if (a.SequenceEqual(b)) sameTop10++;
                    overlap += a.Length == 0 ? 1 : a.Intersect(b).Count() / (double)a.Length;
                }
                output.WriteLine($"  kit    index {kitMs,8:F0} ms  memory {kitBytes / 1048576.0,7:F1} MiB  queries {kitQueryMs,8:F0} ms ({queries.Count / kitQueryMs * 1000:F0}/s)  ndcg@10 {Ndcg(kitRun):F4}");
                output.WriteLine($"  lucene index {luceneMs,8:F0} ms  memory {luceneBytes / 1048576.0,7:F1} MiB (RAMDirectory {lucene.IndexBytes / 1048576.0:F1} MiB)  queries {luceneQueryMs,8:F0} ms ({queries.Count / luceneQueryMs * 1000:F0}/s)  ndcg@10 {Ndcg(luceneRun):F4}");
                output.WriteLine($"  identical top-10 {sameTop10}/{queries.Count}, mean top-10 overlap {overlap / queries.Count:F4}");
            }
            GC.KeepAlive(kit);
        }
    }

    static (T Value, double Ms, long Bytes) Measure<T>(Func<T> build)
    {
        GC.Collect(); GC.WaitForPendingFinalizers(); GC.Collect();
        var before = GC.GetTotalMemory(true);
        var clock = Stopwatch.StartNew();
        var value = build();
        var ms = clock.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(true);
        return (value, ms, after - before);
    }

    static (T Value, double Ms) Time<T>(Func<T> run)
    {
        run();   // warm-up: JIT, Lucene's per-thread state
        var clock = Stopwatch.StartNew();
        var value = run();
        return (value, clock.Elapsed.TotalMilliseconds);
    }
}
