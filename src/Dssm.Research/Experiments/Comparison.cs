using Dssm.Research.Evaluation;
using Dssm.Research.Ranking;

namespace Dssm.Research.Experiments;

/// <summary>
/// <c>dssm compare</c>: two systems on the same queries, per query, with paired significance tests
/// (<see cref="PairedComparison"/>). A side is a TREC run file from any system (Anserini, Pyserini, …; then the
/// qrels must be given), an evaluation report <c>eval-*.json</c>, or a run folder holding one — the report names
/// its run file and the dataset and split whose qrels judge it.
/// <para>
/// <b>Which queries.</b> Those of the qrels with at least one relevant document, for both systems: the qrels,
/// not the runs, decide. A query a run lacks scores 0 for that run (trec_eval <c>-c</c>), so a system that drops
/// queries cannot look better for it; queries of a run without judgements are ignored. This is the query set
/// <c>dssm evaluate</c> averages, so the means printed here are the ones it printed.
/// </para>
/// </summary>
public static class Comparison
{
    /// <summary>Compares A with B by <paramref name="metric"/> on the qrels (given, or those both reports name).</summary>
    /// <exception cref="ArgumentException">the qrels are missing or the two reports name different ones.</exception>
    public static ComparisonReport Run(string a, string b, string? qrelsPath = null, string metric = "ndcg@10", string split = "test", ComparisonOptions? options = null)
    {
        var m = RankingMetric.Parse(metric);
        var sideA = Resolve(a, split);
        var sideB = Resolve(b, split);
        string source;
        if (qrelsPath is not null) source = qrelsPath;
        else if (sideA.Qrels is null || sideB.Qrels is null)
            throw new ArgumentException($"--qrels: needed to judge the plain run file {(sideA.Qrels is null ? a : b)} (TREC qrels or a BEIR qrels/SPLIT.tsv)");
        else if (Path.GetFullPath(sideA.Qrels) != Path.GetFullPath(sideB.Qrels))
            throw new ArgumentException($"--qrels: {a} was evaluated on {sideA.Qrels} and {b} on {sideB.Qrels}; give --qrels to compare them on one set of judgements");
        else source = sideA.Qrels;
        var qrels = QrelsFile.Read(source);
        var resultA = RankingMetrics.Evaluate(TrecRunFile.Read(sideA.RunFile), qrels, [m]);
        var resultB = RankingMetrics.Evaluate(TrecRunFile.Read(sideB.RunFile), qrels, [m]);
        return new ComparisonReport(sideA, sideB, source, resultA.MissingFromRun.Count, resultB.MissingFromRun.Count, resultA.SkippedNoRelevant.Count,
            PairedComparison.Of(resultA, resultB, m, options));
    }

    /// <summary>Two evaluation reports of the same split, by one measure, from their run files; null (with the reason) when a run file or the qrels are not there.</summary>
    public static PairedComparison? Between(EvaluationReport a, EvaluationReport b, RankingMetric metric, ComparisonOptions? options, out string? why)
    {
        why = null;
        var qa = QrelsOf(a);
        if (a.RunFile is null || !File.Exists(a.RunFile)) why = $"{a.System} has no run file";
        else if (b.RunFile is null || !File.Exists(b.RunFile)) why = $"{b.System} has no run file";
        else if (qa is null || !File.Exists(qa) || qa != QrelsOf(b)) why = $"{a.System} and {b.System} do not name one qrels file";
        if (why is not null) return null;
        var qrels = QrelsFile.Read(qa!);
        return PairedComparison.Of(RankingMetrics.Evaluate(TrecRunFile.Read(a.RunFile!), qrels, [metric]),
            RankingMetrics.Evaluate(TrecRunFile.Read(b.RunFile!), qrels, [metric]), metric, options);
    }

    static ComparedRun Resolve(string path, string split)
    {
        if (Directory.Exists(path))
        {
            var reports = Directory.GetFiles(path, $"eval-{split}*.json").Order(StringComparer.Ordinal).ToArray();
            var exact = Path.Combine(path, $"eval-{split}.json");
            if (File.Exists(exact)) return FromReport(exact);
            if (reports.Length == 1) return FromReport(reports[0]);
            throw new ArgumentException(reports.Length == 0
                ? $"{path}: no eval-{split}.json in this folder; expected a run folder that dssm evaluate wrote, an eval-*.json report, or a TREC run file with --qrels"
                : $"{path}: holds several evaluation reports of split {split} ({string.Join(", ", reports.Select(Path.GetFileName))}); name one of them");
        }
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: no such run file, report or run folder", path);
        return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? FromReport(path) : new ComparedRun(Path.GetFileName(path), path, null);
    }

    static ComparedRun FromReport(string file)
    {
        var report = EvaluationReport.Load(file);
        if (report.RunFile is null) throw new ArgumentException($"{file}: the report names no run file (evaluate it again with --run-file)");
        if (!File.Exists(report.RunFile)) throw new FileNotFoundException($"{file}: its run file {report.RunFile} is missing", report.RunFile);
        return new ComparedRun(report.System, report.RunFile, QrelsOf(report));
    }

    static string? QrelsOf(EvaluationReport report) =>
        string.IsNullOrEmpty(report.Dataset) ? null : Path.GetFullPath(Path.Combine(report.Dataset, "qrels", $"{report.Split}.tsv"));
}
