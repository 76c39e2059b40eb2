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

    /// <summary>The loss summed over the current epoch's steps, and how many (for the epoch's mean training loss).</summary>
    public double EpochLoss { get; set; }
    public int EpochSteps { get; set; }

    /// <summary>Each finished epoch's mean training loss and dev figure, for the overfitting warning.</summary>
    public List<double> TrainLosses { get; set; } = [];
    public List<double> DevValues { get; set; } = [];
}
