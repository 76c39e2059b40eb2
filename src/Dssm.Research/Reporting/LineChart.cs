namespace Dssm.Research.Reporting;

/// <summary>Lines over a numeric x: training curves (loss per step), a metric against γ or J.</summary>
public sealed record LineChart(string Title, IReadOnlyList<ChartSeries> Series) : ChartSpec(Title);
