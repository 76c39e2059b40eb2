using System.Diagnostics;
using Dssm.Research.Data;
using Dssm.Research.Models;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm bench index</c>: exact search against HNSW on a corpus of <c>documents</c> texts encoded by a trained model's
/// document tower. The texts are made (seeded) from the run's own corpus (<see cref="BenchmarkTexts"/>), so word
/// frequencies and letter n-grams are the corpus's; the queries are the dataset's queries through the query tower.
/// Prints encoding and build time, the index's memory, queries/s of both and recall@10 of HNSW against exact search
/// for each ef. Exact search uses every core (blocks of 32 queries); HNSW is timed on one thread and on
/// <see cref="HnswOptions.Threads"/> (queries spread over the threads), and compared with exact search on the latter.
/// Each rate is measured over repeated passes of the queries for at least two seconds.
/// </summary>
public static class IndexBenchmark
{
    public static void Run(string runDir, int documents, int queries, HnswOptions hnsw, IReadOnlyList<int> expansions, TextWriter output,
        BenchmarkTexts texts = BenchmarkTexts.Words, ulong seed = 42)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(documents);
        using var model = TrainedModel.Load(runDir, DeviceChoice.Cpu);
        var dataDir = new RunFolder(runDir).ReadProvenance().Data ?? throw new ArgumentException($"{runDir}: the run has no dataset recorded");
        var data = BeirDataset.Load(dataDir);
        var pages = data.Documents.Select(d => d.FullText.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Where(w => w.Length > 0).ToArray();
        var words = pages.SelectMany(w => w).ToArray();
        var rng = new Rng(seed);
        string Text()
        {
            var length = 20 + rng.Next(40);
            if (texts == BenchmarkTexts.Words) return string.Join(' ', Enumerable.Range(0, length).Select(_ => words[rng.Next(words.Length)]));
            var page = pages[rng.Next(pages.Length)];
            var start = rng.Next(Math.Max(1, page.Length - length + 1));
            return string.Join(' ', page.Skip(start).Take(length).Select(w => rng.NextDouble() < 0.2 ? words[rng.Next(words.Length)] : w));
        }
        var d = model.Dimension;
        var flat = new float[(long)documents * d];
        var clock = Stopwatch.StartNew();
        const int chunk = 16384;
        for (var start = 0; start < documents; start += chunk)
        {
            var batch = Enumerable.Range(0, Math.Min(chunk, documents - start)).Select(_ => Text()).ToList();
            var rows = model.Encode(batch, TextSide.Document);
            for (var i = 0; i < rows.Length; i++) rows[i].CopyTo(flat, (long)(start + i) * d);
        }
        var encodeSeconds = clock.Elapsed.TotalSeconds;
        var exact = new EmbeddingIndex(Enumerable.Range(0, documents).Select(i => $"g{i}").ToArray(), flat, d);
        flat = null;
        var queryVectors = model.Encode(data.Queries.Values.Take(queries).ToList(), TextSide.Query);
        output.WriteLine($"documents {documents}  dimension {d}  queries {queryVectors.Length}  encode_s {encodeSeconds:F1}  ({documents / encodeSeconds:F0} texts/s, {texts.ToString().ToLowerInvariant()} of {dataDir})");

        exact.Search(queryVectors.Take(32).ToArray(), 10);   // warm-up
        var truth = exact.Search(queryVectors, 10);
        var exactQps = Rate(() => exact.Search(queryVectors, 10), queryVectors.Length);
        output.WriteLine($"exact  matrix_mb {(long)documents * d * 4 / 1e6:F0}  queries_per_s {exactQps.Wall:F0}  per_cpu_s {exactQps.Cpu:F0}  (threads {Environment.ProcessorCount})");

        Process.GetCurrentProcess().Refresh();
        var rssBefore = Process.GetCurrentProcess().WorkingSet64;
        var buildCpu = CpuSeconds();
        clock.Restart();
        using var graph = HnswIndex.Build(exact, hnsw);
        var buildSeconds = clock.Elapsed.TotalSeconds;
        buildCpu = CpuSeconds() - buildCpu;
        Process.GetCurrentProcess().Refresh();
        var rssGrowth = Process.GetCurrentProcess().WorkingSet64 - rssBefore;
        output.WriteLine($"hnsw   M {hnsw.Connectivity}  ef_construction {hnsw.ExpansionAdd}  threads {hnsw.Threads}  build_s {buildSeconds:F1}  ({documents / buildSeconds:F0} vectors/s, cpu_s {buildCpu:F1})  usearch_mb {graph.MemoryBytes / 1e6:F0}  rss_growth_mb {rssGrowth / 1e6:F0}  simd {graph.HardwareAcceleration}");
        foreach (var ef in expansions)
        {
            graph.SetExpansionSearch(ef);
            graph.SetThreads(1);
            graph.Search(queryVectors.Take(32).ToArray(), 10);
            var single = Rate(() => graph.Search(queryVectors, 10), queryVectors.Length);
            graph.SetThreads(hnsw.Threads);
            var found = graph.Search(queryVectors, 10);
            var parallel = Rate(() => graph.Search(queryVectors, 10), queryVectors.Length);
            var hit = 0;
            for (var q = 0; q < found.Length; q++) hit += found[q].Select(h => h.DocId).Intersect(truth[q].Select(h => h.DocId)).Count();
            var recall = hit / (10.0 * found.Length);
            output.WriteLine($"hnsw   ef {ef,4}  queries_per_s 1 thread {single.Wall:F0}  {hnsw.Threads} threads {parallel.Wall:F0} ({parallel.Wall / exactQps.Wall:F1}× exact)  per_cpu_s {parallel.Cpu:F0} ({parallel.Cpu / exactQps.Cpu:F1}× exact)  recall@10 {recall:F4}");
        }
    }

    /// <summary>
    /// Queries per second of <paramref name="search"/> (over <paramref name="queries"/> queries), passes repeated for at
    /// least two seconds: per second of wall time, and per second of this process's CPU time — the figure that a
    /// machine shared with other jobs changes least.
    /// </summary>
    static (double Wall, double Cpu) Rate(Action search, int queries)
    {
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var passes = 0;
        do { search(); passes++; } while (clock.Elapsed.TotalSeconds < 2);
        return (passes * queries / clock.Elapsed.TotalSeconds, passes * queries / (CpuSeconds() - cpu));
    }

    static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
}
