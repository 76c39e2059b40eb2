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
}
