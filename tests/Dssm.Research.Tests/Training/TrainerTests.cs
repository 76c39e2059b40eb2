using System.Text.Json;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Training;

/// <summary>Share of queries whose top-ranked document is of the query's topic (ids q{topic}-… / d{topic}-…).</summary>
sealed class Top1Evaluator(ClickData data) : IDevEvaluator
{
    public string Metric => "top1_topic";
    public double Evaluate(ISemanticModel model, FeatureCache documents, FeatureCache queries)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var d = nn.functional.normalize(model.Forward(documents.Gather(Enumerable.Range(0, documents.Texts).ToArray()), TextSide.Document));
        var q = nn.functional.normalize(model.Forward(queries.Gather(Enumerable.Range(0, queries.Texts).ToArray()), TextSide.Query));
        var best = q.mm(d.t()).argmax(1).data<long>().ToArray();
        static string Topic(string id) => id[1..id.IndexOf('-')];
        return Enumerable.Range(0, best.Length).Count(i => Topic(data.Queries[i].Id) == Topic(data.Documents[(int)best[i]].Id)) / (double)best.Length;
    }
}

public class TrainerTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-trainer-" + Guid.NewGuid().ToString("N"));
    public TrainerTests() => TorchRuntime.Initialize();
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    static readonly TrainOptions Small = new()
    {
        Towers = new DssmOptions { Hidden = new[] { 32 }, Output = 16 },
        BatchSize = 16, Epochs = 6, LearningRate = 0.01, Patience = 0, LogEverySteps = 1, Device = DeviceChoice.Cpu,
    };


    TrainResult Train(TrainOptions options, string name, ClickData? data = null, bool resume = false)
    {
        data ??= SyntheticClicks.Make();
        using var trainer = new Trainer(options, data, new TestFeaturizer(), new Top1Evaluator(data));
        return trainer.Run(Path.Combine(root, name), resume);
    }

    [Theory]
    [InlineData(ModelKind.Dssm, SamplerKind.Random)]
    [InlineData(ModelKind.Dssm, SamplerKind.InBatch)]
    [InlineData(ModelKind.Dssm, SamplerKind.Popular)]
    [InlineData(ModelKind.Cdssm, SamplerKind.Random)]
    public void Loss_goes_down_and_the_model_learns_word_free_matches(ModelKind model, SamplerKind sampler)
    {
        var result = Train(Small with { Model = model, Sampler = sampler }, $"{model}-{sampler}");
        var losses = LoggedLosses(result.RunDirectory);
        Assert.True(losses.TakeLast(5).Average() < 0.7 * losses.Take(5).Average(), $"loss {losses.First()} → {losses.Last()}");
        Assert.True(result.BestDev > 0.9, $"top-1 topic accuracy {result.BestDev} (chance is 1/8)");
    }

    [Fact]
    public void Pointwise_rows_train_with_binary_cross_entropy()
    {
        var clicks = SyntheticClicks.Make();
        var pairs = clicks.Clicks.SelectMany(c => new[]
        {
            (1, clicks.Queries[c.Query].Text, clicks.Documents[c.Document].Text),
            (0, clicks.Queries[c.Query].Text, clicks.Documents[(c.Document + 7) % clicks.Documents.Count].Text),
        });
        var data = ClickData.FromPairs(pairs);
        using var trainer = new Trainer(Small with { Loss = LossKind.Pointwise }, data, new TestFeaturizer());
        var result = trainer.Run(Path.Combine(root, "pointwise"));
        var losses = LoggedLosses(result.RunDirectory);
        Assert.True(losses.TakeLast(5).Average() < 0.7 * losses.Take(5).Average());
    }

    [Fact]
    public void Same_seed_gives_identical_metrics_and_another_seed_does_not()
    {
        var a = Train(Small with { Epochs = 2 }, "a");
        var b = Train(Small with { Epochs = 2 }, "b");
        var c = Train(Small with { Epochs = 2, Seed = 7 }, "c");
        Assert.Equal(LoggedLosses(a.RunDirectory), LoggedLosses(b.RunDirectory));
        Assert.Equal(a.BestDev, b.BestDev);
        Assert.NotEqual(LoggedLosses(a.RunDirectory), LoggedLosses(c.RunDirectory));
    }

    [Fact]
    public void Resuming_after_a_checkpoint_ends_with_the_same_metrics_as_an_uninterrupted_run()
    {
        var options = Small with { Epochs = 4, CheckpointEverySteps = 5 };
        var full = Train(options, "full");
        // Interrupted: stop after 2 epochs (a shorter run writes the same first two epochs), then resume to 4.
        Train(options with { Epochs = 2 }, "resumed");
        var config = Path.Combine(root, "resumed", "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"epochs\": 2", "\"epochs\": 4"));
        var resumed = Train(options, "resumed", resume: true);
        Assert.Equal(LoggedLosses(full.RunDirectory), LoggedLosses(resumed.RunDirectory));
        Assert.Equal(full.BestDev, resumed.BestDev);
        // Every logged figure but the wall-clock ones is identical, line by line.
        Assert.Equal(Deterministic(full.RunDirectory), Deterministic(resumed.RunDirectory));
    }

    [Fact]
    public void Resuming_from_a_checkpoint_between_two_log_lines_logs_the_same_mean_loss()
    {
        // Logged every 4 steps, saved every 3: the step-6 checkpoint lies inside the window of steps 5–8.
        var options = Small with { Epochs = 2, BatchSize = 4, LogEverySteps = 4, CheckpointEverySteps = 3 };
        var full = Train(options, "full");
        var data = SyntheticClicks.Make();
        using var cancel = new CancellationTokenSource();
        using (var trainer = new Trainer(options, data, new TestFeaturizer(), new Top1Evaluator(data), p => { if (p.Epoch == 1 && p.Step == 8) cancel.Cancel(); }))
            Assert.ThrowsAny<OperationCanceledException>(() => trainer.Run(Path.Combine(root, "cut"), cancel: cancel.Token));
        var saved = File.ReadAllText(Path.Combine(root, "cut", "checkpoint", "state.json"));
        Assert.Contains("\"globalStep\": 6", saved);
        Assert.Contains("\"windowSteps\": 2", saved);
        var resumed = Train(options, "cut", resume: true);
        Assert.Equal(Deterministic(full.RunDirectory), Deterministic(resumed.RunDirectory));
    }

    [Fact]
    public void A_NaN_loss_stops_with_step_batch_and_checkpoint_named_or_is_skipped_when_asked()
    {
        var data = SyntheticClicks.Make();
        using (var trainer = new Trainer(Small, data, new TestFeaturizer { PoisonWeight = float.NaN }))
        {
            var e = Assert.Throws<NonFiniteTrainingException>(() => trainer.Run(Path.Combine(root, "nan")));
            Assert.Contains("non-finite loss", e.Message);
            Assert.Contains("step 1 (epoch 1, batch 1 of", e.Message);
            Assert.Contains("last good checkpoint: none yet", e.Message);
        }
        using (var trainer = new Trainer(Small with { OnNonFinite = NonFiniteAction.Skip, Epochs = 1 }, data, new TestFeaturizer { PoisonWeight = float.NaN }))
        {
            var result = trainer.Run(Path.Combine(root, "skip"));
            Assert.Equal(trainer.StepsPerEpoch, result.SkippedBatches);
            Assert.Contains("skipped_batch", File.ReadAllText(Path.Combine(root, "skip", "metrics.jsonl")));
        }
    }

    [Fact]
    public void Config_json_holds_the_options_needed_to_repeat_the_run()
    {
        var result = Train(Small with { Epochs = 1, Gamma = 20, Negatives = 3 }, "config");
        var options = new RunFolder(result.RunDirectory).ReadOptions();
        Assert.Equal(20, options.Gamma);
        Assert.Equal(3, options.Negatives);
        Assert.Equal(Small.Towers.Hidden, options.Towers.Hidden);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(result.RunDirectory, "config.json")));
        Assert.Equal(TorchRuntime.TorchSharpVersion, doc.RootElement.GetProperty("versions").GetProperty("torchSharp").GetString());
    }

    [Fact]
    public void A_new_run_refuses_to_overwrite_an_existing_one()
    {
        Train(Small with { Epochs = 1 }, "taken");
        var e = Assert.Throws<IOException>(() => Train(Small with { Epochs = 1 }, "taken"));
        Assert.Contains("already holds a run", e.Message);
    }
}
