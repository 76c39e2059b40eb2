namespace Dssm.Research.Reporting;

/// <summary>Points, one colour per series: 2-D projections of query and document embeddings.</summary>
public sealed record ScatterChart(string Title, IReadOnlyList<ChartSeries> Series) : ChartSpec(Title);
