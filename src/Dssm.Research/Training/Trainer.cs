using System.Diagnostics;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using Dssm.Research.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>
/// Trains a DSSM or CDSSM (Huang et al. 2013, §3.3–3.4): for each clicked (query, document) pair, J
/// sampled negatives, softmax over γ·cosine, mini-batch updates; or pointwise rows with binary
/// cross-entropy. Writes a run folder:
/// <code>
///   config.json      options, provenance and versions — everything needed to repeat the run
///   metrics.jsonl    one line per logged step and per epoch
///   checkpoint/      model.bin, optimizer.bin, state.json — the latest state, swapped in atomically
///   best/            model.bin, state.json — the weights with the best dev metric
/// </code>
/// Deterministic: the epoch order depends on (seed, epoch) and the negatives of a step on (seed, step), so a
/// resumed run continues exactly as an uninterrupted one would.
/// </summary>
public sealed class Trainer : IDisposable
{
    readonly TrainOptions options;
    readonly ITrainingSource source;
    readonly ClickSource? tables;
    readonly IDevEvaluator? dev;
    readonly Action<TrainProgress>? progress;
    readonly Device device;
    readonly SoftmaxRankingLoss? softmax;
    readonly PointwiseLoss? pointwise;
    readonly Optimizer optimizer;

    /// <summary>Trains on tables in memory: clicks with sampled negatives, or labelled rows (pointwise loss).</summary>
    public Trainer(TrainOptions options, ClickData data, ITextFeaturizer featurizer, IDevEvaluator? dev = null,
        Action<TrainProgress>? progress = null, Func<int, IReadOnlyList<int>>? hardNegatives = null)
        : this(Check(options, data), featurizer, dev, progress, () => data.Rows.Count > 0 ? AutoPositiveWeight(data) : options.Negatives)
    {
        var rows = data.Rows.Count > 0;
        var sampled = !rows && (options.InBatch ? options.Negatives > 0 : options.Sampler != SamplerKind.InBatch);
        INegativeSampler? sampler = !sampled ? null : options.Sampler switch
        {
            SamplerKind.Popular => new PopularNegativeSampler(data.ClicksPerDocument),
            SamplerKind.Bm25 => new Bm25NegativeSampler(
                Enumerable.Range(0, data.Queries.Count).Select(q => hardNegatives?.Invoke(q)
                    ?? throw new ArgumentException("the bm25 sampler needs hard-negative candidates (see Experiment.Train)")).ToList(),
                data.Documents.Count, options.HardRatio),
            _ => new RandomNegativeSampler(data.Documents.Count),
        };
        // The feature tables share one memory bound: documents first, queries with what is left (FeatureCache streams a table past it).
        var budget = (long)this.options.FeatureCacheMb << 20;
        var documents = FeatureCache.Build(data.Documents.Select(d => d.Text).ToList(), featurizer, Model.ReadsWords, budget);
        var queries = FeatureCache.Build(data.Queries.Select(q => q.Text).ToList(), featurizer, Model.ReadsWords, budget - documents.Bytes);
        tables = new ClickSource(this.options, data, documents, queries, sampler);
        source = tables;
    }

    /// <summary>
    /// Trains on a pair file read block by block (<see cref="PairStream"/>): memory stays flat however large
    /// the file. Pointwise loss on every row, or softmax on the rows labelled 1 with random or in-batch negatives.
    /// A <paramref name="dev"/> evaluator that brings its own rows (<c>Experiments.PairDevEvaluator</c>) early-stops it.
    /// </summary>
    public Trainer(TrainOptions options, PairStream pairs, ITextFeaturizer featurizer, Action<TrainProgress>? progress = null, IDevEvaluator? dev = null)
        : this(options, featurizer, dev, progress, () => options.Loss == LossKind.Pointwise ? AutoPositiveWeight(pairs) : options.Negatives)
    {
        var streamed = new PairStreamSource(this.options, pairs, featurizer, Model.ReadsWords);
        (Rows, Positives) = (streamed.Rows, streamed.Positives);
        source = streamed;
    }

    Trainer(TrainOptions options, ITextFeaturizer featurizer, IDevEvaluator? dev, Action<TrainProgress>? progress, Func<double> autoPositiveWeight)
    {
        this.options = options.Validate();
        this.dev = dev; this.progress = progress; Featurizer = featurizer;
        TorchRuntime.SetThreads(options.Threads);
        device = Devices.Resolve(options.Device);
        // The seed goes to the model's own generator, not to libtorch's global one (see PaperInit): a trainer on
        // another thread can neither change this model's weights nor have its own changed by this one.
        Model = ModelFactory.Create(options.Model, featurizer.Dimension, options.Towers, options.Seed);
        Model.Module.to(device);
        var extra = new List<Parameter>();
        if (options.Loss == LossKind.Softmax)
        {
            softmax = new SoftmaxRankingLoss(options.Gamma, options.LearnableGamma, options.GammaMin, options.GammaMax);
            softmax.to(device);
            extra.AddRange(softmax.TrainableParameters);
        }
        else
        {
            pointwise = new PointwiseLoss(options.Gamma, options.PositiveWeight > 0 ? options.PositiveWeight : autoPositiveWeight());
            pointwise.to(device);
            extra.AddRange(pointwise.TrainableParameters);
        }
        optimizer = new Optimizer(options.Optimizer, Model.DenseParameters.Concat(extra).ToList(), Model.InputLayers, weightDecay: options.WeightDecay);
        source = null!; // set by the public constructors
    }

    public ISemanticModel Model { get; }
    public ITextFeaturizer Featurizer { get; }

    /// <summary>Lines written at the top of a new run's metrics.jsonl (e.g. what the hard-negative guard skipped).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Notes { get; init; } = [];

    /// <summary>The document table featurized (in-memory training only).</summary>
    public FeatureCache Documents => tables?.Documents ?? throw new InvalidOperationException("a streamed run keeps no document table");

    /// <summary>The query table featurized (in-memory training only).</summary>
    public FeatureCache Queries => tables?.Queries ?? throw new InvalidOperationException("a streamed run keeps no query table");

    /// <summary>Streamed runs: rows in the pair file, and rows labelled 1.</summary>
    public long Rows { get; }
    public long Positives { get; }

    public double Gamma => softmax?.Gamma ?? pointwise?.Gamma ?? options.Gamma;

    /// <summary>Number of training examples in an epoch (clicks, or labelled rows).</summary>
    public long Examples => source.Examples;

    public int StepsPerEpoch
    {
        get
        {
            var full = Examples / options.BatchSize;
            var rest = Examples % options.BatchSize;
            // A last, smaller batch counts when it has candidates: more than J rows for the cyclic in-batch mode, two for in-batch alone.
            var least = options.Loss != LossKind.Softmax ? 0
                : options.InBatch ? (options.Negatives == 0 ? 1 : 0)
                : options.Sampler == SamplerKind.InBatch ? options.Negatives : 0;
            var steps = full + (rest > least ? 1 : 0);
            if (steps > int.MaxValue) throw new ArgumentException($"{Examples:N0} examples in batches of {options.BatchSize} make more than {int.MaxValue:N0} steps an epoch; use larger batches");
            return options.MaxStepsPerEpoch > 0 ? (int)Math.Min(steps, options.MaxStepsPerEpoch) : (int)steps;
        }
    }

    static TrainOptions Check(TrainOptions options, ClickData data)
    {
        if (data.Rows.Count > 0 && options.Loss != LossKind.Pointwise)
            throw new ArgumentException("labelled (label, query, doc) rows train with --loss pointwise; the softmax loss needs clicks with sampled negatives");
        if (data.Rows.Count == 0 && data.Clicks.Count == 0) throw new ArgumentException("the training data has no clicks (no qrel with score > 0 in the training split)");
        return options;
    }

    /// <summary>Pointwise weight of a positive row: negatives / positives, so both classes weigh the same.</summary>
    static double AutoPositiveWeight(ClickData data)
    {
        var positives = data.Rows.Count(r => r.Label == 1);
        return positives == 0 ? 1 : Math.Max(1e-3, (double)(data.Rows.Count - positives) / positives);
    }

    static double AutoPositiveWeight(PairStream pairs)
    {
        var (rows, positives) = pairs.Count();
        return positives == 0 ? 1 : Math.Max(1e-3, (double)(rows - positives) / positives);
    }

    /// <summary>Trains into <paramref name="runDirectory"/>; with <paramref name="resume"/>, continues from its checkpoint.</summary>
    public TrainResult Run(string runDirectory, bool resume = false, IReadOnlyDictionary<string, object?>? provenance = null, CancellationToken cancel = default)
    {
        var run = new RunFolder(runDirectory);
        var state = resume ? Resume(run, runDirectory) : Start(run, provenance);
        using var log = new MetricsLog(run.MetricsPath, resume ? state.MetricsLength : 0);
        var window = resume ? new LogWindow(state.WindowLoss, state.WindowSteps) : new LogWindow();
        if (!resume) foreach (var note in Notes) log.Write(new Dictionary<string, object?>(note));
        var clock = Stopwatch.StartNew();
        long queriesDone = 0;
        var stoppedEarly = false;
        Model.Module.train();
        for (var epoch = state.Epoch; epoch < options.Epochs && !stoppedEarly; epoch++)
        {
            queriesDone += TrainEpoch(epoch, run, state, log, window, cancel);
            state.Epoch = epoch + 1; state.Step = 0;
            stoppedEarly = EndEpoch(epoch, run, state, log, clock);
            state.StoppedEarly = stoppedEarly;
            Checkpoint(run, state, log, window);   // the window is empty: the epoch's last step was logged
        }
        if (dev is null) run.SaveBest(Model, softmax, pointwise, state);
        else if (state.BestEpoch != state.Epoch) run.LoadBestInto(Model);   // when the last epoch is the best, its weights are in memory already
        return new TrainResult(runDirectory, state.Epoch, state.GlobalStep, state.BestDev, state.BestEpoch, dev?.Metric ?? "",
            state.Skipped, state.StoppedEarly, queriesDone / Math.Max(1e-9, state.Seconds), state.Seconds);
    }

    /// <summary>A new run: checks the disk has room for the checkpoints and writes config.json.</summary>
    RunState Start(RunFolder run, IReadOnlyDictionary<string, object?>? provenance)
    {
        var (checkpointBytes, modelBytes) = RunFolder.CheckpointBytes(Model, softmax, pointwise, optimizer);
        run.Prepare(RunFolder.BytesNeeded(checkpointBytes, modelBytes));
        run.WriteConfig(options, provenance, Featurizer);
        return new RunState();
    }

    /// <summary>The state of the last checkpoint, weights and optimizer loaded; a run killed before its first checkpoint starts again at step 0.</summary>
    RunState Resume(RunFolder run, string runDirectory)
    {
        if (!File.Exists(run.ConfigPath))
            throw new InvalidOperationException($"{runDirectory}: nothing to resume (no config.json); start a new run with --out");
        return run.LoadCheckpoint(Model, softmax, pointwise, optimizer) ?? new RunState();
    }

    /// <summary>The steps of one epoch from where the state stands; returns the queries trained (skipped batches not counted).</summary>
    long TrainEpoch(int epoch, RunFolder run, RunState state, MetricsLog log, LogWindow window, CancellationToken cancel)
    {
        var stepsPerEpoch = StepsPerEpoch;
        var totalSteps = (long)stepsPerEpoch * options.Epochs;
        var first = epoch == state.Epoch ? state.Step : 0;
        long queries = 0;
        using var batches = new BatchPrefetch(source.Epoch(epoch, first, state.GlobalStep), epoch, stepsPerEpoch);
        for (var step = first; step < stepsPerEpoch; step++)
        {
            cancel.ThrowIfCancellationRequested();
            var batch = batches.Take(step);
            var lr = options.LearningRateAt(state.GlobalStep, totalSteps);
            var loss = TrainStep(batch, lr, epoch, step, stepsPerEpoch, state, run);
            state.GlobalStep++;
            state.Step = step + 1;
            if (double.IsNaN(loss))
            {
                state.Skipped++;
                log.Write(new Dictionary<string, object?> { ["event"] = "skipped_batch", ["step"] = state.GlobalStep, ["epoch"] = epoch + 1, ["batch"] = step + 1 });
                continue;
            }
            queries += batch.Queries;
            state.EpochLoss += loss; state.EpochSteps++;
            window.Add(loss, batch.Queries);
            window.WriteIfDue(log, progress, options, state, epoch, step, stepsPerEpoch, lr, Gamma);
            if (options.CheckpointEverySteps > 0 && state.GlobalStep % options.CheckpointEverySteps == 0 && step + 1 < stepsPerEpoch)
                Checkpoint(run, state, log, window);
        }
        return queries;
    }

    /// <summary>The epoch's line of metrics.jsonl with its dev figure; keeps the best weights; returns whether to stop early.</summary>
    bool EndEpoch(int epoch, RunFolder run, RunState state, MetricsLog log, Stopwatch clock)
    {
        var record = new Dictionary<string, object?>
        {
            ["epoch"] = epoch + 1, ["step"] = state.GlobalStep, ["seconds"] = Math.Round(state.Seconds + clock.Elapsed.TotalSeconds, 2),
            ["rss_mb"] = Environment.WorkingSet >> 20, // flat over epochs unless tensors leak
        };
        double? devValue = null;
        string? warning = null;
        var stop = false;
        if (state.EpochSteps > 0) { record["train_loss"] = Math.Round(state.EpochLoss / state.EpochSteps, 6); state.TrainLosses.Add(state.EpochLoss / state.EpochSteps); }
        (state.EpochLoss, state.EpochSteps) = (0, 0);
        if (tables?.LeftOut(epoch) is > 0 and var leftOut) record["no_duplicates_left_out"] = leftOut;
        if (dev is not null)
        {
            devValue = EvaluateDev();
            record[$"dev_{dev.Metric}"] = Math.Round(devValue.Value, 6);
            state.DevValues.Add(devValue.Value);
            warning = OverfittingWarning(state, dev.Metric);
            if (warning is not null) record["warning"] = warning;
            stop = EarlyStopping(devValue.Value, epoch, run, state);
            if (stop) record["early_stop"] = true;
        }
        log.Write(record);
        progress?.Invoke(new TrainProgress(epoch + 1, options.Epochs, StepsPerEpoch, StepsPerEpoch, double.NaN, 0, devValue, dev?.Metric, warning));
        state.Seconds += clock.Elapsed.TotalSeconds; clock.Restart();
        return stop;
    }

    /// <summary>
    /// The dev figure fell two epochs in a row while the training loss fell: the model is fitting the training clicks
    /// at the expense of ranking (overfitting, or a learnable γ sharpening the softmax where it need not). Said at every
    /// epoch where it holds, so a reader of the log sees it before trusting the last epoch.
    /// </summary>
    internal static string? OverfittingWarning(RunState state, string metric)
    {
        var (dev, loss) = (state.DevValues, state.TrainLosses);
        if (dev.Count < 3 || loss.Count < 3) return null;
        var fell = dev[^1] < dev[^2] && dev[^2] < dev[^3];
        var lossFell = loss[^1] < loss[^2] && loss[^2] < loss[^3];
        return fell && lossFell
            ? $"dev {metric} fell two epochs in a row ({dev[^3]:F4} → {dev[^2]:F4} → {dev[^1]:F4}) while the training loss fell ({loss[^3]:F4} → {loss[^1]:F4}): " +
              $"the model is overfitting the training clicks; best/ keeps epoch {state.BestEpoch}"
            : null;
    }

    /// <summary>A better dev figure saves the weights as best/; <see cref="TrainOptions.Patience"/> epochs in a row without one stop the run.</summary>
    bool EarlyStopping(double devValue, int epoch, RunFolder run, RunState state)
    {
        if (state.BestDev is null || devValue > state.BestDev + 1e-9)
        {
            state.BestDev = devValue; state.BestEpoch = epoch + 1; state.BadEpochs = 0;
            run.SaveBest(Model, softmax, pointwise, state);
            return false;
        }
        return options.Patience > 0 && ++state.BadEpochs >= options.Patience;
    }

    /// <summary>Saves weights, optimizer and state, with the log's length and the open log window, into checkpoint/.</summary>
    void Checkpoint(RunFolder run, RunState state, MetricsLog log, LogWindow window)
    {
        state.MetricsLength = log.Length;
        (state.WindowLoss, state.WindowSteps) = (window.Loss, window.Steps);
        run.SaveCheckpoint(Model, softmax, pointwise, optimizer, state);
    }

    /// <summary>The dev figure of the current weights.</summary>
    public double EvaluateDev()
    {
        if (dev is null) throw new InvalidOperationException("no dev evaluator was given");
        Model.Module.eval();
        // A streamed run keeps no tables; its dev evaluator (pairs) brings its own texts.
        var none = tables is null ? FeatureCache.Build(Array.Empty<string>(), Featurizer, Model.ReadsWords) : null;
        try { return dev.Evaluate(Model, tables?.Documents ?? none!, tables?.Queries ?? none!); }
        finally { Model.Module.train(); }
    }

    /// <summary>Forward, loss, backward, checks, clipping, update. Returns the loss, or NaN when the batch was skipped.</summary>
    double TrainStep(TrainingBatch batch, double lr, int epoch, int step, int stepsPerEpoch, RunState state, RunFolder run)
    {
        using var scope = NewDisposeScope();
        optimizer.ZeroGrad();
        var q = Model.Forward(batch.Query, TextSide.Query);                                    // (B, D)
        var d = Model.Forward(batch.Document, TextSide.Document);                             // (B·(1+J), D) or (B, D)
        Tensor loss;
        if (pointwise is not null && batch.Labels is not null)
            loss = pointwise.Forward(q, d, tensor(batch.Labels, device: device));
        else if (pointwise is not null)
        {
            var per = 1 + options.Negatives;
            var labels = new float[batch.Queries * per];
            for (var i = 0; i < batch.Queries; i++) labels[i * per] = 1;
            loss = pointwise.Forward(q.repeat_interleave(per, 0), d, tensor(labels, device: device));
        }
        else if (options.InBatch)
        {
            var per = 1 + options.Negatives;
            var targets = arange(0, (long)batch.Queries * per, per, dtype: ScalarType.Int64, device: device);    // row i's positive: column i·(1+J)
            var mask = tensor(batch.Mask!, device: device).view(batch.Queries, -1);                           // (B, B·(1+J))
            loss = softmax!.ForwardInBatch(q, d, targets, mask);
        }
        else if (batch.Mask is not null)
        {
            var candidates = SoftmaxRankingLoss.InBatchCandidates(d, options.Negatives);          // (B, 1+J, D)
            loss = softmax!.Forward(q, candidates, tensor(batch.Mask, device: device).view(batch.Queries, 1 + options.Negatives));
        }
        else
            loss = softmax!.Forward(q, d.view(batch.Queries, 1 + options.Negatives, -1));       // (B, 1+J, D)

        var value = loss.item<float>();
        if (!float.IsFinite(value)) return NonFinite("loss", value, epoch, step, stepsPerEpoch, state, run);
        loss.backward();
        var grads = optimizer.Collect();
        var norm = grads.Norm();
        if (!double.IsFinite(norm)) return NonFinite("gradient norm", norm, epoch, step, stepsPerEpoch, state, run);
        if (options.ClipNorm > 0 && norm > options.ClipNorm) grads.Scale(options.ClipNorm / norm);
        optimizer.Step(grads, lr);
        return value;
    }

    double NonFinite(string what, double value, int epoch, int step, int stepsPerEpoch, RunState state, RunFolder run)
    {
        optimizer.ZeroGrad();
        if (options.OnNonFinite == NonFiniteAction.Skip) return double.NaN;
        throw new NonFiniteTrainingException(
            $"non-finite {what} ({value}) at step {state.GlobalStep + 1} (epoch {epoch + 1}, batch {step + 1} of {stepsPerEpoch}); " +
            $"last good checkpoint: {(run.HasCheckpoint ? run.CheckpointPath : "none yet")}. " +
            "Lower the learning rate or γ, keep gradient clipping on (--clip-norm), or pass --on-non-finite skip to skip such batches.");
    }

    public void Dispose()
    {
        Model.Dispose();
        softmax?.Dispose();
        pointwise?.Dispose();
    }
}
