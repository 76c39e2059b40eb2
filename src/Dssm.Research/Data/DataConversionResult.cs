namespace Dssm.Research.Data;

/// <summary>What <see cref="DataConversion.Convert"/> read and wrote.</summary>
/// <param name="Dataset">The converted folder in memory; null for MS MARCO, which is streamed to disk.</param>
public sealed record DataConversionResult(string Directory, IReadOnlyList<DataReadReport> Reports, BeirDataset? Dataset)
{
    /// <summary>A line about what the conversion changed beyond the reports (pairs moved between splits), or null.</summary>
    public string? Note { get; init; }

    /// <summary>The reports (with skipped lines), the note, the folder written, and the dataset's statistics.</summary>
    public string ToText() =>
        DataReadReport.ToText(Reports) + (Note is null ? "" : Note + "\n") + $"wrote {Directory}\n" + (Dataset is null ? "" : DatasetStats.Compute(Dataset).ToText());
}
