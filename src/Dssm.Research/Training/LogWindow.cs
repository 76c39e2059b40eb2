using System.Diagnostics;

namespace Dssm.Research.Training;

/// <summary>
/// The steps between two lines of metrics.jsonl: their summed loss, how many, the queries trained and the time, so
/// that a line gives the window's mean loss and throughput. The loss sum and the step count travel with a
/// checkpoint (<see cref="RunState.WindowLoss"/>): a run resumed inside a window logs the mean the uninterrupted run
/// logged.
/// </summary>
internal sealed class LogWindow(double loss = 0, int steps = 0)
{
    readonly Stopwatch clock = Stopwatch.StartNew();
    long queries;

    public double Loss { get; private set; } = loss;
    public int Steps { get; private set; } = steps;

    public void Add(double loss, int queries)
    {
        Loss += loss; Steps++;
        this.queries += queries;
    }

    /// <summary>Writes the window's line (and reports it) every <see cref="TrainOptions.LogEverySteps"/> global steps and at an epoch's last step; then starts a new window.</summary>
    public void WriteIfDue(MetricsLog log, Action<TrainProgress>? progress, TrainOptions options, RunState state, int epoch, int step, int stepsPerEpoch, double lr, double gamma)
    {
        if (state.GlobalStep % Math.Max(1, options.LogEverySteps) != 0 && step + 1 != stepsPerEpoch) return;
        var qps = queries / Math.Max(1e-9, clock.Elapsed.TotalSeconds);
        log.Write(new Dictionary<string, object?>
        {
            ["step"] = state.GlobalStep, ["epoch"] = epoch + 1, ["loss"] = Math.Round(Loss / Steps, 6),
            ["lr"] = lr, ["gamma"] = Math.Round(gamma, 6), ["queries_per_s"] = Math.Round(qps, 1),
            ["rss_mb"] = Environment.WorkingSet >> 20,
        });
        progress?.Invoke(new TrainProgress(epoch + 1, options.Epochs, step + 1, stepsPerEpoch, Loss / Steps, qps, null, null));
        Loss = 0; Steps = 0; queries = 0; clock.Restart();
    }
}
