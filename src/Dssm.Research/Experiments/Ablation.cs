using System.Globalization;
using System.Text.Json;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// Trains once per value of one option — everything else, the seed included, held fixed — and evaluates each
/// run on the test split: the paper tunes γ on held-out data and fixes J = 4; here both can be seen.
/// </summary>
public static class Ablation
{
    /// <summary>Option names that <see cref="Apply"/> understands.</summary>
    public static readonly IReadOnlyList<string> Params = ["gamma", "negatives", "sampler", "model", "lr", "batch", "epochs", "ngram", "hidden", "output", "optimizer", "loss"];

    /// <summary><paramref name="baseline"/> with one option set from text, e.g. ("gamma", "20") or ("gamma", "learnable").</summary>
    public static TrainOptions Apply(TrainOptions baseline, string param, string value)
    {
        double D() => double.Parse(value, CultureInfo.InvariantCulture);
        int I() => int.Parse(value, CultureInfo.InvariantCulture);
        return param switch
        {
            "gamma" when value == "learnable" => baseline with { LearnableGamma = true },
            "gamma" => baseline with { Gamma = D(), LearnableGamma = false },
            "negatives" => baseline with { Negatives = I() },
            "sampler" => baseline with { Sampler = SamplerKinds.Parse(value) },
            "model" => baseline with { Model = OptionName.Parse<ModelKind>(value, "model") },
            "lr" => baseline with { LearningRate = D() },
            "batch" => baseline with { BatchSize = I() },
            "epochs" => baseline with { Epochs = I() },
            "ngram" => baseline with { Hashing = baseline.Hashing with { N = I() } },
            "hidden" => baseline with { Towers = baseline.Towers with { Hidden = value.Split('-').Select(int.Parse).ToArray() } },
            "output" => baseline with { Towers = baseline.Towers with { Output = I() } },
            "optimizer" => baseline with { Optimizer = OptionName.Parse<OptimizerKind>(value, "optimizer") },
            "loss" => baseline with { Loss = OptionName.Parse<LossKind>(value, "loss") },
            _ => throw new ArgumentException($"--param {param} is not one of {string.Join(", ", Params)}"),
        };
    }

    /// <summary>Runs every value into OUT/PARAM-VALUE; writes OUT/ablation-PARAM.json and returns the rows.</summary>
    public static IReadOnlyList<AblationRow> Run(string dataDir, string outDir, TrainOptions baseline, string param, IReadOnlyList<string> values,
        string? command = null, Action<string>? log = null)
    {
        var rows = new List<AblationRow>();
        foreach (var value in values)
        {
            var options = Apply(baseline, param, value).Validate();
            var runDir = Path.Combine(outDir, $"{param}-{value}");
            log?.Invoke($"{param} = {value}: training into {runDir}");
            var result = Experiment.Train(dataDir, runDir, options, provenance: new Dictionary<string, object?> { ["command"] = command, ["ablation"] = $"{param}={value}" });
            var test = Experiment.Evaluate(runDir, dataDir, "test", device: options.Device);
            rows.Add(new AblationRow(param, value, runDir, result.BestDev, result.BestEpoch, result.Seconds, result.QueriesPerSecond, test.Metrics));
            log?.Invoke($"{param} = {value}: test ndcg@10 {test.Metrics.GetValueOrDefault("ndcg@10"):F4}");
        }
        AtomicFile.WriteText(Path.Combine(outDir, $"ablation-{param}.json"), JsonSerializer.Serialize(rows, Json.Indented));
        return rows;
    }

    public static string Table(IReadOnlyList<AblationRow> rows)
    {
        var metrics = rows.SelectMany(r => r.Test.Keys).Distinct().ToList();
        var lines = new List<string> { $"{rows.FirstOrDefault()?.Param ?? "value",-12}{"dev",10}{string.Concat(metrics.Select(m => m.PadLeft(10)))}{"seconds",10}{"q/s",8}" };
        foreach (var r in rows)
            lines.Add($"{r.Value,-12}{(r.BestDev is { } d ? d.ToString("F4") : "-"),10}{string.Concat(metrics.Select(m => r.Test[m].ToString("F4").PadLeft(10)))}{r.Seconds,10:F1}{r.QueriesPerSecond,8:F0}");
        return string.Join(Environment.NewLine, lines);
    }
}
