using Dssm.Research.Data;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Serving;
using Dssm.Research.Text;
using Dssm.Research.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Dssm.Research.Experiments;

/// <summary>
/// A trained model loaded from its run folder: config.json, the featurizer (word hasher with its
/// vocabulary) and the best weights. <see cref="Encode"/> gives unit-length semantic vectors, so
/// R(Q, D) = cos(y_Q, y_D) is a dot product; <see cref="OnnxEncoder"/> gives the same vectors without libtorch. Safe to call from several threads at once.
/// </summary>
public sealed class TrainedModel : ITextEncoder
{
    readonly object gate = new();

    TrainedModel(string runDirectory, TrainOptions options, WordHasher hasher, ISemanticModel model, Device device, double? decisionThreshold)
    {
        RunDirectory = runDirectory; Options = options; Hasher = hasher; Model = model; Device = device; DecisionThreshold = decisionThreshold;
    }

    public string RunDirectory { get; }
    public TrainOptions Options { get; }
    public WordHasher Hasher { get; }
    public ISemanticModel Model { get; }
    public Device Device { get; }

    /// <summary>D, the length of the semantic vectors.</summary>
    public int Dimension => Options.Towers.Output;

    /// <summary>Pointwise runs: −b/γ, the cosine above which the model says "relevant" (σ(γ·cos + b) ≥ ½, see
    /// <see cref="PointwiseLoss.DecisionThreshold"/>), read from the saved b; null for a softmax run, which has no decision rule.</summary>
    public double? DecisionThreshold { get; }

    /// <summary>Loads RUN_DIR; errors name the missing or mismatching file.</summary>
    public static TrainedModel Load(string runDirectory, DeviceChoice device = DeviceChoice.Auto)
    {
        var run = new RunFolder(runDirectory);
        if (!Directory.Exists(run.Directory)) throw new DirectoryNotFoundException($"{run.Directory}: no such run folder");
        var options = run.ReadOptions();
        var hasherPath = Path.Combine(run.FeaturizerPath, WordHasher.FileName);
        if (!File.Exists(hasherPath)) throw new FileNotFoundException($"{hasherPath}: missing — the run folder has no featurizer", hasherPath);
        var hasher = WordHasher.Load(hasherPath);
        var torchDevice = Devices.Resolve(device);
        var model = ModelFactory.Create(options.Model, hasher.Dimension, options.Towers);
        model.Module.to(torchDevice);
        double? decision = null;
        if (options.Loss == LossKind.Pointwise)
        {
            using var loss = new PointwiseLoss(options.Gamma);
            run.LoadBestInto(model, pointwise: loss);
            decision = loss.DecisionThreshold;
        }
        else run.LoadBestInto(model);
        model.Module.eval();
        return new TrainedModel(run.Directory, options, hasher, model, torchDevice, decision);
    }

    /// <summary>Unit-length vectors (N × Output) for the texts, through the query or the document tower.</summary>
    public float[][] Encode(IReadOnlyList<string> texts, TextSide side, int batchSize = 1024)
    {
        var result = new float[texts.Count][];
        for (var start = 0; start < texts.Count; start += batchSize)
        {
            GarbageBound.Check();
            var slice = texts.Slice(start, batchSize);
            var batch = FeatureCache.Batch(slice, Hasher, Model.ReadsWords);
            float[] flat; int dim;
            lock (gate) // TorchSharp modules are not re-entrant; featurization above runs in parallel
            {
                using var scope = NewDisposeScope();
                using var _ = no_grad();
                var y = nn.functional.normalize(Model.Forward(batch, side), dim: 1).cpu();
                dim = (int)y.shape[1];
                flat = y.data<float>().ToArray();
            }
            for (var i = 0; i < slice.Length; i++) result[start + i] = flat.AsSpan(i * dim, dim).ToArray();
        }
        return result;
    }

    public void Dispose() => Model.Dispose();
}
