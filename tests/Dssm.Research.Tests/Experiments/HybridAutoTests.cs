using Dssm.Research.Experiments;
using Dssm.Research.Retrieval;
using Dssm.Research.Runtime;
using Dssm.Research.Tests.Data;
using Dssm.Research.Training;

namespace Dssm.Research.Tests.Experiments;

/// <summary><c>--hybrid auto</c> end to end: the α it prints is the one a by-hand sweep of fixed weights on dev finds (that only dev is read: <see cref="HybridTuningTests"/>).</summary>
public sealed class HybridAutoTests : IDisposable
{
    readonly string root = TestFiles.TempDir();

    public void Dispose() => Directory.Delete(root, recursive: true);

    static readonly string Fixture = Path.Combine(DssmCli.Repo(), "tests", "Dssm.Research.Tests", "EndToEnd", "fixtures", "beir");

    [Theory]
    [InlineData(FusionKind.Linear)]
    [InlineData(FusionKind.Rrf)]
    public void Auto_alpha_is_the_best_fixed_weight_of_the_grid_on_dev(FusionKind fusion)
    {
        var run = Path.Combine(root, "run");
        Experiment.Train(Fixture, run, new TrainOptions { Epochs = 1, MaxStepsPerEpoch = 3, BatchSize = 4, Negatives = 2, Device = DeviceChoice.Cpu });
        var auto = Experiment.Evaluate(run, Fixture, new EvaluateOptions("test", Hybrid: new HybridOptions(fusion), Device: DeviceChoice.Cpu));

        // The same choice made by hand: every α of the grid with a fixed weight, on dev.
        var byHand = new HybridOptions(fusion).Grid
            .Select(a => (Alpha: a, Dev: Experiment.Evaluate(run, Fixture, new EvaluateOptions("dev", Hybrid: new HybridOptions(fusion, a), Device: DeviceChoice.Cpu)).Metrics["ndcg@10"]))
            .ToList();
        var best = byHand.First(p => p.Dev == byHand.Max(q => q.Dev)).Alpha;
        Assert.Equal(best, auto.Alpha);
        Assert.Contains(auto.Notes!, n => n.StartsWith($"α = {best:0.###} chosen on dev (4 queries) by ndcg@10", StringComparison.Ordinal));
    }
}

/// <summary>The choice itself on hand-made runs, where dev and test want opposite weights.</summary>
public class HybridTuningTests
{
    // Two queries; the DSSM ranks the relevant document r first on dev and last on test, BM25 the other way
    // round. On dev NDCG@10 is best at α = 1 (DSSM alone); on test at α = 0. The dev choice must be 1.
    static SplitRuns Runs(string split, bool dssmRight)
    {
        var qrels = new Dssm.Research.Ranking.Qrels();
        var dssm = new Dssm.Research.Ranking.RankedRun();
        var bm25 = new Dssm.Research.Ranking.RankedRun();
        foreach (var q in new[] { "q1", "q2" })
        {
            qrels.Add(q, "r", 1);
            dssm.Add(q, "r", dssmRight ? 0.9 : 0.1);
            dssm.Add(q, "x", 0.5);
            bm25.Add(q, "r", dssmRight ? 1 : 9);
            bm25.Add(q, "x", 5);
        }
        return new SplitRuns(split, qrels, dssm, bm25, null);
    }

    [Theory]
    [InlineData(FusionKind.Linear)]
    [InlineData(FusionKind.Rrf)]
    public void Dev_decides_and_the_evaluated_split_is_never_ranked(FusionKind fusion)
    {
        var asked = new List<string>();
        var notes = new List<string>();
        var alpha = HybridTuning.Choose(split => { asked.Add(split); return Runs(split, dssmRight: split == "dev"); }, new HybridOptions(fusion), "test", notes);
        Assert.Equal(["dev"], asked);
        // Linear: at α = ½ r and x tie on dev (r: ½·1 + ½·0, x: ½·½ + ½·½); only α > ½ ranks r first, and 0.55 is the first such α.
        // RRF: ranks only, so r and x tie at every α = ½; α > ½ puts r first; 0.55 again.
        Assert.Equal(0.55, alpha);
        Assert.StartsWith("α = 0.55 chosen on dev (2 queries) by ndcg@10: 1.0000; α = 1 (DSSM alone) 1.0000, α = 0 (BM25 alone) 0.6309", notes.Single());
    }
}
