using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using Dssm.Research.Training;
using static Dssm.Research.Tests.Training.RunLogs;

namespace Dssm.Research.Tests.Training;

/// <summary>A featurizer that gives every distinct text one id, so a test can read a batch back as texts.</summary>
sealed class TextIdFeaturizer : ITextFeaturizer
{
    readonly Dictionary<string, long> ids = new(StringComparer.Ordinal);
    readonly List<string> texts = [];
    public int Dimension => 4096;
    public string Text(long id) => texts[(int)id];

    long Id(string text)
    {
        lock (ids)
        {
            if (!ids.TryGetValue(text, out var id)) { id = texts.Count; ids[text] = id; texts.Add(text); }
            return id;
        }
    }

    public SparseBatch Featurize(IReadOnlyList<string> batch) =>
        new(batch.Select(Id).ToArray(), Enumerable.Range(0, batch.Count).Select(i => (long)i).ToArray(), Enumerable.Repeat(1f, batch.Count).ToArray(), batch.Count);

    public SparseBatch FeaturizeWords(string text) => Featurize([text]);
    public void Save(string directory) { }

    /// <summary>The texts of a batch side, in order.</summary>
    public string[] Read(ModelBatch batch) => batch.Bags.Ids.Select(Text).ToArray();
}

public class PairStreamTests : IDisposable
{
    readonly string root = Path.Combine(Path.GetTempPath(), "dssm-stream-" + Guid.NewGuid().ToString("N"));
    public PairStreamTests() { TorchRuntime.Initialize(); Directory.CreateDirectory(root); }
    public void Dispose() { if (Directory.Exists(root)) Directory.Delete(root, true); }

    static readonly TrainOptions Small = new()
    {
        Towers = new DssmOptions { Hidden = [32], Output = 16 },
        BatchSize = 8, Epochs = 2, LearningRate = 0.01, Patience = 0, LogEverySteps = 1, Device = DeviceChoice.Cpu,
    };

    /// <summary>The synthetic click log as a pair file: each click labelled 1, then one unrelated document labelled 0.</summary>
    string PairFile(string name = "pairs.tsv")
    {
        var clicks = SyntheticClicks.Make();
        var path = Path.Combine(root, name);
        PointwiseReader.Write(path, clicks.Clicks.SelectMany(c => new[]
        {
            new PointwisePair(1, clicks.Queries[c.Query].Text, clicks.Documents[c.Document].Text),
            new PointwisePair(0, clicks.Queries[c.Query].Text, clicks.Documents[(c.Document + 7) % clicks.Documents.Count].Text),
        }));
        return path;
    }

    [Fact]
    public void A_pointwise_epoch_reads_every_row_once_shuffled_within_blocks_and_differently_per_epoch()
    {
        var file = PairFile();
        var rows = PointwiseReader.Read(file).Select(p => $"{p.Label}|{p.Query}|{p.Doc}").ToList();   // 192 rows
        var featurizer = new TextIdFeaturizer();
        var source = new PairStreamSource(Small with { Loss = LossKind.Pointwise }, new PairStream(file, ShuffleBuffer: 30), featurizer, perWord: false);
        Assert.Equal(32, source.BlockRows);                 // 30 rounded up to whole batches of 8
        Assert.Equal(rows.Count, source.Examples);

        List<string> Epoch(int e) => source.Epoch(e, 0, 0).SelectMany(b =>
        {
            var (q, d) = (featurizer.Read(b.Query), featurizer.Read(b.Document));
            return Enumerable.Range(0, b.Queries).Select(i => $"{b.Labels![i]}|{q[i]}|{d[i]}");
        }).ToList();
        var first = Epoch(0);
        Assert.Equal(rows.Order(), first.Order());         // every row exactly once
        Assert.NotEqual(rows, first);                      // shuffled
        Assert.Equal(rows.Take(32).Order(), first.Take(32).Order());   // but only within a block of 32 rows
        Assert.NotEqual(first, Epoch(1));                  // a new order every epoch
        Assert.Equal(first, Epoch(0));                     // the same order for the same (seed, epoch)
    }

    [Theory]
    [InlineData(SamplerKind.Random)]
    [InlineData(SamplerKind.InBatch)]
    public void Resuming_an_epoch_at_any_step_gives_the_batches_the_uninterrupted_epoch_gave(SamplerKind sampler)
    {
        var featurizer = new TextIdFeaturizer();
        var source = new PairStreamSource(Small with { Sampler = sampler }, new PairStream(PairFile(), ShuffleBuffer: 20), featurizer, perWord: false);
        static string Show(TrainingBatch b) => string.Join(",", b.Query.Bags.Ids) + "/" + string.Join(",", b.Document.Bags.Ids) + "/" +
            string.Join("", b.Mask?.Select(m => m ? '1' : '0') ?? []);
        var whole = source.Epoch(1, 0, 100).Select(Show).ToList();
        Assert.Equal(12, whole.Count);                      // 96 clicks (the rows labelled 1) in batches of 8
        foreach (var step in new[] { 1, 2, 3, 5, 11 })
            Assert.Equal(whole.Skip(step), source.Epoch(1, step, 100 + step).Select(Show));
    }

    [Fact]
    public void Random_negatives_come_from_the_block_and_are_never_the_click_nor_repeated()
    {
        var file = PairFile();
        var clicks = PointwiseReader.Read(file).Where(p => p.Label == 1).ToList();   // the softmax source's examples, in file order
        var clicked = clicks.GroupBy(p => p.Query).ToDictionary(g => g.Key, g => g.Select(p => p.Doc).ToHashSet());
        var featurizer = new TextIdFeaturizer();
        var options = Small with { Negatives = 4 };
        var source = new PairStreamSource(options, new PairStream(file, ShuffleBuffer: 40), featurizer, perWord: false);
        Assert.Equal(40, source.BlockRows);                  // 5 batches of 8 clicks a block
        var batches = 0;
        foreach (var b in source.Epoch(0, 0, 0))
        {
            // Batch t comes from block t / 5: clicks 40·(t / 5) … 40·(t / 5) + 39 of the file, whose documents are its pool.
            var pool = clicks.Skip(40 * (batches / 5)).Take(40).Select(p => p.Doc).ToHashSet();
            var (q, d) = (featurizer.Read(b.Query), featurizer.Read(b.Document));
            Assert.Equal(b.Queries * 5, d.Length);
            for (var i = 0; i < b.Queries; i++)
            {
                var candidates = d.Skip(i * 5).Take(5).ToArray();
                Assert.Contains(candidates[0], clicked[q[i]]);                       // the click first
                Assert.Contains(candidates[0], pool);
                Assert.Equal(5, candidates.Distinct().Count());                      // no repeats
                Assert.All(candidates.Skip(1), n => Assert.NotEqual(candidates[0], n));
                Assert.All(candidates.Skip(1), n => Assert.Contains(n, pool));       // from the block
            }
            batches++;
        }
        Assert.Equal(12, batches);
    }

    [Fact]
    public void Popular_and_bm25_samplers_need_the_corpus_in_memory_and_say_so()
    {
        var e = Assert.Throws<ArgumentException>(() =>
            new PairStreamSource(Small with { Sampler = SamplerKind.Bm25 }, new PairStream(PairFile()), new TextIdFeaturizer(), perWord: false));
        Assert.Contains("random or in-batch", e.Message);
    }


    TrainResult Train(TrainOptions options, string file, string name, bool resume = false)
    {
        using var trainer = new Trainer(options, new PairStream(file, ShuffleBuffer: 48), new TestFeaturizer());
        return trainer.Run(Path.Combine(root, name), resume);
    }

    [Theory]
    [InlineData(LossKind.Softmax, ModelKind.Dssm)]
    [InlineData(LossKind.Pointwise, ModelKind.Dssm)]
    [InlineData(LossKind.Softmax, ModelKind.Cdssm)]
    public void A_streamed_run_learns(LossKind loss, ModelKind model)
    {
        var result = Train(Small with { Loss = loss, Model = model, Epochs = 8 }, PairFile(), $"{loss}-{model}");
        var losses = LoggedLosses(result.RunDirectory);
        Assert.True(losses.TakeLast(5).Average() < 0.7 * losses.Take(5).Average(), $"loss {losses.First()} → {losses.Last()}");
    }

    [Fact]
    public void A_streamed_run_resumed_from_its_checkpoint_ends_as_the_uninterrupted_one()
    {
        var file = PairFile();
        var options = Small with { Epochs = 3, CheckpointEverySteps = 5 };
        var full = Train(options, file, "full");
        Train(options with { Epochs = 1 }, file, "resumed");
        var config = Path.Combine(root, "resumed", "config.json");
        File.WriteAllText(config, File.ReadAllText(config).Replace("\"epochs\": 1", "\"epochs\": 3"));
        var resumed = Train(options, file, "resumed", resume: true);
        Assert.Equal(LoggedLosses(full.RunDirectory), LoggedLosses(resumed.RunDirectory));
        Assert.Equal(full.Steps, resumed.Steps);
    }

    [Fact]
    public void Data_pairs_writes_each_click_then_J_unclicked_documents_and_cycles_to_the_asked_size()
    {
        var data = BeirDataset.Load(SyntheticClicksDataset);
        var path = Path.Combine(root, "export.tsv");
        Assert.Equal(10_000, PairExport.Write(data, "train", path, rows: 10_000, negatives: 3, seed: 5));
        var rows = PointwiseReader.Read(path).ToList();
        Assert.Equal(10_000, rows.Count);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => i % 4 == 0 ? 1 : 0), rows.Select(r => r.Label));
        var qrels = data.Qrels("train");
        var textOf = data.Documents.ToDictionary(d => d.FullText, d => d.Id);
        var queryIds = data.Queries.GroupBy(q => q.Value).ToDictionary(g => g.Key, g => g.Select(q => q.Key).ToList());
        for (var i = 0; i < rows.Count; i += 4)
        {
            var relevant = queryIds[rows[i].Query].SelectMany(q => qrels.Relevant(q)).ToHashSet();
            Assert.Contains(textOf[rows[i].Doc], relevant);
            for (var k = 1; k < 4; k++) Assert.DoesNotContain(textOf[rows[i + k].Doc], relevant);
        }
        var again = Path.Combine(root, "again.tsv");
        PairExport.Write(data, "train", again, rows: 10_000, negatives: 3, seed: 5);
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    static string SyntheticClicksDataset => Path.Combine(DssmCli.Repo(), "datasets", "semantic-clicks");

    [Fact]
    public void The_cli_streams_a_pair_file_and_records_the_buffer_in_config_json()
    {
        var file = PairFile();
        var run = Path.Combine(root, "cli-run");
        var (code, output) = DssmCli.Run(["train", "--pairs", file, "--stream", "--loss", "softmax", "--out", run, "--epochs", "1", "--batch", "16", "--quiet"]);
        Assert.True(code == 0, output);
        var config = File.ReadAllText(Path.Combine(run, "config.json"));
        Assert.Contains("\"streamBuffer\": 65536", config);
        Assert.Contains("\"rows\": 192", config);
        Assert.Contains("\"rows_labelled_0_not_used\": 96", config);
        var (bad, message) = DssmCli.Run(["train", "--data", SyntheticClicksDataset, "--stream", "--out", Path.Combine(root, "x")]);
        Assert.NotEqual(0, bad);
        Assert.Contains("--stream reads a pair file", message);
    }
}
