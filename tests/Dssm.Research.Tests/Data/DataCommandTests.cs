using System.CommandLine;
using Dssm.Cli.Commands;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary>The CLI end to end, in process. Console output is shared, so these run one at a time.</summary>
[Collection("Console")]
public sealed class DataCommandTests
{
    static (int Code, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        root.Subcommands.Add(DataCommand.Create());
        var (stdout, stderr) = (Console.Out, Console.Error);
        var o = new StringWriter();
        var e = new StringWriter();
        Console.SetOut(o);
        Console.SetError(e);
        try { return (root.Parse(args).Invoke(), o.ToString(), e.ToString()); }
        finally { Console.SetOut(stdout); Console.SetError(stderr); }
    }

    [Fact]
    public void Convert_pointwise_writes_beir_and_pairs()
    {
        var dir = TestFiles.TempDir();
        var (code, output, _) = Run("data", "convert", "--from", "pointwise", TestFiles.Fixture("pointwise.tsv"), "--out", dir);
        Assert.Equal(0, code);
        Assert.Contains("read 3, kept 3, duplicates 0, skipped 0", output);
        Assert.Equal(2, BeirDataset.Load(dir).Queries.Count);
        Assert.Equal(File.ReadAllText(TestFiles.Fixture("pointwise.tsv")), File.ReadAllText(Path.Combine(dir, "pairs.tsv")));
    }

    [Fact]
    public void Bad_input_is_one_clear_line_and_exit_code_2()
    {
        var bad = TestFiles.Write(TestFiles.TempDir(), "bad.tsv", "1\ta\tb\nx\ta\tb\n");
        var (code, _, err) = Run("data", "convert", "--from", "pointwise", bad, "--out", TestFiles.TempDir());
        Assert.Equal(2, code);
        Assert.Equal($"dssm: error: {bad}:2: label: 'x'; expected 0 or 1", err.Trim());
    }

    [Fact]
    public void Lenient_convert_lists_the_skipped_lines()
    {
        var bad = TestFiles.Write(TestFiles.TempDir(), "bad.tsv", "1\ta\tb\nx\ta\tb\n0\ta\tc\n");
        var (code, output, _) = Run("data", "convert", "--from", "pointwise", bad, "--out", TestFiles.TempDir(), "--lenient");
        Assert.Equal(0, code);
        Assert.Contains("read 3, kept 2, duplicates 0, skipped 1", output);
        Assert.Contains($"skipped {bad}:2: label: 'x'; expected 0 or 1", output);
    }

    [Fact]
    public void Check_and_stats_on_the_fixture()
    {
        var (code, output, _) = Run("data", "check", TestFiles.Fixture("beir"));
        Assert.Equal(0, code);
        Assert.Contains("ok: 4 documents, 3 queries, splits train, test", output);
        (code, output, _) = Run("data", "stats", TestFiles.Fixture("beir"));
        Assert.Equal(0, code);
        Assert.Contains("split train               2 queries, 3 judgements (2 relevant, 1 not relevant)", output);
        Assert.Contains("feature coverage          not computed", output);
    }

    [Fact]
    public void Fetch_offline_exits_2_with_the_manual_instructions()
    {
        var (code, _, err) = Run("data", "fetch", "lcqmc", "--out", TestFiles.TempDir());
        Assert.Equal(2, code);
        Assert.Contains("not openly hosted", err);
    }
}
