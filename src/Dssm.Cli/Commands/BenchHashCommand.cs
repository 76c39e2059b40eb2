using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm bench hash</c>: featurises every line of a file with <see cref="WordHasher"/> (hashing trick,
/// like scikit-learn's HashingVectorizer) and prints the throughput. Streams: lines are read in chunks and
/// dropped once featurised, so memory does not grow with the file. The timed span includes reading and
/// decoding the file; like the peer, the first 1,000 lines are featurised once, untimed, as a warm-up.
/// </summary>
public static class BenchHashCommand
{
    private const int ChunkLines = 2048;
    private const int WarmupLines = 1000;

    public static Command Create()
    {
        var texts = new Option<FileInfo>("--texts") { Description = "Text file, one text a line (UTF-8).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Featurising threads (0 = one per core).", DefaultValueFactory = _ => 1 };
        var n = new Option<int>("--n") { Description = "Letter n-gram length (2-5).", DefaultValueFactory = _ => 3 };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets (input dimension).", DefaultValueFactory = _ => 1 << 15 };
        var tokenizer = new Option<string>("--tokenizer") { Description = "english | chinese | chinese-chars | mixed.", DefaultValueFactory = _ => "english" };
        var command = new Command("hash", "Featurise every line of --texts (letter n-grams, hashing trick) and print hash_texts_per_s, texts, n-grams, seconds and peak RSS.");
        foreach (var option in new Option[] { texts, threads, n, buckets, tokenizer }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(texts)!;
            if (!file.Exists) throw new FileNotFoundException($"--texts: file '{file.FullName}' not found.", file.FullName);
            var workers = parse.GetValue(threads);
            if (workers < 0) throw new ArgumentException($"--threads is {workers}; expected 0 (one per core) or more.");
            if (workers == 0) workers = Environment.ProcessorCount;
            var options = new WordHashingOptions
            {
                Mode = WordHashingMode.Hashing,
                N = parse.GetValue(n),
                Buckets = parse.GetValue(buckets),
                Tokenizer = TokenizerFactory.Parse(parse.GetValue(tokenizer)!),
            };
            var hasher = new WordHasher(options);
            var result = Run(hasher, file.FullName, workers);
            Print(result, options, workers);
            return 0;
        });
        return command;
    }

    /// <summary>Totals of one run.</summary>
    public sealed record Result(long Texts, long Chars, long NonZeros, long NGrams, double Seconds);

    /// <summary>Featurises every line of <paramref name="path"/> with <paramref name="threads"/> threads (1 = in the calling thread).</summary>
    public static Result Run(WordHasher hasher, string path, int threads)
    {
        // Warm-up, as the peer does (hv.transform(texts[:1000])): the first lines once, untimed, so that
        // the figure is the steady state and not the JIT's start-up.
        var warmup = hasher.CreateBuilder();
        foreach (var line in File.ReadLines(path).Take(WarmupLines)) warmup.Append(line);
        var clock = Stopwatch.StartNew();
        var total = new Totals();
        if (threads == 1)
        {
            var builder = hasher.CreateBuilder();
            var chunk = new List<string>(ChunkLines);
            foreach (var line in File.ReadLines(path))
            {
                chunk.Add(line);
                if (chunk.Count == ChunkLines) { Featurise(builder, chunk, total); chunk.Clear(); }
            }
            Featurise(builder, chunk, total);
        }
        else
        {
            using var queue = new BlockingCollection<List<string>>(boundedCapacity: 2 * threads);
            var workers = Enumerable.Range(0, threads).Select(_ => Task.Factory.StartNew(() =>
            {
                var builder = hasher.CreateBuilder();
                var mine = new Totals();
                foreach (var chunk in queue.GetConsumingEnumerable()) Featurise(builder, chunk, mine);
                lock (total) total.Add(mine);
            }, TaskCreationOptions.LongRunning)).ToArray();
            try
            {
                var chunk = new List<string>(ChunkLines);
                foreach (var line in File.ReadLines(path))
                {
                    chunk.Add(line);
                    if (chunk.Count == ChunkLines) { queue.Add(chunk); chunk = new List<string>(ChunkLines); }
                }
                if (chunk.Count > 0) queue.Add(chunk);
            }
            finally { queue.CompleteAdding(); }
            Task.WaitAll(workers);
        }
        return new Result(total.Texts, total.Chars, total.NonZeros, total.NGrams, clock.Elapsed.TotalSeconds);
    }

    private static void Featurise(SparseBatchBuilder builder, List<string> chunk, Totals totals)
    {
        builder.Clear();
        foreach (var text in chunk)
        {
            builder.Append(text);
            totals.Chars += text.Length;
        }
        totals.Texts += builder.Count;
        totals.NonZeros += builder.NonZeros;
        foreach (var w in builder.Weights) totals.NGrams += (long)w;
    }

    private static void Print(Result r, WordHashingOptions options, int threads)
    {
        var peakRss = Process.GetCurrentProcess().PeakWorkingSet64;
        string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        Console.WriteLine($"texts {r.Texts}");
        Console.WriteLine($"chars {r.Chars}");
        Console.WriteLine($"ngrams {r.NGrams}");
        Console.WriteLine($"nnz {r.NonZeros}");
        Console.WriteLine($"seconds {F(r.Seconds)}");
        Console.WriteLine($"threads {threads}");
        Console.WriteLine($"warmup_texts {WarmupLines}");
        Console.WriteLine($"n {options.N}");
        Console.WriteLine($"buckets {options.Buckets}");
        Console.WriteLine($"peak_rss_mb {F(peakRss / 1048576.0)}");
        Console.WriteLine($"hash_texts_per_s {(r.Seconds > 0 ? r.Texts / r.Seconds : 0):0}");
    }

    private sealed class Totals
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
