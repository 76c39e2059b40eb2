using System.CommandLine;
using Dssm.Cli.Commands;
using Dssm.Research.Data;

namespace Dssm.Research.Tests.Data;

/// <summary><c>dssm data generate manpages</c> end to end, in process. Console output is shared, so these run one at a time.</summary>
[Collection("Console")]
public sealed class ManPagesCommandTests
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
    public void Builds_a_loadable_folder_and_prints_its_counts()
    {
        var output = TestFiles.TempDir();
        var (code, text, err) = Run("data", "generate", "manpages", "--lang", "en", "--man-dir", TestFiles.Fixture("manpages", "en"), "--out", output);
        Assert.Equal("", err);
        Assert.Equal(0, code);
        Assert.Contains("aliases                 1  (symbolic links 0, .so pages 1;", text);
        Assert.Contains("pages read              3\n", text);
        Assert.Contains("documents               3\n", text);
        Assert.Equal(3, BeirDataset.Load(output).Queries.Count);
    }

    [Fact]
    public void Bad_options_are_one_clear_error_line()
    {
        var missing = Path.Combine(TestFiles.TempDir(), "nosuch");
        var (code, _, err) = Run("data", "generate", "manpages", "--man-dir", missing, "--out", TestFiles.TempDir());
        Assert.Equal(2, code);
        Assert.Equal($"dssm: error: {missing}: no such folder; expected a folder with man1/, man2/, … holding page files", err.Trim());

        (code, _, err) = Run("data", "generate", "manpages", "--lang", "fr", "--out", TestFiles.TempDir());
        Assert.NotEqual(0, code);
        Assert.Contains("fr", err);
    }

    [Fact]
    public void Plain_generate_still_regenerates_semantic_clicks()
    {
        var output = TestFiles.TempDir();
        var (code, text, _) = Run("data", "generate", "--out", output);
        Assert.Equal(0, code);
        Assert.StartsWith($"wrote {output}:", text);
    }
}
