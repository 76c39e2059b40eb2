namespace Dssm.Research.Reporting;

/// <summary>A 2-D map: one (X[i], Y[i]) per input row; the KL divergence KL(P‖Q) it ends with, its history, and
/// after how many steps the exaggerated phase ended (earlier than asked when its gradient vanished).</summary>
public sealed record TsneResult(double[] X, double[] Y, double KlDivergence, IReadOnlyList<(int Step, double Kl)> KlHistory, int ExaggeratedSteps);
