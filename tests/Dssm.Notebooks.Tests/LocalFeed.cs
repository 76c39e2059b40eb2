using System.Diagnostics;

namespace Dssm.Notebooks.Tests;

/// <summary>
/// Makes sure .packages/ holds a Dssm.Research package built from the current sources, so that the
/// notebook tests never pass against a stale package: when the .nupkg is missing or older than any
/// source of the library (or the central props), it runs notebooks/pack.sh, as a reader would.
/// </summary>
static class LocalFeed
{
    static readonly Lazy<string> Packed = new(Pack);

    public static string EnsurePacked() => Packed.Value;

    static string Pack()
    {
        var newestSource = new[] { "src/Dssm.Research", "src/Dssm.Research.Plotly", "environment" }
            .SelectMany(d => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, d), "*", SearchOption.AllDirectories))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Concat(new[] { "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets" }.Select(f => Path.Combine(RepositoryPaths.Root, f)))
            .Max(File.GetLastWriteTimeUtc);
        var package = Directory.Exists(RepositoryPaths.Feed)
            ? Directory.EnumerateFiles(RepositoryPaths.Feed, "Dssm.Research.*.nupkg").OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        if (package is not null && File.GetLastWriteTimeUtc(package) >= newestSource) return $"{package} is up to date";

        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryPaths.Notebooks, "pack.sh")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"notebooks/pack.sh failed (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        return stdout.Result.Trim();
    }
}
