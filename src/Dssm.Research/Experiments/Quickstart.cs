using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// The README's main job: on the embedded dataset, train a DSSM, evaluate it on the test split against BM25
/// and TF-IDF, and write the report. OUT/dssm is the run folder, OUT/baselines the baseline reports and run
/// files, OUT/report.html and OUT/report.md the report.
/// </summary>
public static class Quickstart
{
    /// <summary>The default recipe (<see cref="TrainRecipes"/>), cut to finish in under a minute on 2 cores: 5 epochs, early stopping after 2 without a better dev figure.</summary>
    public static readonly TrainOptions Defaults = TrainRecipes.Of(TrainRecipe.Default) with { Epochs = 5, Patience = 2 };

    public sealed record Result(TrainResult Training, IReadOnlyList<EvaluationReport> Test, string Html, string Markdown)
    {
        /// <summary>The test table and where the report is: what <c>dssm quickstart</c> prints at the end.</summary>
        public string ToText() => $"\n{EvaluationReport.Table(Test)}\n\nreport:   {Html}\nmarkdown: {Markdown}\n";
    }

    /// <summary>datasets/semantic-clicks of the repository (searched upwards from the current folder, then from the
    /// application's folder); the relative path when neither has one.</summary>
    public static string DefaultData()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, SyntheticClicks.DefaultDirectory);
                if (File.Exists(Path.Combine(candidate, "corpus.jsonl"))) return candidate;
            }
        return SyntheticClicks.DefaultDirectory;
    }

    public static Result Run(string dataDir, string outDir, TrainOptions options, string command, Action<string> log, Action<TrainProgress>? progress = null)
    {
        if (Directory.Exists(outDir))
        {
            log($"removing the previous quickstart output in {outDir}");
            Directory.Delete(outDir, recursive: true);
        }
        var runDir = Path.Combine(outDir, "dssm");
        log($"training a {OptionName.Of(options.Model).ToUpperInvariant()} on {dataDir} (γ = {options.Gamma}, J = {options.Negatives}, {options.Epochs} epochs) into {runDir}");
        var training = Experiment.Train(dataDir, runDir, options, provenance: new Dictionary<string, object?> { ["command"] = command }, progress: progress);
        log($"trained {training.EpochsRun} epochs in {training.Seconds:F0} s; best dev {training.DevMetric} {training.BestDev:F4} at epoch {training.BestEpoch}");
        var reports = new List<EvaluationReport> { Experiment.Evaluate(runDir, dataDir, "test", device: options.Device, command: $"dssm evaluate --model {runDir} --data {dataDir} --split test") };
        var baselines = Path.Combine(outDir, "baselines");
        Directory.CreateDirectory(baselines);
        foreach (var kind in new[] { BaselineKind.Bm25, BaselineKind.TfIdf })
        {
            var name = kind.ToString().ToLowerInvariant();
            var report = Experiment.Baseline(kind, dataDir, "test", options.Hashing.Tokenizer, runFile: Path.Combine(baselines, $"run-test-{name}.trec"),
                command: $"dssm baseline {name} --data {dataDir} --split test --run-file {Path.Combine(baselines, $"run-test-{name}.trec")}");
            report.Save(Path.Combine(baselines, $"eval-test-{name}.json"));
            reports.Add(report);
        }
        var (html, md) = ExperimentReport.Write([runDir, baselines], Path.Combine(outDir, "report.html"), "DSSM quickstart on generated clicks", About(dataDir, outDir));
        return new Result(training, reports, html, md);
    }

    /// <summary>
    /// What the embedded data can and cannot show (datasets/semantic-clicks/README.md says how it is made), with a
    /// link to the README's real-data section when the dataset sits in the repository.
    /// </summary>
    public static string About(string dataDir, string outDir)
    {
        var readme = Path.GetFullPath(Path.Combine(dataDir, "..", "..", "README.md"));
        var link = File.Exists(readme) ? $"[README.md#real-data]({Path.GetRelativePath(Path.GetFullPath(outDir), readme).Replace('\\', '/')}#real-data)" : "README.md#real-data";
        return $"**What these figures can show.** The data (`{Path.GetFileName(Path.GetFullPath(dataDir).TrimEnd(Path.DirectorySeparatorChar))}`) is generated so that "
            + "queries and the pages clicked under them share few words while distractor pages carry the query's words: word overlap is misled by design, "
            + "so the figures below show that DSSM learns the mapping between the two vocabularies from clicks, and cannot show how it compares with BM25 on real text, "
            + $"where BM25 is strong — for that, see the real-data section, {link}.";
    }
}
