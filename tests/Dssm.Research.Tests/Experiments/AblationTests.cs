using System.Text.Json;
using Dssm.Research.Experiments;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Sampling;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary>Ablations over seeds: mean ± sd per value, the value chosen on dev (never on test), and clear errors for bad values.</summary>
public sealed class AblationTests : IDisposable
{
    readonly string dir = Directory.CreateTempSubdirectory("dssm-ablation-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    static readonly TrainOptions Baseline = new();

    [Fact]
    public void Each_parameter_sets_its_option_from_text_and_nothing_else()
    {
        Assert.Equal(Baseline with { Gamma = 20 }, Ablation.Apply(Baseline, "gamma", "20"));
        Assert.Equal(Baseline with { LearnableGamma = true }, Ablation.Apply(Baseline, "gamma", "learnable"));
        Assert.Equal(Baseline with { Negatives = 8 }, Ablation.Apply(Baseline, "negatives", "8"));
        Assert.Equal(Baseline with { Sampler = SamplerKind.Bm25 }, Ablation.Apply(Baseline, "sampler", "bm25"));
        Assert.Equal(Baseline with { Model = ModelKind.Cdssm }, Ablation.Apply(Baseline, "model", "cdssm"));
        Assert.Equal(Baseline with { LearningRate = 0.5 }, Ablation.Apply(Baseline, "lr", "0.5"));
        Assert.Equal(Baseline with { Optimizer = OptimizerKind.Sgd }, Ablation.Apply(Baseline, "optimizer", "sgd"));
        Assert.Equal(Baseline with { Loss = LossKind.Pointwise }, Ablation.Apply(Baseline, "loss", "pointwise"));
        Assert.Equal(4, Ablation.Apply(Baseline, "ngram", "4").Hashing.N);
        Assert.Equal([100, 50], Ablation.Apply(Baseline, "hidden", "100-50").Towers.Hidden);
        Assert.Equal(Baseline.Seed, Ablation.Apply(Baseline, "gamma", "1").Seed);
        Assert.Equal(Baseline with { InBatch = true }, Ablation.Apply(Baseline, "inbatch", "true"));
        Assert.Equal(Baseline with { NoDuplicates = true }, Ablation.Apply(Baseline, "no-duplicates", "on"));
        Assert.Equal(Baseline with { HardRatio = 0.5 }, Ablation.Apply(Baseline, "hard-ratio", "0.5"));
        Assert.Equal(Baseline with { PseudoQueries = Dssm.Research.Data.PseudoQueryKind.Ict }, Ablation.Apply(Baseline, "pseudo-queries", "ict"));
        Assert.Equal(Baseline with { PseudoQueriesPerDocument = 5 }, Ablation.Apply(Baseline, "pseudo-queries-per-doc", "5"));
        Assert.True(Ablation.Apply(Baseline, "word-unigrams", "true").Hashing.WordUnigrams);
        Assert.True(Ablation.Apply(Baseline, "chinese-characters", "true").Hashing.ChineseCharacters);
        Assert.Equal(1000, Ablation.Apply(Baseline, "max-features", "1000").Hashing.MaxFeatures);
        Assert.True(Ablation.Apply(Baseline, "shared-towers", "true").Towers.SharedTowers);
        Assert.True(Ablation.Apply(Baseline, "recipe", "default").InBatch);
        Assert.Equal("paper", Ablation.Current(Baseline, "recipe"));
        Assert.Equal("default", Ablation.Current(Ablation.Apply(Baseline, "recipe", "default"), "recipe"));
        Assert.Equal("custom", Ablation.Current(Baseline with { Gamma = 3 }, "recipe"));
        Assert.StartsWith("--param seed is not one of gamma, negatives,", Assert.Throws<ArgumentException>(() => Ablation.Apply(Baseline, "seed", "1")).Message);
    }

    static AblationRow Row(string value, long seed, double dev, double test) =>
        new("gamma", value, $"runs/gamma-{value}-seed{seed}", dev, 1, 10, 100, new Dictionary<string, double> { ["ndcg@10"] = test }, seed);

    [Fact]
    public void Dev_chooses_the_value_and_the_table_reports_mean_and_sample_sd()
    {
        // γ = 5: dev 0.80, 0.82, 0.84 → mean 0.82, sd √((0.02² + 0 + 0.02²) / 2) = 0.02; test 0.70, 0.71, 0.72 → 0.71 ± 0.01.
        // γ = 10: dev 0.79, 0.80, 0.81 → 0.80 ± 0.01; test 0.75, 0.76, 0.77 → 0.76 ± 0.01, the better TEST figure —
        // yet dev chooses γ = 5, and the table says so.
        AblationRow[] rows = [Row("5", 1, 0.80, 0.70), Row("5", 2, 0.82, 0.71), Row("5", 3, 0.84, 0.72),
                              Row("10", 1, 0.79, 0.75), Row("10", 2, 0.80, 0.76), Row("10", 3, 0.81, 0.77)];
        var study = Ablation.Summarize("gamma", "ndcg@10", [1, 2, 3], rows, reference: "10");
        Assert.Equal("5", study.Chosen);
        var five = study.Settings[0];
        Assert.Equal((3, 0.82, 0.02, 0.71, 0.01), (five.Seeds, Math.Round(five.DevMean!.Value, 12), Math.Round(five.DevSd, 12),
            Math.Round(five.TestMean["ndcg@10"], 12), Math.Round(five.TestSd["ndcg@10"], 12)));
        var table = study.Table();
        var lines = table.Split('\n');
        Assert.StartsWith("5 ", lines[1]);
        Assert.EndsWith("← chosen on dev", lines[1]);
        Assert.Contains("0.8200 ± 0.0200", lines[1]);
        Assert.StartsWith("10 (reference)", lines[2]);
        Assert.DoesNotContain("chosen", lines[2]);
        Assert.Contains("chosen on dev: gamma = 5 (best mean dev ndcg@10 0.8200, seeds 1, 2, 3); its test ndcg@10: 0.7100 ± 0.0100", table);
        Assert.DoesNotContain("**", table);
    }

    [Fact]
    public void Without_dev_figures_nothing_is_chosen()
    {
        var rows = new[] { Row("5", 1, 0.8, 0.7) with { BestDev = null }, Row("10", 1, 0.8, 0.9) with { BestDev = null } };
        var study = Ablation.Summarize("gamma", "ndcg@10", [1], rows, null);
        Assert.Null(study.Chosen);
        Assert.Contains("nothing chosen", study.Table());
    }

    [Theory]
    [InlineData("gamma", "a", "--values: 'a' is not a number (gamma takes numbers or 'learnable')")]
    [InlineData("negatives", "2.5", "--values: '2.5' is not an integer (negatives takes integers)")]
    [InlineData("hidden", "300-x", "--values: '300-x' is not a list of layer sizes (hidden takes sizes joined by '-', e.g. 300-300)")]
    [InlineData("optimizer", "adagrad", "--values: 'adagrad' is not an optimizer (optimizer takes adam, sgd)")]
    [InlineData("sampler", "hardest", "--values: 'hardest' is not a sampler (sampler takes random, inbatch, popular, bm25)")]
    [InlineData("shared-towers", "maybe", "--values: 'maybe' is not a switch (shared-towers takes true or false)")]
    public void A_value_the_option_cannot_take_names_the_value_and_what_it_takes(string param, string value, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Ablation.Apply(new TrainOptions(), param, value)).Message);

    [Theory]
    [InlineData("1,x", "--seeds: 'x' is not an integer (e.g. --seeds 1,2,3)")]
    [InlineData("1,1", "--seeds: a seed is given twice (1,1)")]
    public void Bad_seeds_are_clear_errors(string text, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => Ablation.ParseSeeds(text)).Message);

    [Fact]
    public void The_cli_refuses_a_bad_value_before_training_anything()
    {
        var output = Path.Combine(dir, "abl");
        var (code, text) = DssmCli.Run(["ablate", "--data", Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks"), "--param", "gamma", "--values", "a,b", "--out", output]);
        Assert.Equal(2, code);
        Assert.Equal("dssm: error: --values: 'a' is not a number (gamma takes numbers or 'learnable')\n", text);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Seeds_train_every_value_with_every_seed_and_the_json_and_report_say_what_dev_chose()
    {
        var output = Path.Combine(dir, "abl");
        var (code, text) = DssmCli.Run(["ablate", "--data", Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks"), "--param", "gamma", "--values", "5,10",
            "--seeds", "1,2", "--out", output, "--epochs", "1", "--max-steps-per-epoch", "4", "--batch", "64", "--permutations", "200"]);
        Assert.True(code == 0, text);
        var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "ablation-gamma.json"))).RootElement;
        Assert.Equal([1L, 2L], json.GetProperty("seeds").EnumerateArray().Select(e => e.GetInt64()));
        var rows = json.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(["5/1", "5/2", "10/1", "10/2"], rows.Select(r => $"{r.GetProperty("value").GetString()}/{r.GetProperty("seed").GetInt64()}"));
        foreach (var r in rows) Assert.True(Directory.Exists(r.GetProperty("runDirectory").GetString()));
        // The choice is the best mean of the per-seed dev figures written beside it.
        double Dev(string v) => rows.Where(r => r.GetProperty("value").GetString() == v).Average(r => r.GetProperty("bestDev").GetDouble());
        var expected = Dev("5") >= Dev("10") ? "5" : "10";
        Assert.Equal(expected, json.GetProperty("chosen").GetString());
        Assert.Equal("10", json.GetProperty("reference").GetString());     // TrainOptions' γ = 10
        Assert.Equal(expected == "5", json.GetProperty("significance").ValueKind == JsonValueKind.Object);
        Assert.Contains($"chosen on dev: gamma = {expected}", text);
        Assert.Contains(expected == "5" ? "randomization test p = " : "dev chose the reference value 10 itself", text);

        var html = Path.Combine(dir, "report.html");
        (code, text) = DssmCli.Run(["report", "--runs", output, "--out", html]);
        Assert.True(code == 0, text);
        var md = File.ReadAllText(Path.ChangeExtension(html, ".md"));
        Assert.Contains("seeds 1, 2 (mean ± sample sd); chosen on dev.", md);
        Assert.Contains("← chosen on dev", md);
    }
}
