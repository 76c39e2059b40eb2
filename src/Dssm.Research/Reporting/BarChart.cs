namespace Dssm.Research.Reporting;

/// <summary>Grouped bars over categories: NDCG@1/3/10 for BM25, TF-IDF and DSSM side by side.</summary>
public sealed record BarChart(string Title, IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series) : ChartSpec(Title);
