namespace Dssm.Research.Training;

/// <summary>What a finished run reached.</summary>
public sealed record TrainResult(string RunDirectory, int EpochsRun, long Steps, double? BestDev, int BestEpoch, string DevMetric,
    long SkippedBatches, bool StoppedEarly, double QueriesPerSecond, double Seconds)
{
    /// <summary>The lines <c>dssm train</c> prints: the run folder, epochs and speed, the best dev figure, skipped batches.</summary>
    public string ToText()
    {
        var text = $"run folder   {Path.GetFullPath(RunDirectory)}\n" +
            $"epochs       {EpochsRun}{(StoppedEarly ? " (stopped early)" : "")}, {Steps} steps, {Seconds:F1} s, {QueriesPerSecond:F0} queries/s\n";
        if (BestDev is { } best) text += $"best dev     {DevMetric} {best:F4} (epoch {BestEpoch})\n";
        if (SkippedBatches > 0) text += $"skipped      {SkippedBatches} batches with a non-finite loss or gradient\n";
        return text;
    }
}
