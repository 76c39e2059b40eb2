using Dssm.Research.Data;
using Dssm.Research.Experiments;
using Dssm.Research.Runtime;
using Dssm.Research.Training;
using static TorchSharp.torch;

namespace Dssm.Research.Tests.Experiments;

/// <summary>
/// Pair-file runs end to end: the AUC of dev pairs early-stops them and picks best/, and <c>EvaluatePairs</c>
/// judges the model by its own decision σ(γ·cos + b) ≥ ½ and at a threshold tuned on dev.
/// </summary>
public sealed class PairRunTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-pairrun-" + Guid.NewGuid().ToString("N"));
    public PairRunTests() { TorchRuntime.Initialize(); Directory.CreateDirectory(root); }
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    static readonly TrainOptions Small = TrainRequest.PairDefaults with
    {
        Towers = TrainRequest.PairDefaults.Towers with { Hidden = [32], Output = 16 },
        BatchSize = 16,
        Epochs = 4,
        LearningRate = 0.01,
        Patience = 0,
        LogEverySteps = 1,
        Device = DeviceChoice.Cpu,
    };

    /// <summary>The synthetic click log as rows: each click 1, then a document of another topic 0.</summary>
    string PairFile(string name, int seed)
    {
        var clicks = Training.SyntheticClicks.Make(seed: seed);
        var path = Path.Combine(root, name);
        PointwiseReader.Write(path, clicks.Clicks.SelectMany(c => new[]
        {
            new PointwisePair(1, clicks.Queries[c.Query].Text, clicks.Documents[c.Document].Text),
            new PointwisePair(0, clicks.Queries[c.Query].Text, clicks.Documents[(c.Document + 7) % clicks.Documents.Count].Text),
        }));
        return path;
    }

    static double[] DevAucs(string run) => MetricsLog.Read(Path.Combine(run, "metrics.jsonl"))
        .Where(e => e.TryGetProperty("dev_auc", out _)).Select(e => e.GetProperty("dev_auc").GetDouble()).ToArray();

    [Fact]
    public void A_dev_pair_file_is_scored_by_auc_every_epoch_and_best_holds_the_best_epoch()
    {
        var (train, dev) = (PairFile("train.tsv", 1), PairFile("dev.tsv", 2));
        var result = Experiment.TrainPairs(train, Path.Combine(root, "run"), Small, devPairsFile: dev);
        var aucs = DevAucs(result.RunDirectory);
        Assert.Equal(4, aucs.Length);
        Assert.Equal("auc", result.DevMetric);
        Assert.Equal(Array.IndexOf(aucs, aucs.Max()) + 1, result.BestEpoch);
        // best/ is that epoch's model: scoring the dev rows again with the loaded weights gives its AUC.
        var reloaded = Experiment.EvaluatePairs(result.RunDirectory, dev, DeviceChoice.Cpu);
        Assert.Equal(aucs.Max(), reloaded.Auc, 4);
        Assert.True(aucs.Max() > 0.8, $"dev AUC {aucs.Max()}: training should separate the topics");
    }

    [Fact]
    public void Without_a_dev_file_a_tenth_of_the_queries_is_held_out_and_never_trained_on()
    {
        var train = PairFile("train.tsv", 1);
        var rows = PointwiseReader.Read(train).ToList();
        var (held, kept) = Experiment.HoldOut(rows, 0.1);
        Assert.InRange(held.Count, rows.Count / 20, rows.Count / 5);                       // about a tenth
        Assert.Empty(held.Select(p => p.Query).Intersect(kept.Select(p => p.Query)));   // a query's rows stay on one side
        var result = Experiment.TrainPairs(train, Path.Combine(root, "run"), Small with { Epochs = 2 });
        Assert.Equal(2, DevAucs(result.RunDirectory).Length);
        var config = File.ReadAllText(Path.Combine(result.RunDirectory, "config.json"));
        Assert.Contains($"\"rows\": {kept.Count}", config);
        Assert.Contains($"\"dev_rows\": {held.Count}", config);
        var none = Experiment.TrainPairs(train, Path.Combine(root, "all"), Small with { Epochs = 1, PairDevFraction = 0 });
        Assert.Empty(DevAucs(none.RunDirectory));
        Assert.Contains($"\"rows\": {rows.Count}", File.ReadAllText(Path.Combine(none.RunDirectory, "config.json")));
    }

    [Fact]
    public void A_streamed_run_early_stops_on_its_dev_pairs_too()
    {
        var (train, dev) = (PairFile("train.tsv", 1), PairFile("dev.tsv", 2));
        var result = Experiment.TrainPairs(train, Path.Combine(root, "run"), Small with { Epochs = 2, StreamBuffer = 64 }, devPairsFile: dev);
        Assert.Equal(2, DevAucs(result.RunDirectory).Length);
        Assert.Equal("auc", result.DevMetric);
    }

    [Fact]
    public void The_models_own_accuracy_follows_its_learned_bias()
    {
        var (train, dev) = (PairFile("train.tsv", 1), PairFile("dev.tsv", 2));
        var run = Experiment.TrainPairs(train, Path.Combine(root, "run"), Small with { Epochs = 1 }, devPairsFile: dev).RunDirectory;
        var labels = PointwiseReader.Read(dev).Select(p => p.Label).ToList();
        // b = +γ·2 puts −b/γ = −2 below every cosine: every row is called relevant; b = −γ·2: none is.
        SetBias(run, +2 * Small.Gamma);
        var yes = Experiment.EvaluatePairs(run, dev, DeviceChoice.Cpu);
        Assert.Equal(-2, yes.DecisionThreshold!.Value, 6);
        Assert.Equal(labels.Count(l => l == 1) / (double)labels.Count, yes.Accuracy!.Value, 12);
        SetBias(run, -2 * Small.Gamma);
        var no = Experiment.EvaluatePairs(run, dev, DeviceChoice.Cpu);
        Assert.Equal(labels.Count(l => l == 0) / (double)labels.Count, no.Accuracy!.Value, 12);
        // The tuned threshold does not depend on b; tuned on the rows themselves it is at least as good as any fixed one.
        Assert.Equal(yes.TunedThreshold, no.TunedThreshold);
        Assert.Equal("self", no.TunedOn);
        Assert.True(no.TunedAccuracy >= Math.Max(yes.Accuracy!.Value, no.Accuracy!.Value));
        Assert.Equal("train.tsv", Experiment.EvaluatePairs(run, dev, DeviceChoice.Cpu, devPairsFile: train).TunedOn);
    }

    static void SetBias(string run, double bias)
    {
        var path = Path.Combine(run, "best", "model.bin");
        var state = TensorFile.Load(path);
        state["loss.bias"] = tensor(new[] { (float)bias });
        TensorFile.Save(path, state);
    }
}
