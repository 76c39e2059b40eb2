namespace Dssm.Research.Training;

/// <summary>Where a run stands: saved as checkpoint/state.json. Epoch and Step say what comes next.</summary>
public sealed class RunState
{
    public int FormatVersion { get; set; } = 1;
    public int Epoch { get; set; }
    public int Step { get; set; }
    public long GlobalStep { get; set; }
    public double? BestDev { get; set; }
    public int BestEpoch { get; set; }
    public int BadEpochs { get; set; }
    public long Skipped { get; set; }
    public long MetricsLength { get; set; }
    public double Seconds { get; set; }
    public bool StoppedEarly { get; set; }

    /// <summary>The loss summed over the steps since the last logged one, and how many: a run resumed from a
    /// checkpoint between two log lines logs the same mean as the uninterrupted run.</summary>
    public double WindowLoss { get; set; }
    public int WindowSteps { get; set; }
}
