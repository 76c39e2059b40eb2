using System.Globalization;
using Dssm.Research.Retrieval;

namespace Dssm.Research.Experiments;

/// <summary>
/// A hybrid of the DSSM with BM25 (<see cref="HybridScoring"/>): how the two are fused and with what weight α
/// on the DSSM. <see cref="Alpha"/> null means "auto": α is chosen on <see cref="TuneSplit"/> (dev) over
/// <see cref="Grid"/> by <see cref="Metric"/>, and the evaluated split is never read for it — a weight read
/// off the test split would report the best case, not what a user would get.
/// </summary>
/// <param name="Fusion">Linear (min–max normalised scores) or reciprocal rank fusion.</param>
/// <param name="Alpha">The weight of the DSSM in [0, 1]; null = chosen on <paramref name="TuneSplit"/>.</param>
/// <param name="RrfK">k of reciprocal rank fusion (60, Cormack et al. 2009).</param>
/// <param name="TuneSplit">The split that chooses α.</param>
/// <param name="Metric">The measure α is chosen by (ties: the first, i.e. the smallest α, in grid order).</param>
/// <param name="Steps">The grid: α = 0, 1/Steps, …, 1.</param>
public sealed record HybridOptions(FusionKind Fusion = FusionKind.Linear, double? Alpha = null, int RrfK = HybridScoring.RrfK,
    string TuneSplit = "dev", string Metric = "ndcg@10", int Steps = 20)
{
    /// <summary>The α values tried when <see cref="Alpha"/> is null.</summary>
    public IReadOnlyList<double> Grid => Enumerable.Range(0, Steps + 1).Select(i => Math.Round((double)i / Steps, 6)).ToArray();

    /// <summary>Reads <c>auto</c> (null) or a number in [0, 1].</summary>
    /// <exception cref="ArgumentException">neither; the message names the option.</exception>
    public static double? ParseAlpha(string text, string option = "--hybrid")
    {
        var t = text?.Trim() ?? "";
        if (t.Equals("auto", StringComparison.OrdinalIgnoreCase)) return null;
        return double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && a is >= 0 and <= 1
            ? a
            : throw new ArgumentException($"{option} '{text}': expected auto (α chosen on dev) or a weight α in [0, 1]");
    }
}
