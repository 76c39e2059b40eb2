using System.Text;

namespace Dssm.Research.Tests.Data;

/// <summary>Paths to the repository's fixtures and throw-away folders for files written by a test.</summary>
internal static class TestFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string Fixture(params string[] parts) => Path.Combine([RepoRoot, "datasets", "fixtures", .. parts]);

    public static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "dssm-data-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Writes UTF-8 text (no BOM) exactly as given.</summary>
    public static string Write(string dir, string name, string text) => WriteBytes(dir, name, new UTF8Encoding(false).GetBytes(text));

    public static string WriteBytes(string dir, string name, byte[] bytes)
    {
        var path = Path.Combine(dir, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A minimal valid BEIR folder; pass replacements for any of its files.</summary>
    public static string Beir(string? corpus = null, string? queries = null, string? train = null, string? test = null)
    {
        var dir = TempDir();
        Write(dir, "corpus.jsonl", corpus ?? "{\"_id\":\"d1\",\"title\":\"t\",\"text\":\"one\"}\n{\"_id\":\"d2\",\"text\":\"two\"}\n");
        Write(dir, "queries.jsonl", queries ?? "{\"_id\":\"q1\",\"text\":\"first\"}\n{\"_id\":\"q2\",\"text\":\"second\"}\n");
        Write(dir, "qrels/train.tsv", train ?? "query-id\tcorpus-id\tscore\nq1\td1\t1\n");
        if (test is not null) Write(dir, "qrels/test.tsv", test);
        return dir;
    }

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dssm.Research.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (Dssm.Research.sln) not found above " + AppContext.BaseDirectory);
    }
}
