namespace Dssm.Research.Reporting;

/// <summary>One named group of bars: one value per category of its <see cref="BarChart"/>.</summary>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values);
