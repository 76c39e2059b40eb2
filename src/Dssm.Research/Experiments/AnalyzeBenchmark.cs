using System.Diagnostics;
using Dssm.Research.Text;

namespace Dssm.Research.Experiments;

/// <summary>
/// The library side of <c>dssm bench analyze</c>: tokenizes every line of a file with an analyzer (or a kit
/// tokenizer, to compare with) and measures tokens per second; optionally writes each line's tokens, space-
/// separated, one line per input line — what <c>tests/benchmarks/porter-check.py</c> compares with an independent
/// Porter stemmer. The file is read into memory first (untimed); the first 1000 lines are run once untimed
/// (JIT, Lucene's per-thread components, jieba's dictionary).
/// </summary>
public static class AnalyzeBenchmark
{
    /// <summary>One measurement: texts and tokens analysed, wall-clock seconds of the timed pass, threads used.</summary>
    public sealed record Result(string Analysis, long Texts, long Tokens, double Seconds, int Threads)
    {
        /// <summary>Tokens produced per second of the timed pass.</summary>
        public double TokensPerSecond => Tokens / Seconds;
    }

    /// <summary>Analyses every line of <paramref name="textsFile"/>; <paramref name="tokensFile"/> (when given) gets the tokens.</summary>
    public static Result Run(ITokenizer tokenizer, string name, string textsFile, int threads = 1, string? tokensFile = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threads);
        if (!File.Exists(textsFile)) throw new FileNotFoundException($"{textsFile}: no such file (--texts)", textsFile);
        var lines = File.ReadAllLines(textsFile);
        var warm = new TokenBuffer();
        foreach (var line in lines.Take(1000)) tokenizer.Tokenize(line, warm);
        var counts = new long[threads];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, new ParallelOptions { MaxDegreeOfParallelism = threads }, t =>
        {
            var buffer = new TokenBuffer();
            long n = 0;
            for (var i = t; i < lines.Length; i += threads)
            {
                tokenizer.Tokenize(lines[i], buffer);
                n += buffer.Count;
            }
            counts[t] = n;
        });
        var seconds = clock.Elapsed.TotalSeconds;
        if (tokensFile is not null)
        {
            using var writer = new StreamWriter(tokensFile);
            var buffer = new TokenBuffer();
            foreach (var line in lines)
            {
                tokenizer.Tokenize(line, buffer);
                writer.WriteLine(string.Join(' ', buffer.ToArray()));
            }
        }
        return new Result(name, lines.Length, counts.Sum(), seconds, threads);
    }

    /// <summary>The analyzer or tokenizer a name stands for: an analyzer name (<see cref="AnalyzerFactory.Names"/>), or <c>tokenizer:NAME</c>.</summary>
    public static ITokenizer Resolve(string name) =>
        name.StartsWith("tokenizer:", StringComparison.OrdinalIgnoreCase)
            ? TokenizerFactory.Create(TokenizerFactory.Parse(name["tokenizer:".Length..]))
            : AnalyzerFactory.Create(AnalyzerFactory.Parse(name));
}
