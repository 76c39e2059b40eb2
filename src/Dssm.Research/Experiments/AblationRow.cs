namespace Dssm.Research.Experiments;

/// <summary>One value of an ablation trained with one seed: its run folder, training outcome and test figures.</summary>
public sealed record AblationRow(string Param, string Value, string RunDirectory, double? BestDev, int BestEpoch, double Seconds, double QueriesPerSecond,
    IReadOnlyDictionary<string, double> Test, long Seed = 0);
