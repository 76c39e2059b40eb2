namespace Dssm.Research.Data;

/// <summary>What <see cref="DataConversion.Convert"/> read and wrote.</summary>
/// <param name="Dataset">The converted folder in memory; null for MS MARCO, which is streamed to disk.</param>
public sealed record DataConversionResult(string Directory, IReadOnlyList<DataReadReport> Reports, BeirDataset? Dataset)
{
    /// <summary>The reports (with skipped lines), the folder written, and the dataset's statistics.</summary>
    public string ToText() =>
        DataReadReport.ToText(Reports) + $"wrote {Directory}\n" + (Dataset is null ? "" : DatasetStats.Compute(Dataset).ToText());
}
