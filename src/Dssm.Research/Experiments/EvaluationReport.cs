using System.Text.Json;
using Dssm.Research.Evaluation;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// One system evaluated on one split: its mean metrics, the number of queries behind them, and where the
/// TREC run file is, so trec_eval can check every number. Saved as <c>eval-SPLIT[-NAME].json</c>.
/// </summary>
public sealed record EvaluationReport(string System, string Dataset, string Split, IReadOnlyDictionary<string, double> Metrics,
    int Queries, int SkippedNoRelevant, string? RunFile, string? Command)
{
    /// <summary>The analysis of a lexical system's text (<c>lucene</c>, <c>plain:mixed</c>, …; see <c>BaselineOptions.Analysis</c>):
    /// of the baseline itself, or of a hybrid's BM25. Null for a DSSM alone.</summary>
    public string? Analyzer { get; init; }

    /// <summary>What was ranked per query: <c>corpus</c>, <c>candidates</c> or <c>bm25:N</c> (null in reports written before modes were named).</summary>
    public string? FirstStage { get; init; }

    /// <summary>A hybrid's weight of the DSSM (given, or chosen on dev); null for a system alone.</summary>
    public double? Alpha { get; init; }

    /// <summary>Lines a reader needs beside the figures: what a candidates file left out, how α was chosen.</summary>
    public IReadOnlyList<string>? Notes { get; init; }

    /// <summary>The BM25 run of the same evaluation (first stage or hybrid side), when one was made (not saved in the JSON; saved as its own report).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public EvaluationReport? Bm25 { get; init; }

    /// <summary>The per-query figures and the ranking behind <see cref="Metrics"/> (not saved in the JSON).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public EvaluationResult? Result { get; init; }

    public static EvaluationReport From(string system, string dataset, string split, EvaluationResult result, string? runFile, string? command) =>
        new(system, dataset, split, result.Metrics.Select((m, i) => (m.ToString(), result.Means[i])).ToDictionary(p => p.Item1, p => p.Item2),
            result.EvaluatedQueries.Count, result.SkippedNoRelevant.Count, runFile, command)
        { Result = result };

    public void Save(string path) => AtomicFile.WriteText(path, JsonSerializer.Serialize(this, Json.Indented));

    public static EvaluationReport Load(string path)
    {
        try { return JsonSerializer.Deserialize<EvaluationReport>(File.ReadAllText(path), Json.Options) ?? throw new InvalidDataException($"{path}: empty"); }
        catch (JsonException e) { throw new InvalidDataException($"{path}: not an evaluation report ({e.Message})", e); }
    }

    /// <summary>A fixed-width table of several reports (one row each).</summary>
    public static string Table(IReadOnlyList<EvaluationReport> reports)
    {
        var metrics = reports.SelectMany(r => r.Metrics.Keys).Distinct().ToList();
        var width = Math.Max(8, reports.Max(r => r.System.Length));
        var lines = new List<string> { "system".PadRight(width) + string.Concat(metrics.Select(m => m.PadLeft(10))) + "   queries" };
        foreach (var r in reports)
            lines.Add(r.System.PadRight(width) + string.Concat(metrics.Select(m => (r.Metrics.TryGetValue(m, out var v) ? v.ToString("F4") : "-").PadLeft(10))) + r.Queries.ToString().PadLeft(10));
        return string.Join(Environment.NewLine, lines);
    }
}
