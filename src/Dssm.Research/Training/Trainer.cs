using System.Diagnostics;
using System.Text.Json;
using Dssm.Research.Losses;
using Dssm.Research.Models;
using Dssm.Research.Text;
using Dssm.Research.Runtime;
using Dssm.Research.Sampling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Dssm.Research.Training;

/// <summary>A progress report, after every logged step and every epoch.</summary>
public sealed record TrainProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double QueriesPerSecond, double? Dev, string? DevMetric);

/// <summary>What a finished run reached.</summary>
public sealed record TrainResult(string RunDirectory, int EpochsRun, long Steps, double? BestDev, int BestEpoch, string DevMetric,
    long SkippedBatches, bool StoppedEarly, double QueriesPerSecond, double Seconds);

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
    readonly ClickData data;
    readonly IDevEvaluator? dev;
    readonly Action<TrainProgress>? progress;
    readonly Device device;
    readonly SoftmaxRankingLoss? softmax;
    readonly PointwiseLoss? pointwise;
    readonly Optimizer optimizer;
    readonly INegativeSampler? sampler;
    readonly bool pairsMode;

    public Trainer(TrainOptions options, ClickData data, ITextFeaturizer featurizer, IDevEvaluator? dev = null,
        Action<TrainProgress>? progress = null, Func<int, IReadOnlyList<int>>? hardNegatives = null)
    {
        this.options = options.Validate();
        this.data = data; this.dev = dev; this.progress = progress; Featurizer = featurizer;
        TorchRuntime.SetThreads(options.Threads);
        device = TorchRuntime.ResolveDevice(options.Device);
        pairsMode = data.Rows.Count > 0;
        if (pairsMode && options.Loss != "pointwise")
            throw new ArgumentException("labelled (label, query, doc) rows train with --loss pointwise; the softmax loss needs clicks with sampled negatives");
        if (!pairsMode && data.Clicks.Count == 0) throw new ArgumentException("the training data has no clicks (no qrel with score > 0 in the training split)");

        manual_seed(options.Seed);
        Model = ModelFactory.Create(options.Model, featurizer.Dimension, options.Towers);
        Model.Module.to(device);
        var extra = new List<Parameter>();
        if (options.Loss == "softmax")
        {
            softmax = new SoftmaxRankingLoss(options.Gamma, options.LearnableGamma);
            softmax.to(device);
            extra.AddRange(softmax.TrainableParameters);
        }
        else
        {
            pointwise = new PointwiseLoss(options.Gamma, options.PositiveWeight > 0 ? options.PositiveWeight : AutoPositiveWeight());
            pointwise.to(device);
            extra.AddRange(pointwise.TrainableParameters);
        }
        optimizer = new Optimizer(options.Optimizer, Model.DenseParameters.Concat(extra).ToList(), Model.InputLayers, weightDecay: options.WeightDecay);

        Documents = FeatureCache.Build(data.Documents.Select(d => d.Text).ToList(), featurizer, Model.ReadsWords);
        Queries = FeatureCache.Build(data.Queries.Select(q => q.Text).ToList(), featurizer, Model.ReadsWords);
        if (!pairsMode && options.Sampler != SamplerKind.InBatch)
            sampler = options.Sampler switch
            {
                SamplerKind.Popular => new PopularityNegativeSampler(data.ClicksPerDocument),
                SamplerKind.Bm25 => new HardNegativeSampler(
                    Enumerable.Range(0, data.Queries.Count).Select(q => hardNegatives?.Invoke(q)
                        ?? throw new ArgumentException("the bm25 sampler needs hard-negative candidates (see Experiment.Train)")).ToList(),
                    data.Documents.Count),
                _ => new RandomNegativeSampler(data.Documents.Count),
            };
    }

    public ISemanticModel Model { get; }
    public ITextFeaturizer Featurizer { get; }
    public FeatureCache Documents { get; }
    public FeatureCache Queries { get; }
    public double Gamma => softmax?.Gamma ?? pointwise?.Gamma ?? options.Gamma;

    /// <summary>Number of training examples in an epoch (clicks, or labelled rows).</summary>
    public int Examples => pairsMode ? data.Rows.Count : data.Clicks.Count;

    public int StepsPerEpoch
    {
        get
        {
            var full = Examples / options.BatchSize;
            var rest = Examples % options.BatchSize;
            var steps = full + (rest > (options.Sampler == SamplerKind.InBatch ? options.Negatives : 0) ? 1 : 0);
            return options.MaxStepsPerEpoch > 0 ? Math.Min(steps, options.MaxStepsPerEpoch) : steps;
        }
    }

    double AutoPositiveWeight()
    {
        if (!pairsMode) return options.Negatives; // one click against J sampled rows
        var positives = data.Rows.Count(r => r.Label == 1);
        return positives == 0 ? 1 : Math.Max(1e-3, (double)(data.Rows.Count - positives) / positives);
    }

    /// <summary>Trains into <paramref name="runDirectory"/>; with <paramref name="resume"/>, continues from its checkpoint.</summary>
    public TrainResult Run(string runDirectory, bool resume = false, IReadOnlyDictionary<string, object?>? provenance = null, CancellationToken cancel = default)
    {
        var run = new RunFolder(runDirectory);
        var state = new RunState();
        if (resume)
        {
            if (!File.Exists(run.ConfigPath))
                throw new InvalidOperationException($"{runDirectory}: nothing to resume (no config.json); start a new run with --out");
            // Killed before the first checkpoint: start again from step 0 in the same folder.
            state = run.LoadCheckpoint(Model, softmax, pointwise, optimizer) ?? new RunState();
        }
        else
        {
            var (checkpointBytes, modelBytes) = RunFolder.CheckpointBytes(Model, softmax, pointwise, optimizer);
            run.Prepare(RunFolder.BytesNeeded(checkpointBytes, modelBytes));
            run.WriteConfig(options, provenance, Featurizer);
        }
        using var log = new MetricsLog(run.MetricsPath, resume ? state.MetricsLength : 0);
        var stepsPerEpoch = StepsPerEpoch;
        var totalSteps = (long)stepsPerEpoch * options.Epochs;
        var clock = Stopwatch.StartNew();
        double windowLoss = 0; int windowSteps = 0; long windowQueries = 0; var windowClock = Stopwatch.StartNew();
        long queriesDone = 0;
        var stoppedEarly = false;
        Model.Module.train();

        for (var epoch = state.Epoch; epoch < options.Epochs && !stoppedEarly; epoch++)
        {
            var order = Enumerable.Range(0, Examples).ToArray();
            Rng.For(options.Seed, 0, epoch).Shuffle(order);
            Task<Prepared>? next = null;
            for (var step = epoch == state.Epoch ? state.Step : 0; step < stepsPerEpoch; step++)
            {
                cancel.ThrowIfCancellationRequested();
                var prepared = next is null ? Prepare(order, epoch, step, state.GlobalStep) : next.Result;
                if (step + 1 < stepsPerEpoch)
                {
                    int e = epoch, s = step + 1; long g = state.GlobalStep + 1;
                    next = Task.Run(() => Prepare(order, e, s, g));
                }
                var lr = options.LearningRateAt(state.GlobalStep, totalSteps);
                var loss = TrainStep(prepared, lr, epoch, step, stepsPerEpoch, state, run);
                state.GlobalStep++;
                state.Step = step + 1;
                if (double.IsNaN(loss)) { state.Skipped++; log.Write(new Dictionary<string, object?> { ["event"] = "skipped_batch", ["step"] = state.GlobalStep, ["epoch"] = epoch + 1, ["batch"] = step + 1 }); continue; }
                queriesDone += prepared.Queries; windowQueries += prepared.Queries;
                windowLoss += loss; windowSteps++;
                if (state.GlobalStep % Math.Max(1, options.LogEverySteps) == 0 || step + 1 == stepsPerEpoch)
                {
                    var qps = windowQueries / Math.Max(1e-9, windowClock.Elapsed.TotalSeconds);
                    log.Write(new Dictionary<string, object?>
                    {
                        ["step"] = state.GlobalStep, ["epoch"] = epoch + 1, ["loss"] = Math.Round(windowLoss / windowSteps, 6),
                        ["lr"] = lr, ["gamma"] = Math.Round(Gamma, 6), ["queries_per_s"] = Math.Round(qps, 1),
                    });
                    progress?.Invoke(new TrainProgress(epoch + 1, options.Epochs, step + 1, stepsPerEpoch, windowLoss / windowSteps, qps, null, null));
                    windowLoss = 0; windowSteps = 0; windowQueries = 0; windowClock.Restart();
                }
                if (options.CheckpointEverySteps > 0 && state.GlobalStep % options.CheckpointEverySteps == 0 && step + 1 < stepsPerEpoch)
                {
                    state.MetricsLength = log.Length;
                    run.SaveCheckpoint(Model, softmax, pointwise, optimizer, state);
                }
            }

            state.Epoch = epoch + 1; state.Step = 0;
            var record = new Dictionary<string, object?>
            {
                ["epoch"] = epoch + 1, ["step"] = state.GlobalStep, ["seconds"] = Math.Round(state.Seconds + clock.Elapsed.TotalSeconds, 2),
                ["rss_mb"] = Environment.WorkingSet >> 20, // flat over epochs unless tensors leak
            };
            double? devValue = null;
            if (dev is not null)
            {
                devValue = EvaluateDev();
                record[$"dev_{dev.Metric}"] = Math.Round(devValue.Value, 6);
                if (state.BestDev is null || devValue > state.BestDev + 1e-9)
                {
                    state.BestDev = devValue; state.BestEpoch = epoch + 1; state.BadEpochs = 0;
                    run.SaveBest(Model, softmax, pointwise, state);
                }
                else if (options.Patience > 0 && ++state.BadEpochs >= options.Patience)
                {
                    stoppedEarly = true;
                    record["early_stop"] = true;
                }
            }
            log.Write(record);
            progress?.Invoke(new TrainProgress(epoch + 1, options.Epochs, stepsPerEpoch, stepsPerEpoch, double.NaN, 0, devValue, dev?.Metric));
            state.Seconds += clock.Elapsed.TotalSeconds; clock.Restart();
            state.StoppedEarly = stoppedEarly;
            state.MetricsLength = log.Length;
            run.SaveCheckpoint(Model, softmax, pointwise, optimizer, state);
        }
        if (dev is null) run.SaveBest(Model, softmax, pointwise, state);
        else run.LoadBestInto(Model);
        return new TrainResult(runDirectory, state.Epoch, state.GlobalStep, state.BestDev, state.BestEpoch, dev?.Metric ?? "",
            state.Skipped, state.StoppedEarly, queriesDone / Math.Max(1e-9, state.Seconds), state.Seconds);
    }

    /// <summary>The dev figure of the current weights.</summary>
    public double EvaluateDev()
    {
        if (dev is null) throw new InvalidOperationException("no dev evaluator was given");
        Model.Module.eval();
        try { return dev.Evaluate(Model, Documents, Queries); }
        finally { Model.Module.train(); }
    }

    /// <summary>One mini-batch, ready for the model: built off the training thread.</summary>
    sealed record Prepared(ModelBatch Query, ModelBatch Document, bool[]? Mask, float[]? Labels, int Queries, int Epoch, int Step);

    Prepared Prepare(int[] order, int epoch, int step, long globalStep)
    {
        var start = step * options.BatchSize;
        var size = Math.Min(options.BatchSize, order.Length - start);
        var items = order.AsSpan(start, size);
        var rng = Rng.For(options.Seed, 1, globalStep);
        if (pairsMode)
        {
            var q = new int[size]; var d = new int[size]; var labels = new float[size];
            for (var i = 0; i < size; i++) { var row = data.Rows[items[i]]; q[i] = row.Query; d[i] = row.Document; labels[i] = row.Label; }
            return new Prepared(Queries.Gather(q), Documents.Gather(d), null, labels, size, epoch, step);
        }
        var queries = new int[size];
        for (var i = 0; i < size; i++) queries[i] = data.Clicks[items[i]].Query;
        if (options.Sampler == SamplerKind.InBatch)
        {
            var positives = new int[size];
            for (var i = 0; i < size; i++) positives[i] = data.Clicks[items[i]].Document;
            var j = options.Negatives;
            var mask = new bool[size * (1 + j)];
            for (var i = 0; i < size; i++)
                for (var k = 0; k <= j; k++)
                    mask[i * (1 + j) + k] = k == 0 || !data.PositivesOf[queries[i]].Contains(positives[(i + k) % size]);
            return new Prepared(Queries.Gather(queries), Documents.Gather(positives), mask, null, size, epoch, step);
        }
        var per = 1 + options.Negatives;
        var docs = new int[size * per];
        for (var i = 0; i < size; i++)
        {
            var (query, positive) = data.Clicks[items[i]];
            docs[i * per] = positive;
            sampler!.Sample(query, data.PositivesOf[query], docs.AsSpan(i * per + 1, options.Negatives), rng);
        }
        return new Prepared(Queries.Gather(queries), Documents.Gather(docs), null, null, size, epoch, step);
    }

    /// <summary>Forward, loss, backward, checks, clipping, update. Returns the loss, or NaN when the batch was skipped.</summary>
    double TrainStep(Prepared batch, double lr, int epoch, int step, int stepsPerEpoch, RunState state, RunFolder run)
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
        if (options.OnNonFinite == "skip") return double.NaN;
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

/// <summary>Thrown when a loss or gradient becomes NaN or infinite and the run is set to stop.</summary>
public sealed class NonFiniteTrainingException(string message) : InvalidOperationException(message);
