namespace Dssm.Research.Reporting;

/// <summary>One named line or point cloud: x and y of equal length, optional hover labels per point.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Y)
{
    /// <summary>Hover text per point (a query, a document id); null for none.</summary>
    public IReadOnlyList<string>? Labels { get; init; }

    /// <summary>A series whose x is 0, 1, 2, …: a loss per step, a metric per epoch.</summary>
    public static ChartSeries FromValues(string name, IEnumerable<double> y)
    {
        var ys = y.ToArray();
        return new ChartSeries(name, Enumerable.Range(0, ys.Length).Select(i => (double)i).ToArray(), ys);
    }
}
