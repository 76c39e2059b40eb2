using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;

namespace Dssm.Research.Tests.Training;

/// <summary>The real-data recipes end to end on the small click log: in-batch negatives (alone and with sampled ones), the
/// no-duplicates order, a learnable γ inside its bounds, and the overfitting warning.</summary>
public sealed class RecipeTrainingTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-recipes-" + Guid.NewGuid().ToString("N"));
    public RecipeTrainingTests() => TorchRuntime.Initialize();
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    static readonly TrainOptions Small = new()
    {
        Towers = new DssmOptions { Hidden = [32], Output = 16 },
        BatchSize = 16, Epochs = 6, LearningRate = 0.01, Patience = 0, LogEverySteps = 1, Device = DeviceChoice.Cpu,
        InBatch = true, Negatives = 0,
    };

    TrainResult Train(TrainOptions options, string name)
    {
        var data = SyntheticClicks.Make();
        using var trainer = new Trainer(options, data, new TestFeaturizer(), new Top1Evaluator(data));
        return trainer.Run(Path.Combine(root, name));
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public void In_batch_negatives_train_the_model_alone_or_with_sampled_ones(int sampled, bool noDuplicates)
    {
        var result = Train(Small with { Negatives = sampled, Sampler = SamplerKind.Random, NoDuplicates = noDuplicates }, $"inbatch-{sampled}");
        var losses = LoggedLosses(result.RunDirectory);
        Assert.True(losses.TakeLast(5).Average() < 0.7 * losses.Take(5).Average(), $"loss {losses.First()} → {losses.Last()}");
        Assert.True(result.BestDev > 0.9, $"top-1 topic accuracy {result.BestDev} (chance is 1/8)");
    }

    [Fact]
    public void A_learnable_gamma_reported_in_the_log_stays_inside_its_bounds()
    {
        var result = Train(Small with { LearnableGamma = true, Gamma = 20, GammaMin = 1, GammaMax = 25, LearningRate = 0.05 }, "gamma");
        var gammas = MetricsLog.Read(Path.Combine(result.RunDirectory, "metrics.jsonl"))
            .Where(e => e.TryGetProperty("gamma", out _)).Select(e => e.GetProperty("gamma").GetDouble()).ToList();
        Assert.NotEmpty(gammas);
        Assert.All(gammas, g => Assert.InRange(g, 1, 25));
        Assert.NotEqual(20, gammas[^1], 3);   // it did learn
    }

    [Fact]
    public void The_warning_names_a_dev_figure_falling_twice_while_the_training_loss_falls()
    {
        var state = new RunState { BestEpoch = 2, TrainLosses = [0.9, 0.6, 0.4, 0.3], DevValues = [0.50, 0.60, 0.58, 0.55] };
        var warning = TrainerWarnings(state);
        Assert.Contains("fell two epochs in a row (0.6000 → 0.5800 → 0.5500)", warning);
        Assert.Contains("best/ keeps epoch 2", warning);
        Assert.Null(TrainerWarnings(new RunState { TrainLosses = [0.9, 0.6, 0.4, 0.3], DevValues = [0.50, 0.60, 0.58, 0.59] }));   // dev fell once
        Assert.Null(TrainerWarnings(new RunState { TrainLosses = [0.9, 0.6, 0.7, 0.8], DevValues = [0.50, 0.60, 0.58, 0.55] }));   // the loss rose too: no overfitting
    }

    static string? TrainerWarnings(RunState state) => Trainer.OverfittingWarning(state, "ndcg@10");
}
