using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary><c>dssm data convert</c>'s one entry point: the format picks the reader; pair formats also write pairs.tsv.</summary>
public sealed class DataConversionTests
{
    [Fact]
    public void Pointwise_rows_become_a_beir_folder_and_pairs_tsv_holds_the_rows_as_read()
    {
        var dir = TestFiles.TempDir();
        var input = TestFiles.Fixture("pointwise.tsv");
        var result = DataConversion.Convert("pointwise", input, dir);
        var rows = PointwiseReader.Read(input).ToList();
        Assert.Equal(rows, PointwiseReader.Read(Path.Combine(dir, "pairs.tsv")).ToList());
        Assert.Equal(rows.Count, result.Reports.Single().Kept);
        Assert.Equal(result.Dataset!.Documents.Count, BeirDataset.Load(dir).Documents.Count);
        Assert.StartsWith($"{input}: read {rows.Count:N0}, kept {rows.Count:N0}", result.ToText());
        Assert.Contains($"wrote {dir}\n", result.ToText());
    }

    [Fact]
    public void An_unknown_format_is_refused_naming_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => DataConversion.Convert("csv", "in.csv", TestFiles.TempDir()));
        Assert.Equal("--from csv is not one of pointwise, clicklog, wikiqa, lcqmc, msmarco", e.Message);
    }
}
