namespace Dssm.Research.Reporting;

/// <summary>A matrix as colours: Z[row][column], rows labelled by <c>YLabels</c>, columns by <c>XLabels</c> (a query × document cosine matrix).</summary>
public sealed record HeatmapChart(string Title, IReadOnlyList<string> XLabels, IReadOnlyList<string> YLabels, IReadOnlyList<IReadOnlyList<double>> Z) : ChartSpec(Title);
