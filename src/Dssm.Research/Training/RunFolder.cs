using System.Text.Json;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Text;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>
/// The files of one training run and how they are written: atomically (temp + rename), the checkpoint as
/// a folder swapped in whole, every tensor file checksummed, so a run killed at any moment leaves either
/// the previous checkpoint or the new one — never a broken one. Errors name the file that is wrong.
/// </summary>
public sealed class RunFolder(string directory)
{
    public const int FormatVersion = 1;

    public string Directory { get; } = Path.GetFullPath(directory);
    public string ConfigPath => Path.Combine(Directory, "config.json");
    public string MetricsPath => Path.Combine(Directory, "metrics.jsonl");
    public string CheckpointPath => Path.Combine(Directory, "checkpoint");
    public string BestPath => Path.Combine(Directory, "best");
    public string FeaturizerPath => Path.Combine(Directory, "featurizer");
    public bool HasCheckpoint => System.IO.Directory.Exists(CheckpointPath) || FindOldCheckpoint() is not null;

    /// <summary>A margin for config.json, metrics.jsonl and the featurizer in <see cref="BytesNeeded"/>.</summary>
    public const long SmallFilesBytes = 8L << 20;

    /// <summary>
    /// Disk space a run needs at its peak: two checkpoints (a new one is written in full before the old one is
    /// removed), the best weights, and <see cref="SmallFilesBytes"/> for the small files.
    /// </summary>
    public static long BytesNeeded(long checkpointBytes, long modelBytes) => 2 * checkpointBytes + modelBytes + SmallFilesBytes;

    /// <summary>
    /// Checks that a new run can be written to this folder — it holds no run yet, it can be created and written —
    /// without touching its disk space: call it before expensive work (loading data, fitting a vocabulary), so a
    /// wrong --out fails in a second, not after minutes. <see cref="Prepare"/> repeats it.
    /// </summary>
    public void CheckWritable()
    {
        if (System.IO.Directory.Exists(Directory) && (File.Exists(ConfigPath) || HasCheckpoint))
            throw new IOException($"{Directory} already holds a run (config.json or checkpoint/). Resume it with --resume, or choose another --out.");
        var probe = Path.Combine(Directory, $".write-probe-{Guid.NewGuid():N}");
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{Directory}: cannot write the run folder here ({e.Message}). Choose another --out.", e);
        }
    }

    /// <summary>
    /// Creates the folder for a new run; refuses to overwrite one; checks it is writable and that the disk it is
    /// on (not the root disk: the folder may be on a mount of its own) has <paramref name="bytesNeeded"/> free
    /// (the trainer passes <see cref="BytesNeeded"/> of its model).
    /// </summary>
    public void Prepare(long bytesNeeded)
    {
        CheckWritable();
        var free = new DriveInfo(Directory).AvailableFreeSpace;
        if (free < bytesNeeded)
            throw new IOException($"{Directory}: only {free >> 20} MiB free on its disk; this run needs about {MiB(bytesNeeded)} MiB (two checkpoints while one replaces the other, and the best weights). Free space or choose another --out.");
    }

    static long MiB(long bytes) => (bytes + (1L << 20) - 1) >> 20;

    public void WriteConfig(TrainOptions options, IReadOnlyDictionary<string, object?>? provenance, ITextFeaturizer featurizer)
    {
        featurizer.Save(FeaturizerPath);
        var config = new Dictionary<string, object?>
        {
            ["formatVersion"] = FormatVersion,
            ["options"] = options,
            ["provenance"] = provenance,
            ["versions"] = new Dictionary<string, string>
            {
                ["dssmResearch"] = typeof(RunFolder).Assembly.GetName().Version?.ToString() ?? "",
                ["torchSharp"] = TorchRuntime.TorchSharpVersion,
                ["libTorch"] = TorchRuntime.LibTorchVersion,
                ["dotnet"] = Environment.Version.ToString(),
                ["os"] = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            },
            ["machine"] = new Dictionary<string, object?> { ["cores"] = Environment.ProcessorCount, ["threads"] = get_num_threads() },
            ["created"] = DateTime.UtcNow.ToString("o"),
        };
        AtomicFile.WriteText(ConfigPath, JsonSerializer.Serialize(config, Json.Indented));
    }

    /// <summary>The options a run was trained with, from its config.json.</summary>
    public TrainOptions ReadOptions() => ReadConfig(root =>
    {
        if (!root.TryGetProperty("options", out var options))
            throw new InvalidDataException($"{ConfigPath}: field 'options' is missing");
        return options.Deserialize<TrainOptions>(Json.Options) ?? throw new InvalidDataException($"{ConfigPath}: field 'options' is null");
    });

    /// <summary>Where a run's training data came from, from the "provenance" of its config.json (what <c>--resume</c>,
    /// <c>encode</c> and <c>search</c> fall back on when no data is given).</summary>
    public RunProvenance ReadProvenance() => ReadConfig(root =>
    {
        if (!root.TryGetProperty("provenance", out var p) || p.ValueKind != JsonValueKind.Object) return new RunProvenance(null, null, null, null);
        string? Text(string name) => p.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        return new RunProvenance(Text("data"), Text("pairs"), Text("split"), Text("command"), Text("dev_pairs"));
    });

    /// <summary>Reads config.json, checks its format version and hands its root to <paramref name="read"/>; errors name the file.</summary>
    T ReadConfig<T>(Func<JsonElement, T> read)
    {
        if (!File.Exists(ConfigPath)) throw new FileNotFoundException($"{ConfigPath}: missing — {Directory} is not a run folder (no config.json)", ConfigPath);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(ConfigPath));
            var version = doc.RootElement.TryGetProperty("formatVersion", out var v) ? v.GetInt32() : 0;
            if (version != FormatVersion)
                throw new InvalidDataException($"{ConfigPath}: run format version {version}, this build reads version {FormatVersion} — the run was made by another version of Dssm.Research");
            return read(doc.RootElement);
        }
        catch (JsonException e) { throw new InvalidDataException($"{ConfigPath}: not valid JSON ({e.Message})", e); }
    }

    /// <summary>
    /// Writes model, optimizer and state into a temporary folder and swaps it in for checkpoint/. If a write fails
    /// (a full disk), the temporary folder is removed, the previous checkpoint stays as it was, and the error names
    /// the file and says how to go on.
    /// </summary>
    public void SaveCheckpoint(ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise, Optimizer optimizer, RunState state)
    {
        var hadCheckpoint = HasCheckpoint;
        var temp = Path.Combine(Directory, $".checkpoint.tmp-{Guid.NewGuid():N}");
        var writing = "checkpoint/";
        try
        {
            System.IO.Directory.CreateDirectory(temp);
            writing = "checkpoint/model.bin";
            TensorFile.Save(Path.Combine(temp, "model.bin"), ModelState(model, softmax, pointwise));
            writing = "checkpoint/optimizer.bin";
            TensorFile.Save(Path.Combine(temp, "optimizer.bin"), optimizer.StateDict());
            writing = "checkpoint/state.json";
            AtomicFile.WriteText(Path.Combine(temp, "state.json"), JsonSerializer.Serialize(state, Json.Indented));
            writing = "checkpoint/";
            var old = Path.Combine(Directory, $".checkpoint.old-{Guid.NewGuid():N}");
            if (System.IO.Directory.Exists(CheckpointPath)) System.IO.Directory.Move(CheckpointPath, old);
            System.IO.Directory.Move(temp, CheckpointPath);
        }
        catch (Exception e)
        {
            try { if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, recursive: true); } catch (IOException) { }
            if (e is not (IOException or UnauthorizedAccessException)) throw;
            var after = hadCheckpoint ? "the previous checkpoint is intact" : "no checkpoint had been saved yet (a resume starts again from step 0)";
            throw new IOException($"{Path.Combine(Directory, writing)}: saving the checkpoint at step {state.GlobalStep} failed ({e.Message}); {after}. Free space, then continue with --resume {Directory}", e);
        }
        // The old checkpoint, and temporary folders left by a run killed mid-save.
        foreach (var stale in System.IO.Directory.GetDirectories(Directory, ".checkpoint.*")) System.IO.Directory.Delete(stale, recursive: true);
    }

    public void SaveBest(ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise, RunState state)
    {
        var writing = BestPath;
        try
        {
            System.IO.Directory.CreateDirectory(BestPath);
            writing = Path.Combine(BestPath, "model.bin");
            TensorFile.Save(writing, ModelState(model, softmax, pointwise));
            writing = Path.Combine(BestPath, "state.json");
            AtomicFile.WriteText(writing, JsonSerializer.Serialize(state, Json.Indented));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException($"{writing}: saving the best weights at step {state.GlobalStep} failed ({e.Message}); the checkpoint is intact. Free space, then continue with --resume {Directory}", e);
        }
    }

    /// <summary>Bytes of (model + losses, optimizer) as <see cref="SaveCheckpoint"/> writes them (headers aside).</summary>
    public static (long Checkpoint, long Model) CheckpointBytes(ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise, Optimizer optimizer)
    {
        static long Bytes(IEnumerable<Tensor> tensors) => tensors.Sum(t => t.numel() * t.ElementSize);
        var modelBytes = Bytes(ModelState(model, softmax, pointwise).Values);
        return (modelBytes + Bytes(optimizer.StateDict().Values), modelBytes);
    }

    /// <summary>Restores model, losses and optimizer from checkpoint/; null when there is none.</summary>
    public RunState? LoadCheckpoint(ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise, Optimizer optimizer)
    {
        var dir = System.IO.Directory.Exists(CheckpointPath) ? CheckpointPath : FindOldCheckpoint();
        if (dir is null) return null;
        var statePath = Path.Combine(dir, "state.json");
        if (!File.Exists(statePath)) throw new InvalidDataException($"{statePath}: missing — the checkpoint is incomplete");
        RunState state;
        try { state = JsonSerializer.Deserialize<RunState>(File.ReadAllText(statePath), Json.Options) ?? throw new InvalidDataException($"{statePath}: empty"); }
        catch (JsonException e) { throw new InvalidDataException($"{statePath}: not valid JSON ({e.Message})", e); }
        LoadModelState(Path.Combine(dir, "model.bin"), model, softmax, pointwise);
        var optimizerPath = Path.Combine(dir, "optimizer.bin");
        var optimizerState = TensorFile.Load(optimizerPath);
        optimizer.LoadStateDict(optimizerState, optimizerPath);
        return state;
    }

    /// <summary>Loads best/model.bin (or, without one, checkpoint/model.bin) into the model.</summary>
    public void LoadBestInto(ISemanticModel model, SoftmaxRankingLoss? softmax = null, PointwiseLoss? pointwise = null)
    {
        var best = Path.Combine(BestPath, "model.bin");
        var path = File.Exists(best) ? best : Path.Combine(CheckpointPath, "model.bin");
        LoadModelState(path, model, softmax, pointwise);
    }

    static Dictionary<string, Tensor> ModelState(ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise)
    {
        var state = model.StateDict().ToDictionary(p => "model." + p.Key, p => p.Value);
        if (softmax is not null) foreach (var (k, v) in softmax.state_dict()) state["loss." + k] = v;
        if (pointwise is not null) foreach (var (k, v) in pointwise.state_dict()) state["loss." + k] = v;
        return state;
    }

    static void LoadModelState(string path, ISemanticModel model, SoftmaxRankingLoss? softmax, PointwiseLoss? pointwise)
    {
        var saved = TensorFile.Load(path);
        using var _ = no_grad();
        foreach (var (name, target) in ModelState(model, softmax, pointwise))
        {
            if (!saved.TryGetValue(name, out var source))
            {
                if (name.StartsWith("loss.", StringComparison.Ordinal)) continue; // a model loaded for encoding needs no loss
                throw new InvalidDataException($"{path}: tensor '{name}' is missing — the weights do not belong to a {OptionName.Of(model.Kind)} model built from this config");
            }
            if (!source.shape.SequenceEqual(target.shape))
                throw new InvalidDataException($"{path}: tensor '{name}' has shape [{string.Join(",", source.shape)}] but the model built from config.json and the featurizer needs [{string.Join(",", target.shape)}] — the vocabulary and the weights do not match");
            target.copy_(source);
        }
    }

    string? FindOldCheckpoint() => System.IO.Directory.Exists(Directory)
        ? System.IO.Directory.GetDirectories(Directory, ".checkpoint.old-*").FirstOrDefault(d => File.Exists(Path.Combine(d, "state.json")))
        : null;
}
