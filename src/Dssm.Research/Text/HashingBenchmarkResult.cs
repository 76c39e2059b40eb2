using System.Globalization;
using System.Text;

namespace Dssm.Research.Text;

/// <summary>Totals of one <see cref="HashingBenchmark"/> run and the settings that produced them.</summary>
/// <param name="Texts">Lines featurized (empty lines included: each is an empty bag).</param>
/// <param name="Chars">UTF-16 characters of those lines, line ends excluded.</param>
/// <param name="NonZeros">Distinct (text, id) pairs: the non-zeros of the sparse batches.</param>
/// <param name="NGrams">Letter n-grams counted with repeats (the sum of the weights).</param>
/// <param name="Seconds">The timed pass: reading the file and featurizing it, warm-up excluded.</param>
/// <param name="FitSeconds">Fitting or loading the vocabulary before the timed pass; null in hashing mode.</param>
public sealed record HashingBenchmarkResult(long Texts, long Chars, long NonZeros, long NGrams, double Seconds, int Threads,
    WordHashingOptions Options, int Dimension, double? FitSeconds = null)
{
    /// <summary>Texts per second of the timed pass.</summary>
    public double TextsPerSecond => Seconds > 0 ? Texts / Seconds : 0;

    /// <summary>One <c>key value</c> line per figure (what <c>dssm bench hash</c> prints and the benchmark scripts read).</summary>
    public string ToText(long peakRssBytes)
    {
        static string F(double x) => x.ToString("0.###", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        if (FitSeconds is { } fit) text.Append($"fit_or_load_seconds {F(fit)}\n");
        text.Append($"texts {Texts}\nchars {Chars}\nngrams {NGrams}\nnnz {NonZeros}\nseconds {F(Seconds)}\nthreads {Threads}\n");
        text.Append($"warmup_texts {HashingBenchmark.WarmupLines}\nwarmup_seconds {F(HashingBenchmark.WarmupTime.TotalSeconds)}\n");
        text.Append($"n {Options.N}\nmode {OptionName.Of(Options.Mode)}\ndimension {Dimension}\n");
        text.Append($"peak_rss_mb {F(peakRssBytes / 1048576.0)}\nhash_texts_per_s {TextsPerSecond:0}\n");
        return text.ToString();
    }
}
