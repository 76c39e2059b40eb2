namespace Dssm.Research.Experiments;

/// <summary>
/// One value of an ablation over its seeds: the dev metric and each test metric as mean and sample standard
/// deviation (NaN with one seed), and whether dev chose it or it is the setting it is tested against.
/// </summary>
public sealed record AblationSetting(string Value, int Seeds, double? DevMean, double DevSd,
    IReadOnlyDictionary<string, double> TestMean, IReadOnlyDictionary<string, double> TestSd, double Seconds, bool Chosen, bool Reference);
