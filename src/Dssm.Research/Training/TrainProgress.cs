namespace Dssm.Research.Training;

/// <summary>A progress report, after every logged step (<see cref="Dev"/> null) and every epoch (<see cref="Loss"/> NaN).</summary>
public sealed record TrainProgress(int Epoch, int Epochs, int Step, int StepsPerEpoch, double Loss, double QueriesPerSecond, double? Dev, string? DevMetric);
