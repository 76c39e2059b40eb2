using System.Globalization;
using System.Text;
using System.Text.Json;
using Dssm.Research.Evaluation;
using Dssm.Research.Reporting;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// The experiment report: one self-contained HTML page (plotly.js embedded, opens offline) with training
/// curves, dev curves, metric vs γ and vs J when ablations are present, and every system against the
/// baselines; plus report.md with the same tables and the exact commands and configs that reproduce them.
/// Inputs are folders: run folders (config.json, metrics.jsonl, eval-*.json), ablation folders
/// (ablation-PARAM.json) and any folder holding evaluation reports (*.json, e.g. baselines/).
/// </summary>
public static class ExperimentReport
{
    /// <summary>Writes the report from run folders, ablation folders and evaluation reports; <paramref name="about"/>, when given, is a paragraph under the title (what the data is and what it can show).</summary>
    public static (string Html, string Markdown) Write(IReadOnlyList<string> inputs, string outHtml, string? title = null, string? about = null)
    {
        var runs = new List<string>(); var evals = new List<EvaluationReport>(); var ablations = new List<AblationResult>();
        foreach (var input in inputs) Collect(Path.GetFullPath(input), runs, evals, ablations, depth: 0);
        if (runs.Count == 0 && evals.Count == 0 && ablations.Count == 0)
            throw new ArgumentException($"no run folders, evaluation reports or ablations found in: {string.Join(", ", inputs)}");
        title ??= "DSSM experiment report";
        var blocks = new List<PageBlock> { $"Generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC by `dssm report` from: {string.Join(", ", inputs.Select(i => $"`{i}`"))}." };
        var md = new StringBuilder($"# {title}\n\n");
        if (about is not null) { blocks.Add(about); md.Append(about).Append("\n\n"); }

        // Rows in the order a reader compares them: the baselines, the DSSM over the corpus, re-ranking, hybrids.
        var tests = evals.Where(e => e.Split == "test").OrderBy(Mode).ToList();
        if (tests.Count > 0)
        {
            var table = EvaluationReport.Table(tests);
            var notes = tests.SelectMany(t => (t.Notes ?? []).Select(n => $"- {t.System}: {n}")).Distinct().ToList();
            var noteText = notes.Count == 0 ? "" : "\n\n" + string.Join("\n", notes);
            blocks.Add($"## Test results\n\nMean over {tests[0].Queries} test queries (trec_eval definitions; the run files are listed below). Full corpus: the DSSM ranks every document; rerank: it re-orders a first stage's documents (BM25's top N, or a candidates file); hybrid: its scores fused with BM25's, the weight α chosen on dev.\n\n```\n{table}\n```{noteText}");
            md.Append($"## Test results\n\n```\n{table}\n```{noteText}\n\n");
            var metrics = tests.SelectMany(t => t.Metrics.Keys).Distinct().ToList();
            blocks.Add(Charts.Render(new BarChart("DSSM against the lexical baselines", metrics,
                tests.Select(t => new BarSeries(t.System, metrics.Select(m => t.Metrics.GetValueOrDefault(m)).ToList())).ToList())
            { YTitle = "score" }));
            if (SignificanceTable(tests, metrics) is { } significance)
            {
                var text = $"## Significance: each system against each baseline\n\nPer test query, from the run files: how often the system is better, tied or worse than the baseline, and two-sided p-values of the paired randomization test ({new ComparisonOptions().Permutations:N0} sign flips, seed {new ComparisonOptions().Seed}) and of the paired t-test (`dssm compare` prints one pair in full).\n\n```\n{significance}\n```";
                blocks.Add(text);
                md.Append(text).Append("\n\n");
            }
        }

        if (runs.Count > 0)
        {
            var loss = runs.Select(r => (Name: Label(r), Points: Curve(r, "loss"))).Where(c => c.Points.Count > 0).ToList();
            if (loss.Count > 0)
                blocks.Add(Charts.Render(new LineChart("Training loss", loss.Select(c => new ChartSeries(c.Name, c.Points.Select(p => p.X).ToList(), c.Points.Select(p => p.Y).ToList())).ToList()) { XTitle = "step", YTitle = "loss (−log P(D⁺|Q))" }));
            var dev = runs.Select(r => (Name: Label(r), Points: DevCurve(r))).Where(c => c.Points.Count > 0).ToList();
            if (dev.Count > 0)
                blocks.Add(Charts.Render(new LineChart("Dev metric per epoch", dev.Select(c => new ChartSeries(c.Name, c.Points.Select(p => p.X).ToList(), c.Points.Select(p => p.Y).ToList())).ToList()) { XTitle = "epoch", YTitle = "dev" }));
        }

        foreach (var study in ablations)
        {
            var param = study.Param;
            var table = study.Table();
            var seeds = study.Seeds.Count == 1 ? $"seed {study.Seeds[0]}" : $"seeds {string.Join(", ", study.Seeds)} (mean ± sample sd)";
            blocks.Add($"## Ablation: {param}\n\nSame data and {seeds} for every value; the value is chosen on dev (best mean dev {study.DevMetric}), the test split reports it.\n\n```\n{table}\n```");
            md.Append($"## Ablation: {param}\n\n{seeds}; chosen on dev.\n\n```\n{table}\n```\n\n");
            var metrics = study.Settings.SelectMany(s => s.TestMean.Keys).Distinct().ToList();
            var numeric = study.Settings.All(r => double.TryParse(r.Value, NumberStyles.Float, CultureInfo.InvariantCulture, out _));
            var symbol = param switch { "gamma" => "γ", "negatives" => "J", _ => param };
            var chartTitle = $"Test metric vs {symbol}{(study.Chosen is null ? "" : $" (dev chose {symbol} = {study.Chosen})")}";
            if (numeric)
                blocks.Add(Charts.Render(new LineChart(chartTitle, metrics.Select(m => new ChartSeries(m,
                    study.Settings.Select(r => double.Parse(r.Value, CultureInfo.InvariantCulture)).ToList(), study.Settings.Select(r => r.TestMean[m]).ToList())).ToList())
                { XTitle = symbol, YTitle = "test" }));
            else
                blocks.Add(Charts.Render(new BarChart(chartTitle, study.Settings.Select(r => r.Value).ToList(),
                    metrics.Select(m => new BarSeries(m, study.Settings.Select(r => r.TestMean[m]).ToList())).ToList())
                { YTitle = "test" }));
        }

        var reproduce = new StringBuilder("## How to reproduce every number\n\n");
        foreach (var run in runs)
        {
            var config = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "config.json"))).RootElement;
            var command = config.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object && p.TryGetProperty("command", out var c) ? c.GetString() : null;
            reproduce.Append($"### Run `{run}`\n\n");
            if (command is not null) reproduce.Append($"```\n{command}\n```\n\n");
            reproduce.Append($"config.json options:\n\n```json\n{JsonSerializer.Serialize(config.GetProperty("options"), Json.Indented)}\n```\n\n");
        }
        foreach (var e in evals.Where(e => e.Command is not null))
            reproduce.Append($"- {e.System} on {e.Split}: `{e.Command}`{(e.RunFile is null ? "" : $" (run file `{e.RunFile}`, check with `trec_eval -c -m ndcg_cut.10 qrels {e.RunFile}`)")}\n");
        blocks.Add(reproduce.ToString());
        md.Append(reproduce);

        var html = Charts.Page(title, blocks);
        AtomicFile.WriteText(outHtml, html);
        var mdPath = Path.ChangeExtension(outHtml, ".md");
        AtomicFile.WriteText(mdPath, md.ToString());
        return (Path.GetFullPath(outHtml), Path.GetFullPath(mdPath));
    }

    static void Collect(string path, List<string> runs, List<EvaluationReport> evals, List<AblationResult> ablations, int depth)
    {
        if (File.Exists(path)) { TryEval(path, evals); return; }
        if (!Directory.Exists(path)) throw new DirectoryNotFoundException($"{path}: no such run folder or report");
        if (File.Exists(Path.Combine(path, "config.json"))) runs.Add(path);
        foreach (var file in Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (name.StartsWith("ablation-", StringComparison.Ordinal))
            {
                if (LoadAblation(file) is { } study) ablations.Add(study);
            }
            else if (name != "config.json") TryEval(file, evals, File.Exists(Path.Combine(path, "config.json")) ? Label(path) : null);
        }
        if (depth < 2 && !File.Exists(Path.Combine(path, "config.json")))
            foreach (var sub in Directory.GetDirectories(path).Order(StringComparer.Ordinal)) Collect(sub, runs, evals, ablations, depth + 1);
    }

    /// <summary>0 baselines, 1 the DSSM over the corpus, 2 re-ranking, 3 hybrids.</summary>
    static int Mode(EvaluationReport r) =>
        IsBaseline(r) ? 0 : r.System.StartsWith("hybrid", StringComparison.Ordinal) ? 3 : r.FirstStage is null or "corpus" ? 1 : 2;

    static bool IsBaseline(EvaluationReport r) => r.System.StartsWith("bm25", StringComparison.Ordinal) || r.System.StartsWith("tfidf", StringComparison.Ordinal);

    /// <summary>Every non-baseline system against every baseline, per metric (null when there is no such pair).</summary>
    static string? SignificanceTable(IReadOnlyList<EvaluationReport> tests, IReadOnlyList<string> metrics)
    {
        var systems = tests.Where(t => !IsBaseline(t)).ToList();
        var baselines = tests.Where(IsBaseline).ToList();
        if (systems.Count == 0 || baselines.Count == 0) return null;
        var width = Math.Max(10, tests.Max(t => t.System.Length) + 2);
        var lines = new List<string> { $"{"system".PadRight(width)}{"baseline".PadRight(width)}{"metric",-10}{"system",8}{"baseline",10}{"difference",12}   better / tied / worse   p (random.)  p (t-test)" };
        foreach (var a in systems)
            foreach (var b in baselines)
                foreach (var name in metrics)
                {
                    var c = Comparison.Between(a, b, RankingMetric.Parse(name), null, out var why);
                    lines.Add(c is null ? $"{a.System.PadRight(width)}{b.System.PadRight(width)}{name,-10}  not tested: {why}"
                        : string.Create(CultureInfo.InvariantCulture, $"{a.System.PadRight(width)}{b.System.PadRight(width)}{name,-10}{c.MeanA,8:F4}{c.MeanB,10:F4}{c.Difference,12:+0.0000;−0.0000;0.0000}   {$"{c.Wins} / {c.Ties} / {c.Losses}",-21}   {PairedComparison.FormatP(c.RandomizationP),-11}  {PairedComparison.FormatP(c.TTestP)}"));
                }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>An ablation-PARAM.json: an <see cref="AblationResult"/>, or the list of rows that single-seed ablations wrote before seeds were added.</summary>
    static AblationResult? LoadAblation(string file)
    {
        var text = File.ReadAllText(file);
        if (text.TrimStart().StartsWith('['))
        {
            var rows = JsonSerializer.Deserialize<List<AblationRow>>(text, Json.Options);
            return rows is { Count: > 0 } ? Ablation.Summarize(rows[0].Param, "metric", rows.Select(r => r.Seed).Distinct().ToArray(), rows, null) : null;
        }
        var study = JsonSerializer.Deserialize<AblationResult>(text, Json.Options);
        return study is { Rows.Count: > 0 } ? study : null;
    }

    static void TryEval(string file, List<EvaluationReport> evals, string? run = null)
    {
        try
        {
            var e = EvaluationReport.Load(file);
            if (run is not null && run != e.System) e = e with { System = $"{e.System} ({run})" };
            if (e.Metrics is { Count: > 0 }) evals.Add(e);
        }
        catch (InvalidDataException) { }
    }

    static string Label(string run) => Path.GetFileName(run.TrimEnd(Path.DirectorySeparatorChar));

    static List<(double X, double Y)> Curve(string run, string field) =>
        File.Exists(Path.Combine(run, "metrics.jsonl"))
            ? MetricsLog.Read(Path.Combine(run, "metrics.jsonl")).Where(e => e.TryGetProperty(field, out _))
                .Select(e => (e.GetProperty("step").GetDouble(), e.GetProperty(field).GetDouble())).ToList()
            : [];

    static List<(double X, double Y)> DevCurve(string run) =>
        File.Exists(Path.Combine(run, "metrics.jsonl"))
            ? MetricsLog.Read(Path.Combine(run, "metrics.jsonl"))
                .Select(e => (e, dev: e.EnumerateObject().FirstOrDefault(p => p.Name.StartsWith("dev_", StringComparison.Ordinal))))
                .Where(x => x.dev.Value.ValueKind == JsonValueKind.Number)
                .Select(x => (x.e.GetProperty("epoch").GetDouble(), x.dev.Value.GetDouble())).ToList()
            : [];
}
