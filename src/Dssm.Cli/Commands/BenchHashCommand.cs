using System.Buffers;
using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Dssm.Research.Text;

namespace Dssm.Cli.Commands;

/// <summary>
/// <c>dssm bench hash</c>: featurizes every line of a file with <see cref="WordHasher"/> (hashing trick,
/// like scikit-learn's HashingVectorizer) and prints the throughput. Streams: the file is read in 1 MiB
/// blocks of UTF-8 that are featurized (<see cref="SparseBatchBuilder.AppendUtf8"/>) and dropped, so
/// memory does not grow with the file. The timed span includes reading the file (the peer's does not);
/// the warm-up before it is described at <see cref="Warmup"/>. Lines end with \n or \r\n.
/// </summary>
public static class BenchHashCommand
{
    private const int WarmupLines = 1000;
    private static readonly TimeSpan WarmupTime = TimeSpan.FromSeconds(0.5);

    public static Command Create()
    {
        var texts = new Option<FileInfo>("--texts") { Description = "Text file, one text a line (UTF-8).", Required = true };
        var threads = new Option<int>("--threads") { Description = "Featurizing threads (0 = one per core).", DefaultValueFactory = _ => 1 };
        var n = new Option<int>("--n") { Description = "Letter n-gram length (2-5).", DefaultValueFactory = _ => 3 };
        var buckets = new Option<int>("--buckets") { Description = "Hash buckets (input dimension).", DefaultValueFactory = _ => 1 << 15 };
        var tokenizer = new Option<string>("--tokenizer") { Description = "english | chinese | chinese-chars | mixed.", DefaultValueFactory = _ => "english" };
        var mode = new Option<string>("--mode") { Description = "hashing (the hashing trick) | vocabulary (first fit a vocabulary on --texts, untimed, then featurize with it).", DefaultValueFactory = _ => "hashing" };
        var vocabulary = new Option<FileInfo?>("--vocabulary") { Description = "A word hashing file saved by WordHasher.Save: benchmark it (vocabulary mode) instead of the hashing trick; --n, --buckets and --tokenizer are then taken from the file." };
        var command = new Command("hash", "Featurize every line of --texts (letter n-grams, hashing trick) and print hash_texts_per_s, texts, n-grams, seconds and peak RSS.");
        foreach (var option in new Option[] { texts, threads, n, buckets, tokenizer, mode, vocabulary }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(texts)!;
            if (!file.Exists) throw new FileNotFoundException($"--texts: file '{file.FullName}' not found.", file.FullName);
            var workers = parse.GetValue(threads);
            if (workers < 0) throw new ArgumentException($"--threads is {workers}; expected 0 (one per core) or more.");
            if (workers == 0) workers = Environment.ProcessorCount;
            var saved = parse.GetValue(vocabulary);
            var options = new WordHashingOptions
            {
                Mode = parse.GetValue(mode) switch
                {
                    "hashing" => WordHashingMode.Hashing,
                    "vocabulary" => WordHashingMode.Vocabulary,
                    var other => throw new ArgumentException($"--mode is '{other}'; expected hashing or vocabulary."),
                },
                N = parse.GetValue(n),
                Buckets = parse.GetValue(buckets),
                Tokenizer = TokenizerFactory.Parse(parse.GetValue(tokenizer)!),
            };
            var fitClock = Stopwatch.StartNew();
            var hasher = saved is not null ? WordHasher.Load(saved.FullName) : WordHasher.Fit(File.ReadLines(file.FullName), options);
            if (hasher.Options.Mode == WordHashingMode.Vocabulary)
                Console.WriteLine($"fit_or_load_seconds {fitClock.Elapsed.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}");
            var result = Run(hasher, file.FullName, workers);
            Print(result, hasher, workers);
            return 0;
        });
        return command;
    }

    /// <summary>Totals of one run.</summary>
    public sealed record Result(long Texts, long Chars, long NonZeros, long NGrams, double Seconds);

    /// <summary>Featurizes every line of <paramref name="path"/> with <paramref name="threads"/> threads (1 = in the calling thread).</summary>
    public static Result Run(WordHasher hasher, string path, int threads)
    {
        Warmup(hasher, path);
        var clock = Stopwatch.StartNew();
        var total = new Totals();
        if (threads == 1)
        {
            var builder = hasher.CreateBuilder();
            foreach (var block in Utf8Blocks(path))
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
                foreach (var block in Utf8Blocks(path)) queue.Add(block);
            }
            finally { queue.CompleteAdding(); }
            Task.WaitAll(workers);
        }
        return new Result(total.Texts, total.Chars, total.NonZeros, total.NGrams, clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// Warm-up, untimed: the peer featurizes its first 1,000 texts once before timing; a JIT needs longer
    /// to reach its steady state (tiered compilation), so the first lines are featurized repeatedly for
    /// half a second. The timed pass then measures throughput, not start-up.
    /// </summary>
    private static void Warmup(WordHasher hasher, string path)
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

    /// <summary>
    /// The file in blocks of about 1 MiB that end at a line end, rented from the shared pool (the consumer
    /// returns them) — lines are never turned into strings. A line longer than a block grows the block.
    /// </summary>
    private static IEnumerable<ArraySegment<byte>> Utf8Blocks(string path)
    {
        const int blockSize = 1 << 20;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var carry = Array.Empty<byte>();
        var carryLength = 0;
        while (true)
        {
            var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(blockSize, 2 * carryLength));
            carry.AsSpan(0, carryLength).CopyTo(buffer);
            var filled = carryLength;
            int read;
            while (filled < buffer.Length && (read = stream.Read(buffer, filled, buffer.Length - filled)) > 0) filled += read;
            if (carryLength > 0) ArrayPool<byte>.Shared.Return(carry);
            var endOfFile = filled < buffer.Length;
            var end = endOfFile ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (end == 0 && !endOfFile)
            {
                (carry, carryLength) = (buffer, filled);   // one line fills the block: read on into a larger one
                continue;
            }
            carryLength = filled - end;
            carry = carryLength > 0 ? ArrayPool<byte>.Shared.Rent(carryLength) : Array.Empty<byte>();
            buffer.AsSpan(end, carryLength).CopyTo(carry);
            if (end > 0) yield return new ArraySegment<byte>(buffer, 0, end);
            else ArrayPool<byte>.Shared.Return(buffer);
            if (endOfFile) yield break;
        }
    }

    private static void Featurize(SparseBatchBuilder builder, ArraySegment<byte> block, Totals totals)
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

    private static void Flush(SparseBatchBuilder builder, Totals totals)
    {
        totals.Texts += builder.Count;
        totals.NonZeros += builder.NonZeros;
        foreach (var w in builder.Weights) totals.NGrams += (long)w;
        builder.Clear();
    }

    private static void Print(Result r, WordHasher hasher, int threads)
    {
        var options = hasher.Options;
        var peakRss = Process.GetCurrentProcess().PeakWorkingSet64;
        string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        Console.WriteLine($"texts {r.Texts}");
        Console.WriteLine($"chars {r.Chars}");
        Console.WriteLine($"ngrams {r.NGrams}");
        Console.WriteLine($"nnz {r.NonZeros}");
        Console.WriteLine($"seconds {F(r.Seconds)}");
        Console.WriteLine($"threads {threads}");
        Console.WriteLine($"warmup_texts {WarmupLines}");
        Console.WriteLine($"warmup_seconds {F(WarmupTime.TotalSeconds)}");
        Console.WriteLine($"n {options.N}");
        Console.WriteLine($"mode {(options.Mode == WordHashingMode.Hashing ? "hashing" : "vocabulary")}");
        Console.WriteLine($"dimension {hasher.Dimension}");
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
