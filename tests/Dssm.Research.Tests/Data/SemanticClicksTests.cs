using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

public sealed class SemanticClicksTests
{
    static readonly string[] Files = ["README.md", "corpus.jsonl", "queries.jsonl", "qrels/train.tsv", "qrels/dev.tsv", "qrels/test.tsv"];

    [Fact]
    public void Regenerates_the_committed_dataset_byte_for_byte()
    {
        var committed = Path.Combine(TestFiles.RepoRoot, SyntheticClicks.DefaultDirectory);
        var fresh = TestFiles.TempDir();
        SyntheticClicks.Write(fresh);
        foreach (var f in Files)
            Assert.True(File.ReadAllBytes(Path.Combine(committed, f)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(fresh, f))),
                $"{f} differs from the generator's output: run `dssm data generate` and commit, or revert the lexicon change");
        Assert.Equal(Files.Length, Directory.GetFiles(committed, "*", SearchOption.AllDirectories).Length);
    }

    [Fact]
    public void Loads_through_the_strict_reader_with_the_documented_shape()
    {
        var ds = BeirDataset.Load(Path.Combine(TestFiles.RepoRoot, SyntheticClicks.DefaultDirectory));
        Assert.Equal(["train", "dev", "test"], ds.Splits);
        Assert.Equal(2320, ds.Documents.Count);
        Assert.Equal(12640, ds.Qrels("train").Count);
        Assert.All(ds.Queries.Keys, q => Assert.True(q.StartsWith("en-q") || q.StartsWith("zh-q")));
        Assert.Contains(ds.Documents, d => d.Id.StartsWith("zh-") && d.Text.Contains("航班"));
        // Test queries are new texts: none of them occurs among the training queries.
        var train = ds.Qrels("train").QueryIds.Select(q => ds.Queries[q]).ToHashSet();
        Assert.DoesNotContain(ds.Qrels("test").QueryIds, q => train.Contains(ds.Queries[q]));
    }

    [Fact]
    public void Other_seeds_give_other_data_and_parts_can_be_left_out()
    {
        var a = SyntheticClicks.Generate(new SyntheticClicksOptions(Seed: 1, Chinese: false));
        var b = SyntheticClicks.Generate(new SyntheticClicksOptions(Seed: 2, Chinese: false));
        Assert.All(a.Documents, d => Assert.StartsWith("en-", d.Id));
        Assert.NotEqual(a.Documents[0], b.Documents[0]);
        Assert.Equal(a.Documents.Count, b.Documents.Count);
    }
}
