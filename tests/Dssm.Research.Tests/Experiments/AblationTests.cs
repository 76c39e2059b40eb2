using System.Text.Json;
using Dssm.Research.Experiments;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary>An ablation varies one option and holds everything else — the seed included — fixed.</summary>
public sealed class AblationTests
{
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
        Assert.StartsWith("--param seed is not one of gamma, negatives,", Assert.Throws<ArgumentException>(() => Ablation.Apply(Baseline, "seed", "1")).Message);
    }

    [Fact]
    public void The_table_has_a_row_per_value_and_a_column_per_test_metric()
    {
        var rows = new[]
        {
            new AblationRow("gamma", "1", "runs/gamma-1", 0.5, 2, 3.25, 1000, new Dictionary<string, double> { ["ndcg@10"] = 0.25 }),
            new AblationRow("gamma", "20", "runs/gamma-20", null, 0, 4, 1500.4, new Dictionary<string, double> { ["ndcg@10"] = 0.125 }),
        };
        Assert.Equal(string.Join(Environment.NewLine,
            "gamma              dev   ndcg@10   seconds     q/s",
            "1               0.5000    0.2500       3.2    1000",   // 3.25 rounds to even: 3.2
            "20                   -    0.1250       4.0    1500"), Ablation.Table(rows));
    }

    [Fact]
    public void A_run_trains_and_evaluates_each_value_into_its_own_folder_with_the_same_seed()
    {
        var outDir = Path.Combine(Path.GetTempPath(), "dssm-ablation-" + Guid.NewGuid().ToString("N"));
        try
        {
            var tiny = new TrainOptions { Towers = new() { Hidden = [16], Output = 8 }, Epochs = 1, MaxStepsPerEpoch = 2, BatchSize = 32, Patience = 0, Device = DeviceChoice.Cpu };
            var data = Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");
            var rows = Ablation.Run(data, outDir, tiny, "gamma", ["1", "20"]);
            Assert.Equal(["1", "20"], rows.Select(r => r.Value));
            Assert.Equal([Path.Combine(outDir, "gamma-1"), Path.Combine(outDir, "gamma-20")], rows.Select(r => r.RunDirectory));
            var trained = rows.Select(r => new RunFolder(r.RunDirectory).ReadOptions()).ToList();
            Assert.Equal([1.0, 20.0], trained.Select(o => o.Gamma));
            string Json(TrainOptions o) => JsonSerializer.Serialize(o, Dssm.Research.Training.Json.Options);
            Assert.Equal(Json(trained[0] with { Gamma = 20 }), Json(trained[1]));   // nothing but γ differs, the seed included
            Assert.All(rows, r => Assert.InRange(r.Test["ndcg@10"], 0, 1));
            using var saved = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "ablation-gamma.json")));
            Assert.Equal(2, saved.RootElement.GetArrayLength());
        }
        finally { if (Directory.Exists(outDir)) Directory.Delete(outDir, true); }
    }
}
