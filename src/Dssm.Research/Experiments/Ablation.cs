using System.Globalization;
using System.Text.Json;
using Dssm.Research.Data;
using Dssm.Research.Evaluation;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;

namespace Dssm.Research.Experiments;

/// <summary>
/// Trains once per value of one option and seed — everything else held fixed — and evaluates each run on the
/// test split. The value is chosen on dev (best mean dev metric over the seeds), as the paper tunes γ on
/// held-out data; the test split only reports the chosen value, with the spread over seeds and a paired test
/// against a reference value (the options' own, by default).
/// </summary>
public static class Ablation
{
    /// <summary>Option names that <see cref="Apply"/> understands.</summary>
    public static readonly IReadOnlyList<string> Params = ["gamma", "negatives", "sampler", "model", "lr", "batch", "epochs", "ngram", "hidden", "output", "optimizer", "loss",
        "recipe", "inbatch", "no-duplicates", "hard-ratio", "word-unigrams", "chinese-characters", "max-features", "shared-towers", "pseudo-queries", "pseudo-queries-per-doc"];

    /// <summary>Layer sizes written <c>300-300</c> or <c>300,300</c>.</summary>
    /// <exception cref="ArgumentException">a size that is not a positive integer; the message names <paramref name="what"/>.</exception>
    public static int[] ParseLayers(string text, string what) =>
        text.Split(['-', ','], StringSplitOptions.TrimEntries).Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v
            : throw new ArgumentException($"{what}: '{text}' is not a list of layer sizes (e.g. 300,300)")).ToArray();

    /// <summary><paramref name="baseline"/> with one option set from text, e.g. ("gamma", "20") or ("gamma", "learnable").</summary>
    /// <exception cref="ArgumentException">an unknown option, or a value it cannot take; the message names <c>--values</c>, the value and what the option takes.</exception>
    public static TrainOptions Apply(TrainOptions baseline, string param, string value)
    {
        ArgumentException Bad(string what, string takes) => new($"--values: '{value}' is not {what} ({param} takes {takes})");
        double D(string takes) => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v : throw Bad("a number", takes);
        int I() => int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw Bad("an integer", "integers");
        T Named<T>(string what, Func<string, T>? parse = null) where T : struct, Enum
        {
            try { return parse is null ? OptionName.Parse<T>(value, param) : parse(value); }
            catch (ArgumentException) { throw Bad(what, string.Join(", ", OptionName.All<T>())); }
        }
        int[] Layers() => value.Split('-').Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw Bad("a list of layer sizes", "sizes joined by '-', e.g. 300-300")).ToArray();
        bool B() => value.ToLowerInvariant() switch { "true" or "on" or "1" => true, "false" or "off" or "0" => false, _ => throw Bad("a switch", "true or false") };
        return param switch
        {
            "gamma" when value == "learnable" => baseline with { LearnableGamma = true },
            "gamma" => baseline with { Gamma = D("numbers or 'learnable'"), LearnableGamma = false },
            "negatives" => baseline with { Negatives = I() },
            "sampler" => baseline with { Sampler = Named("a sampler", SamplerKinds.Parse) },
            "model" => baseline with { Model = Named<ModelKind>("a model") },
            "lr" => baseline with { LearningRate = D("numbers") },
            "batch" => baseline with { BatchSize = I() },
            "epochs" => baseline with { Epochs = I() },
            "ngram" => baseline with { Hashing = baseline.Hashing with { N = I() } },
            "hidden" => baseline with { Towers = baseline.Towers with { Hidden = Layers() } },
            "output" => baseline with { Towers = baseline.Towers with { Output = I() } },
            "optimizer" => baseline with { Optimizer = Named<OptimizerKind>("an optimizer") },
            "loss" => baseline with { Loss = Named<LossKind>("a loss") },
            "recipe" => TrainRecipes.Apply(Named<TrainRecipe>("a recipe"), baseline),
            "inbatch" => baseline with { InBatch = B() },
            "no-duplicates" => baseline with { NoDuplicates = B() },
            "hard-ratio" => baseline with { HardRatio = D("shares between 0 and 1") },
            "word-unigrams" => baseline with { Hashing = baseline.Hashing with { WordUnigrams = B() } },
            "chinese-characters" => baseline with { Hashing = baseline.Hashing with { ChineseCharacters = B() } },
            "max-features" => baseline with { Hashing = baseline.Hashing with { MaxFeatures = value == "all" ? null : I() } },
            "shared-towers" => baseline with { Towers = baseline.Towers with { SharedTowers = B() } },
            "pseudo-queries" => baseline with { PseudoQueries = Named<PseudoQueryKind>("a pseudo-query kind") },
            "pseudo-queries-per-doc" => baseline with { PseudoQueriesPerDocument = I() },
            _ => throw new ArgumentException($"--param {param} is not one of {string.Join(", ", Params)}"),
        };
    }

    /// <summary>The option's value in <paramref name="options"/>, written as <see cref="Apply"/> reads it.</summary>
    public static string Current(TrainOptions options, string param) => param switch
    {
        "gamma" => options.LearnableGamma ? "learnable" : options.Gamma.ToString("R", CultureInfo.InvariantCulture),
        "negatives" => options.Negatives.ToString(CultureInfo.InvariantCulture),
        "sampler" => OptionName.Of(options.Sampler),
        "model" => OptionName.Of(options.Model),
        "lr" => options.LearningRate.ToString("R", CultureInfo.InvariantCulture),
        "batch" => options.BatchSize.ToString(CultureInfo.InvariantCulture),
        "epochs" => options.Epochs.ToString(CultureInfo.InvariantCulture),
        "ngram" => options.Hashing.N.ToString(CultureInfo.InvariantCulture),
        "hidden" => string.Join('-', options.Towers.Hidden),
        "output" => options.Towers.Output.ToString(CultureInfo.InvariantCulture),
        "optimizer" => OptionName.Of(options.Optimizer),
        "loss" => OptionName.Of(options.Loss),
        "recipe" => Same(TrainRecipes.Apply(TrainRecipe.Paper, options), options) ? "paper" : Same(TrainRecipes.Apply(TrainRecipe.Default, options), options) ? "default" : "custom",
        "inbatch" => Switch(options.InBatch),
        "no-duplicates" => Switch(options.NoDuplicates),
        "hard-ratio" => options.HardRatio.ToString("R", CultureInfo.InvariantCulture),
        "word-unigrams" => Switch(options.Hashing.WordUnigrams),
        "chinese-characters" => Switch(options.Hashing.ChineseCharacters),
        "max-features" => options.Hashing.MaxFeatures?.ToString(CultureInfo.InvariantCulture) ?? "all",
        "shared-towers" => Switch(options.Towers.SharedTowers),
        "pseudo-queries" => OptionName.Of(options.PseudoQueries),
        "pseudo-queries-per-doc" => options.PseudoQueriesPerDocument.ToString(CultureInfo.InvariantCulture),
        _ => throw new ArgumentException($"--param {param} is not one of {string.Join(", ", Params)}"),
    };

    static string Switch(bool on) => on ? "true" : "false";

    // Compared as config.json would write them: records holding arrays (layer sizes) do not compare by value.
    static bool Same(TrainOptions a, TrainOptions b) => JsonSerializer.Serialize(a, Json.Options) == JsonSerializer.Serialize(b, Json.Options);

    /// <summary>Parses <c>--seeds 1,2,3</c>.</summary>
    /// <exception cref="ArgumentException">a seed that is not an integer, a repeated seed, or none.</exception>
    public static IReadOnlyList<long> ParseSeeds(string text)
    {
        var seeds = text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--seeds: '{s}' is not an integer (e.g. --seeds 1,2,3)"))
            .ToArray();
        if (seeds.Length == 0) throw new ArgumentException("--seeds: no seed given (e.g. --seeds 1,2,3)");
        if (seeds.Distinct().Count() != seeds.Length) throw new ArgumentException($"--seeds: a seed is given twice ({text})");
        return seeds;
    }

    /// <summary>One seed (the options' own) per value into OUT/PARAM-VALUE; writes OUT/ablation-PARAM.json and returns the rows.</summary>
    public static IReadOnlyList<AblationRow> Run(string dataDir, string outDir, TrainOptions baseline, string param, IReadOnlyList<string> values,
        string? command = null, Action<string>? log = null) =>
        Study(dataDir, outDir, baseline, param, values, command: command, log: log).Rows;

    /// <summary>
    /// Every value with every seed: OUT/PARAM-VALUE (one seed given or none: the options' seed) or
    /// OUT/PARAM-VALUE-seedS. Each run is evaluated on test with the dev metric among the test metrics. Dev
    /// chooses the value with the best mean dev metric; when <paramref name="reference"/> (default: the options'
    /// own value, when listed) differs from it, the two are compared on the test queries (see
    /// <see cref="AblationResult.SignificanceMethod"/>). Every value is checked before the first run trains.
    /// </summary>
    public static AblationResult Study(string dataDir, string outDir, TrainOptions baseline, string param, IReadOnlyList<string> values,
        IReadOnlyList<long>? seeds = null, string? reference = null, ComparisonOptions? comparison = null, string? command = null, Action<string>? log = null)
    {
        if (values.Count == 0) throw new ArgumentException("--values: no value given (e.g. --values 1,5,10)");
        if (values.Distinct().Count() != values.Count) throw new ArgumentException($"--values: a value is given twice ({string.Join(",", values)})");
        var perSeed = seeds is { Count: > 0 };
        seeds = perSeed ? seeds : [baseline.Seed];
        foreach (var v in values) Apply(baseline, param, v).Validate();
        var referenceValue = reference ?? values.FirstOrDefault(v => Current(Apply(baseline, param, v), param) == Current(baseline, param));
        if (reference is not null && !values.Contains(reference)) throw new ArgumentException($"--reference: '{reference}' is not among --values ({string.Join(",", values)})");
        var metric = RankingMetric.Parse(baseline.DevMetric);
        var testMetrics = RankingMetric.Default.Contains(metric) ? RankingMetric.Default : [.. RankingMetric.Default, metric];

        var rows = new List<AblationRow>();
        var perQuery = new Dictionary<string, List<EvaluationResult>>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            perQuery[value] = [];
            foreach (var seed in seeds!)
            {
                var options = Apply(baseline, param, value).Validate() with { Seed = seed };
                var runDir = Path.Combine(outDir, perSeed ? $"{param}-{value}-seed{seed}" : $"{param}-{value}");
                var label = perSeed ? $"{param} = {value}, seed {seed}" : $"{param} = {value}";
                log?.Invoke($"{label}: training into {runDir}");
                var result = Experiment.Train(dataDir, runDir, options, provenance: new Dictionary<string, object?> { ["command"] = command, ["ablation"] = $"{param}={value}", ["seed"] = seed });
                var test = Experiment.Evaluate(runDir, dataDir, "test", metrics: testMetrics, device: options.Device);
                rows.Add(new AblationRow(param, value, runDir, result.BestDev, result.BestEpoch, result.Seconds, result.QueriesPerSecond, test.Metrics, seed));
                perQuery[value].Add(test.Result!);
                log?.Invoke($"{label}: test {metric} {test.Metrics.GetValueOrDefault(metric.ToString()):F4} (dev {result.BestDev:F4})");
            }
        }
        var study = Summarize(param, baseline.DevMetric, seeds!, rows, referenceValue);
        if (study.Chosen is { } chosen && referenceValue is not null && chosen != referenceValue)
            study = study with { Significance = PairedComparison.Of(SeedMean(perQuery[chosen], metric), SeedMean(perQuery[referenceValue], metric), metric.ToString(), comparison) };
        else
            study = study with
            {
                SignificanceNote = referenceValue is null ? $"no significance test: no reference value among --values (the options' {param} is {Current(baseline, param)}; give --reference)"
                : study.Chosen is null ? "no significance test: nothing was chosen on dev" : $"no significance test: dev chose the reference value {referenceValue} itself"
            };
        Directory.CreateDirectory(outDir);
        AtomicFile.WriteText(Path.Combine(outDir, $"ablation-{param}.json"), JsonSerializer.Serialize(study, Json.Indented));
        return study;
    }

    /// <summary>Per-value means and sample standard deviations over the seeds, and the dev choice (best mean dev; the first listed on a tie).</summary>
    public static AblationResult Summarize(string param, string devMetric, IReadOnlyList<long> seeds, IReadOnlyList<AblationRow> rows, string? reference)
    {
        var values = rows.Select(r => r.Value).Distinct().ToList();
        var groups = values.Select(v => rows.Where(r => r.Value == v).ToList()).ToList();
        var canChoose = rows.All(r => r.BestDev is not null);
        string? chosen = null;
        if (canChoose)
        {
            var best = double.NegativeInfinity;
            foreach (var g in groups)
                if (g.Average(r => r.BestDev!.Value) > best) { best = g.Average(r => r.BestDev!.Value); chosen = g[0].Value; }
        }
        var metrics = rows.SelectMany(r => r.Test.Keys).Distinct().ToList();
        var settings = groups.Select(g => new AblationSetting(g[0].Value, g.Count,
            canChoose ? g.Average(r => r.BestDev!.Value) : null, canChoose ? Sd(g.Select(r => r.BestDev!.Value)) : double.NaN,
            metrics.ToDictionary(m => m, m => g.Average(r => r.Test.GetValueOrDefault(m, double.NaN))),
            metrics.ToDictionary(m => m, m => Sd(g.Select(r => r.Test.GetValueOrDefault(m, double.NaN)))),
            g.Average(r => r.Seconds), g[0].Value == chosen, g[0].Value == reference)).ToList();
        return new AblationResult(param, devMetric, seeds, rows, settings, chosen, reference, null, null);
    }

    /// <summary>Sample standard deviation (n − 1); NaN for a single value.</summary>
    static double Sd(IEnumerable<double> xs)
    {
        var a = xs.ToArray();
        if (a.Length < 2) return double.NaN;
        var mean = a.Average();
        return Math.Sqrt(a.Sum(x => (x - mean) * (x - mean)) / (a.Length - 1));
    }

    static Dictionary<string, double> SeedMean(List<EvaluationResult> results, RankingMetric metric) =>
        results[0].EvaluatedQueries.ToDictionary(q => q, q => results.Average(r => r.For(q, metric)), StringComparer.Ordinal);
}
