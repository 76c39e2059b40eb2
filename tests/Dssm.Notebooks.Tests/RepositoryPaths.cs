namespace Dssm.Notebooks.Tests;

/// <summary>The repository root (where Dssm.Research.sln is) and the notebooks' local package feed.</summary>
static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();
    public static string Notebooks => Path.Combine(Root, "notebooks");
    public static string Feed => Path.Combine(Root, ".packages");

    static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Dssm.Research.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"no Dssm.Research.sln above {AppContext.BaseDirectory}");
    }
}
