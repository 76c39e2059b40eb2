using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;

namespace Dssm.Research.Text;

/// <summary>
/// Word-hashing throughput (<c>dssm bench hash</c>): featurizes every line of a file with <see cref="WordHasher"/>
/// (the hashing trick, like scikit-learn's HashingVectorizer, or a fitted vocabulary). Streams: the file is read in
/// 1 MiB blocks of UTF-8 (<see cref="Utf8LineBlocks"/>) that are featurized (<see cref="SparseBatchBuilder.AppendUtf8"/>)
/// and dropped, so memory does not grow with the file; with several threads one reader feeds a bounded queue of
/// blocks. The timed span includes reading the file; the warm-up before it is described at <see cref="Warmup"/>.
/// Lines end with \n or \r\n.
/// </summary>
public static class HashingBenchmark
{
    internal const int WarmupLines = 1000;
    internal static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(0.5);

    /// <summary>Builds the hasher — <paramref name="vocabularyFile"/> loaded, or a vocabulary fitted on the texts
    /// (untimed, but reported), or the hashing trick — then runs <see cref="Run(WordHasher, string, int)"/>.</summary>
    /// <param name="threads">featurizing threads; 0 = one per core.</param>
    /// <exception cref="FileNotFoundException">the texts file is missing.</exception>
    /// <exception cref="ArgumentException">threads is negative.</exception>
    public static HashingBenchmarkResult Run(string textsFile, int threads, WordHashingOptions options, string? vocabularyFile = null)
    {
        if (!File.Exists(textsFile)) throw new FileNotFoundException($"--texts: file '{Path.GetFullPath(textsFile)}' not found.", textsFile);
        if (threads < 0) throw new ArgumentException($"--threads is {threads}; expected 0 (one per core) or more.");
        if (threads == 0) threads = Environment.ProcessorCount;
        var fitClock = Stopwatch.StartNew();
        var hasher = vocabularyFile is not null ? WordHasher.Load(vocabularyFile) : WordHasher.Fit(File.ReadLines(textsFile), options);
        var fitSeconds = hasher.Options.Mode == WordHashingMode.Vocabulary ? fitClock.Elapsed.TotalSeconds : (double?)null;
        return Run(hasher, textsFile, threads) with { FitSeconds = fitSeconds };
    }

    /// <summary>Featurizes every line of <paramref name="path"/> with <paramref name="threads"/> threads (1 = in the calling thread).</summary>
    public static HashingBenchmarkResult Run(WordHasher hasher, string path, int threads)
    {
        Warmup(hasher, path);
        var clock = Stopwatch.StartNew();
        var total = new Totals();
        if (threads == 1)
        {
            var builder = hasher.CreateBuilder();
            foreach (var block in Utf8LineBlocks.Read(path))
            {
                Featurize(builder, block, total);
                ArrayPool<byte>.Shared.Return(block.Array!);
            }
        }
        else
        {
            using var queue = new BlockingCollection<ArraySegment<byte>>(boundedCapacity: 2 * threads);
            var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
            {
                var builder = hasher.CreateBuilder();
                var mine = new Totals();
                foreach (var block in queue.GetConsumingEnumerable())
                {
                    Featurize(builder, block, mine);
                    ArrayPool<byte>.Shared.Return(block.Array!);
                }
                lock (total) total.Add(mine);
            }, TaskCreationOptions.LongRunning)).ToArray();
            try
            {
                foreach (var block in Utf8LineBlocks.Read(path)) queue.Add(block);
            }
            finally { queue.CompleteAdding(); }
            Task.WaitAll(workers);
        }
        return new HashingBenchmarkResult(total.Texts, total.Chars, total.NonZeros, total.NGrams, clock.Elapsed.TotalSeconds, threads,
            hasher.Options, hasher.Dimension);
    }

    /// <summary>
    /// Warm-up, untimed: scikit-learn's benchmark featurizes its first 1,000 texts once before timing; a JIT needs
    /// longer to reach its steady state (tiered compilation), so the first lines are featurized repeatedly for half a
    /// second. The timed pass then measures throughput, not start-up.
    /// </summary>
    static void Warmup(WordHasher hasher, string path)
    {
        var lines = File.ReadLines(path).Take(WarmupLines).Select(System.Text.Encoding.UTF8.GetBytes).ToArray();
        var builder = hasher.CreateBuilder();
        var clock = Stopwatch.StartNew();
        do
        {
            builder.Clear();
            foreach (var line in lines) builder.AppendUtf8(line);
        } while (clock.Elapsed < WarmupTime && lines.Length > 0);
    }

    static void Featurize(SparseBatchBuilder builder, ArraySegment<byte> block, Totals totals)
    {
        builder.Clear();
        var rest = block.AsSpan();
        while (!rest.IsEmpty)
        {
            var newline = rest.IndexOf((byte)'\n');
            var line = newline < 0 ? rest : rest[..newline];
            rest = newline < 0 ? default : rest[(newline + 1)..];
            if (!line.IsEmpty && line[^1] == (byte)'\r') line = line[..^1];
            builder.AppendUtf8(line);
            totals.Chars += System.Text.Ascii.IsValid(line) ? line.Length : System.Text.Encoding.UTF8.GetCharCount(line);
            if (builder.Count == 4096) Flush(builder, totals);
        }
        Flush(builder, totals);
    }

    static void Flush(SparseBatchBuilder builder, Totals totals)
    {
        totals.Texts += builder.Count;
        totals.NonZeros += builder.NonZeros;
        foreach (var w in builder.Weights) totals.NGrams += (long)w;
        builder.Clear();
    }

    sealed class Totals
    {
        public long Texts, Chars, NonZeros, NGrams;

        public void Add(Totals other)
        {
            Texts += other.Texts;
            Chars += other.Chars;
            NonZeros += other.NonZeros;
            NGrams += other.NGrams;
        }
    }
}
