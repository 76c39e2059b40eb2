namespace Dssm.Research.Training;

/// <summary>A progress report, after every logged step (<see cref="Dev"/> null) and every epoch (<see cref="Loss"/> NaN);
/// <see cref="Warning"/> is a line the user should read (also written to metrics.jsonl).</summary>
public sealed record TrainProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double QueriesPerSecond, double? Dev, string? DevMetric, string? Warning = null);
