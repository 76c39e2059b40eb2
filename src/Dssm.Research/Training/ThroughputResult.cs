namespace Dssm.Research.Training;

/// <summary>Figures of one benchmark run.</summary>
public sealed record ThroughputResult(double TrainQueriesPerSecond, double EncodeTextsPerSecond, double MillisecondsPerStep, double FinalLoss, string Device, int Threads)
{
    /// <summary>Mean milliseconds per timed step in forward (incl. loss), backward and the optimizer (collect + update).</summary>
    public (double Forward, double Backward, double Optimizer) PhaseMilliseconds { get; init; }

    /// <summary>Of the optimizer phase, the mean ms a step spends collecting its gradients — for lazy input layers on the CPU
    /// that is the row gradients of the transposed bag (<c>Runtime/CpuKernels.RowGradients</c>), the rest is the update.</summary>
    public double CollectMilliseconds { get; init; }

    /// <summary>CDSSM: of the forward, the mean ms a step spends building its window bags and pooling indices in C#; 0 for DSSM.</summary>
    public double WindowsMilliseconds { get; init; }
}
