using System.Globalization;
using System.Text;
using Dssm.Research.Evaluation;

namespace Dssm.Research.Experiments;

/// <summary>
/// An ablation over several values of one option, each trained with every seed: the per-seed runs, the
/// per-value summaries, the value the dev split chose (best mean dev metric) and — when a reference value is
/// among them — the chosen value tested against it on the test queries. Saved as <c>ablation-PARAM.json</c>.
/// </summary>
public sealed record AblationResult(string Param, string DevMetric, IReadOnlyList<long> Seeds, IReadOnlyList<AblationRow> Rows,
    IReadOnlyList<AblationSetting> Settings, string? Chosen, string? Reference, PairedComparison? Significance, string? SignificanceNote)
{
    /// <summary>How the significance test pools the seeds (printed under the table and saved in the JSON).</summary>
    public const string SignificanceMethod =
        "per test query, its figure averaged over the seeds (every setting trained with the same seeds), then the paired tests over queries";

    /// <summary>
    /// The table: one line per value with mean ± sd over seeds of the dev metric and each test metric; the value
    /// dev chose is marked, and its test figure is stated once below. No test figure is singled out as best:
    /// choosing by test would make the test split a second dev split.
    /// </summary>
    public string Table()
    {
        var metrics = Settings.SelectMany(s => s.TestMean.Keys).Distinct().ToList();
        var width = Math.Max(12, Settings.Max(s => s.Value.Length + (s.Reference ? 12 : 0)) + 2);
        var multi = Seeds.Count > 1;
        var cell = multi ? 18 : 10;
        var sb = new StringBuilder();
        sb.Append(Param.PadRight(width)).Append("seeds".PadLeft(6))
          .Append(("dev " + DevMetric).PadLeft(cell)).Append(string.Concat(metrics.Select(m => ("test " + m).PadLeft(cell)))).Append("seconds".PadLeft(10)).Append('\n');
        foreach (var s in Settings)
        {
            sb.Append((s.Value + (s.Reference ? " (reference)" : "")).PadRight(width)).Append(s.Seeds.ToString(CultureInfo.InvariantCulture).PadLeft(6))
              .Append(Cell(s.DevMean, s.DevSd, multi).PadLeft(cell))
              .Append(string.Concat(metrics.Select(m => Cell(s.TestMean.GetValueOrDefault(m, double.NaN), s.TestSd.GetValueOrDefault(m, double.NaN), multi).PadLeft(cell))))
              .Append(s.Seconds.ToString("F1", CultureInfo.InvariantCulture).PadLeft(10))
              .Append(s.Chosen ? "   ← chosen on dev" : "").Append('\n');
        }
        var seeds = string.Join(", ", Seeds);
        if (Settings.FirstOrDefault(s => s.Chosen) is { } chosen)
        {
            var test = chosen.TestMean.ContainsKey(DevMetric) ? DevMetric : metrics.FirstOrDefault();
            sb.Append(CultureInfo.InvariantCulture, $"chosen on dev: {Param} = {chosen.Value} (best mean dev {DevMetric} {chosen.DevMean:F4}, seeds {seeds});");
            if (test is not null) sb.Append(CultureInfo.InvariantCulture, $" its test {test}: {Cell(chosen.TestMean[test], chosen.TestSd[test], multi)}");
            sb.Append('\n');
        }
        else sb.Append($"nothing chosen: the runs have no dev figure (a dataset without a dev split); the test figures above choose nothing either\n");
        if (Significance is { } c)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{Param} = {Chosen} vs {Param} = {Reference} (reference), test {c.Metric} on {c.Queries} queries: {c.Difference:+0.0000;−0.0000;0.0000}; chosen better on {c.Wins}, tied {c.Ties}, reference better on {c.Losses}\n");
            sb.Append($"  randomization test p = {PairedComparison.FormatP(c.RandomizationP)} ({c.RandomizationMethod})\n");
            sb.Append($"  paired t-test p = {PairedComparison.FormatP(c.TTestP)}; seeds pooled: {SignificanceMethod}\n");
        }
        else if (SignificanceNote is not null) sb.Append(SignificanceNote).Append('\n');
        return sb.ToString().TrimEnd('\n');
    }

    static string Cell(double? mean, double sd, bool multi) =>
        mean is not { } m || double.IsNaN(m) ? "-"
        : multi ? string.Create(CultureInfo.InvariantCulture, $"{m:F4} ± {(double.IsNaN(sd) ? "-" : sd.ToString("F4", CultureInfo.InvariantCulture))}")
        : m.ToString("F4", CultureInfo.InvariantCulture);
}
